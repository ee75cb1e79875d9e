"""Background work for imports (``fasit worker``, the in-process worker of ``fasit
serve``; immediately in tests)."""

from __future__ import annotations

from django_tasks import task

from fasit.transfer import services


@task()
def run_import_job(job_id: int) -> None:
    """Run a queued import. Safe to deliver twice: only a queued job runs."""
    services.import_job_run(job_id=job_id)
