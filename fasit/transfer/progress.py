"""Progress of a running import, visible while its transaction is still open.

The import writes inside one transaction, so nothing it does can be seen by the page
until it commits. Progress therefore goes around it: on PostgreSQL through a second
connection (autocommit) to the job's row; on SQLite, where a second writer would wait
for the import's lock, into a small file beside the database (SQLite serves one
machine, so every process that sees the database sees the file).

The time of the last report is the heartbeat: a run that stops reporting was killed,
and the page says so (its transaction died with it, so nothing was stored).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

STALE_SECONDS = 120


@dataclass(frozen=True)
class Snapshot:
    done: int
    total: int
    at: float  # time.time() of the report

    @property
    def percent(self) -> int:
        return min(99, round(100 * self.done / self.total)) if self.total else 0

    @property
    def stale(self) -> bool:
        return time.time() - self.at > STALE_SECONDS


def _path(job_id: int) -> Path:
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"progress-{job_id}.json"


class Reporter:
    """Reports one job's progress; at most a few times a second."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.last = 0.0
        self.side = None
        if connection.vendor == "postgresql":
            self.side = connections.create_connection("default")
            self.side.set_autocommit(True)

    def __call__(self, done: int, total: int, force: bool = False) -> None:
        now = time.time()
        if not force and now - self.last < 0.5:
            return
        self.last = now
        if self.side is not None:
            with self.side.cursor() as cursor:
                cursor.execute(
                    "UPDATE transfer_importjob SET progress_done = %s, progress_total = %s, "
                    "heartbeat = %s WHERE id = %s",
                    [done, total, now, self.job_id],
                )
            return
        path = _path(self.job_id)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"done": done, "total": total, "at": now}))
        os.replace(temporary, path)

    def close(self) -> None:
        if self.side is not None:
            self.side.close()


def read(job: object) -> Snapshot | None:
    job_id = job.pk  # type: ignore[attr-defined]
    if connection.vendor == "postgresql":
        if not job.heartbeat:  # type: ignore[attr-defined]
            return None
        return Snapshot(job.progress_done, job.progress_total, job.heartbeat)  # type: ignore[attr-defined]
    try:
        data = json.loads(_path(job_id).read_text())
    except (OSError, ValueError):
        return None
    return Snapshot(int(data["done"]), int(data["total"]), float(data["at"]))


def clear(job_id: int) -> None:
    _path(job_id).unlink(missing_ok=True)
