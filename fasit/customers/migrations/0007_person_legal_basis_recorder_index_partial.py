"""Index who recorded a person's legal basis only where someone did: an imported person
has none, so a million-row import added a million NULL entries to the full index
(issue 14)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_audit_links_filled"),
        ("customers", "0006_import_entry"),
        ("tenancy", "0006_team_currency"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="person",
                    name="legal_basis_recorded_by",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="legal basis recorded by",
                    ),
                ),
            ],
            database_operations=[
                # Plain DROP INDEX rather than AlterField: on SQLite, AlterField rebuilds
                # the whole table, and the rebuilt table would lose the people tally's
                # triggers (core/tallies.py), as 0004 explains for the search triggers.
                migrations.RunSQL(
                    'DROP INDEX IF EXISTS "customers_person_legal_basis_recorded_by_id_c0a77dd1"',
                    reverse_sql='CREATE INDEX "customers_person_legal_basis_recorded_by_id_c0a77dd1"'
                    ' ON "customers_person" ("legal_basis_recorded_by_id")',
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                condition=models.Q(("legal_basis_recorded_by__isnull", False)),
                fields=["legal_basis_recorded_by"],
                name="customers_person_lb_recorder",
            ),
        ),
    ]
