"""The database rate store (``FASIT_API_RATE_STORE=database``) with two real web
processes: two WSGI servers on loopback, each its own Python process with its own
cache, sharing one database. A token's requests alternate between them; the limit
holds across both, and under concurrent requests exactly ``limit`` are let through.
The cache store, for contrast, lets each process count on its own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

# The servers count in child processes on the real clock, which the sweep's clock never
# reaches (it would only set this process's window check against theirs).
pytestmark = pytest.mark.clock_free

FASIT = Path(sys.executable).parent / "fasit"
WINDOW = 3600

SERVER = """
import django
django.setup()
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from django.core.wsgi import get_wsgi_application

class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass

httpd = make_server("127.0.0.1", 0, get_wsgi_application(), WSGIServer, Quiet)
print(httpd.server_port, flush=True)
httpd.serve_forever()
"""

SETUP = """
import django
django.setup()
from fasit.tenancy.models import Membership, Role, Team
from fasit.tenancy.services import api_token_create
from django.contrib.auth import get_user_model

team = Team.objects.create(name="Rate", slug="rate")
user = get_user_model().objects.create_user("rate", password="x")
Membership.objects.create(team=team, user=user, role=Role.OWNER)
print(api_token_create(team=team, user=user, actor=user, name="TOKEN_NAME")[1])
"""


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("rate")
    yield folder


def _env(folder: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "PYTEST_CURRENT_TEST", "PYTEST_XDIST_WORKER"}
    }
    # A SQLite file both processes open: the database is what they share, nothing else.
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "fasit.settings",
            "FASIT_DATA_DIR": str(folder),
            "FASIT_TESTING": "0",
            "FASIT_API_RATE_WINDOW": str(WINDOW),
            **extra,
        }
    )
    return env


@pytest.fixture(scope="module")
def token(data_dir: Path) -> str:
    env = _env(data_dir)
    done = subprocess.run(
        [str(FASIT), "manage", "migrate", "-v0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    made = subprocess.run(
        [sys.executable, "-c", SETUP], env=env, capture_output=True, text=True, timeout=120
    )
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1]


def _servers(folder: Path, store: str, limit: int) -> list[tuple[subprocess.Popen[str], str]]:
    env = _env(folder, FASIT_API_RATE_STORE=store, FASIT_API_RATE_LIMIT=str(limit))
    started = []
    for _ in range(2):
        process = subprocess.Popen(
            [sys.executable, "-c", SERVER], env=env, stdout=subprocess.PIPE, text=True
        )
        assert process.stdout is not None
        port = process.stdout.readline().strip()
        started.append((process, f"http://127.0.0.1:{port}"))
    return started


def _stop(servers: list[tuple[subprocess.Popen[str], str]]) -> None:
    for process, _url in servers:
        process.terminate()
        process.wait(timeout=10)


def _status(base: str, token: str) -> int:
    request = urllib.request.Request(
        f"{base}/api/accounts?limit=1", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def _in_one_window(run: object) -> list[int]:
    """Run the calls again if they straddled a window boundary (a new window resets
    the count, which would say nothing about the store)."""
    for _attempt in range(3):
        start = int(time.time() // WINDOW)
        statuses = run()  # type: ignore[operator]
        if int(time.time() // WINDOW) == start:
            return list(statuses)
    raise AssertionError("three window boundaries in a row")


def _fresh_token(folder: Path, token_name: str) -> str:
    script = SETUP.replace(
        'team = Team.objects.create(name="Rate", slug="rate")\n'
        'user = get_user_model().objects.create_user("rate", password="x")\n'
        "Membership.objects.create(team=team, user=user, role=Role.OWNER)\n",
        'team = Team.objects.get(slug="rate")\nuser = get_user_model().objects.get(username="rate")\n',
    ).replace("TOKEN_NAME", token_name)
    made = subprocess.run(
        [sys.executable, "-c", script],
        env=_env(folder),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1]


def test_the_database_store_holds_the_limit_across_two_processes(
    data_dir: Path, token: str
) -> None:
    servers = _servers(data_dir, "database", limit=3)
    try:
        (_a, first), (_b, second) = servers
        alternating = _in_one_window(
            lambda: [_status(base, token) for base in (first, second, first, second)]
        )
        assert alternating == [200, 200, 200, 429]
        # Concurrent requests from eight threads at both processes with a fresh
        # token: exactly the limit passes (the upsert is atomic across processes).
        busy = _fresh_token(data_dir, "busy")
        servers_by_turn = [first, second] * 15

        def burst() -> list[int]:
            with ThreadPoolExecutor(8) as pool:
                return list(pool.map(lambda base: _status(base, busy), servers_by_turn))

        statuses = _in_one_window(burst)
        assert sorted(statuses).count(200) == 3 and statuses.count(429) == 27
    finally:
        _stop(servers)


def test_the_cache_store_counts_in_each_process(data_dir: Path, token: str) -> None:
    own = _fresh_token(data_dir, "cache")
    servers = _servers(data_dir, "cache", limit=3)
    try:
        (_a, first), (_b, second) = servers
        statuses = _in_one_window(
            lambda: [_status(base, own) for base in (first, second) * 3 + (first,)]
        )
        # Each process let three through: twice the limit in all.
        assert statuses == [200] * 6 + [429]
    finally:
        _stop(servers)
