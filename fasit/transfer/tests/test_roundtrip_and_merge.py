"""The full team export round-trips; merging moves every related row."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from fasit.core.models import AuditEvent
from fasit.customers.models import Account, Person, PersonRole
from fasit.search.models import SearchEntry
from fasit.signals.models import Statement
from fasit.signals.services import statement_create, statement_edit
from fasit.tenancy.models import Team
from fasit.testing import (
    AccountFactory,
    ConversationFactory,
    PersonFactory,
    PersonRoleFactory,
    demo_for_module,
)
from fasit.transfer import teamdump
from fasit.transfer.merging import record_merge, reverse_relations
from fasit.transfer.models import ExternalKey


@pytest.fixture(scope="module")
def _demo_id(django_db_setup: Any, django_db_blocker: Any) -> Iterator[int]:
    """The three demo tests below round-trip, export or merge the same demo: seeded once
    for them, and what each writes is rolled back before the next one."""
    with demo_for_module(django_db_blocker, seed=3) as team_id:
        yield team_id


@pytest.fixture
def demo(_demo_id: int, db: Any) -> Team:
    return Team.objects.get(pk=_demo_id)


def _export(team: Team) -> dict[str, Any]:
    out = io.StringIO()
    teamdump.export_team(team, out)
    return json.loads(out.getvalue())


def _canonical(data: dict[str, Any]) -> dict[str, Any]:
    """The export with every id replaced by the row's position in its model (ids
    differ between teams; a faithful copy has the same rows in the same order)."""
    position = {
        label: {row["pk"]: index for index, row in enumerate(rows)}
        for label, rows in data["models"].items()
    }
    by_label = {m._meta.label_lower: m for m, _p in teamdump.team_models()}
    result: dict[str, Any] = {}
    for label, rows in data["models"].items():
        model = by_label[label]
        canonical_rows = []
        for row in rows:
            fields = dict(row["fields"])
            for field in model._meta.concrete_fields:
                target = field.related_model._meta.label_lower if field.is_relation else None
                if target in position and fields.get(field.name) is not None:
                    fields[field.name] = position[target][fields[field.name]]
            for field in teamdump._plain_m2m(model):
                target = field.related_model._meta.label_lower
                if target in position:
                    fields[field.name] = sorted(position[target][v] for v in fields[field.name])
            if label == "core.auditevent":
                for kind, key in (("object_type", "object_id"), ("parent_type", "parent_id")):
                    if fields.get(key, "").isdigit():
                        ids = position.get(fields[kind], {})
                        fields[key] = ids.get(int(fields[key]), fields[key])
                for key in ("person_ref", "moved_from"):
                    if fields.get(key, "").isdigit():
                        ids = position.get("customers.person", {})
                        fields[key] = ids.get(int(fields[key]), fields[key])
            canonical_rows.append(fields)
        result[label] = canonical_rows
    return result


def test_a_team_round_trips_through_its_json_export_exactly(demo: Team) -> None:
    team = demo
    account = (
        Account.objects.for_team(team).filter(parent__isnull=False).first()
        or Account.objects.for_team(team).first()
    )
    ExternalKey.objects.create(
        team=team, source="hubspot", entity="account", key="9", account=account
    )
    # A statement given to another person: its entry names both (``moved_from``).
    statement = Statement.objects.for_team(team).filter(person__isnull=False).first()
    assert statement is not None
    other = Person.objects.for_team(team).exclude(pk=statement.person_id).first()
    statement_edit(statement=statement, actor=None, person=other)
    exported = _export(team)
    assert any(e["fields"]["moved_from"] for e in exported["models"]["core.auditevent"])
    assert exported["team"]["slug"] == team.slug
    assert len(exported["models"]["customers.person"]) > 20
    assert exported["models"]["conversations.transcriptfile"], "the demo has transcripts"
    empty = Team.objects.create(name="Restored", slug="restored")
    counts = teamdump.import_team(empty, json.loads(json.dumps(exported)))
    assert counts["customers.account"] == len(exported["models"]["customers.account"])
    again = _export(empty)
    assert again["users"] == exported["users"]
    assert _canonical(again) == _canonical(exported)
    # The search index is not exported but rebuilt: the restored team is found alike.
    indexed = SearchEntry.objects.filter(team=team).count()
    assert indexed and SearchEntry.objects.filter(team=empty).count() == indexed
    with pytest.raises(ValidationError):
        teamdump.import_team(empty, exported)  # only into an empty team


def test_an_export_from_before_visit_ends_were_kept_gets_them_back(demo: Team) -> None:
    """Exports made before stage changes stored ``left_on`` lack the field; the import
    works it out, or every restored visit would count as still open."""
    team = demo
    exported = _export(team)
    changes = exported["models"]["buying.stagechange"]
    assert any(row["fields"]["left_on"] for row in changes), "the demo has ended visits"
    for row in changes:
        del row["fields"]["left_on"]
    empty = Team.objects.create(name="Restored", slug="restored")
    teamdump.import_team(empty, exported)
    assert _canonical(_export(empty)) == _canonical(_export(team))


def test_every_model_that_refers_to_a_person_or_account_is_found() -> None:
    """Discovery is generic: every foreign key in the project that points at a person or
    an account (through tables included) is a relation the merge moves."""
    for target in (Person, Account):
        expected = {
            (model._meta.label_lower, field.name)
            for model in apps.get_models(include_auto_created=True)
            for field in model._meta.concrete_fields
            if isinstance(field, models.ForeignKey) and field.related_model is target
        }
        found = {
            (r.related_model._meta.label_lower, r.field.name) for r in reverse_relations(target)
        }
        assert expected <= found


def _references(model: type[models.Model], pk: int) -> dict[str, int]:
    """Rows anywhere in the database that still point at ``pk``."""
    found = {}
    for related in apps.get_models(include_auto_created=True):
        for field in related._meta.concrete_fields:
            if field.is_relation and field.related_model is model:
                count = related._base_manager.filter(**{field.attname: pk}).count()
                if count:
                    found[f"{related._meta.label_lower}.{field.name}"] = count
    return found


def test_merging_two_people_of_the_demo_leaves_nothing_behind(demo: Team) -> None:
    team = demo
    # The person with the most related rows of every kind is merged into another.
    people = list(Person.objects.for_team(team))
    drop = max(people, key=lambda p: sum(_references(Person, p.pk).values()))
    keep = next(p for p in people if p.pk != drop.pk)
    before = _references(Person, drop.pk)
    assert len(before) >= 3
    drop_pk = drop.pk
    moved = record_merge(keep=keep, drop=drop, actor=None, choices={})
    assert _references(Person, drop_pk) == {}
    assert not Person.objects.filter(pk=drop_pk).exists()
    assert sum(moved.values()) >= sum(before.values())
    merge_event = AuditEvent.objects.get(
        object_type="customers.person", object_id=str(keep.pk), changes__has_key="merged"
    )
    assert merge_event.changes["moved"][1] == moved


def test_merging_people_folds_twins_and_moves_audit(team_a: Any, alice: Any) -> None:
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    keep = PersonFactory(team=team_a, name="Kari Nordmann", email="kari@fjord.no", phone="")
    drop = PersonFactory(
        team=team_a, name="Kari Nordman", email="", phone="+47 22 33 44 55", notes="Liker fjell"
    )
    PersonRoleFactory(person=keep, account=account, title="")
    PersonRoleFactory(person=drop, account=account, title="Innkjøpssjef")
    conversation = ConversationFactory(team=team_a, account=account)
    conversation.people.add(keep, drop)
    statement = statement_create(
        team=team_a, actor=alice, conversation=conversation, text="Vi vil lease.", person=drop
    )
    ExternalKey.objects.create(team=team_a, source="hubspot", entity="person", key="7", person=drop)
    AuditEvent.objects.create(
        team=team_a,
        action="update",
        object_type="customers.person",
        object_id=str(drop.pk),
        object_repr="x",
    )
    drop_pk = drop.pk
    moved = record_merge(
        keep=keep, drop=drop, actor=alice, choices={"phone": "drop", "notes": "drop"}
    )
    keep.refresh_from_db()
    assert (
        keep.phone == "+47 22 33 44 55"
        and keep.notes == "Liker fjell"
        and keep.email == "kari@fjord.no"
    )
    role = PersonRole.objects.get(person=keep)
    assert role.title == "Innkjøpssjef"  # the twin role was folded in
    assert list(conversation.people.all()) == [keep]
    statement.refresh_from_db()
    assert statement.person == keep
    assert ExternalKey.objects.get(key="7").person == keep
    assert moved["customers.personrole"] == 1
    assert AuditEvent.objects.filter(
        object_type="customers.person", object_id=str(drop_pk), action="delete"
    ).exists()
    # The statement's entries named the dropped person; now the kept one (erasing
    # the kept person finds them).
    entries = AuditEvent.objects.filter(
        object_type="market_signals.statement", object_id=str(statement.pk)
    )
    assert {e.person_ref for e in entries} == {str(keep.pk)}


def test_merging_people_moves_the_entries_of_a_removed_motive_to_the_kept_one(
    team_a: Any, alice: Any
) -> None:
    """A motive removed before the merge names its journey as parent and the dropped
    person as ``person_ref``: after the merge, erasing the kept person blanks it."""
    from fasit.buying import services as buying
    from fasit.buying.tests.helpers import journey_at, process_for
    from fasit.privacy.erasure import person_erase

    keep = PersonFactory(team=team_a, name="Kari Nordmann", email="kari@fjord.no")
    drop = PersonFactory(team=team_a, name="Kari Nordman", email="")
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=0, since=dt.date(2026, 3, 2))
    motive = buying.motive_add(
        journey=journey, actor=alice, text="Slippe nattskift på lageret", person=drop
    )
    entries = AuditEvent.objects.filter(object_type="buying.motive", object_id=str(motive.pk))
    buying.motive_remove(motive=motive, actor=alice)
    record_merge(keep=keep, drop=drop, actor=alice, choices={})
    assert {e.person_ref for e in entries} == {str(keep.pk)}

    person_erase(person=keep, actor=alice, channel="web")

    assert [e.action for e in entries.order_by("id")] == ["create", "delete"]
    assert all("nattskift" not in str(e.changes) + e.object_repr for e in entries.all())


def test_merging_accounts_keeps_the_group_sound(team_a: Any, alice: Any) -> None:
    group = AccountFactory(team=team_a, name="Nordlys ASA")
    keep = AccountFactory(team=team_a, name="Nordlys Drift AS", parent=group)
    drop = AccountFactory(team=team_a, name="Nordlys Drift", org_number="923 609 016")
    child = AccountFactory(team=team_a, name="Nordlys Nord AS", parent=drop)
    keep.parent = None
    keep.save()
    drop.parent = keep
    drop.save()
    record_merge(keep=keep, drop=drop, actor=alice, choices={})
    keep.refresh_from_db()
    child.refresh_from_db()
    assert keep.org_number == "923 609 016"  # empty on the kept one: taken from the other
    assert keep.parent is None
    assert child.parent == keep
    with pytest.raises(ValidationError):
        record_merge(keep=keep, drop=keep, actor=alice, choices={})
