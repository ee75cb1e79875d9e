"""Migration ``core.0009_audit_links_filled``: entries written before audit entries
named their parent and person get them from what they hold (the row if it still
exists, else the names in their snapshots when exactly one record of the team reads
so), in batches; what cannot be determined stays blank."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
from django.apps import apps

from fasit.buying import services as buying
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.conversations.services import followup_create, followup_delete
from fasit.core.audit import history
from fasit.core.models import AuditEvent
from fasit.customers.services import person_create, person_role_remove, person_role_set
from fasit.privacy.erasure import person_erase
from fasit.testing import AccountFactory, ConversationFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("fasit.core.migrations.0009_audit_links_filled")
SINCE = dt.date(2026, 3, 2)


def _key(record: Any) -> tuple[str, str]:
    """A record's type and id as its entries name it (taken before it is deleted)."""
    return record._meta.label_lower, str(record.pk)


def _as_before_stop_28(*keys: tuple[str, str]) -> None:
    """The entries of ``keys`` as written before entries named parent and person."""
    for label, pk in keys:
        AuditEvent.objects.filter(object_type=label, object_id=pk).update(
            parent_type="", parent_id="", person_ref=""
        )


def _links(key: tuple[str, str]) -> set[tuple[str, str, str]]:
    label, pk = key
    return {
        (e.parent_type, e.parent_id, e.person_ref)
        for e in AuditEvent.objects.filter(object_type=label, object_id=pk)
    }


def test_entries_of_rows_deleted_before_get_their_parent_and_person_back(
    team_a: Any, team_b: Any, alice: Any, charlie: Any
) -> None:
    person = person_create(team=team_a, actor=alice, name="Ragnhild Sæther", legal_basis="consent")
    process = process_for(team_a, alice)
    account = AccountFactory(team=team_a, name="Vestlandsmeieriet", category=process.category)
    role = person_role_set(person=person, actor=alice, account=account, title="Driftssjef")
    role_key = _key(role)
    person_role_remove(role=role, actor=alice)
    journey = journey_at(team_a, alice, process=process, index=0, since=SINCE, account=account)
    motive = buying.motive_add(
        journey=journey, actor=alice, text="Færre stopp i tappelinjen", person=person
    )
    motive_key = _key(motive)
    buying.motive_remove(motive=motive, actor=alice)
    standing = buying.motive_add(journey=journey, actor=alice, text="Lavere strømforbruk")
    conversation = ConversationFactory(team=team_a, account=account)
    follow_up = followup_create(conversation=conversation, actor=alice, task="Send tilbud")
    follow_up_key = _key(follow_up)
    followup_delete(follow_up=follow_up, actor=alice)
    # The same journey's text in another team does not make team A's ambiguous.
    process_b = process_for(team_b, charlie)
    other = journey_at(
        team_b,
        charlie,
        process=process_b,
        index=0,
        since=SINCE,
        account=AccountFactory(team=team_b, name="Vestlandsmeieriet", category=process_b.category),
    )
    assert str(other) == str(journey)
    _as_before_stop_28(role_key, motive_key, _key(standing), follow_up_key)
    assert motive_key not in [(r["record_type"], r["record_id"]) for r in history(journey)]

    migration.fill_links(apps, None, batch=3)

    assert _links(role_key) == {("customers.person", str(person.pk), str(person.pk))}
    assert _links(motive_key) == {("buying.journey", str(journey.pk), str(person.pk))}
    assert _links(_key(standing)) == {("buying.journey", str(journey.pk), "")}
    assert _links(follow_up_key) == {("conversations.conversation", str(conversation.pk), "")}
    rows = [(r["action"], r["record_type"], r["record_id"]) for r in history(journey)]
    assert ("delete", *motive_key) in rows
    # Erasure now finds the removed motive's words.
    person_erase(person=person, actor=alice, channel="web")
    for event in AuditEvent.objects.filter(object_type="buying.motive", object_id=motive_key[1]):
        assert "tappelinjen" not in str(event.changes) + event.object_repr


def test_what_the_entries_do_not_determine_stays_blank(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    account = AccountFactory(team=team_a, name="Nordkappfisk", category=process.category)
    first = journey_at(team_a, alice, process=process, index=0, since=SINCE, account=account)
    # A namesake journey: "Nye transportbånd (Nordkappfisk)" twice.
    journey_at(team_a, alice, process=process, index=0, since=SINCE, account=account)
    twin_a = person_create(team=team_a, actor=alice, name="Ola Nilsen", legal_basis="consent")
    person_create(team=team_a, actor=alice, name="Ola Nilsen", legal_basis="consent")
    motive = buying.motive_add(journey=first, actor=alice, text="Raskere levering", person=twin_a)
    key = _key(motive)
    buying.motive_remove(motive=motive, actor=alice)
    _as_before_stop_28(key)

    migration.fill_links(apps, None)

    assert _links(key) == {("", "", "")}
    # Filled again, nothing changes.
    migration.fill_links(apps, None)
    assert _links(key) == {("", "", "")}
