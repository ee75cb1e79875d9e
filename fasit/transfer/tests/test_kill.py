"""A ``kill -9`` in the middle of an import leaves nothing behind.

A real worker process on a real SQLite database of its own: the import is started as
the background task runs it, killed once its progress shows batches written inside
its transaction, and the database is opened again.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FASIT = [sys.executable, "-c", "from fasit.cli import main; raise SystemExit(main())"]

SETUP = """
from django.core.files.uploadedfile import SimpleUploadedFile
from fasit.tenancy.models import Membership, Team
from fasit.testing import UserFactory
from fasit.transfer import services
team = Team.objects.create(name="K", slug="k")
user = UserFactory(username="kim")
Membership.objects.create(team=team, user=user, role="owner")
upload = SimpleUploadedFile("contacts.csv", open({path!r}, "rb").read())
job = services.import_job_create(team=team, actor=user, upload=upload)
services.import_job_start(job=job, actor=user, dry_run=False)
print("JOB", job.pk)
"""


def _fasit(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([*FASIT, *args], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


# Every index of the database, by name and SQL.
INDEXES = (
    "from django.db import connection; c = connection.cursor();"
    "c.execute(\"SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name\");"
    "print(c.fetchall())"
)


@pytest.mark.clock_free  # the import runs in a child process the session clock never reaches
def test_kill_9_mid_import_stores_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "FASIT_TESTING"}}
    data = tmp_path / "data"
    env["FASIT_DATA_DIR"] = str(data)
    _fasit(env, "manage", "migrate", "-v0")
    rows = 60_000
    path = tmp_path / "contacts.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Record ID,First Name,Last Name,Email,Associated Company\n")
        for i in range(rows):
            handle.write(f"{i},Kari,Nordmann {i},kari{i}@fjord{i % 500}.no,Fjord {i % 500} AS\n")
    job_id = int(_fasit(env, "manage", "shell", "-c", SETUP.format(path=str(path))).split()[-1])
    # A first file this large builds the people's indexes at its end (transfer/sqlite_load.py):
    # the kill must leave them as they were.
    indexes = _fasit(env, "manage", "shell", "-c", INDEXES)
    worker = subprocess.Popen(
        [*FASIT, "manage", "shell", "-c",
         f"from fasit.transfer.services import import_job_run; import_job_run(job_id={job_id})"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    progress = data / "imports" / f"progress-{job_id}.json"
    deadline = time.monotonic() + 240
    done = 0
    # Wait until the run has written at least two batches into its open transaction.
    while time.monotonic() < deadline and worker.poll() is None and done < 10_000:
        with contextlib.suppress(OSError, ValueError):
            done = json.loads(progress.read_text())["done"]
        time.sleep(0.02)
    assert worker.poll() is None, "the import finished before it could be killed"
    assert done >= 10_000
    worker.send_signal(signal.SIGKILL)
    assert worker.wait(timeout=30) == -signal.SIGKILL
    counts = _fasit(
        env,
        "manage",
        "shell",
        "-c",
        "from fasit.customers.models import Account, Person;"
        "from fasit.transfer.models import ImportJob;"
        "print(Person.objects.count(), Account.objects.count(), ImportJob.objects.get().status)",
    )
    assert counts.split() == ["0", "0", "running"]
    assert _fasit(env, "manage", "shell", "-c", INDEXES) == indexes
    # The page shows the run as stopped once its heartbeat is old; the file imports
    # completely on the next try.
    assert "created 60000" in _fasit(env, "import", str(path), "--team", "k")
