"""How long exporting everything about one person takes (GDPR Art. 15/20), on a demo.

Takes the data dir in ``FASIT_DATA_DIR`` (a ``fasit demo --scale 100`` copy), finds the
person of the demo team with the most conversations, and times the export as JSON and
as the printable HTML page (building the dossier and rendering it, as the UI, the API
and ``fasit privacy export`` do), best of ``--repeat`` runs, with the query count and
the size. ``--extra N`` first adds the person to N more of the team's conversations
(the demo's busiest person has a few dozen; the requirement is thousands).
``--erase`` also times erasing that person. Everything runs in one transaction that
is rolled back, so the database is left as it was (pending migrations are applied
first). No assertions; figures on a shared machine are noisy.

    FASIT_DATA_DIR=var/bench100 .venv/bin/python bench/bench_privacy_export.py \
        [--extra 5000] [--repeat 3] [--erase]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class Rollback(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--team", default="demo", help="team slug (default: demo)")
    parser.add_argument("--extra", type=int, default=0, help="add the person to N conversations")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--erase", action="store_true", help="also time erasing the person")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.models import Count
    from django.test.utils import CaptureQueriesContext

    from fasit.conversations.models import Conversation
    from fasit.customers.models import Person
    from fasit.privacy.erasure import person_erase
    from fasit.privacy.export import export_person
    from fasit.tenancy.models import Team

    call_command("migrate", verbosity=0)
    team = Team.objects.get(slug=args.team)
    person = (
        Person.objects.for_team(team)
        .annotate(n=Count("conversations"))
        .order_by("-n", "pk")
        .first()
    )
    assert person is not None, "the team has no people"
    print(f"database: {connection.vendor}, team {team.slug}")
    try:
        with transaction.atomic():
            if args.extra:
                through = Conversation.people.through
                taken = set(
                    through.objects.filter(person_id=person.pk).values_list(
                        "conversation_id", flat=True
                    )
                )
                ids = [
                    pk
                    for pk in Conversation.objects.for_team(team)
                    .order_by("pk")
                    .values_list("pk", flat=True)[: args.extra + len(taken)]
                    if pk not in taken
                ][: args.extra]
                through.objects.bulk_create(
                    [through(conversation_id=pk, person_id=person.pk) for pk in ids],
                    batch_size=2000,
                )
            conversations = Conversation.objects.filter(people=person).count()
            print(f"person {person.pk}: {conversations} conversations")
            for fmt in ("json", "html"):
                best, queries, size = float("inf"), 0, 0
                for _ in range(args.repeat):
                    with CaptureQueriesContext(connection) as ctx:
                        started = time.perf_counter()
                        result = export_person(person=person, actor=None, channel="cli", fmt=fmt)
                        elapsed = time.perf_counter() - started
                    best = min(best, elapsed)
                    queries, size = len(ctx.captured_queries), len(result.content.encode())
                print(
                    f"export {fmt:<4}: {best:7.2f} s  {queries:3d} queries  "
                    f"{size / 1024:8.0f} KiB"
                )
            if args.erase:
                started = time.perf_counter()
                entry = person_erase(person=person, actor=None, channel="cli")
                print(f"erase      : {time.perf_counter() - started:7.2f} s  {entry.counts}")
            raise Rollback
    except Rollback:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
