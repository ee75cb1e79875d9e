"""``fasit worker``: django-tasks' database worker that also picks up the tasks a
killed worker left RUNNING (see ``fasit/core/task_recovery.py``): when it starts and
then every ``RECOVERY_INTERVAL`` seconds, busy or idle; and that refreshes the day's
account health and knowledge snapshots once the local day has changed, once per
installation however many workers run (``fasit/relationships/daily.py``)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.conf import settings
from django.db.utils import DatabaseError, OperationalError
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from fasit.core.task_recovery import recover_stale_tasks

RECOVERY_INTERVAL = 60.0
#: how often a worker looks again at a day another worker has claimed (it takes the
#: day over once that claim is stale: relationships/daily.py)
DAILY_RECHECK = 60.0


class Recovery:
    def __init__(self) -> None:
        self.due = 0.0

    def __call__(self) -> None:
        if time.monotonic() < self.due:
            return
        self.due = time.monotonic() + RECOVERY_INTERVAL
        try:
            result = recover_stale_tasks()
        except OperationalError:  # locked for long: the next round tries again
            db_worker.logger.exception("Could not look for stale tasks")
            return
        if result.requeued or result.failed:
            db_worker.logger.warning(
                "Stale tasks: %s queued again, %s marked failed", result.requeued, result.failed
            )


class DailyRefresh:
    """Refreshes the day's snapshots at the local day change. Between day changes a
    round costs one clock read and no query: a day is looked up once, and again only
    while another worker holds it unfinished."""

    def __init__(self) -> None:
        from fasit.relationships import daily  # an app's module: loaded after setup

        self.daily = daily
        self.worker = daily.worker_name()
        self.finished: dt.date | None = None
        self.looked: dt.date | None = None
        self.due = 0.0

    def __call__(self) -> None:
        if not settings.FASIT_DAILY_REFRESH:
            return
        today = timezone.localdate()
        if today == self.finished:
            return
        if today == self.looked and time.monotonic() < self.due:
            return
        self.looked, self.due = today, time.monotonic() + DAILY_RECHECK
        try:
            outcome = self.daily.refresh_if_due(worker=self.worker, today=today)
        except DatabaseError:  # locked or unreachable: fail closed, look again later
            db_worker.logger.exception("Could not refresh the snapshots of %s", today)
            return
        except Exception:  # a bug must not stop the worker's tasks; the claim ages out
            db_worker.logger.exception("The snapshots' refresh of %s failed", today)
            return
        if outcome is not self.daily.Outcome.BUSY:
            self.finished = today
        if outcome is self.daily.Outcome.RAN:
            db_worker.logger.info("Refreshed the snapshots of %s", today)


class Command(db_worker.Command):
    help = "Run the background task worker (and re-queue tasks a killed worker left running)."

    def handle(self, *args: Any, **options: Any) -> None:
        # The worker's loop calls close_old_connections() at the top of every round
        # (after each task and after each idle sleep), never from a signal handler:
        # the one place to hook a periodic check without copying the loop.
        original = db_worker.close_old_connections
        recovery = Recovery()
        refresh = DailyRefresh()

        def close_and_recover() -> None:
            original()
            recovery()
            refresh()

        db_worker.close_old_connections = close_and_recover
        try:
            super().handle(*args, **options)
        finally:
            db_worker.close_old_connections = original
