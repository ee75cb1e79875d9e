"""The team's people in id order: the single-column team index dropped in 0004 was what
SQLite used to page people by id (it holds the rowid); without it every API page sorted
all the team's people."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("customers", "0004_person_team_role_person_index_covered")]

    operations = [
        migrations.AddIndex(
            model_name="person",
            index=models.Index(fields=["team", "id"], name="customers_person_team_id_idx"),
        ),
    ]
