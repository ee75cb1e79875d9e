"""``SearchEntry.team`` without a database constraint (issue 14): an entry takes its
team from its record, whose own team is checked, and an import's rows pass its
cross-team check; the constraint cost one trigger query per imported contact on
PostgreSQL. Deleting a team still deletes its entries (Django's ``on_delete``)."""

import django.db.models.deletion
from django.db import migrations, models

TABLE = "search_searchentry"
# Django's name for the constraint migration 0001 made.
CONSTRAINT = "search_searchentry_team_id_e0686585_fk_tenancy_team_id"


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    # PostgreSQL only. On SQLite the constraint is part of the table's definition: taking
    # it out means rebuilding the table (what AlterField does there), and the rebuilt
    # search table would lose its full-text triggers (0001). It stays there.
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'ALTER TABLE "{TABLE}" DROP CONSTRAINT IF EXISTS "{CONSTRAINT}"')


def restore(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f'ALTER TABLE "{TABLE}" ADD CONSTRAINT "{CONSTRAINT}" FOREIGN KEY ("team_id")'
        ' REFERENCES "tenancy_team" ("id") DEFERRABLE INITIALLY DEFERRED'
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_entry_team_index_covered"),
        ("tenancy", "0006_team_currency"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="searchentry",
                    name="team",
                    field=models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="tenancy.team",
                    ),
                ),
            ],
            database_operations=[migrations.RunPython(drop, restore)],
        )
    ]
