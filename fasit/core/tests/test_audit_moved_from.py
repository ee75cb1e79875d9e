"""``AuditEvent.moved_from``: an update that gives a row from one person to another
names the first as well as the second (``person_ref``), written with the entry and,
for entries written before, filled by migration ``core.0010_audit_moved_from`` from the
old name when exactly one person of the team has it."""

from __future__ import annotations

import importlib
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.db import connection

from fasit.core.models import AuditEvent
from fasit.signals.services import statement_create, statement_edit
from fasit.testing import ConversationFactory, PersonFactory
from fasit.transfer.merging import record_merge

pytestmark = pytest.mark.django_db

migration = importlib.import_module("fasit.core.migrations.0010_audit_moved_from")


def _fill() -> None:
    migration.fill_moved_from(apps, SimpleNamespace(connection=connection))


def _statement(team: Any, actor: Any, person: Any) -> Any:
    return statement_create(
        team=team,
        actor=actor,
        conversation=ConversationFactory(team=team),
        text="Vi trenger kortere leveringstid",
        person=person,
    )


def _moves(team: Any) -> list[tuple[str, str, str]]:
    return [
        (e.object_id, e.person_ref, e.moved_from)
        for e in AuditEvent.objects.for_team(team)
        .filter(object_type="market_signals.statement", action="update")
        .order_by("id")
    ]


def test_an_update_names_the_person_it_took_the_row_from(team_a: Any, alice: Any) -> None:
    astrid = PersonFactory(team=team_a, name="Astrid Lie")
    bjorn = PersonFactory(team=team_a, name="Bjørn Lie")
    statement = _statement(team_a, alice, astrid)
    statement_edit(statement=statement, actor=alice, text="Vi trenger kortere leveringstid nå")
    statement_edit(statement=statement, actor=alice, person=bjorn)
    statement_edit(statement=statement, actor=alice, person=None)
    statement_edit(statement=statement, actor=alice, person=astrid)
    a, b, s = str(astrid.pk), str(bjorn.pk), str(statement.pk)
    # Not moved, moved to Bjørn, to nobody, and to Astrid from nobody (nobody to name).
    assert _moves(team_a) == [(s, a, ""), (s, b, a), (s, "", b), (s, a, "")]


def test_the_migration_fills_entries_written_before(
    team_a: Any, team_b: Any, alice: Any, charlie: Any
) -> None:
    astrid = PersonFactory(team=team_a, name="Astrid Lie")
    bjorn = PersonFactory(team=team_a, name="Bjørn Lie")
    ola = PersonFactory(team=team_a, name="Ola Namesake")
    PersonFactory(team=team_a, name="Ola Namesake")
    moved = _statement(team_a, alice, astrid)
    statement_edit(statement=moved, actor=alice, person=bjorn)
    namesake = _statement(team_a, alice, ola)
    statement_edit(statement=namesake, actor=alice, person=bjorn)
    # Another team's Astrid Lie is not this team's.
    other = PersonFactory(team=team_b, name="Astrid Lie")
    elsewhere = _statement(team_b, charlie, other)
    statement_edit(statement=elsewhere, actor=charlie, person=None)
    written = _moves(team_a) + _moves(team_b)
    keep = PersonFactory(team=team_a, name="Kari Nordmann")
    drop = PersonFactory(team=team_a, name="Kari Nordmand")
    drop_pk = drop.pk
    record_merge(keep=keep, drop=drop, actor=alice, choices={})
    merged = AuditEvent.objects.get(
        object_type="customers.person", object_id=str(drop_pk), action="delete"
    )
    assert merged.person_ref == str(keep.pk)
    AuditEvent.objects.update(moved_from="")
    AuditEvent.objects.filter(pk=merged.pk).update(person_ref="")

    _fill()

    # As written at the time, but the namesake's: nothing says which Ola it was.
    b, s = str(bjorn.pk), str(namesake.pk)
    assert _moves(team_a) + _moves(team_b) == [e if e[0] != s else (s, b, "") for e in written]
    merged.refresh_from_db()
    assert merged.person_ref == str(keep.pk)
    # Runs again without change.
    _fill()
    assert _moves(team_a) + _moves(team_b) == [e if e[0] != s else (s, b, "") for e in written]


def test_a_deleted_row_s_older_entries_get_the_person_a_move_names(team_a: Any, alice: Any) -> None:
    """Entries written before entries named their person, then a move (which names
    both), then Astrid renamed: deleting the row reads the move's ``moved_from``, not
    her old name (no person has it any more)."""
    from fasit.customers import services as customers
    from fasit.signals.services import statement_delete

    astrid = PersonFactory(team=team_a, name="Astrid Lie")
    bjorn = PersonFactory(team=team_a, name="Bjørn Lie")
    statement = _statement(team_a, alice, astrid)
    key = {"object_type": "market_signals.statement", "object_id": str(statement.pk)}
    AuditEvent.objects.filter(**key).update(person_ref="")
    statement_edit(statement=statement, actor=alice, person=bjorn)
    customers.person_update(person=astrid, actor=alice, data={"name": "Astrid Lie Hansen"})

    statement_delete(statement=statement, actor=alice)

    entries = AuditEvent.objects.filter(**key).order_by("id")
    a, b = str(astrid.pk), str(bjorn.pk)
    assert [(e.action, e.person_ref) for e in entries] == [
        ("create", a),
        ("update", b),
        ("delete", b),
    ]
