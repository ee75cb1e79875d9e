"""Background work for imports (``fasit worker``, the in-process worker of ``fasit
serve``; immediately in tests)."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from fasit.core.task_recovery import on_recovery
from fasit.transfer import services


@task()
def run_import_job(job_id: int) -> None:
    """Run a queued import. Safe to deliver twice: only a queued job runs."""
    services.import_job_run(job_id=job_id)


def _job_id(args: list[Any], kwargs: dict[str, Any]) -> int:
    return int(args[0] if args else kwargs["job_id"])


# A killed import rolled back (one transaction), so it may run again from the start:
# the job goes back to queued, which is what import_job_run runs.
on_recovery(
    run_import_job,
    retry=lambda args, kwargs: services.import_job_requeue(job_id=_job_id(args, kwargs)),
    give_up=lambda args, kwargs: services.import_job_abandon(job_id=_job_id(args, kwargs)),
)
