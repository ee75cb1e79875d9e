"""Per-team row counts of the big lists, kept by triggers (core/tallies.py, issue 17): the
API's unfiltered totals without a COUNT over the team after each write. The counts of
the rows already there are written once here; run it with the server stopped (a row
written by another connection during the migration could be missed)."""

from django.db import migrations, models

from fasit.core import tallies


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor != "postgresql":
        schema_editor.execute(tallies.SQLITE_UNIQUE)
    for tallied in tallies.TALLIED:
        schema_editor.execute(tallies.backfill_sql(tallied))
        if vendor == "postgresql":
            statements = tallies.postgresql_triggers(tallied)
        else:
            statements = tallies.sqlite_triggers(tallied)
        for statement in statements:
            schema_editor.execute(statement)


def remove(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for tallied in tallies.TALLIED:
        if vendor == "postgresql":
            statements = tallies.postgresql_drop(tallied)
        else:
            statements = tallies.sqlite_drop(tallied)
        for statement in statements:
            schema_editor.execute(statement)
    if vendor != "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS core_tally_one_key")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_audit_team_type_version"),
        ("conversations", "0005_followup_updated_at"),
        ("customers", "0005_person_team_id_index"),
        ("buying", "0005_stage_visit_count"),
    ]

    operations = [
        migrations.CreateModel(
            name="TeamTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("team_id", models.BigIntegerField()),
                ("name", models.CharField(max_length=60)),
                ("n", models.BigIntegerField(default=0)),
            ],
            options={
                "indexes": [models.Index(fields=["team_id", "name"], name="core_tally_team_name")],
            },
        ),
        migrations.RunPython(install, remove),
    ]
