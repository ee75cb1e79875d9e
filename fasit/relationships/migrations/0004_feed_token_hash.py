"""Calendar-feed tokens are bearer secrets: keep only their SHA-256 (issue 10)."""

import hashlib

from django.db import migrations


def hash_tokens(apps, schema_editor):  # type: ignore[no-untyped-def]
    CalendarFeed = apps.get_model("relationships", "CalendarFeed")
    for feed in CalendarFeed.objects.only("pk", "token_hash").iterator():
        digest = hashlib.sha256(feed.token_hash.encode("utf-8")).hexdigest()
        CalendarFeed.objects.filter(pk=feed.pk).update(token_hash=digest)


class Migration(migrations.Migration):
    dependencies = [
        ("relationships", "0003_feed_kinds"),
    ]

    # Hashing cannot be undone: going back leaves the hashes in the old column, which
    # then match no address (every feed has to be made again).
    operations = [
        migrations.RenameField("calendarfeed", "token", "token_hash"),
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
    ]
