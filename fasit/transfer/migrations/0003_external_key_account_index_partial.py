"""Index the external keys' account only where there is one: a person's key has none,
and a million-row import added a million NULL entries to the full index (issue 14)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("customers", "0007_person_legal_basis_recorder_index_partial"),
        ("tenancy", "0006_team_currency"),
        ("transfer", "0002_external_key_team_index_covered"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="externalkey",
                    name="account",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="customers.account",
                    ),
                ),
            ],
            database_operations=[
                # Plain DROP INDEX rather than AlterField, which on SQLite copies the
                # whole table (a million rows after a large import) to drop one index.
                migrations.RunSQL(
                    'DROP INDEX IF EXISTS "transfer_externalkey_account_id_972e3fed"',
                    reverse_sql='CREATE INDEX "transfer_externalkey_account_id_972e3fed"'
                    ' ON "transfer_externalkey" ("account_id")',
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="externalkey",
            index=models.Index(
                condition=models.Q(("account__isnull", False)),
                fields=["account"],
                name="transfer_externalkey_account",
            ),
        ),
    ]
