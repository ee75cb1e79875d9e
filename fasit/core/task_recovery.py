"""Picking up background tasks that a killed worker left "RUNNING".

django-tasks' database worker marks a task RUNNING when it claims it and SUCCESSFUL or
FAILED when it ends; a worker killed in between (``kill -9``, a crash, a power cut)
leaves the row RUNNING for ever and nothing runs it again. ``fasit worker`` calls
``recover_stale_tasks`` when it starts and then every minute: a task RUNNING for longer
than ``FASIT_TASK_STALE_SECONDS`` is queued again, until it has been tried
``FASIT_TASK_MAX_ATTEMPTS`` times; then it is marked failed with a message, and the
record waiting for it (a listening analysis, an import) is told so, so no page waits on
it for ever. Each row is changed in its own short transaction, and only if it is still
the same RUNNING claim (another worker may have finished it meanwhile).

Our tasks are safe to run twice (each says so), which is what makes retrying right.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# What to do to the records a task works on: (args, kwargs) of the task.
Hook = Callable[[list[Any], dict[str, Any]], None]


@dataclass(frozen=True)
class Recovery:
    retry: Hook | None = None
    give_up: Hook | None = None


_HOOKS: dict[str, Recovery] = {}


def on_recovery(task: Any, *, retry: Hook | None = None, give_up: Hook | None = None) -> None:
    """Register what to do when ``task`` is queued again after a killed worker
    (``retry``) or abandoned after the last attempt (``give_up``)."""
    _HOOKS[task.module_path] = Recovery(retry=retry, give_up=give_up)


@dataclass(frozen=True)
class RecoveryResult:
    requeued: int = 0
    failed: int = 0


INTERRUPTED = ("builtins.SystemExit", "builtins.KeyboardInterrupt")

GIVE_UP_MESSAGE = (
    "The worker running this task stopped before it finished ({attempts} attempts); "
    "it is not tried again."
)


def _hooks(task_path: str) -> Recovery:
    if task_path not in _HOOKS:
        with contextlib.suppress(ImportError):
            import_string(task_path)  # the task's module registers its hooks
    return _HOOKS.get(task_path, Recovery())


def recover_stale_tasks(
    *,
    now: dt.datetime | None = None,
    stale_after: int | None = None,
    max_attempts: int | None = None,
) -> RecoveryResult:
    now = now or timezone.now()
    stale_after = settings.FASIT_TASK_STALE_SECONDS if stale_after is None else stale_after
    max_attempts = settings.FASIT_TASK_MAX_ATTEMPTS if max_attempts is None else max_attempts
    cutoff = now - dt.timedelta(seconds=stale_after)
    fields = ("pk", "status", "started_at", "worker_ids", "task_path", "args_kwargs")
    stale = list(
        DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=cutoff
        ).values_list(*fields)
    ) + list(
        # A worker stopped twice in a row (Ctrl+C twice, or SIGTERM from both a
        # service manager and `fasit serve`) marks its task failed with SystemExit:
        # interrupted, not broken, so it is treated like one a kill left running.
        DBTaskResult.objects.filter(
            status=TaskResultStatus.FAILED, exception_class_path__in=INTERRUPTED
        ).values_list(*fields)
    )
    requeued = failed = 0
    for pk, status, started_at, worker_ids, task_path, args_kwargs in stale:
        attempts = len(worker_ids or [])
        hooks = _hooks(task_path)
        args, kwargs = args_kwargs.get("args", []), args_kwargs.get("kwargs", {})
        claim = DBTaskResult.objects.filter(pk=pk, status=status, started_at=started_at)
        with transaction.atomic():
            if attempts < max_attempts:
                if not claim.update(status=TaskResultStatus.READY, finished_at=None):
                    continue
                if hooks.retry:
                    hooks.retry(args, kwargs)
                requeued += 1
                logger.warning(
                    "Task %s (%s) was left running by a stopped worker; queued again "
                    "(attempt %s of %s)",
                    pk,
                    task_path,
                    attempts + 1,
                    max_attempts,
                )
            else:
                if not claim.update(
                    status=TaskResultStatus.FAILED,
                    finished_at=now,
                    exception_class_path="fasit.core.task_recovery.TaskAbandoned",
                    traceback=GIVE_UP_MESSAGE.format(attempts=attempts),
                    return_value=None,
                ):
                    continue
                if hooks.give_up:
                    hooks.give_up(args, kwargs)
                failed += 1
                logger.error(
                    "Task %s (%s) was left running %s times; marked failed",
                    pk,
                    task_path,
                    attempts,
                )
    return RecoveryResult(requeued=requeued, failed=failed)
