from __future__ import annotations

from typing import Any

from django.core import mail
from django.core.management import call_command

from fasit.relationships import digest
from fasit.relationships.digest import DigestItem, DigestSection, send_daily_digests
from fasit.relationships.tasks import send_daily_digests_task
from fasit.relationships.tests.conftest import TODAY, TOMORROW


def test_digest_carries_context_and_goes_out_once_a_day(
    kari: Any, alice: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert send_daily_digests(today=TODAY) == 1
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    body = message.body
    assert f"Kari Berg: turns {TOMORROW.year - 1980}, tomorrow" in body
    assert "CEO, Fjord Energi AS" in body
    assert "Daughter: Emma" in body and "Cross-country skiing" in body
    assert "Stable deliveries" in body
    assert "Last conversation" in body and "Spring plans" in body
    assert "Open follow-up: Send the offer" in body
    assert "Going dark" in body and "Fjord Energi AS is going dark" in body
    assert "Revenue at risk" in body
    assert "Kari Berg" in message.alternatives[0][0]
    with django_capture_on_commit_callbacks(execute=True):
        assert send_daily_digests(today=TODAY) == 0
    assert len(mail.outbox) == 1


def test_no_digest_when_turned_off_or_nothing_to_say(
    kari: Any, alice: Any, bob: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from fasit.relationships import services

    services.reminder_setting_update(
        team=kari.team, user=alice, actor=alice, days_before=3, digest=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_daily_digests(today=TODAY) == 0  # bob owns no accounts
    assert mail.outbox == []


def extra_section(**kwargs: Any) -> DigestSection:
    return DigestSection("signals", "Market signals", [DigestItem("Three customers said it")])


def test_sections_are_composable(
    kari: Any, alice: Any, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    monkeypatch.setattr(
        digest,
        "DIGEST_SECTIONS",
        [*digest.DIGEST_SECTIONS, "fasit.relationships.tests.test_digest.extra_section"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_daily_digests(today=TODAY)
    assert "== Market signals ==" in mail.outbox[0].body


def test_command_and_task(kari: Any, alice: Any, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("fasit_digest", "--date", TODAY.isoformat())
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        call_command("fasit_digest", "--date", TODAY.isoformat(), "--force")
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        result = send_daily_digests_task.enqueue(date="2026-11-22", team_slug="team-a")
    assert result.return_value == 1
