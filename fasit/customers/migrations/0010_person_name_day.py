"""Each person's almanac name day as a column (``Person.name_day``), so the dates card
asks the database for the people whose name day is in its window instead of looking up
every first name of the team.

A nullable column without a default is an ``ALTER TABLE ADD COLUMN`` on SQLite too:
the people table is not rebuilt, and its tally and full-text triggers stay. The column
is filled before its index is built, one UPDATE per day and batch of people."""

from typing import Any

from django.db import migrations, models


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
