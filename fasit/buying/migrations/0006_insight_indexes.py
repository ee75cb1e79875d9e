from django.db import migrations, models


class Migration(migrations.Migration):
    """Indexes for the buying insight page's first request (docs/operations.md, "Buying
    insight and the signals board on a cold cache"): the journeys' (team, process)
    index also covers outcome and account, so the outcome counts and the motives'
    distinct accounts are read from it alone, and the motives' themes are read per
    journey from (journey, theme). Indexes only: no table is rebuilt on SQLite."""

    dependencies = [
        ("buying", "0005_stage_visit_count"),
    ]

    operations = [
        # The wider index first: the lists that read (team, process) always have one.
        migrations.AddIndex(
            model_name="journey",
            index=models.Index(
                fields=["team", "process", "outcome", "account"],
                name="buying_jour_team_id_ddddc5_idx",
            ),
        ),
        migrations.RemoveIndex(
            model_name="journey",
            name="buying_jour_team_id_804548_idx",
        ),
        migrations.AddIndex(
            model_name="motive",
            index=models.Index(fields=["journey", "theme"], name="buying_moti_journey_07962a_idx"),
        ),
    ]
