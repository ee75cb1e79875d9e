"""Background work computes outside any write transaction.

On SQLite, transactions begin IMMEDIATE: a transaction that reads and then computes
holds the database's one write lock the whole time, and every other writer in every
team waits (and fails after the busy timeout). Each expensive step (the proposal
engine, transcript parsing and analysis, who is due for erasure) is spied on here and
must run with no transaction open beyond the test's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from fasit.conversations import services as conversation_services
from fasit.conversations.models import NOTES_MAX_CHARS
from fasit.privacy import retention
from fasit.signals import services as signal_services
from fasit.signals.models import Proposal
from fasit.testing import AccountFactory, ConversationFactory, PersonRoleFactory

MEETING = """WEBVTT

00:00:00.000 --> 00:00:03.000
<v Bob Dahl>Hvordan ser vedlikeholdet ut hos dere i dag?</v>

00:00:03.500 --> 00:00:09.000
<v Kari Berg>Vi trenger fjernovervåking av pumpene, vi oppdager feilene for sent.</v>
"""


class Spy:
    """Wraps a function and records how many atomic blocks were open at each call,
    relative to the test's own (pytest-django's test transaction)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, target: Any, name: str) -> None:
        self.depths: list[int] = []
        self.base = len(connection.atomic_blocks)
        original: Callable[..., Any] = getattr(target, name)

        def spy(*args: Any, **kwargs: Any) -> Any:
            self.depths.append(len(connection.atomic_blocks) - self.base)
            return original(*args, **kwargs)

        monkeypatch.setattr(target, name, spy)


def test_proposals_from_notes_compute_outside_a_transaction(
    team_a: Any, bob: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversation = ConversationFactory(team=team_a, notes="Vi trenger kortere leveringstid.")
    spy = Spy(monkeypatch, signal_services, "propose")
    signal_services.proposals_from_notes(conversation=conversation)
    assert spy.depths == [0]
    assert Proposal.objects.filter(conversation=conversation).count() == 1


def test_proposals_from_turns_compute_outside_a_transaction(
    team_a: Any, bob: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversation = ConversationFactory(team=team_a, notes="")
    spy = Spy(monkeypatch, signal_services, "propose")
    signal_services.proposals_from_turns(
        conversation=conversation,
        turns=[("Vi trenger fjernovervåking.", None, "", ""), ("Vi trenger EDI.", None, "", "")],
    )
    assert spy.depths == [0, 0]


def test_one_run_writes_a_bounded_number_of_proposals(team_a: Any, bob: Any) -> None:
    conversation = ConversationFactory(team=team_a, notes="")
    turns = [(f"Vi trenger {n} nya pumpar till lagret.", None, "", "") for n in range(400)]
    created = signal_services.proposals_from_turns(conversation=conversation, turns=turns)
    assert len(created) == signal_services.MAX_PROPOSALS_PER_RUN


def test_a_transcript_is_parsed_and_analysed_outside_a_transaction(
    team_a: Any, bob: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    account = AccountFactory(team=team_a)
    kari = PersonRoleFactory(person__team=team_a, person__name="Kari Berg", account=account).person
    parse = Spy(monkeypatch, conversation_services, "parse_transcript")
    analyse = Spy(monkeypatch, conversation_services, "analyse")
    propose = Spy(monkeypatch, signal_services, "propose")
    with django_capture_on_commit_callbacks(execute=True):
        conversation_services.conversation_log(
            team=team_a,
            actor=bob,
            account=account,
            people=[kari],
            transcript=SimpleUploadedFile("m.vtt", MEETING.encode()),
        )
    # Once at upload, once more in the analysis task (which reads the stored bytes).
    assert parse.depths == [0, 0]
    assert analyse.depths == [0]
    assert propose.depths and set(propose.depths) == {0}


def test_retention_works_out_who_is_due_outside_a_transaction(
    team_a: Any, alice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch, retention, "people_due")
    retention.retention_run(team=team_a, today=timezone.localdate())
    assert spy.depths == [0]


def test_notes_have_a_limit_with_a_clear_message(team_a: Any, bob: Any) -> None:
    account = AccountFactory(team=team_a)
    with pytest.raises(ValidationError) as error:
        conversation_services.conversation_log(
            team=team_a, actor=bob, account=account, notes="x" * (NOTES_MAX_CHARS + 1)
        )
    assert error.value.message_dict["notes"] == [
        "Notes can be at most 20,000 characters; these are 20,001. "
        "Shorten them or attach the rest as a file."
    ]
    conversation = conversation_services.conversation_log(
        team=team_a, actor=bob, account=account, notes="x" * NOTES_MAX_CHARS
    )
    assert len(conversation.notes) == NOTES_MAX_CHARS
