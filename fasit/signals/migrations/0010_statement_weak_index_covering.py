from django.db import migrations, models


class Migration(migrations.Migration):
    """The weaker-statements index covers its count (``weak`` added): SQLite, which
    plans without statistics, preferred the wide covering index over the one without
    ``weak`` and read every statement of the team for the board's "N weaker"."""

    dependencies = [
        ("market_signals", "0009_statement_weak_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="statement",
            name="signals_stmt_weak_theme",
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(
                condition=models.Q(("weak", True)),
                fields=["team", "theme", "weak"],
                name="signals_stmt_weak_theme2",
            ),
        ),
    ]
