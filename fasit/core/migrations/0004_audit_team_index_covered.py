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
    dependencies = [("core", "0003_api_rate_count"), ("tenancy", "0006_team_currency")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="auditevent",
                    name="team",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="audit_events",
                        to="tenancy.team",
                    ),
                ),
            ],
            database_operations=[
                _drop("core_auditevent", "team_id", "core_auditevent_team_id_5c683152")
            ],
        )
    ]
