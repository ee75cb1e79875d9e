"""Each health snapshot of a key account keeps its health ``TREND_DAYS`` before
(``AccountHealth.health_before``), so the key accounts page reads its cards' health,
trend and going dark from the stored rows instead of dating a year of conversations.

A nullable column without a default is an ``ALTER TABLE ADD COLUMN`` on SQLite too (the
table is not rebuilt). Rows stored so far have none until the next refresh; the page
works those out as before."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("relationships", "0010_account_row_snapshot"),
    ]

    operations = [
        migrations.AddField(
            model_name="accounthealth",
            name="health_before",
            field=models.PositiveSmallIntegerField(null=True),
        ),
    ]
