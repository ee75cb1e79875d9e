"""A record's history (core.audit.record_events): the account's and the person's
changes, and those of the rows kept with them, on a page every member can open and in
the API; another team gets a 404."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from fasit.core.audit import changes_of, history
from fasit.core.models import AuditEvent
from fasit.customers.models import PersonRole
from fasit.customers.services import (
    account_create,
    account_revenue_set,
    account_update,
    person_create,
    person_role_remove,
    person_role_set,
    person_update,
    profile_item_add,
)
from fasit.privacy.models import AccessLog
from fasit.testing import AccountFactory
from fasit.transfer.merging import record_merge

pytestmark = pytest.mark.django_db


def _account(team: Any, actor: Any) -> Any:
    account = account_create(team=team, actor=actor, name="Fjord Kraft", country="NO")
    account_update(account=account, actor=actor, data={"name": "Fjord Kraft AS"})
    account_revenue_set(
        account=account, actor=actor, year=timezone.localdate().year, amount=Decimal("1200000")
    )
    return account


def test_an_accounts_history_lists_its_changes_and_its_revenue_rows(
    team_a: Any, alice: Any
) -> None:
    account = _account(team_a, alice)
    AccountFactory(team=team_a, name="Another")  # not part of this history
    rows = history(account)
    assert [(r["action"], r["record_type"]) for r in rows] == [
        ("create", "customers.account"),
        ("update", "customers.account"),
        ("create", "customers.accountrevenue"),
    ]
    assert changes_of(rows[1]) == {"name": ["Fjord Kraft", "Fjord Kraft AS"]}
    assert rows[1]["by"] == "Alice"
    # Each field is named as the forms name it, in the user's language.
    assert [c["label"] for c in rows[1]["changes"]] == ["name"]


def test_a_persons_history_includes_profile_items_and_roles(team_a: Any, alice: Any) -> None:
    account = AccountFactory(team=team_a)
    person = person_create(
        team=team_a, actor=alice, name="Kari Nordmann", legal_basis="li_customer", account=account
    )
    person_update(person=person, actor=alice, data={"what_matters": "Leveringstid"})
    profile_item_add(person=person, actor=alice, item_type="interest", name="Langrenn")
    types = [r["record_type"] for r in history(person)]
    assert types[0] == "customers.person"
    assert "customers.interest" in types and "customers.personrole" in types
    change = next(r for r in history(person) if "what_matters" in changes_of(r))
    assert changes_of(change)["what_matters"] == ["", "Leveringstid"]


def test_the_history_page_for_members_and_viewers_and_404_for_another_team(
    team_a: Any, alice: Any, alice_client: Any, victor_client: Any, charlie_client: Any
) -> None:
    account = _account(team_a, alice)
    url = f"/accounts/{account.pk}/history/"
    page = alice_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Fjord Kraft AS" in html and "Alice" in html
    # Newest first: the revenue row, the rename, the creation.
    rows = html.split("<tbody>")[1].split("</tr>")
    assert "1200000" in rows[0] and "→ Fjord Kraft AS" in rows[1] and "Created" in rows[2]
    assert victor_client.get(url).status_code == 200  # a viewer reads it too
    assert charlie_client.get(url).status_code == 404
    detail = alice_client.get(f"/accounts/{account.pk}/").content.decode()
    assert url in detail


def test_a_persons_history_page_is_logged_as_a_profile_read(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    person = person_create(team=team_a, actor=alice, name="Kari Nordmann", legal_basis="consent")
    url = f"/people/{person.pk}/history/"
    assert charlie_client.get(url).status_code == 404
    assert alice_client.get(url).status_code == 200
    assert AccessLog.objects.filter(person=person, what=AccessLog.What.PROFILE).exists()


def test_the_history_api_pages_newest_first_and_404_for_another_team(
    team_a: Any, alice: Any, alice_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    account = _account(team_a, alice)
    url = f"/api/accounts/{account.pk}/history"
    body = alice_api.get(url, {"order": "-id", "limit": 2}).json()
    assert body["count"] == 3
    assert [i["action"] for i in body["items"]] == ["create", "update"]
    assert body["items"][0]["record_type"] == "customers.accountrevenue"
    assert body["items"][1]["changes"] == [
        {"field": "name", "label": "name", "old": "Fjord Kraft", "new": "Fjord Kraft AS"}
    ]
    rest = alice_api.get(url, {"order": "-id", "after": body["next_after"]}).json()
    assert [i["action"] for i in rest["items"]] == ["create"]
    dt.datetime.fromisoformat(rest["items"][0]["at"])
    assert victor_api.get(url).status_code == 200
    assert charlie_api.get(url).status_code == 404
    person = person_create(team=team_a, actor=alice, name="Kari Nordmann", legal_basis="consent")
    assert charlie_api.get(f"/api/people/{person.pk}/history").status_code == 404
    items = alice_api.get(f"/api/people/{person.pk}/history").json()["items"]
    assert items[0]["record"] == "Kari Nordmann"


def test_a_removed_role_stays_in_the_persons_history(team_a: Any, alice: Any) -> None:
    person = person_create(team=team_a, actor=alice, name="Kari Nordmann", legal_basis="consent")
    account = AccountFactory(team=team_a, name="Fjord Kraft")
    role = person_role_set(person=person, actor=alice, account=account, title="Innkjøpssjef")
    role_id = role.pk
    person_role_remove(role=role, actor=alice)
    rows = [r for r in history(person) if r["record_type"] == "customers.personrole"]
    assert [(r["action"], r["record_id"]) for r in rows] == [
        ("create", str(role_id)),
        ("delete", str(role_id)),
    ]
    assert changes_of(rows[0])["title"] == [None, "Innkjøpssjef"]
    assert changes_of(rows[1])["title"] == ["Innkjøpssjef", None]
    assert not PersonRole.objects.filter(pk=role_id).exists()


def test_a_role_whose_entries_name_no_parent_stays_listed_after_its_removal(
    team_a: Any, alice: Any
) -> None:
    """The importer's entries name no parent (they are written without the services);
    removing the row names it on them, so the person's history keeps them."""
    person = person_create(team=team_a, actor=alice, name="Kari Nordmann", legal_basis="consent")
    role = PersonRole.objects.create(person=person, account=AccountFactory(team=team_a))
    imported = AuditEvent.objects.create(
        team=team_a,
        action="create",
        object_type="customers.personrole",
        object_id=str(role.pk),
        object_repr=str(role),
        changes={"imported_from": [None, "contacts.csv:2"]},
    )
    assert imported.pk in [r["id"] for r in history(person)]
    person_role_remove(role=role, actor=alice)
    rows = [r for r in history(person) if r["record_type"] == "customers.personrole"]
    assert [(r["id"], r["action"]) for r in rows][0] == (imported.pk, "create")
    assert [r["action"] for r in rows] == ["create", "delete"]


def test_a_merged_persons_removed_roles_follow_them(team_a: Any, alice: Any) -> None:
    keep = person_create(team=team_a, actor=alice, name="Kari Nordmann", legal_basis="consent")
    drop = person_create(team=team_a, actor=alice, name="Kari Nordman", legal_basis="consent")
    role = person_role_set(person=drop, actor=alice, account=AccountFactory(team=team_a))
    person_role_remove(role=role, actor=alice)
    record_merge(keep=keep, drop=drop, actor=alice, choices={})
    rows = [r for r in history(keep) if r["record_type"] == "customers.personrole"]
    assert [r["action"] for r in rows] == ["create", "delete"]
