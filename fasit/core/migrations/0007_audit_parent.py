"""The record a child row's audit entry is kept with (``AuditEvent.parent_type`` and
``parent_id``), so a parent's history still lists a deleted child's entries (core/audit.py
``record_events``). Entries already written name no parent: they are found by the child's
current id as before, and ``audit_delete`` names the parent on them when the child goes.
Their snapshots cannot name it instead (a snapshot keeps the parent's name, not its id).

On SQLite the columns are added in place (``ALTER TABLE ADD COLUMN`` with a default):
Django would copy the whole audit table once per column to add a NOT NULL column."""

from django.db import migrations, models

COLUMNS = (("parent_type", 60), ("parent_id", 40))


def _field(name, length):
    field = models.CharField(blank=True, default="", max_length=length)
    field.set_attributes_from_name(name)
    return field


def add_columns(apps, schema_editor):
    model = apps.get_model("core", "AuditEvent")
    if schema_editor.connection.vendor != "sqlite":
        for name, length in COLUMNS:
            schema_editor.add_field(model, _field(name, length))
        return
    table = schema_editor.quote_name(model._meta.db_table)
    for name, length in COLUMNS:
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {schema_editor.quote_name(name)}"
            f" varchar({length}) NOT NULL DEFAULT ''"
        )


def remove_columns(apps, schema_editor):
    model = apps.get_model("core", "AuditEvent")
    for name, length in COLUMNS:
        schema_editor.remove_field(model, _field(name, length))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_team_tally"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="auditevent",
                    name="parent_id",
                    field=models.CharField(blank=True, default="", max_length=40),
                ),
                migrations.AddField(
                    model_name="auditevent",
                    name="parent_type",
                    field=models.CharField(blank=True, default="", max_length=60),
                ),
            ],
            database_operations=[migrations.RunPython(add_columns, remove_columns)],
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(
                condition=models.Q(("parent_id", ""), _negated=True),
                fields=["team", "parent_type", "parent_id"],
                name="core_audit_parent",
            ),
        ),
    ]
