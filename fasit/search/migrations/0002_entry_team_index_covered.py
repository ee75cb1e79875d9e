"""Drop single-column indexes that a composite index starting with the same column already covers
(issue 14: a million-row import pays for every index of the tables it fills)."""

import django.db.models.deletion
from django.db import migrations, models


def _drop(table: str, column: str, name: str) -> migrations.RunSQL:
    # Plain DROP INDEX rather than AlterField: on SQLite, AlterField rebuilds the whole
    # table (and a rebuilt search table would lose its full-text triggers).
    return migrations.RunSQL(
        f'DROP INDEX IF EXISTS "{name}"',
        reverse_sql=f'CREATE INDEX "{name}" ON "{table}" ("{column}")',
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial"), ("tenancy", "0006_team_currency")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="searchentry",
                    name="team",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="tenancy.team",
                    ),
                ),
            ],
            database_operations=[
                _drop("search_searchentry", "team_id", "search_searchentry_team_id_e0686585")
            ],
        )
    ]
