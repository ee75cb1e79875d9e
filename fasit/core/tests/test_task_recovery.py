"""Tasks a killed worker left RUNNING are run again, at most three times in all, and
then fail with a message that the page shows instead of spinning.

The kill is simulated by the row it leaves behind: a task claimed (status RUNNING,
``started_at`` set, the worker's id appended to ``worker_ids``) and never finished.
The worker itself is the real ``fasit worker`` command (in batch mode, in-process).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from fasit.conversations.models import AnalysisStatus, ListeningAnalysis
from fasit.conversations.services import conversation_log
from fasit.core.task_recovery import recover_stale_tasks
from fasit.testing import AccountFactory
from fasit.transfer.models import ImportJob, ImportStatus

MEETING = b"""WEBVTT

00:00:00.000 --> 00:00:03.000
<v Bob>How do you plan maintenance today?</v>

00:00:03.500 --> 00:00:09.000
<v Kari Berg>We need remote monitoring of the pumps.</v>
"""

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def analysis(team_a: Any, bob: Any, django_capture_on_commit_callbacks: Any) -> ListeningAnalysis:
    """A transcript uploaded with the database task backend: its analysis is queued."""
    with override_settings(TASKS=DB_TASKS), django_capture_on_commit_callbacks(execute=True):
        conversation = conversation_log(
            team=team_a,
            actor=bob,
            account=AccountFactory(team=team_a),
            transcript=SimpleUploadedFile("m.vtt", MEETING),
        )
    return ListeningAnalysis.objects.get(conversation=conversation)


def _killed(attempts: int, minutes_ago: int = 30) -> DBTaskResult:
    """The row a worker killed during its ``attempts``-th try leaves."""
    row = DBTaskResult.objects.get()
    row.status = TaskResultStatus.RUNNING
    row.started_at = timezone.now() - dt.timedelta(minutes=minutes_ago)
    row.worker_ids = [f"killed-{n}" for n in range(attempts)]
    row.save()
    return row


def _run_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    # The worker closes old connections between tasks; here the connection is the
    # test's own transaction (on PostgreSQL closing it would end the test's data).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    with override_settings(TASKS=DB_TASKS):
        call_command(
            "fasit_worker", "--batch", "--no-startup-delay", "--no-reload", "--verbosity", "0"
        )


def test_a_task_left_running_by_a_killed_worker_runs_again(
    analysis: ListeningAnalysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = _killed(attempts=1)
    _run_worker(monkeypatch)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert len(row.worker_ids) == 2
    analysis.refresh_from_db()
    assert analysis.status == AnalysisStatus.DONE


def test_after_three_attempts_it_fails_and_the_card_says_so(
    analysis: ListeningAnalysis, bob_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = _killed(attempts=3)
    _run_worker(monkeypatch)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    assert "3 attempts" in row.traceback
    analysis.refresh_from_db()
    assert analysis.status == AnalysisStatus.FAILED
    card = bob_client.get(
        reverse("conversations:listening_card", args=[analysis.conversation_id])
    ).content.decode()
    assert "The listening analysis failed." in card
    assert "interrupted several times" in card
    assert "every 2s" not in card  # no more polling


def test_a_task_running_now_is_left_alone(analysis: ListeningAnalysis) -> None:
    row = _killed(attempts=1, minutes_ago=1)
    assert recover_stale_tasks() == recover_stale_tasks(stale_after=600)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING
    analysis.refresh_from_db()
    assert analysis.status == AnalysisStatus.PENDING


def test_a_killed_import_is_queued_again_then_abandoned(team_a: Any, alice: Any) -> None:
    from fasit.transfer.tasks import run_import_job

    job = ImportJob.objects.create(
        team=team_a, created_by=alice, file_name="people.csv", status=ImportStatus.RUNNING
    )
    with override_settings(TASKS=DB_TASKS):
        run_import_job.enqueue(job.pk)
    _killed(attempts=1)
    assert recover_stale_tasks().requeued == 1
    job.refresh_from_db()
    assert job.status == ImportStatus.QUEUED
    _killed(attempts=3)
    job.status = ImportStatus.RUNNING
    job.save()
    assert recover_stale_tasks().failed == 1
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "interrupted several times" in job.error


def test_a_task_failed_by_a_forced_stop_runs_again(
    analysis: ListeningAnalysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two SIGTERMs make django-tasks-db's worker exit mid-task and mark the task
    failed with SystemExit: interrupted, so it runs again (the card would wait)."""
    row = _killed(attempts=1)
    row.status = TaskResultStatus.FAILED
    row.exception_class_path = "builtins.SystemExit"
    row.finished_at = timezone.now()
    row.save()
    _run_worker(monkeypatch)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    analysis.refresh_from_db()
    assert analysis.status == AnalysisStatus.DONE
