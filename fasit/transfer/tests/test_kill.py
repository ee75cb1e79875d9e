"""A ``kill -9`` in the middle of an import leaves nothing behind.

A real process on a real SQLite database of its own: the import is started, killed
once it has written batches inside its transaction, and the database is opened again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

FASIT = [sys.executable, "-c", "from fasit.cli import main; raise SystemExit(main())"]


def _fasit(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([*FASIT, *args], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_kill_9_mid_import_stores_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "FASIT_TESTING"}}
    env["FASIT_DATA_DIR"] = str(tmp_path / "data")
    _fasit(env, "manage", "migrate", "-v0")
    _fasit(
        env,
        "manage",
        "shell",
        "-c",
        "from fasit.tenancy.models import Team; Team.objects.create(name='K', slug='k')",
    )
    rows = 60_000
    path = tmp_path / "contacts.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Record ID,First Name,Last Name,Email,Associated Company\n")
        for i in range(rows):
            handle.write(f"{i},Kari,Nordmann {i},kari{i}@fjord{i % 500}.no,Fjord {i % 500} AS\n")
    wal = tmp_path / "data" / "fasit.sqlite3-wal"
    start = wal.stat().st_size if wal.exists() else 0
    process = subprocess.Popen(
        [*FASIT, "import", str(path), "--team", "k"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    # Wait until the import has written several batches into its open transaction.
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > start + 4_000_000:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the import finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL
    counts = _fasit(
        env,
        "manage",
        "shell",
        "-c",
        "from fasit.customers.models import Account, Person;"
        "from fasit.core.models import AuditEvent;"
        "print(Person.objects.count(), Account.objects.count(), AuditEvent.objects.count())",
    )
    assert counts.strip().splitlines()[-1].split() == ["0", "0", "0"]
    # And the same file imports completely afterwards.
    assert "created 60000" in _fasit(env, "import", str(path), "--team", "k")
