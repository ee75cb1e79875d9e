"""An in-process task worker for single-machine use (``fasit serve``, ``fasit demo``).

Larger installations run ``fasit worker`` as separate processes instead; this
thread exists so that a demo or a small team gets background work done without
a second command.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings

logger = logging.getLogger(__name__)


def start_background_worker(interval: float = 1.0) -> threading.Thread | None:
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return None
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["*"],
        interval=interval,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="in-process",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=worker.run, name="fasit-task-worker", daemon=True)
    thread.start()
    logger.info("In-process task worker started")
    return thread
