"""Background work for conversations, run by django-tasks (``fasit worker``, or the
in-process worker of ``fasit serve`` and ``fasit demo``; immediately in tests)."""

from __future__ import annotations

from django_tasks import task

from fasit.conversations import services


@task()
def analyse_transcript(analysis_id: int, revision: int) -> None:
    """Compute a transcript's listening metrics. Safe to run twice; a run queued
    before the latest upload or mapping change does nothing."""
    services.listening_analyse(analysis_id=analysis_id, revision=revision)
