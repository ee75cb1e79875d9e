"""How long exporting everything about one person takes (GDPR Art. 15/20), on a demo.

Takes the data dir in ``FASIT_DATA_DIR`` (a ``fasit demo --scale 100`` copy), finds the
person of the demo team with the most conversations, and times the export as JSON and
as the printable HTML page (building the dossier and rendering it, as the UI, the API
and ``fasit privacy export`` do), best of ``--repeat`` runs, with the query count and
the size. ``--extra N`` first adds the person to N more of the team's conversations
(the demo's busiest person has a few dozen; the requirement is thousands).
``--audit N`` first adds N audit entries to the team, one in a thousand of them the
person's (entries of rows that name them, of rows kept with them, moves away from
them; the demo writes few entries), so the export's history is read from a log of a
real team's size. ``--erase`` also times erasing that person. Everything runs in one
transaction that is rolled back, so the database is left as it was (pending
migrations are applied first). Wall and this process's CPU time, best of each (on
PostgreSQL the server's CPU is not in the second). No assertions; figures on a shared
machine are noisy.

    FASIT_DATA_DIR=var/bench100 .venv/bin/python bench/bench_privacy_export.py \
        [--extra 5000] [--audit 400000] [--repeat 3] [--erase]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class Rollback(Exception):
    pass


def seed_audit(connection: Any, team_id: int, person_id: int, n: int) -> None:
    """``n`` entries in one statement: every 1000th names the person (as the row's
    person, as the parent of a role, or as the one a row was moved from), every 5th
    names another person or a parent, the rest name nobody (an import's)."""
    from fasit.core.models import AuditEvent

    p = str(person_id)
    sql = f"""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %s)
        INSERT INTO {AuditEvent._meta.db_table} (team_id, actor_id, action, object_type,
            object_id, object_repr, changes, at, parent_type, parent_id, person_ref,
            moved_from)
        SELECT %s, NULL, 'update',
            CASE WHEN i %% 1000 = 0 THEN 'buying.motive' WHEN i %% 1000 = 500 THEN
                'customers.personrole' ELSE 'customers.person' END,
            CAST(1000000 + i AS TEXT), 'seeded', '{{"note": ["a", "b"]}}', CURRENT_TIMESTAMP,
            CASE WHEN i %% 1000 = 500 THEN 'customers.person' WHEN i %% 5 = 1 THEN
                'buying.journey' ELSE '' END,
            CASE WHEN i %% 1000 = 500 THEN %s WHEN i %% 5 = 1 THEN CAST(i %% 997 AS TEXT)
                ELSE '' END,
            CASE WHEN i %% 1000 = 0 THEN %s WHEN i %% 5 = 2 THEN CAST(i %% 20011 AS TEXT)
                ELSE '' END,
            CASE WHEN i %% 2000 = 0 THEN %s WHEN i %% 5 = 3 THEN CAST(i %% 20011 AS TEXT)
                ELSE '' END
        FROM n
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [n, team_id, p, p, p])
        cursor.execute("ANALYZE" if connection.vendor == "postgresql" else "SELECT 1")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--team", default="demo", help="team slug (default: demo)")
    parser.add_argument("--extra", type=int, default=0, help="add the person to N conversations")
    parser.add_argument("--audit", type=int, default=0, help="add N audit entries to the team")
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
            if args.audit:
                seed_audit(connection, team.pk, person.pk, args.audit)
            conversations = Conversation.objects.filter(people=person).count()
            print(f"person {person.pk}: {conversations} conversations")
            for fmt in ("json", "html"):
                best, best_cpu, queries, size = float("inf"), float("inf"), 0, 0
                for _ in range(args.repeat):
                    with CaptureQueriesContext(connection) as ctx:
                        started, cpu = time.perf_counter(), time.process_time()
                        result = export_person(person=person, actor=None, channel="cli", fmt=fmt)
                        elapsed = time.perf_counter() - started
                        best_cpu = min(best_cpu, time.process_time() - cpu)
                    best = min(best, elapsed)
                    queries, size = len(ctx.captured_queries), len(result.content.encode())
                print(
                    f"export {fmt:<4}: {best:7.3f} s  cpu {best_cpu:7.3f} s  {queries:3d} queries  "
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
