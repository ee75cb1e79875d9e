"""``fasit worker``: django-tasks' database worker that also picks up the tasks a
killed worker left RUNNING (see ``fasit/core/task_recovery.py``): when it starts and
then every ``RECOVERY_INTERVAL`` seconds, busy or idle."""

from __future__ import annotations

import time
from typing import Any

from django.db.utils import OperationalError
from django_tasks_db.management.commands import db_worker

from fasit.core.task_recovery import recover_stale_tasks

RECOVERY_INTERVAL = 60.0


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


class Command(db_worker.Command):
    help = "Run the background task worker (and re-queue tasks a killed worker left running)."

    def handle(self, *args: Any, **options: Any) -> None:
        # The worker's loop calls close_old_connections() at the top of every round
        # (after each task and after each idle sleep), never from a signal handler:
        # the one place to hook a periodic check without copying the loop.
        original = db_worker.close_old_connections
        recovery = Recovery()

        def close_and_recover() -> None:
            original()
            recovery()

        db_worker.close_old_connections = close_and_recover
        try:
            super().handle(*args, **options)
        finally:
            db_worker.close_old_connections = original
