"""``import_entry`` (people and accounts) without a database constraint (issue 14): only
the importer sets it, to the audit entry it wrote itself in the same transaction, and
its cross-team check refuses another team's entry; the constraint cost one trigger
query per imported row on PostgreSQL. The index stays (Django's ``SET_NULL`` when an
entry is deleted looks rows up by it)."""

import django.db.models.deletion
from django.db import migrations, models

# Django's names for the constraints migration 0006 made.
CONSTRAINTS = {
    "customers_person": "customers_person_import_entry_id_83507c6a_fk_core_auditevent_id",
    "customers_account": "customers_account_import_entry_id_37541a59_fk_core_audi",
}


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    # PostgreSQL only. On SQLite a constraint is part of the table's definition: taking
    # it out means rebuilding the table (what AlterField does there), and the rebuilt
    # table would lose the tallies' triggers (core/tallies.py; see 0004 and 0007). It
    # stays there.
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name in CONSTRAINTS.items():
        schema_editor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT IF EXISTS "{name}"')


def restore(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name in CONSTRAINTS.items():
        schema_editor.execute(
            f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" FOREIGN KEY ("import_entry_id")'
            ' REFERENCES "core_auditevent" ("id") DEFERRABLE INITIALLY DEFERRED'
        )


def _field() -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        blank=True,
        db_constraint=False,
        editable=False,
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name="+",
        to="core.auditevent",
        verbose_name="created by import",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_audit_links_filled"),
        ("customers", "0007_person_legal_basis_recorder_index_partial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(model_name="account", name="import_entry", field=_field()),
                migrations.AlterField(model_name="person", name="import_entry", field=_field()),
            ],
            database_operations=[migrations.RunPython(drop, restore)],
        )
    ]
