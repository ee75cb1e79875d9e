"""Each person's almanac name day as a column (``Person.name_day``), so the dates card
asks the database for the people whose name day is in its window instead of looking up
every first name of the team.

A nullable column without a default is an ``ALTER TABLE ADD COLUMN`` on SQLite too:
the people table is not rebuilt, and its tally and full-text triggers stay. The column
is filled before its index is built, one UPDATE per day and batch of people."""

from typing import Any

from django.db import migrations, models

#: The almanac files this migration derived ``name_day`` from. The newest migration that
#: calls ``refresh_name_days`` names the almanac the stored days come from;
#: ``customers/tests/test_name_day.py`` fails when the files change without a new one.
ALMANAC_DIGEST = "a08139a62cb21d3d"


def fill(apps: Any, schema_editor: Any) -> None:
    from fasit.customers.models import refresh_name_days

    refresh_name_days(
        apps.get_model("customers", "Person").objects.using(schema_editor.connection.alias)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("customers", "0009_date_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="name_day",
            field=models.PositiveSmallIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(fields=["team", "name_day"], name="customers_person_name_day"),
        ),
    ]
