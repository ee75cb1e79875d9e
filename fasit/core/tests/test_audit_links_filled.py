"""Migration ``core.0009_audit_links_filled``: entries written before audit entries
named their parent and person get them from what they hold (the row if it still
exists, else the names in their snapshots when exactly one record of the team reads
so), in batches; what cannot be determined stays blank."""

from __future__ import annotations

import datetime as dt
import importlib
import random
from typing import Any

import pytest
from django.apps import apps

from fasit.buying import services as buying
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.conversations.services import followup_create, followup_delete
from fasit.core.audit import history
from fasit.core.models import AuditEvent
from fasit.core.tests import audit_fill_reference as reference
from fasit.customers.services import person_create, person_role_remove, person_role_set
from fasit.privacy.erasure import person_erase
from fasit.signals.services import statement_create, statement_delete, statement_edit
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory

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


def _seed_history(team: Any, other: Any, actor: Any, seed: int) -> None:
    """A seeded mix of entries as written before stop 28, of every kind the migration
    fills: of rows that exist and rows deleted, naming records by texts that are
    unique, namesakes, unknown, conflicting, not strings, not pairs; ids that are not
    numbers; the same ids in another team."""
    rng = random.Random(seed)
    process = process_for(team, actor)
    accounts = [
        AccountFactory(team=team, name=name, category=process.category)
        for name in ("Nordkappfisk", "Vestlandsmeieriet", "Nordkappfisk", "Tromsø (Havn)")
    ]
    AccountFactory(team=other, name="Nordkappfisk")
    people = [
        PersonFactory(team=team, name=name)
        for name in ("Ola Nilsen", "Ola Nilsen", "Kari Dahl", "Åse Berg", "Per (Junior)")
    ]
    PersonFactory(team=other, name="Kari Dahl")
    journeys = [
        journey_at(team, actor, process=process, index=0, since=SINCE, account=a, title=t)
        for a, t in zip(
            accounts, ["Nye bånd", "Nye bånd", "Kjøling", "Nye bånd (fase 2)"], strict=True
        )
    ]
    journeys.append(
        journey_at(
            team,
            actor,
            process=process,
            index=0,
            since=SINCE,
            account=accounts[0],
            title="Nye bånd",
        )
    )
    moment = dt.datetime(2026, 3, 2, 23, 30, tzinfo=dt.UTC)
    conversations = [
        ConversationFactory(team=team, account=a, occurred_at=moment + dt.timedelta(hours=h))
        for a, h in zip(accounts, (0, 1, 30, 0), strict=True)
    ]
    rows = {
        "customers.personrole": [
            PersonRoleFactory(person=p, account=accounts[0]).pk for p in people[:3]
        ],
        "buying.motive": [
            buying.motive_add(journey=j, actor=actor, text="Færre stopp", person=p).pk
            for j, p in zip(journeys, people, strict=True)
        ],
        "conversations.followup": [
            followup_create(conversation=c, actor=actor, task="Ring").pk for c in conversations
        ],
        "customers.importantdate": [],
        "market_signals.statement": [],
    }
    texts = {
        "person": [*(str(p) for p in people), "Ukjent Person", "", None, 7],
        "journey": [*(str(j) for j in journeys), "Nye bånd", "Nye bånd (Ukjent)"],
        "conversation": [
            *(str(c) for c in conversations),
            "Møte Nordkappfisk 2026-13-01",
            "Møte Ukjent 2026-03-02",
            "kort",
        ],
        "account": [*(a.name for a in accounts), "Ukjent"],
    }
    fields = {
        "customers.personrole": ["person", "account"],
        "buying.motive": ["journey", "person"],
        "conversations.followup": ["conversation"],
        "customers.importantdate": ["person"],
        "market_signals.statement": ["person", "account"],
    }
    entries = []
    for _n in range(400):
        label = rng.choice(sorted(fields))
        existing = rows[label]
        if existing and rng.random() < 0.4:
            object_id = str(rng.choice(existing))
        else:
            object_id = rng.choice([str(10**7 + rng.randrange(60)), "x1", "12a", ""])
        changes: dict[str, Any] = {}
        for field in fields[label]:
            if rng.random() < 0.8:
                value = rng.choice(texts[field])
                changes[field] = rng.choice(
                    [[None, value], [value, None], [value, value], value, [value]]
                )
        action = rng.choice(["create", "update", "delete"])
        if action == "update" and "person" in changes:
            # A row whose person changed is read entry by entry now, not as before.
            action = "create"
        entries.append(
            AuditEvent(
                team=other if rng.random() < 0.1 else team,
                action=action,
                object_type=label,
                object_id=object_id,
                object_repr="x",
                changes=changes,
            )
        )
    AuditEvent.objects.bulk_create(entries)
    AuditEvent.objects.update(parent_type="", parent_id="", person_ref="")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_set_based_fill_gives_what_the_python_path_gave(
    seed: int, team_a: Any, team_b: Any, alice: Any
) -> None:
    _seed_history(team_a, team_b, alice, seed)
    links = ("parent_type", "parent_id", "person_ref")
    reference.fill_links(apps, None, batch=7)
    expected = {e["pk"]: e for e in AuditEvent.objects.values("pk", *links)}
    assert any(e["parent_id"] for e in expected.values())
    assert any(e["person_ref"] for e in expected.values())
    AuditEvent.objects.update(parent_type="", parent_id="", person_ref="")

    migration.fill_links(apps, None, batch=50)

    assert {e["pk"]: e for e in AuditEvent.objects.values("pk", *links)} == expected


def _persons(key: tuple[str, str]) -> list[tuple[str, str]]:
    label, pk = key
    return list(
        AuditEvent.objects.filter(object_type=label, object_id=pk)
        .order_by("pk")
        .values_list("action", "person_ref")
    )


def _statement_moved(team: Any, actor: Any) -> tuple[Any, Any, Any]:
    """A statement kept as Astrid's, then given to Bjørn (it was his)."""
    astrid = PersonFactory(team=team, name="Astrid Lie")
    bjorn = PersonFactory(team=team, name="Bjørn Lie")
    conversation = ConversationFactory(team=team)
    statement = statement_create(
        team=team,
        actor=actor,
        conversation=conversation,
        text="Vi trenger kortere leveringstid på reservedeler",
        person=astrid,
    )
    statement_edit(statement=statement, actor=actor, person=bjorn)
    return statement, astrid, bjorn


def test_an_entry_gets_the_person_the_row_named_when_it_was_written(
    team_a: Any, alice: Any
) -> None:
    statement, astrid, bjorn = _statement_moved(team_a, alice)
    key = _key(statement)
    # Written at the time: the created entry names Astrid, the change Bjørn.
    expected = [("create", str(astrid.pk)), ("update", str(bjorn.pk))]
    assert _persons(key) == expected
    _as_before_stop_28(key)
    # A deleted motive moved the same way (entries as written before stop 28).
    journey = journey_at(team_a, alice, process=process_for(team_a, alice), index=0, since=SINCE)
    gone = (
        "buying.motive",
        str(10**8),
        [
            ("create", [None, "Astrid Lie"]),
            ("update", ["Astrid Lie", "Bjørn Lie"]),
            ("delete", ["Bjørn Lie", None]),
        ],
    )
    namesake = ("buying.motive", str(10**8 + 1), [*gone[2]])
    namesake[2][0] = ("create", [None, "Ola Namesake"])
    namesake[2][1] = ("update", ["Ola Namesake", "Bjørn Lie"])
    PersonFactory(team=team_a, name="Ola Namesake")
    PersonFactory(team=team_a, name="Ola Namesake")
    for label, pk, steps in (gone, namesake):
        AuditEvent.objects.bulk_create(
            AuditEvent(
                team=team_a,
                action=action,
                object_type=label,
                object_id=pk,
                object_repr="Kortere leveringstid",
                changes={"person": pair, "journey": [None, str(journey)]},
            )
            for action, pair in steps
        )

    migration.fill_links(apps, None)

    assert _persons(key) == expected
    a, b = str(astrid.pk), str(bjorn.pk)
    assert _persons(gone[:2]) == [("create", a), ("update", b), ("delete", b)]
    # Before the namesake's name nothing tells who it was: left blank.
    assert _persons(namesake[:2]) == [("create", ""), ("update", b), ("delete", b)]
    assert {p for _l, p, _r in _links(gone[:2])} == {str(journey.pk)}


def test_a_deleted_row_names_each_entry_s_person_of_its_time(team_a: Any, alice: Any) -> None:
    statement, astrid, bjorn = _statement_moved(team_a, alice)
    key = _key(statement)
    _as_before_stop_28(key)

    statement_delete(statement=statement, actor=alice)

    a, b = str(astrid.pk), str(bjorn.pk)
    assert _persons(key) == [("create", a), ("update", b), ("delete", b)]
    # Erasing Astrid blanks the entry that held her words, not Bjørn's.
    person_erase(person=astrid, actor=alice, channel="web")
    entries = AuditEvent.objects.filter(object_type=key[0], object_id=key[1]).order_by("pk")
    assert "leveringstid" not in str(entries[0].changes) + entries[0].object_repr
    assert "leveringstid" in entries[2].object_repr


def _seed_moves(team: Any, other: Any, actor: Any, seed: int) -> None:
    """Rows whose person changed, some still there and some deleted, written as before
    stop 28 (some entries already naming their person): random orders of creations,
    changes of the person and of other fields, and deletions, with names of one person,
    of namesakes, of nobody, and values that are not names."""
    rng = random.Random(seed)
    names = ["Astrid Lie", "Bjørn Lie", "Ola Namesake", "Nobody Here", "", None, 7]
    people = {name: PersonFactory(team=team, name=name) for name in ("Astrid Lie", "Bjørn Lie")}
    PersonFactory(team=team, name="Ola Namesake")
    PersonFactory(team=team, name="Ola Namesake")
    PersonFactory(team=other, name="Astrid Lie")
    statements = [
        statement_create(
            team=team,
            actor=actor,
            conversation=ConversationFactory(team=team),
            text=f"Vi trenger kortere leveringstid {n}",
            person=rng.choice([*people.values(), None]),
        )
        for n in range(6)
    ]
    AuditEvent.objects.all().delete()
    entries = []
    for row in range(40):
        label = rng.choice(["market_signals.statement", "buying.motive", "customers.personrole"])
        if label == "market_signals.statement" and row < len(statements):
            object_id = str(statements[row].pk)
        else:
            object_id = rng.choice([str(10**7 + row), "x1"])
        for step in range(rng.randrange(1, 7)):
            action = "create" if step == 0 else rng.choice(["update", "update", "delete"])
            if action == "create":
                changes = {"person": [None, rng.choice(names)]}
            elif action == "delete":
                changes = {"person": [rng.choice(names), None]}
            elif rng.random() < 0.7:
                changes = {"person": [rng.choice(names), rng.choice(names)]}
            else:
                changes = {"text": ["a", "b"]}
            ref = str(rng.choice(list(people.values())).pk) if rng.random() < 0.15 else ""
            entries.append(
                AuditEvent(
                    team=other if rng.random() < 0.1 else team,
                    action=action,
                    object_type=label,
                    object_id=object_id,
                    object_repr="x",
                    changes=changes,
                    person_ref=ref,
                )
            )
    AuditEvent.objects.bulk_create(entries)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_rows_whose_person_changed_are_filled_as_one_by_one(
    seed: int, team_a: Any, team_b: Any, alice: Any, monkeypatch: Any
) -> None:
    """The rows whose person changed are read kind by kind (``_fill_moved``), and give
    what reading them one by one gave (``reference.fill_moved_one_by_one``)."""
    _seed_moves(team_a, team_b, alice, seed)
    written = dict(AuditEvent.objects.values_list("pk", "person_ref"))
    with monkeypatch.context() as patch:
        patch.setattr(
            migration,
            "_fill_moved",
            lambda cursor, sql, apps, events: reference.fill_moved_one_by_one(
                cursor, sql, apps, events, migration
            ),
        )
        migration.fill_links(apps, None, batch=50)
    expected = dict(AuditEvent.objects.values_list("pk", "person_ref"))
    assert sum(1 for pk, ref in expected.items() if ref and not written[pk]) > 10
    for pk, ref in written.items():
        AuditEvent.objects.filter(pk=pk).update(person_ref=ref)

    # A few moved rows per read, so the rows of one kind take several.
    monkeypatch.setattr(migration, "ROWS", 3)
    migration.fill_links(apps, None, batch=50)

    assert dict(AuditEvent.objects.values_list("pk", "person_ref")) == expected
