"""Index the records that exist when the search arrives. It calls the app's own code
(not the historical models) because the index is derived data: rebuilding it later
with ``fasit manage fasit_search_index`` gives the same result."""

from django.db import migrations


def index_existing(apps, schema_editor):  # type: ignore[no-untyped-def]
    from fasit.search.documents import index_team
    from fasit.tenancy.models import Team

    for team in Team.objects.order_by("pk"):
        index_team(team)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("customers", "__latest__"),
        ("conversations", "__latest__"),
        ("market_signals", "__latest__"),
        ("buying", "__latest__"),
        # It reads Team through the live model: every column of it must exist first.
        ("tenancy", "__latest__"),
    ]

    operations = [migrations.RunPython(index_existing, migrations.RunPython.noop)]
