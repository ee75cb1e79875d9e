"""Background work for conversations, run by django-tasks (``fasit worker``, or the
in-process worker of ``fasit serve`` and ``fasit demo``; immediately in tests)."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from fasit.conversations import services
from fasit.core.task_recovery import on_recovery


@task()
def analyse_transcript(analysis_id: int, revision: int) -> None:
    """Compute a transcript's listening metrics. Safe to run twice; a run queued
    before the latest upload or mapping change does nothing."""
    services.listening_analyse(analysis_id=analysis_id, revision=revision)


def _analysis_abandoned(args: list[Any], kwargs: dict[str, Any]) -> None:
    analysis_id, revision = (list(args) + [kwargs.get("analysis_id"), kwargs.get("revision")])[:2]
    services.listening_give_up(analysis_id=analysis_id, revision=revision)


on_recovery(analyse_transcript, give_up=_analysis_abandoned)
