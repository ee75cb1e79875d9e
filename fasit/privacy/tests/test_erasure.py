"""Erasure: after it, the person's name, e-mail and phone are nowhere in the database —
not in any text column of any model, not in any column of any table, and (SQLite) not
in the file's bytes after VACUUM. The meeting and its listening figures stay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from fasit.conversations.models import (
    Conversation,
    ListeningAnalysis,
    TranscriptFile,
    TranscriptSpeaker,
    TranscriptTurn,
)
from fasit.core.models import AuditEvent
from fasit.customers.models import Person
from fasit.engine.transcripts import parse_transcript
from fasit.privacy.erasure import person_erase
from fasit.privacy.models import RegisterEntry
from fasit.privacy.tests.conftest import NAME, NEED, Rich
from fasit.privacy.tests.search import (
    search_models,
    search_tables,
    sqlite_file_bytes_after_vacuum,
    variants,
)
from fasit.signals.models import Notification, Proposal, Statement, Theme
from fasit.transfer.models import ImportChunk, ImportJob

FIGURES = (
    "seller_talk_share",
    "seller_open_questions",
    "seller_closed_questions",
    "customer_questions",
    "summaries",
    "duration_seconds",
    "longest_story_words",
    "words_before_first_question",
)


def _figures(analysis: ListeningAnalysis) -> dict[str, Any]:
    analysis.refresh_from_db()
    return {name: getattr(analysis, name) for name in FIGURES}


def test_the_world_holds_her_everywhere_before(rich: Rich) -> None:
    # The search itself works: before erasure it finds her in many places.
    hits = search_models(rich.needles)
    tables = {hit.split(" ")[0].rsplit(".", 1)[0] for hit in hits}
    assert {
        "customers.Person",
        "customers.FamilyMember",
        "customers.LifeEvent",
        "conversations.Conversation",
        "conversations.FollowUp",
        "conversations.TranscriptSpeaker",
        "conversations.TranscriptTurn",
        "conversations.TranscriptFile",
        "conversations.ListeningAnalysis",
        "market_signals.Statement",
        "core.AuditEvent",
        "transfer.ImportChunk",
        "transfer.ImportJob",
        "admin.LogEntry",
    } <= tables
    assert search_tables(rich.needles)


# Committed, not rolled back: VACUUM cannot run inside the test's transaction, and
# the background work queued on commit (transcript analysis, proposals) runs as in use.
@pytest.mark.django_db(transaction=True)
def test_erasure_leaves_nothing_in_any_column(rich: Rich, alice: Any, tmp_path: Path) -> None:
    figures = _figures(rich.analysis)
    assert Proposal.objects.filter(conversation=rich.meeting, source="transcript").exists()
    turns = TranscriptTurn.objects.filter(analysis=rich.analysis).count()

    person_erase(person=rich.person, actor=alice, channel="web", reason=f"Asked by {NAME}")

    assert search_models(rich.needles) == []
    assert search_tables(rich.needles) == []
    if connection.vendor == "sqlite":
        data = sqlite_file_bytes_after_vacuum(tmp_path).lower()
        found = [
            n
            for n in variants(rich.needles)
            if n.lower().encode() in data or n.lower().encode("utf-16-le") in data
        ]
        assert found == []
    # The meeting stays, with its figures; the words and the name go.
    assert Conversation.objects.filter(pk=rich.meeting.pk).exists()
    assert _figures(rich.analysis) == figures
    assert TranscriptTurn.objects.filter(analysis=rich.analysis).count() == turns
    erased = TranscriptSpeaker.objects.get(analysis=rich.analysis, name="Erased Person 1")
    assert erased.person is None
    assert {t.text for t in erased.turns.all()} == {
        "xxx xxx xxx xxx xxx xxx. xxx xxx xxx xxx xxx xxx xxx xxx xxx.",
        "xxx. xxx xxx xxx xxx xxx xxx xxx? xxx xxx xxx xxx xxx.",
    }
    assert (
        "Takk, [erased]."
        in TranscriptTurn.objects.filter(analysis=rich.analysis)
        .values_list("text", flat=True)
        .last()
    )
    stored = parse_transcript(bytes(TranscriptFile.objects.get(conversation=rich.meeting).content))
    assert stored.speakers == ("Alice", "Erased Person 1")
    assert not Person.objects.filter(pk=rich.person.pk).exists()
    assert not Proposal.objects.filter(conversation=rich.meeting, source="transcript").exists()
    # Imported files that held her are gone; one still waiting can no longer bring her back.
    jobs = {j.file_name: j for j in ImportJob.objects.all()}
    assert not ImportChunk.objects.filter(job__file_name__in=["contacts.csv", "more.csv"]).exists()
    assert ImportChunk.objects.filter(job=jobs["accounts.csv"]).exists()
    assert (jobs["contacts.csv"].status, jobs["more.csv"].status) == ("done", "failed")
    assert jobs["contacts.csv"].rejected is None


def test_theme_that_loses_its_only_quote_from_an_account_falls_and_says_why(
    rich: Rich, alice: Any, bob_client: Any
) -> None:
    assert (rich.theme.level, rich.theme.accounts) == ("alarm", 2)

    person_erase(person=rich.person, actor=alice, channel="web")

    theme = Theme.objects.get(pk=rich.theme.pk)
    assert (theme.level, theme.accounts, theme.statement_count) == ("noted", 1, 1)
    assert not Statement.objects.filter(text=NEED).exists()
    why = Notification.objects.filter(theme=theme).order_by("-id").first()
    assert why is not None and why.level == "noted"
    assert "fell from alarm to noted" in why.text and "erased" in why.text
    assert AuditEvent.objects.filter(
        object_type="market_signals.theme", changes__level=["alarm", "noted"]
    ).exists()
    page = bob_client.get(reverse("signals:theme", args=[theme.pk])).content.decode()
    assert "fell from alarm to noted" in page


def test_audit_keeps_that_an_erasure_happened_by_whom_and_when(rich: Rich, alice: Any) -> None:
    person_id = rich.person.pk
    history = AuditEvent.objects.filter(object_type="customers.person", object_id=str(person_id))
    before = history.count()

    entry = person_erase(person=rich.person, actor=alice, channel="cli")

    events = list(history.order_by("at", "id"))
    assert len(events) == before + 1
    assert all(e.changes == {} for e in events[:-1])
    last = events[-1]
    assert (last.actor, last.action, last.changes) == (alice, "delete", {"erased": [None, "cli"]})
    assert last.object_repr == "Erased person"
    assert (entry.kind, entry.person_ref, entry.actor, entry.channel) == (
        "erasure",
        person_id,
        alice,
        "cli",
    )
    assert entry.counts["statements"] == 1 and entry.counts["conversations"] == 1
    assert RegisterEntry.objects.filter(person_ref=person_id, person_label__gt="").count() == 0


def test_another_teams_data_is_untouched(rich: Rich, alice: Any) -> None:
    other = rich.other_team_person
    person_erase(person=rich.person, actor=alice, channel="web")
    other.refresh_from_db()
    assert (other.name, other.email) == ("Kari Nordmann", "kari@b.example")


@pytest.mark.parametrize("missing", ["email", "phone"])
def test_a_person_without_email_or_phone_is_erased_too(
    rich: Rich, alice: Any, missing: str
) -> None:
    Person.objects.filter(pk=rich.person.pk).update(**{missing: ""})
    rich.person.refresh_from_db()
    person_erase(person=rich.person, actor=alice, channel="web")
    assert search_models([NAME]) == []


def test_an_erased_persons_removed_roles_keep_none_of_their_values(team_a: Any, alice: Any) -> None:
    """A role removed before the erasure is gone from the person's rows, but its entries
    name the person as their parent (their history lists them): blanked too."""
    from fasit.customers.services import person_create, person_role_remove, person_role_set
    from fasit.testing import AccountFactory

    person = person_create(team=team_a, actor=alice, name="Gunnhild Vestre", legal_basis="consent")
    account = AccountFactory(team=team_a, name="Fjord Kraft")
    role = person_role_set(person=person, actor=alice, account=account, title="Innkjøpssjef")
    entries = AuditEvent.objects.filter(object_type="customers.personrole", object_id=str(role.pk))
    person_role_remove(role=role, actor=alice)
    assert entries.filter(object_repr__contains="Gunnhild").count() == 2

    person_erase(person=person, actor=alice, channel="web")

    assert [e.action for e in entries.order_by("id")] == ["create", "delete"]
    for event in AuditEvent.objects.filter(team=team_a):
        assert "Gunnhild" not in event.object_repr and "Gunnhild" not in str(event.changes)
        assert "Innkjøpssjef" not in str(event.changes)


def test_an_erased_persons_removed_motive_member_and_statement_keep_none_of_their_values(
    team_a: Any, alice: Any
) -> None:
    """A motive or buying-group member removed before the erasure names its journey as
    parent, a statement no parent at all; each names the person (``person_ref``), so
    erasure finds their entries and blanks them. The journey's history still lists that
    they were created and removed, by whom and when."""
    import datetime as dt

    from django.db.models import Q

    from fasit.buying import services as buying
    from fasit.buying.tests.helpers import journey_at, process_for
    from fasit.core.audit import history
    from fasit.customers.services import person_create
    from fasit.signals.services import statement_create, statement_delete
    from fasit.testing import ConversationFactory

    person = person_create(team=team_a, actor=alice, name="Sigrun Haugland", legal_basis="consent")
    other = person_create(team=team_a, actor=alice, name="Per Lunde", legal_basis="consent")
    journey = journey_at(
        team_a, alice, process=process_for(team_a, alice), index=0, since=dt.date(2026, 3, 2)
    )
    member = buying.member_set(
        journey=journey, actor=alice, person=person, note="Vil ha prøvedrift i Bergen"
    )
    motive = buying.motive_add(
        journey=journey, actor=alice, text="Kortere omstillingstid på linje tre", person=person
    )
    kept = buying.motive_add(journey=journey, actor=alice, text="Mindre svinn", person=other)
    conversation = ConversationFactory(team=team_a, account=journey.account)
    statement = statement_create(
        team=team_a,
        actor=alice,
        conversation=conversation,
        text="Vi trenger leveranse innen to uker.",
        person=person,
    )
    ids = {"member": str(member.pk), "motive": str(motive.pk), "statement": str(statement.pk)}
    buying.member_remove(member=member, actor=alice)
    buying.motive_remove(motive=motive, actor=alice)
    statement_delete(statement=statement, actor=alice)
    removed = AuditEvent.objects.filter(
        Q(object_type="buying.buyinggroupmember", object_id=ids["member"])
        | Q(object_type="buying.motive", object_id=ids["motive"])
        | Q(object_type="market_signals.statement", object_id=ids["statement"])
    )
    assert {e.person_ref for e in removed} == {str(person.pk)}

    entry = person_erase(person=person, actor=alice, channel="web")

    assert sorted(e.action for e in removed) == ["create"] * 3 + ["delete"] * 3
    for event in AuditEvent.objects.filter(team=team_a):
        text = event.object_repr + str(event.changes)
        for said in ("Sigrun", "Bergen", "omstillingstid", "leveranse"):
            assert said not in text
    assert entry.counts["audit entries blanked"] >= 6
    rows = [(r["action"], r["record_type"], r["record_id"]) for r in history(journey)]
    assert ("delete", "buying.motive", ids["motive"]) in rows
    assert ("delete", "buying.buyinggroupmember", ids["member"]) in rows
    # Another person's motive on the same journey keeps its words.
    assert "Mindre svinn" in str(
        AuditEvent.objects.get(object_type="buying.motive", object_id=str(kept.pk)).changes
    )
