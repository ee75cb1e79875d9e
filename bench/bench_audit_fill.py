"""Time and peak memory of the data migration ``core.0009_audit_links_filled`` on a
long audit log, on an existing (migrated) data dir. No assertions.

    FASIT_DATA_DIR=/tmp/copy [DATABASE_URL=...] nice .venv/bin/python \\
        bench/bench_audit_fill.py --pad 400000

``--pad N`` first adds N entries written as before stop 28 (no parent, no person) to the
team with the most people: a quarter of existing roles, half of deleted buying motives
(a created and a deleted entry each, naming a real journey and person by their text),
a quarter of accounts (not a child kind). ``--moved N`` adds N deleted buying motives
whose person changed (created as one person's, given to another, deleted: three
entries each, naming people of the team by name), the rows the migration reads
entry by entry. Do it on a copy. Then it runs the migration's ``fill_links``
(``--old``: the Python path it replaced; ``--moved-one-by-one``: the migration with
its row-by-row reading of the moved rows, the A of that A/B) and prints CPU, wall,
the process's peak RSS before and after, and how many entries got a parent and a
person.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _backend_cpu() -> float:
    """CPU seconds of this connection's PostgreSQL backend (same machine), 0 on SQLite:
    a set-based fill does its work there, not in this process."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pad", type=int, default=0)
    parser.add_argument("--moved", type=int, default=0)
    parser.add_argument(
        "--moved-one-by-one",
        action="store_true",
        help="read the moved rows one by one, as before (the A of an A/B)",
    )
    parser.add_argument("--batch", type=int, default=None, help="the migration's if not given")
    parser.add_argument(
        "--old", action="store_true", help="the Python path it replaced (the A of an A/B)"
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import importlib

    import django

    django.setup()
    from django.apps import apps
    from django.db import transaction
    from django.db.models import CharField, Count, Value
    from django.db.models.functions import Cast, Concat

    from fasit.buying.models import Journey
    from fasit.core.models import AuditEvent
    from fasit.customers.models import Person, PersonRole

    migration = importlib.import_module(
        "fasit.core.tests.audit_fill_reference"
        if args.old
        else "fasit.core.migrations.0009_audit_links_filled"
    )
    team_id = Person.objects.values("team_id").annotate(n=Count("id")).order_by("-n")[0]["team_id"]
    if args.pad:
        roles = list(
            PersonRole.objects.filter(person__team_id=team_id).values_list("pk", "person__name")[
                :20000
            ]
        )
        journeys = [str(j) for j in Journey.objects.filter(team_id=team_id)[:2000]]
        names = list(Person.objects.filter(team_id=team_id).values_list("name", flat=True)[:5000])
        chunk: list[AuditEvent] = []
        for i in range(args.pad):
            kind = i % 4
            if kind == 0:
                pk, name = roles[i % len(roles)]
                entry = AuditEvent(
                    team_id=team_id,
                    action="update",
                    object_type="customers.personrole",
                    object_id=str(pk),
                    object_repr=name,
                    changes={"title": ["A", "B"]},
                )
            elif kind in (1, 2):
                k = i // 4  # the created and deleted entries of one motive agree
                journey, name = journeys[k % len(journeys)], names[k % len(names)]
                create = kind == 1
                entry = AuditEvent(
                    team_id=team_id,
                    action="create" if create else "delete",
                    object_type="buying.motive",
                    object_id=str(10**8 + k),
                    object_repr="Kortere omstillingstid",
                    changes={
                        key: [None, value] if create else [value, None]
                        for key, value in (
                            ("journey", journey),
                            ("person", name),
                            ("text", "Kortere omstillingstid"),
                        )
                    },
                )
            else:
                entry = AuditEvent(
                    team_id=team_id,
                    action="update",
                    object_type="customers.account",
                    object_id=str(10**8 + i),
                    object_repr="x",
                    changes={"name": ["A", "B"]},
                )
            chunk.append(entry)
            if len(chunk) == 5000:
                with transaction.atomic():
                    AuditEvent.objects.bulk_create(chunk)
                chunk = []
        AuditEvent.objects.bulk_create(chunk)
    if args.moved:
        journeys = [str(j) for j in Journey.objects.filter(team_id=team_id)[:2000]]
        # Names one person of the team has, so the moves resolve: the demo's people
        # share 950 names (a namesake leaves the entries before it blank), so 5,000 of
        # them get their id added to their name (on the copy).
        some = list(Person.objects.filter(team_id=team_id).values_list("pk", flat=True)[:5000])
        Person.objects.filter(pk__in=some).update(
            name=Concat("name", Value(" #"), Cast("id", CharField()))
        )
        names = list(Person.objects.filter(pk__in=some).values_list("name", flat=True))
        chunk = []
        for k in range(args.moved):
            journey = journeys[k % len(journeys)]
            first, second = names[k % len(names)], names[(k * 7 + 1) % len(names)]
            for action, person in (
                ("create", [None, first]),
                ("update", [first, second]),
                ("delete", [second, None]),
            ):
                chunk.append(
                    AuditEvent(
                        team_id=team_id,
                        action=action,
                        object_type="buying.motive",
                        object_id=str(2 * 10**8 + k),
                        object_repr="Kortere omstillingstid",
                        changes={
                            "person": person,
                            "journey": [None, journey] if action == "create" else [journey, None],
                        },
                    )
                )
            if len(chunk) >= 5000:
                with transaction.atomic():
                    AuditEvent.objects.bulk_create(chunk)
                chunk = []
        AuditEvent.objects.bulk_create(chunk)
    if args.moved_one_by_one:
        from fasit.core.tests import audit_fill_reference as reference

        def one_by_one(cursor: object, sql: object, apps: object, events: str) -> None:
            reference.fill_moved_one_by_one(cursor, sql, apps, events, migration)

        migration._fill_moved = one_by_one
    total = AuditEvent.objects.count()
    print(f"team {team_id}; {total} audit entries in all")
    before = _rss_mib()
    server = _backend_cpu()
    cpu, wall = time.process_time(), time.perf_counter()
    if args.batch:
        migration.fill_links(apps, None, batch=args.batch)
    else:
        migration.fill_links(apps, None)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    server = _backend_cpu() - server
    after = _rss_mib()
    parents = AuditEvent.objects.exclude(parent_id="").count()
    people = AuditEvent.objects.exclude(person_ref="").count()
    print(
        f"fill_links: {cpu:.1f} s CPU (+ {server:.1f} s PostgreSQL backend), {wall:.1f} s wall; peak RSS {before:.0f} -> {after:.0f} MiB;"
        f" {parents} entries name a parent, {people} a person"
    )


if __name__ == "__main__":
    main()
