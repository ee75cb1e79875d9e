from django.db import migrations, models


class Migration(migrations.Migration):
    """The unfiltered signals board counts each theme's weaker statements from this
    partial index (docs/operations.md, "The signals board's first request")."""

    dependencies = [
        ("market_signals", "0008_index_adds"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(
                condition=models.Q(("weak", True)),
                fields=["team", "theme"],
                name="signals_stmt_weak_theme",
            ),
        ),
    ]
