"""The person a child row's audit entry names (``AuditEvent.person_ref``), so erasure
finds the entries of a row deleted before it whose parent is another record (a removed
buying motive or group member names its journey). Filled for entries already written
by ``0009_audit_links_filled``.

On SQLite the column is added in place, as in ``0007_audit_parent``."""

from django.db import migrations, models


def _field():
    field = models.CharField(blank=True, default="", max_length=40)
    field.set_attributes_from_name("person_ref")
    return field


def add_column(apps, schema_editor):
    model = apps.get_model("core", "AuditEvent")
    if schema_editor.connection.vendor != "sqlite":
        schema_editor.add_field(model, _field())
        return
    table = schema_editor.quote_name(model._meta.db_table)
    schema_editor.execute(
        f"ALTER TABLE {table} ADD COLUMN {schema_editor.quote_name('person_ref')}"
        " varchar(40) NOT NULL DEFAULT ''"
    )


def remove_column(apps, schema_editor):
    schema_editor.remove_field(apps.get_model("core", "AuditEvent"), _field())


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_audit_parent"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="auditevent",
                    name="person_ref",
                    field=models.CharField(blank=True, default="", max_length=40),
                ),
            ],
            database_operations=[migrations.RunPython(add_column, remove_column)],
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(
                condition=models.Q(("person_ref", ""), _negated=True),
                fields=["team", "person_ref"],
                name="core_audit_person",
            ),
        ),
    ]
