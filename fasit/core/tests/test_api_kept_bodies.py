"""The four big API lists keep their JSON body per team data version
(core.api_utils.list_page ``keep_body``): a repeated request reads no list table, and
every write through the API (create, update, delete) shows at the very next request.
Another team's caller never gets a kept body: their own list, and 404 for the record."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone, translation

from fasit.buying.models import Journey
from fasit.buying.tests.helpers import process_for
from fasit.conversations.models import Conversation
from fasit.core import api_utils
from fasit.customers.models import Account, Person
from fasit.testing import AccountFactory


def _send(client: Client, method: str, url: str, payload: Any) -> Any:
    response = getattr(client, method)(url, json.dumps(payload), content_type="application/json")
    assert response.status_code in (200, 201), response.content
    return response.json()


def _read(client: Client, url: str) -> tuple[bytes, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content, [q["sql"] for q in captured.captured_queries]


def _lifecycle(
    client: Client,
    other: Client,
    url: str,
    table: str,
    create: Callable[[], int],
    update: Callable[[int], None],
    changed: Callable[[dict[str, Any]], bool],
    delete: Callable[[int], None],
) -> None:
    before, _ = _read(client, url)
    again, statements = _read(client, url)
    assert again == before
    # Served from the kept body: nothing read from the list's tables.
    assert not [s for s in statements if table in s], statements
    count = json.loads(before)["count"]

    new_id = create()
    body = json.loads(_read(client, url)[0])
    assert body["count"] == count + 1
    assert new_id in [item["id"] for item in body["items"]]

    update(new_id)
    body = json.loads(_read(client, url)[0])
    item = next(item for item in body["items"] if item["id"] == new_id)
    assert changed(item), item

    # Another team's caller: their own (empty) list, never this team's kept body, and
    # the record is not theirs.
    assert other.get(url).json() == {"count": 0, "next_after": None, "items": []}
    detail = url.split("?")[0] + f"/{new_id}"
    assert other.get(detail).status_code == 404

    delete(new_id)
    body = json.loads(_read(client, url)[0])
    assert body["count"] == count
    assert new_id not in [item["id"] for item in body["items"]]


@pytest.mark.django_db
def test_accounts_list_kept_until_each_write(
    team_a: Any, bob_api: Client, charlie_api: Client
) -> None:
    AccountFactory(team=team_a, name="Existing")
    _lifecycle(
        bob_api,
        charlie_api,
        "/api/accounts?limit=50",
        Account._meta.db_table,
        lambda: _send(bob_api, "post", "/api/accounts", {"name": "Fjord AS"})["id"],
        lambda pk: _send(bob_api, "patch", f"/api/accounts/{pk}", {"tier": "key"}),
        lambda item: item["tier"] == "key",
        lambda pk: bob_api.delete(f"/api/accounts/{pk}"),
    )


@pytest.mark.django_db
def test_people_list_kept_until_each_write(
    team_a: Any, bob_api: Client, charlie_api: Client
) -> None:
    _send(bob_api, "post", "/api/people", {"name": "Existing Person", "legal_basis": "consent"})
    _lifecycle(
        bob_api,
        charlie_api,
        "/api/people?limit=50",
        Person._meta.db_table,
        lambda: _send(
            bob_api, "post", "/api/people", {"name": "Kari Nordmann", "legal_basis": "consent"}
        )["id"],
        lambda pk: _send(bob_api, "patch", f"/api/people/{pk}", {"what_matters": "Quiet mornings"}),
        lambda item: item["what_matters"] == "Quiet mornings",
        lambda pk: bob_api.delete(f"/api/people/{pk}"),
    )


@pytest.mark.django_db
def test_conversations_list_kept_until_each_write(
    team_a: Any, bob_api: Client, charlie_api: Client
) -> None:
    account = AccountFactory(team=team_a)
    _send(bob_api, "post", "/api/conversations", {"account_id": account.pk})
    _lifecycle(
        bob_api,
        charlie_api,
        "/api/conversations?limit=50&order=-id",
        Conversation._meta.db_table,
        lambda: _send(
            bob_api, "post", "/api/conversations", {"account_id": account.pk, "subject": "Hei"}
        )["id"],
        lambda pk: _send(bob_api, "patch", f"/api/conversations/{pk}", {"subject": "Changed"}),
        lambda item: item["subject"] == "Changed",
        lambda pk: bob_api.delete(f"/api/conversations/{pk}"),
    )


@pytest.mark.django_db
def test_journeys_list_kept_until_each_write(
    team_a: Any, bob: Any, bob_api: Client, charlie_api: Client
) -> None:
    process = process_for(team_a, bob)
    account = AccountFactory(team=team_a, category=process.category)
    _send(bob_api, "post", "/api/buying/journeys", {"account_id": account.pk, "title": "First"})
    _lifecycle(
        bob_api,
        charlie_api,
        "/api/buying/journeys?limit=50",
        Journey._meta.db_table,
        lambda: _send(
            bob_api, "post", "/api/buying/journeys", {"account_id": account.pk, "title": "Second"}
        )["id"],
        lambda pk: _send(bob_api, "patch", f"/api/buying/journeys/{pk}", {"title": "Renamed"}),
        lambda item: item["title"] == "Renamed",
        lambda pk: bob_api.delete(f"/api/buying/journeys/{pk}"),
    )


@pytest.mark.django_db
def test_a_kept_body_is_the_body_written_for_the_same_request(
    team_a: Any, alice_client: Client, alice_api: Client, victor_client: Client
) -> None:
    """Session, token and another role of the same team get the same bytes, kept or not;
    each filter and cursor is its own entry."""
    ids = [
        AccountFactory(team=team_a, name=f"Account {i}", tier="key" if i % 2 else "customer").pk
        for i in range(5)
    ]
    # Ids depend on the database's sequences (PostgreSQL does not reset them).
    urls = [
        "/api/accounts?limit=2",
        f"/api/accounts?limit=2&after={ids[1]}",
        "/api/accounts?tier=key",
    ]
    fresh = {}
    for url in urls:
        api_utils.forget_counts()
        fresh[url] = alice_client.get(url).content
    assert len(set(fresh.values())) == 3
    for client in (alice_client, alice_api, victor_client):
        for url in urls:
            assert client.get(url).content == fresh[url]


def _key(request_path: str, team: Any, version: int, role: str = "member") -> Any:
    from django.test import RequestFactory

    request = RequestFactory().get(request_path)
    team._fasit_version = version
    request.team = team  # type: ignore[attr-defined]
    request.membership = type("M", (), {"role": role})()  # type: ignore[attr-defined]
    return api_utils._body_key(request)


@pytest.mark.django_db
def test_the_key_holds_team_version_day_zone_language_role_and_query(
    team_a: Any, team_b: Any
) -> None:
    key = _key("/api/accounts?limit=2&tier=key", team_a, 7)
    assert key == _key("/api/accounts?tier=key&limit=2", team_a, 7)  # normalised query
    assert key != _key("/api/accounts?limit=2&tier=key", team_b, 7)
    assert key != _key("/api/accounts?limit=2&tier=key", team_a, 8)
    assert key != _key("/api/accounts?limit=2&tier=key", team_a, 7, role="viewer")
    assert key != _key("/api/accounts?limit=3&tier=key", team_a, 7)
    with translation.override("sv"):
        assert key != _key("/api/accounts?limit=2&tier=key", team_a, 7)
    with timezone.override("America/New_York"):
        assert key != _key("/api/accounts?limit=2&tier=key", team_a, 7)
    post = _key("/api/accounts", team_a, 7)
    assert post is not None
    from django.test import RequestFactory

    write = RequestFactory().post("/api/accounts")
    write.team = team_a  # type: ignore[attr-defined]
    assert api_utils._body_key(write) is None  # a write never reads or keeps one


@pytest.mark.django_db
def test_a_kept_body_expires(team_a: Any, alice_client: Client) -> None:
    """The expiry bounds a change made outside the services (no audit record)."""
    AccountFactory(team=team_a, name="One")
    with override_settings(FASIT_TEAM_CACHE_SECONDS=0):
        assert alice_client.get("/api/accounts").json()["count"] == 1
        AccountFactory(team=team_a, name="Two")  # no service, no audit record
        api_utils._counts.clear()  # the kept total has no expiry of its own
        assert alice_client.get("/api/accounts").json()["count"] == 2
