"""CPU cost and query count of a 50-row API list page, in one process (no server, no
network): what bounds the requests per second `bench_http.py` can reach per core.

Uses an existing demo (``FASIT_DATA_DIR`` or ``DATABASE_URL``) and its user ``maja``,
signed in by session (as the browser) and, with ``--token``, by a personal access token
(as a script). Prints, per list, the median wall and CPU milliseconds over ``--repeat``
requests, the queries one request makes and, on PostgreSQL, the CPU the database
server's backend spent per request (read from /proc, so only on the same machine). The
CPU figures do not depend on other work on the machine; ``2 cores / (cpu + db cpu)``
is the most requests per second two idle cores could serve. No assertions.

    FASIT_DATA_DIR=/tmp/s100 .venv/bin/python bench/bench_api_lists.py [--repeat 30]
        [--token] [--profile DIR] [--uncached]

A list body is kept per team data version (core.api_utils, docs/api.md): repeated
requests read it; ``--uncached`` drops it before each request.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LISTS = [
    "/api/conversations?limit=50",
    "/api/accounts?limit=50",
    "/api/people?limit=50",
    "/api/buying/journeys?limit=50",
]


def backend_cpu_seconds(connection: object) -> float | None:
    """CPU seconds (user + system) of this connection's PostgreSQL backend so far."""
    if getattr(connection, "vendor", "") != "postgresql":
        return None
    with connection.cursor() as cursor:  # type: ignore[attr-defined]
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Wsgi:
    """Calls Django's WSGI handler as a server would (request_started/finished included,
    which the test client leaves out), with the given headers."""

    def __init__(self, headers: dict[str, str]) -> None:
        from django.core.handlers.wsgi import WSGIHandler

        self.handler = WSGIHandler()
        self.headers = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()}

    def get(self, url: str) -> Response:
        import io

        path, _, query = url.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            **self.headers,
        }
        status: list[str] = []
        result = self.handler(environ, lambda s, _h, _e=None: status.append(s))
        try:
            body = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        return Response(int(status[0].split()[0]), body)


class Response:
    def __init__(self, status_code: int, content: bytes) -> None:
        self.status_code = status_code
        self.content = content


def count_queries(connection: object, call: object) -> int:
    """Queries one call makes (an execute wrapper: it survives reconnects)."""
    seen = [0]

    def wrapper(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        seen[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):  # type: ignore[attr-defined]
        call()  # type: ignore[operator]
    return seen[0]


def _body_forgetter() -> Any:
    """A function that drops the list bodies this process keeps (none before they
    were kept: then it does nothing)."""
    from fasit.core import api_utils

    bodies = getattr(api_utils, "_bodies", None)
    return bodies.clear if bodies is not None else (lambda: None)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--user", default="maja")
    parser.add_argument("--token", action="store_true", help="also as a token (Bearer)")
    parser.add_argument("--profile", default="", help="write a cProfile file per list here")
    parser.add_argument("--only", default="", help="only lists whose URL has this")
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="forget the kept list bodies before each request (core.api_utils): the cost "
        "of a page nobody asked for since the team's last change",
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from fasit.tenancy.models import Membership

    forget = _body_forgetter() if args.uncached else (lambda: None)
    user = get_user_model().objects.get(username=args.user)
    browser = Client()
    browser.force_login(user)
    cookie = f"sessionid={browser.cookies['sessionid'].value}"
    clients = [("session", Wsgi({"Cookie": cookie}))]
    if args.token:
        from fasit.tenancy.services import api_token_create

        membership = Membership.objects.filter(user=user).select_related("team").first()
        _token, secret = api_token_create(
            team=membership.team, user=user, actor=user, name="bench_api_lists", scope="read"
        )
        clients.append(("token", Wsgi({"Authorization": f"Bearer {secret}"})))
    print(
        f"{'list':<32} {'auth':<7} {'status':>6} {'wall ms':>8} {'cpu ms':>7} "
        f"{'db cpu ms':>9} {'queries':>7}"
    )
    for url in LISTS:
        if args.only and args.only not in url:
            continue
        for auth, client in clients:
            client.get(url)  # warm caches and imports
            walls, cpus = [], []
            db_start = backend_cpu_seconds(connection)
            for _ in range(args.repeat):
                forget()
                start, cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                cpus.append((time.process_time() - cpu) * 1000)
                walls.append((time.perf_counter() - start) * 1000)
            db_end = backend_cpu_seconds(connection)
            db = (
                f"{(db_end - db_start) * 1000 / args.repeat:9.2f}"
                if db_start is not None and db_end is not None
                else f"{'-':>9}"
            )
            forget()
            queries = count_queries(connection, lambda: client.get(url))  # noqa: B023
            if args.profile:
                # CPU time, not wall time: on a shared machine the wall clock counts
                # the waits for the database and for the other processes on the cores.
                profile = cProfile.Profile(time.process_time)
                profile.enable()
                for _ in range(args.repeat):
                    forget()
                    client.get(url)
                profile.disable()
                name = url.strip("/").split("?")[0].replace("/", "_")
                profile.dump_stats(Path(args.profile) / f"{name}-{auth}.prof")
            print(
                f"{url:<32} {auth:<7} {response.status_code:>6} {statistics.median(walls):8.2f} "
                f"{statistics.median(cpus):7.2f} {db} {queries:>7}",
                flush=True,
            )


if __name__ == "__main__":
    main()
