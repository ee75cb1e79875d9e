"""Each health snapshot keeps its revenue at risk in the team's currency and which rates
converted it (``AccountHealth.at_risk_team``, ``rates_key``), so the Being on page ranks
in the database and reads only the rows it shows.

Nullable columns without a default are an ``ALTER TABLE ADD COLUMN`` on SQLite too (the
table is not rebuilt). The rows stored so far are converted here at each team's present
rates; rows the fill misses are only slower until the next refresh (their key is
empty, so the pages convert them as before)."""

from typing import Any

from django.db import migrations, models


def fill(apps: Any, schema_editor: Any) -> None:
    from fasit.relationships.snapshots import convert_stored_rows

    alias = schema_editor.connection.alias
    health = apps.get_model("relationships", "AccountHealth")
    for team in apps.get_model("tenancy", "Team").objects.using(alias).all():
        convert_stored_rows(team, health.objects.using(alias).filter(team_id=team.pk))


class Migration(migrations.Migration):
    dependencies = [
        ("relationships", "0008_person_knowledge_day_index"),
        ("tenancy", "0006_team_currency"),
    ]

    operations = [
        migrations.AddField(
            model_name="accounthealth",
            name="at_risk_team",
            field=models.DecimalField(decimal_places=0, max_digits=20, null=True),
        ),
        migrations.AddField(
            model_name="accounthealth",
            name="rates_key",
            field=models.BigIntegerField(null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
