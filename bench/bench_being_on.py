"""CPU cost of the being-on API and of ``fasit report being-on``, in one process (no
server, no network), on an existing demo (``FASIT_DATA_DIR`` or ``DATABASE_URL``) as
its user ``maja`` (session, as the browser). Prints per request the median wall and
CPU milliseconds over ``--repeat`` runs and the queries of one run, and on PostgreSQL
the CPU the database server's backend spent per run (bench_api_lists.py). No
assertions; writes nothing but the team cache it clears.

    FASIT_DATA_DIR=/tmp/s100 .venv/bin/python bench/bench_being_on.py [--repeat 5]
        [--only API|report] [--old]

Cases: ``cold`` clears the team cache and this process' kept rankings and rows
(``relationships/memo.py``) before each run: the first request after a change of
the team's data in a new worker, or after the TTL; ``warm`` repeats the same page (a
cache read). ``--old``: the API as it was (one unpaged request, every account
assessed), for a copy of an older tree.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_api_lists import Wsgi, backend_cpu_seconds, count_queries  # noqa: E402

URL = "/api/relationships/being-on"


def _forget() -> None:
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    try:
        from fasit.relationships import memo
    except ImportError:  # an older tree
        return
    memo.clear()


def _measure(name: str, call: Any, repeat: int, cold: bool) -> None:
    from django.db import connection

    call()  # imports, connection
    walls, cpus = [], []
    db_start = backend_cpu_seconds(connection)
    for _ in range(repeat):
        if cold:
            _forget()
        start, cpu = time.perf_counter(), time.process_time()
        call()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - start) * 1000)
    db_end = backend_cpu_seconds(connection)
    db = (
        f"{(db_end - db_start) * 1000 / repeat:9.1f}"
        if db_start is not None and db_end is not None
        else f"{'-':>9}"
    )
    if cold:
        _forget()
    queries = count_queries(connection, call)
    print(
        f"{name:<44} {statistics.median(walls):9.1f} {statistics.median(cpus):9.1f} {db} "
        f"{queries:>7}  (cpu ms: {', '.join(f'{c:.0f}' for c in cpus)})",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--user", default="maja")
    parser.add_argument("--only", default="", help="api or report")
    parser.add_argument("--old", action="store_true", help="the unpaged API of an older tree")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    user = get_user_model().objects.get(username=args.user)
    browser = Client()
    browser.force_login(user)
    client = Wsgi({"Cookie": f"sessionid={browser.cookies['sessionid'].value}"})

    def get(url: str) -> Any:
        def call() -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return call

    def walk() -> None:
        after = None
        while True:
            import orjson

            cursor = f"&after={after}" if after is not None else ""
            page = orjson.loads(client.get(f"{URL}?limit=500{cursor}").content)
            after = page["next_after"]
            if after is None:
                return

    print(f"{'request':<44} {'wall ms':>9} {'cpu ms':>9} {'db cpu ms':>9} {'queries':>7}")
    if args.only in ("", "api"):
        if args.old:
            _measure("GET being-on (unpaged, every account)", get(URL), args.repeat, True)
            _measure("GET being-on?mine=true (unpaged)", get(f"{URL}?mine=true"), args.repeat, True)
        else:
            _measure("GET being-on?limit=50 cold", get(f"{URL}?limit=50"), args.repeat, True)
            _measure(
                "GET being-on?limit=50&offset=2000 cold",
                get(f"{URL}?limit=50&offset=2000"),
                args.repeat,
                True,
            )
            _measure(
                "GET being-on?limit=50&mine=true cold",
                get(f"{URL}?limit=50&mine=true"),
                args.repeat,
                True,
            )
            _measure("GET being-on?limit=50 warm", get(f"{URL}?limit=50"), args.repeat * 10, False)
            _measure("every page, limit=500, cold", walk, args.repeat, True)
    if args.only in ("", "report"):

        def report() -> None:
            call_command("fasit_report", "being-on", "--json", stdout=io.StringIO())

        _measure("fasit report being-on --json", report, args.repeat, True)


if __name__ == "__main__":
    main()
