"""Erasure and history entries that move a row from one person to another.

An entry that gives a row from person A to person B (a statement given to the one who
said it, a merged duplicate) names both. It is kept in B's history and found from A
too (``AuditEvent.moved_from``), so erasing A takes A out of it and leaves B's record
of the move: "[erased] → B". The name scrub alone misses an old name (A renamed since)
and a one-word name ("Astrid" is only looked for in A's own meetings)."""

from __future__ import annotations

from typing import Any

import pytest

from fasit.core.audit import history
from fasit.core.models import AuditEvent
from fasit.customers import services as customers
from fasit.privacy.erasure import person_erase
from fasit.privacy.selectors import person_dossier
from fasit.signals.services import statement_create, statement_delete, statement_edit
from fasit.testing import ConversationFactory, PersonFactory
from fasit.transfer.merging import record_merge

NEED = "Vi trenger kortere leveringstid på reservedeler"


def _entries_text(team: Any) -> str:
    return " ".join(
        f"{e.object_repr} {e.changes}" for e in AuditEvent.objects.for_team(team).order_by("id")
    )


def _moved(team: Any, actor: Any, name: str) -> tuple[Any, Any, Any]:
    """A statement kept as A's, then given to Bjørn (it was his)."""
    a = PersonFactory(team=team, name=name, email="a.lie@fjord.example")
    b = PersonFactory(team=team, name="Bjørn Lie", email="bjorn@fjord.example")
    conversation = ConversationFactory(team=team)
    statement = statement_create(
        team=team, actor=actor, conversation=conversation, text=NEED, person=a
    )
    statement_edit(statement=statement, actor=actor, person=b)
    return statement, a, b


@pytest.mark.parametrize(
    ("name", "renamed", "needle"),
    [
        # Renamed after the move: the scrub looks for today's name only.
        ("Astrid Lie", "Astrid Lie Hansen", "Astrid Lie"),
        # One word: looked for only in the meetings she was in.
        ("Astrid", None, "Astrid"),
    ],
)
def test_erasing_the_person_a_statement_was_moved_from_keeps_none_of_her_name(
    team_a: Any, alice: Any, name: str, renamed: str | None, needle: str
) -> None:
    statement, astrid, bjorn = _moved(team_a, alice, name)
    move = AuditEvent.objects.get(
        object_type="market_signals.statement", object_id=str(statement.pk), action="update"
    )
    # Stored under Bjørn, found from Astrid as well.
    assert (move.person_ref, move.moved_from) == (str(bjorn.pk), str(astrid.pk))
    assert move.changes["person"] == [name, "Bjørn Lie"]
    # Her access export lists the entry that gave her statement away.
    assert any(
        e["changes"].get("person") == [name, "Bjørn Lie"] for e in person_dossier(astrid)["audit"]
    )
    if renamed:
        customers.person_update(person=astrid, actor=alice, data={"name": renamed})

    person_erase(person=astrid, actor=alice, channel="web")

    assert needle not in _entries_text(team_a)
    assert "a.lie@fjord.example" not in _entries_text(team_a)
    # The statement's history still says it was given to Bjørn, by whom and when.
    move.refresh_from_db()
    assert move.changes["person"] == ["[erased]", "Bjørn Lie"]
    assert move.actor == alice
    rows = history(statement)
    assert [r["action"] for r in rows] == ["create", "update"]
    assert rows[1]["changes"] == [
        {"field": "person", "label": "said by", "old": "[erased]", "new": "Bjørn Lie"}
    ]
    # Bjørn's words stay his.
    statement.refresh_from_db()
    assert statement.person == bjorn
    assert statement.text == NEED


def test_a_statement_moved_back_and_deleted_names_neither_erased_person(
    team_a: Any, alice: Any
) -> None:
    """Astrid → Bjørn → Astrid, then deleted: erasing Astrid blanks her entries and
    takes her name out of the one that gave the statement to Bjørn."""
    statement, astrid, bjorn = _moved(team_a, alice, "Astrid")
    statement_edit(statement=statement, actor=alice, person=astrid)
    key = ("market_signals.statement", str(statement.pk))
    statement_delete(statement=statement, actor=alice)

    person_erase(person=astrid, actor=alice, channel="web")

    entries = list(AuditEvent.objects.filter(object_type=key[0], object_id=key[1]).order_by("id"))
    assert [e.action for e in entries] == ["create", "update", "update", "delete"]
    assert "Astrid" not in _entries_text(team_a)
    # Bjørn's time with it stays told: it was given to him, then taken from him.
    assert entries[1].changes["person"] == ["[erased]", "Bjørn Lie"]
    assert entries[2].changes == {}  # given back to Astrid: hers, blanked


def test_a_statement_moved_to_nobody_keeps_none_of_her_name(team_a: Any, alice: Any) -> None:
    statement, astrid, bjorn = _moved(team_a, alice, "Astrid")
    statement_edit(statement=statement, actor=alice, person=astrid)
    statement_edit(statement=statement, actor=alice, person=None)
    last = AuditEvent.objects.filter(object_id=str(statement.pk)).order_by("id").last()
    assert last is not None
    assert (last.person_ref, last.moved_from) == ("", str(astrid.pk))

    person_erase(person=astrid, actor=alice, channel="web")

    assert "Astrid" not in _entries_text(team_a)
    last.refresh_from_db()
    assert last.changes["person"] == ["[erased]", None]


def test_erasing_a_merged_person_leaves_nothing_of_the_duplicate(team_a: Any, alice: Any) -> None:
    """The duplicate's own entry of the merge (its deletion, with every value it had) is
    the kept person's: erasing them blanks it."""
    keep = PersonFactory(team=team_a, name="Kari Nordmann", email="kari@fjord.example")
    drop = PersonFactory(
        team=team_a, name="Kari Nordmand", email="kari.gammel@fjord.example", phone=""
    )
    drop_pk = drop.pk
    record_merge(keep=keep, drop=drop, actor=alice, choices={})
    merged = AuditEvent.objects.get(
        object_type="customers.person", object_id=str(drop_pk), action="delete"
    )
    assert merged.person_ref == str(keep.pk)

    person_erase(person=keep, actor=alice, channel="web")

    text = _entries_text(team_a)
    assert "Nordmand" not in text
    assert "kari.gammel" not in text
    merged.refresh_from_db()
    assert merged.action == "delete"  # that it was merged and deleted stays told


def test_merging_the_person_a_row_moved_from_moves_the_link(team_a: Any, alice: Any) -> None:
    """A statement given from Astrid to Bjørn; Astrid is then merged into her duplicate
    Astrid Lie: erasing the kept Astrid takes her name out of the move."""
    statement, astrid, bjorn = _moved(team_a, alice, "Astrid")
    keep = PersonFactory(team=team_a, name="Astrid Lie")
    record_merge(keep=keep, drop=astrid, actor=alice, choices={})
    move = AuditEvent.objects.get(object_id=str(statement.pk), action="update")
    assert move.moved_from == str(keep.pk)

    person_erase(person=keep, actor=alice, channel="web")

    assert "Astrid" not in _entries_text(team_a)
    move.refresh_from_db()
    assert move.changes["person"] == ["[erased]", "Bjørn Lie"]


def test_a_transcript_speaker_mapped_anew_keeps_none_of_her_name(team_a: Any, alice: Any) -> None:
    """Fasit took the speaker "Kunde" for Astrid; the seller corrects it to Bjørn."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fasit.conversations.models import ListeningAnalysis, TranscriptSpeaker
    from fasit.conversations.services import (
        conversation_attach_transcript,
        transcript_speakers_map,
    )
    from fasit.conversations.transcripts import SpeakerMatch

    astrid = PersonFactory(team=team_a, name="Astrid")
    bjorn = PersonFactory(team=team_a, name="Bjørn Lie")
    conversation = ConversationFactory(team=team_a)
    vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n<v Kunde>Vi trenger det raskere.</v>\n"
    conversation_attach_transcript(
        conversation=conversation,
        actor=alice,
        transcript=SimpleUploadedFile("møte.vtt", vtt.encode()),
    )
    analysis = ListeningAnalysis.objects.get(conversation=conversation)
    speaker = TranscriptSpeaker.objects.get(analysis=analysis, name="Kunde")
    transcript_speakers_map(
        analysis=analysis, actor=alice, mapping={speaker.pk: SpeakerMatch("person", person=astrid)}
    )
    transcript_speakers_map(
        analysis=analysis, actor=alice, mapping={speaker.pk: SpeakerMatch("person", person=bjorn)}
    )
    last = AuditEvent.objects.filter(
        object_type="conversations.transcriptspeaker", object_id=str(speaker.pk)
    ).latest("id")
    assert (last.person_ref, last.moved_from) == (str(bjorn.pk), str(astrid.pk))

    person_erase(person=astrid, actor=alice, channel="web")

    assert "Astrid" not in _entries_text(team_a)
    last.refresh_from_db()
    assert last.changes["person"] == ["[erased]", "Bjørn Lie"]
