import django.utils.timezone
from django.db import migrations, models


def from_created(apps, schema_editor):
    # Rows that existed before last changed no later than now; created_at is the
    # honest lower bound a copy has already seen.
    FollowUp = apps.get_model("conversations", "FollowUp")
    FollowUp.objects.update(updated_at=models.F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("conversations", "0004_notes_limit")]

    operations = [
        migrations.AddField(
            model_name="followup",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, db_index=True, default=django.utils.timezone.now
            ),
            preserve_default=False,
        ),
        migrations.RunPython(from_created, migrations.RunPython.noop),
    ]
