"""CPU and wall time of one page of a person's history (``core.audit.record_events``:
50 entries newest first, and the count), on an existing data dir. No assertions.

    FASIT_DATA_DIR=/tmp/copy [DATABASE_URL=...] nice .venv/bin/python bench/bench_history.py

``--pad N`` first adds N plain audit entries to the person's team (a team with a long
history; do it on a copy). Alternate runs against main's checkout for an A/B.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pad", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import django

    django.setup()
    from fasit.core.audit import record_events
    from fasit.core.models import AuditEvent
    from fasit.customers.models import Person

    person = Person.objects.filter(roles__isnull=False).order_by("pk").first()
    assert person is not None, "no person with a role in this data dir"
    if args.pad:
        kinds = ("customers.person", "customers.personrole", "customers.account")
        AuditEvent.objects.bulk_create(
            (
                AuditEvent(
                    team_id=person.team_id,
                    action="create",
                    object_type=kinds[i % 3],
                    object_id=str(10**6 + i),
                    object_repr="x",
                )
                for i in range(args.pad)
            ),
            batch_size=5000,
        )
    total = AuditEvent.objects.filter(team_id=person.team_id).count()
    print(f"person {person.pk}, {total} audit entries in the team")
    for round_ in range(args.rounds):
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(args.repeat):
            events = record_events(person)
            list(events.order_by("-id")[:50])
            events.count()
        cpu = (time.process_time() - cpu) / args.repeat * 1000
        wall = (time.perf_counter() - wall) / args.repeat * 1000
        print(f"round {round_}: {cpu:.1f} ms CPU, {wall:.1f} ms wall per page")


if __name__ == "__main__":
    main()
