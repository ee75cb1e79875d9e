"""The query plans of the busiest requests, to find what grows with a team's size.

Signs in a demo user with Django's test client (no server), captures every
statement each request runs, and prints per statement its time, the rows the
plan's nodes read, and (``--plans``) the plan itself: on PostgreSQL ``EXPLAIN
(ANALYZE, BUFFERS)``, on SQLite ``EXPLAIN QUERY PLAN``. A statement that reads far
more rows than it returns scans a team's rows and will be ten times slower at ten
times the data. Read-only but for ``--after-write``: only SELECTs are explained, each in a
transaction that is rolled back. No assertions.

    DATABASE_URL=postgres://…/fasit_s100 .venv/bin/python bench/explain_requests.py \\
        [--only api] [--plans] [--min-ms 5] [--user maja] [--cold | --after-write] [--rounds 8]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
# This process' own caches: --cold empties them without touching a server's.
os.environ["FASIT_TEAM_CACHE"] = "local"

REQUESTS = {
    "api conversations": "/api/conversations?limit=50",
    "api conversations deep": "/api/conversations?limit=50&after={conversations}",
    "api accounts": "/api/accounts?limit=50",
    "api accounts deep": "/api/accounts?limit=50&after={accounts}",
    "api people": "/api/people?limit=50",
    "api people deep": "/api/people?limit=50&after={people}",
    "api journeys": "/api/buying/journeys?limit=50",
    "api journeys deep": "/api/buying/journeys?limit=50&after={journeys}",
    "home": "/",
    "being-on": "/relationships/being-on/",
    "key accounts": "/relationships/key-accounts/",
    "signals board": "/signals/",
    "listening": "/conversations/listening/",
    "buying insight": "/buying/insight/",
}


def _walk(node: dict[str, Any], out: list[tuple[str, float, int]]) -> None:
    """(node description, actual rows × loops, loops) of every node of a JSON plan."""
    what = node["Node Type"]
    if "Relation Name" in node:
        what += f" on {node['Relation Name']}"
    if "Index Name" in node:
        what += f" using {node['Index Name']}"
    loops = int(node.get("Actual Loops", 1))
    out.append((what, float(node.get("Actual Rows", 0)) * loops, loops))
    for child in node.get("Plans", []):
        _walk(child, out)


def explain(sql: str, plans: bool) -> tuple[float, float, str]:
    """(milliseconds, most rows any scan read, text) of one SELECT."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0]
            plan = plan if isinstance(plan, list) else json.loads(plan)
            nodes: list[tuple[str, float, int]] = []
            _walk(plan[0]["Plan"], nodes)
            scans = [(rows, what) for what, rows, _l in nodes if "Scan" in what]
            biggest = max(scans, default=(0.0, ""))
            text = ""
            if plans:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                text = "\n".join(r[0] for r in cursor.fetchall())
            transaction.set_rollback(True)
            return float(plan[0]["Execution Time"]), biggest[0], text or biggest[1]
        start = time.perf_counter()
        cursor.execute(sql)
        cursor.fetchall()
        elapsed = (time.perf_counter() - start) * 1000
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        text = "\n".join(str(r[-1]) for r in cursor.fetchall())
        transaction.set_rollback(True)
        return elapsed, 0.0, text


def _write(username: str) -> None:
    """A seller's ordinary change: a conversation logged through the service, which
    writes its audit record, so every per-team cached result and total is of an older
    data version (a statement added moves the version the same way, but its first one
    in a process builds the team's signal index: ~1 GiB at ``--scale 1000``)."""
    from django.contrib.auth import get_user_model

    from fasit.conversations.services import conversation_log
    from fasit.customers.models import Account

    user = get_user_model().objects.get(username=username)
    team = user.memberships.select_related("team").first().team
    account = Account.objects.for_team(team).order_by("pk").first()
    conversation_log(team=team, actor=user, account=account, subject="bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="only requests whose label contains this")
    parser.add_argument("--user", default="maja")
    parser.add_argument("--plans", action="store_true", help="print each slow statement's plan")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="empty the caches first (the first request after a change)",
    )
    parser.add_argument(
        "--after-write",
        action="store_true",
        help="before each request, log a conversation with a statement through the services "
        "(writes to the database: use a copy): the first request after a change of the team's "
        "data, with the process' other caches warm",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="repeat each request (with --after-write: a write before each) and print the "
        "median app CPU",
    )
    parser.add_argument("--min-ms", type=float, default=2.0, help="list statements this slow")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from fasit.core import api_utils

    client = Client()
    client.force_login(get_user_model().objects.get(username=args.user))
    # The deep pages: the cursor nine tenths of the way through each list.
    cursors = {}
    with connection.cursor() as cursor:
        for key, table in (
            ("conversations", "conversations_conversation"),
            ("accounts", "customers_account"),
            ("people", "customers_person"),
            ("journeys", "buying_journey"),
        ):
            cursor.execute(
                f"SELECT id FROM {table} ORDER BY id LIMIT 1 OFFSET "  # noqa: S608
                f"(SELECT COUNT(*) * 9 / 10 FROM {table})"
            )
            row = cursor.fetchone()
            cursors[key] = row[0] if row else 0
    for label, path in REQUESTS.items():
        if args.only not in label:
            continue
        path = path.format(**cursors)
        client.get(path)  # warm: caches a request would find on a running server
        if args.cold:
            caches["default"].clear()
            caches["team"].clear()
            api_utils._counts.clear()
        cpus = []
        for _round in range(args.rounds):
            if args.after_write:
                _write(args.user)
            with CaptureQueriesContext(connection) as captured:
                start, cpu = time.perf_counter(), time.process_time()
                response = client.get(path)
                wall = (time.perf_counter() - start) * 1000
                cpu = (time.process_time() - cpu) * 1000
            cpus.append(cpu)
        total = 0.0
        lines = []
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH", "(SELECT")):
                continue
            ms, rows, text = explain(sql, args.plans)
            total += ms
            if ms >= args.min_ms or rows >= 20_000:
                lines.append(f"    {ms:8.1f} ms  max scan rows {rows:>9,.0f}  {sql[:160]}")
                if text:
                    lines.append("      " + text.replace("\n", "\n      "))
        print(
            f"{label:<24} {response.status_code} {wall:8.1f} ms wall, {cpu:7.1f} ms app CPU, "
            f"{len(captured.captured_queries)} statements, {total:.1f} ms in the database"
        )
        if args.rounds > 1:
            lines.insert(
                0,
                f"    app CPU over {args.rounds} rounds: median {statistics.median(cpus):.1f} ms "
                f"({min(cpus):.1f}-{max(cpus):.1f}); the statements below are the last round's",
            )
        print("\n".join(lines))


if __name__ == "__main__":
    main()
