"""The day's snapshots refreshed by the worker at the local day change, without cron.

A day's first Being on, home or Key accounts request ranks from today's
``AccountHealth`` and knowledge rows (``snapshots.py``); before anything has written
them, it scores every account and person of the team itself (about a second of CPU at
``--scale 100``). ``fasit worker`` therefore calls ``refresh_if_due`` every round of
its loop: once the local day (``TIME_ZONE``) has changed, the first worker to claim
the day refreshes every team's snapshots, and every other worker (several workers, or
one per web server) finds the claim and skips.

The claim is a ``DailyRun`` row, unique per (job, day), inserted in its own short
transaction: an insert that meets the row is refused by the database, so two workers
never both run the day (no double run), and a database that cannot be reached runs
nothing (fail closed). The run then renews its claim as it goes and marks the day
finished only at its end: a worker stopped mid-run (a crash, ``kill -9``, a deploy)
leaves the day unfinished, and once its claim is older than
``FASIT_TASK_STALE_SECONDS`` another worker takes it over (a conditional update, so
only one does) and runs the day again from the start; the refresh is idempotent.
A run that fails with an error is left the same way and so tried again after that
time, not in a tight loop.

Cron stays possible: ``refresh_account_health_task`` runs the same refresh whenever it
is enqueued, and ``FASIT_DAILY_REFRESH=0`` turns the worker's own run off.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Callable
from enum import Enum

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from fasit.relationships import snapshots
from fasit.relationships.models import DailyRun
from fasit.tenancy.models import Team

logger = logging.getLogger(__name__)

#: the job's name in ``DailyRun``
SNAPSHOTS = "snapshots"


class Outcome(Enum):
    RAN = "ran"  # this worker ran the day
    DONE = "done"  # the day was already finished (by another worker)
    BUSY = "busy"  # another worker holds a live claim on the day: look again later


class ClaimLost(Exception):
    """Another worker took the claim over (ours had aged past the lease): stop."""


def worker_name() -> str:
    """Who holds a claim, for the operator reading the table and for the updates
    that must only touch our own claim (unique per process start)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:100]


def _lease() -> dt.timedelta:
    return dt.timedelta(seconds=settings.FASIT_TASK_STALE_SECONDS)


def claim(job: str, day: dt.date, *, worker: str) -> DailyRun | Outcome:
    """The day's run of ``job`` claimed for ``worker``, or why not (``DONE`` or
    ``BUSY``). Each step is its own short transaction (on SQLite a write lock held for
    the whole refresh would stop every other write)."""
    now = timezone.now()
    try:
        with transaction.atomic():
            return DailyRun.objects.create(job=job, day=day, claimed_by=worker, claimed_at=now)
    except IntegrityError:
        pass  # the row is there: finished, being run, or left by a stopped worker
    run = DailyRun.objects.filter(job=job, day=day).first()
    if run is None:
        # Deleted between our insert and this read (by hand): the next round inserts.
        return Outcome.BUSY
    if run.finished_at is not None:
        return Outcome.DONE
    if run.claimed_at > now - _lease():
        return Outcome.BUSY
    # Taken over only if nobody renewed or took it since we read it.
    taken = DailyRun.objects.filter(
        pk=run.pk, finished_at=None, claimed_by=run.claimed_by, claimed_at=run.claimed_at
    ).update(claimed_by=worker, claimed_at=now)
    if not taken:
        return Outcome.BUSY
    logger.warning(
        "Daily %s of %s: %s stopped before finishing; %s runs it again",
        job,
        day,
        run.claimed_by,
        worker,
    )
    run.claimed_by, run.claimed_at = worker, now
    return run


def _renewer(run: DailyRun) -> Callable[[], None]:
    def renew() -> None:
        if not DailyRun.objects.filter(
            pk=run.pk, claimed_by=run.claimed_by, finished_at=None
        ).update(claimed_at=timezone.now()):
            raise ClaimLost(run.pk)

    return renew


def refresh_snapshots(day: dt.date, *, progress: Callable[[], None] | None = None) -> int:
    """Every team's account health and knowledge snapshots for ``day`` (the work of
    ``refresh_account_health_task``); ``progress`` is called after each step."""
    stored = 0
    for team in Team.objects.order_by("pk"):
        stored += snapshots.refresh(team, today=day, progress=progress)
        stored += snapshots.refresh_knowledge(team, today=day, progress=progress)
    return stored


def run_once(
    job: str, day: dt.date, work: Callable[[Callable[[], None]], object], *, worker: str
) -> Outcome:
    """Run ``work(renew)`` for ``day`` unless another worker has or is running it;
    ``renew`` must be called often (well within ``FASIT_TASK_STALE_SECONDS``)."""
    claimed = claim(job, day, worker=worker)
    if isinstance(claimed, Outcome):
        return claimed
    renew = _renewer(claimed)
    try:
        work(renew)
    except ClaimLost:
        logger.error("Daily %s of %s: claim taken over by another worker; stopped", job, day)
        return Outcome.BUSY
    # Only now is the day done; an error above leaves it claimed and unfinished.
    DailyRun.objects.filter(pk=claimed.pk, claimed_by=worker).update(finished_at=timezone.now())
    return Outcome.RAN


def refresh_if_due(*, worker: str, today: dt.date | None = None) -> Outcome:
    """Refresh today's snapshots unless they have been (or are being) refreshed."""
    day = today or timezone.localdate()
    return run_once(
        SNAPSHOTS, day, lambda renew: refresh_snapshots(day, progress=renew), worker=worker
    )
