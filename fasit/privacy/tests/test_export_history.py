"""A person's export lists every audit entry that erasure would blank for them.

Rows deleted before the export (a removed role or profile item, a deleted statement,
buying-group place, buying motive or cadence) are gone, but their audit entries still
hold what the rows said about the person; only ``AuditEvent.person_ref`` (or the
person as their parent) ties them to the person. "What do you hold about me" must
list them, as erasure blanks them."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from django.urls import reverse
from django.utils import timezone

from fasit.buying.models import BuyingGroupMember, Motive
from fasit.buying.services import (
    journey_create,
    member_remove,
    member_set,
    motive_add,
    motive_remove,
)
from fasit.core.forms import user_label
from fasit.core.models import AuditEvent
from fasit.customers import services as customers
from fasit.customers.models import FamilyMember, Interest, Person, PersonRole
from fasit.privacy.erasure import person_erase
from fasit.privacy.selectors import person_dossier
from fasit.privacy.tests.conftest import Rich
from fasit.relationships.services import person_cadence_set
from fasit.signals.services import statement_create, statement_delete, statement_edit
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory

SAID = "Leveransen kom tre uker for sent, igjen."
MOTIVE = "Vil slippe stans i produksjonen."


def _row(e: AuditEvent) -> str:
    """An entry as the export shows it (at, by, action, record, changes), as one key."""
    return json.dumps(
        {
            "at": timezone.localtime(e.at).isoformat(timespec="minutes"),
            "by": user_label(e.actor) if e.actor is not None else None,
            "action": e.get_action_display(),
            "record": e.object_type,
            "changes": e.changes,
        },
        sort_keys=True,
        default=str,
    )


def _exported(person: Person) -> Counter[str]:
    return Counter(
        json.dumps(row, sort_keys=True, default=str) for row in person_dossier(person)["audit"]
    )


def _removed_rows(team: Any, actor: Any, person: Person) -> None:
    """A role, profile items, a statement, a buying-group place, a buying motive and a
    cadence that named the person, each changed once and then deleted."""
    account = AccountFactory(team=team, name="Nordlys Drift AS")
    role = customers.person_role_set(person=person, actor=actor, account=account, title="Innkjøp")
    customers.person_role_set(person=person, actor=actor, account=account, title="Innkjøpssjef")
    customers.profile_item_add(
        person=person, actor=actor, item_type="family", relation="Datter", name="Liv"
    )
    customers.profile_item_add(person=person, actor=actor, item_type="interest", name="Seiling")
    statement = statement_create(
        team=team,
        actor=actor,
        conversation=ConversationFactory(team=team),
        text=SAID,
        person=person,
    )
    journey = journey_create(team=team, actor=actor, account=account, title="Ny linje")
    member_set(journey=journey, actor=actor, person=person, role="user", note="Skeptisk")
    motive_add(journey=journey, actor=actor, text=MOTIVE, person=person)
    person_cadence_set(person=person, actor=actor, days=45)

    customers.person_role_remove(role=PersonRole.objects.get(pk=role.pk), actor=actor)
    for item in [
        *FamilyMember.objects.filter(person=person),
        *Interest.objects.filter(person=person),
    ]:
        customers.profile_item_remove(item=item, actor=actor)
    statement_delete(statement=statement, actor=actor)
    member_remove(member=BuyingGroupMember.objects.get(journey=journey), actor=actor)
    motive_remove(motive=Motive.objects.get(journey=journey), actor=actor)
    person_cadence_set(person=person, actor=actor, days=None)


def test_the_export_lists_the_entries_of_removed_rows(team_a: Any, alice: Any) -> None:
    person = PersonFactory(team=team_a, name="Randi Solberg")
    _removed_rows(team_a, alice, person)
    audit = person_dossier(person)["audit"]
    listed = {(e["record"], e["action"]) for e in audit}
    for record in (
        "customers.personrole",
        "customers.familymember",
        "customers.interest",
        "market_signals.statement",
        "buying.buyinggroupmember",
        "buying.motive",
        "relationships.personcadence",
    ):
        assert (record, "created") in listed, record
        assert (record, "deleted") in listed, record
    # What happened, when and by whom, with what the rows said.
    deleted_statement = next(
        e for e in audit if (e["record"], e["action"]) == ("market_signals.statement", "deleted")
    )
    assert deleted_statement["by"] == "Alice" and deleted_statement["at"]
    assert deleted_statement["changes"]["text"][0] == SAID
    assert any(e["changes"].get("text") == [MOTIVE, None] for e in audit)
    assert any(e["changes"].get("title") == ["Innkjøp", "Innkjøpssjef"] for e in audit)


def test_each_entry_is_listed_once_and_only_for_its_person(
    team_a: Any, team_b: Any, alice: Any
) -> None:
    person = PersonFactory(team=team_a, name="Randi Solberg")
    _removed_rows(team_a, alice, person)
    other = PersonFactory(team=team_a, name="Tor Solberg")
    # Entries that name the person twice over (a role: parent and ``person_ref``).
    named = AuditEvent.objects.for_team(team_a).filter(person_ref=str(person.pk))
    assert named.count() >= 14
    assert sum(_exported(person).values()) == len(person_dossier(person)["audit"])
    mine = _exported(person)
    for entry in named:
        assert mine[_row(entry)] >= 1
    ids = list(named.values_list("pk", flat=True))
    assert len(ids) == len(set(ids))
    own = AuditEvent.objects.for_team(team_a).filter(
        object_type="customers.person", object_id=str(person.pk)
    )
    assert len(person_dossier(person)["audit"]) == named.count() + own.count()
    # Nobody else's export lists them; an entry of another team that names the same id
    # is not this person's.
    assert not any(e["record"] != "customers.person" for e in person_dossier(other)["audit"])
    AuditEvent.objects.create(
        team=team_b,
        action="create",
        object_type="buying.motive",
        object_id="1",
        object_repr="x",
        changes={"text": [None, "team B"]},
        person_ref=str(person.pk),
        moved_from=str(person.pk),
    )
    assert len(person_dossier(person)["audit"]) == named.count() + own.count()


def test_moves_stay_listed_for_the_person_a_row_was_taken_from(team_a: Any, alice: Any) -> None:
    astrid = PersonFactory(team=team_a, name="Astrid Lie")
    bjorn = PersonFactory(team=team_a, name="Bjørn Lie")
    statement = statement_create(
        team=team_a,
        actor=alice,
        conversation=ConversationFactory(team=team_a),
        text=SAID,
        person=astrid,
    )
    statement_edit(statement=statement, actor=alice, person=bjorn)
    statement_delete(statement=statement, actor=alice)
    astrids = person_dossier(astrid)["audit"]
    records = [(e["record"], e["action"]) for e in astrids]
    # Her statement's creation (hers), the move away (both people's), not its deletion
    # (Bjørn's by then).
    assert records.count(("market_signals.statement", "created")) == 1
    assert any(e["changes"].get("person") == ["Astrid Lie", "Bjørn Lie"] for e in astrids)
    assert ("market_signals.statement", "deleted") not in records
    bjorns = [(e["record"], e["action"]) for e in person_dossier(bjorn)["audit"]]
    assert ("market_signals.statement", "deleted") in bjorns
    assert ("market_signals.statement", "changed") in bjorns


def _blanked_by_erasure(team: Any, person: Person) -> tuple[list[AuditEvent], list[AuditEvent]]:
    """Erase ``person`` and return the entries erasure blanked and those it took the
    person's name out of (moves), as they were before: read from what erasure did to
    the log, not from a copy of its query."""
    before = {e.pk: e for e in AuditEvent.objects.for_team(team).select_related("actor")}
    person_erase(person=person, actor=None, channel="cli")
    blanked, unnamed = [], []
    for after in AuditEvent.objects.for_team(team).filter(pk__in=list(before)):
        old = before[after.pk]
        if (after.object_repr, after.changes) == (old.object_repr, old.changes):
            continue
        if after.object_repr == "[erased]" and after.changes == {}:
            blanked.append(old)
        elif after.moved_from == str(person.pk):
            unnamed.append(old)
    return blanked, unnamed


def test_every_entry_erasure_blanks_is_in_the_export(
    rich: Rich, team_a: Any, alice: Any, bob: Any
) -> None:
    person = rich.person
    _removed_rows(team_a, bob, person)
    # A statement of hers given to someone else, and one given to her.
    other = PersonFactory(team=team_a, name="Bjørn Lie")
    moved = statement_create(
        team=team_a,
        actor=alice,
        conversation=rich.meeting,
        text="Prisen er for høy.",
        person=person,
    )
    statement_edit(statement=moved, actor=bob, person=other)
    got = statement_create(
        team=team_a,
        actor=alice,
        conversation=rich.meeting,
        text="Vi må ha service lokalt.",
        person=other,
    )
    statement_edit(statement=got, actor=bob, person=person)
    exported = _exported(person)
    other_before = _exported(other)

    blanked, unnamed = _blanked_by_erasure(team_a, person)

    assert len(blanked) >= 30 and unnamed
    missing = Counter(_row(e) for e in blanked) - exported
    assert not missing, f"blanked by erasure but not in the export: {list(missing)}"
    assert not Counter(_row(e) for e in unnamed) - exported
    # The other person's history of the moves is theirs too (and still exported).
    assert any(
        json.loads(row)["changes"].get("person") == [person.name, "Bjørn Lie"]
        for row in other_before
    )


def test_the_views_list_removed_rows_for_members_only(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any, victor_client: Any
) -> None:
    person = PersonFactory(team=team_a, name="Randi Solberg")
    _removed_rows(team_a, alice, person)
    response = bob_client.get(reverse("privacy:export", args=[person.pk, "json"]))
    assert response.status_code == 200
    records = {(e["record"], e["action"]) for e in json.loads(response.content)["audit"]}
    assert ("buying.motive", "deleted") in records
    html = bob_client.get(f"/api/privacy/people/{person.pk}/export?format=html").content.decode()
    assert MOTIVE in html and SAID in html
    # Another team's user finds no such person; a viewer may not export.
    assert (
        charlie_client.get(reverse("privacy:export", args=[person.pk, "json"])).status_code == 404
    )
    assert charlie_client.get(f"/api/privacy/people/{person.pk}/export").status_code == 404
    assert victor_client.get(reverse("privacy:export", args=[person.pk, "json"])).status_code == 403
    assert victor_client.get(f"/api/privacy/people/{person.pk}/export").status_code == 403
