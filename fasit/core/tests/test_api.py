from __future__ import annotations

import json
from typing import Any

from fasit.conversations.models import Conversation
from fasit.customers.models import Account
from fasit.testing import AccountFactory, PersonRoleFactory


def _post(client: Any, url: str, payload: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(payload), content_type="application/json")


def test_list_and_get_accounts(team_a: Any, alice_client: Any) -> None:
    account = AccountFactory(team=team_a, name="Fjord AS", tier="key")
    listing = alice_client.get("/api/accounts").json()
    assert [a["name"] for a in listing["items"]] == ["Fjord AS"]
    assert alice_client.get(f"/api/accounts/{account.pk}").json()["tier"] == "key"


def test_create_account_validates_org_number(team_a: Any, bob_client: Any) -> None:
    bad = _post(bob_client, "/api/accounts", {"name": "Fjord AS", "org_number": "988077918"})
    good = _post(bob_client, "/api/accounts", {"name": "Fjord AS", "org_number": "988077917"})
    assert bad.status_code == 400
    assert "check digit" in bad.json()["detail"]["org_number"][0]
    assert good.status_code == 201
    assert Account.objects.get().org_number == "988 077 917"


def test_viewer_cannot_create(team_a: Any, victor_client: Any) -> None:
    assert _post(victor_client, "/api/accounts", {"name": "Fjord AS"}).status_code == 403
    assert Account.objects.count() == 0


def test_log_conversation(team_a: Any, bob_client: Any) -> None:
    role = PersonRoleFactory(person__team=team_a)
    response = _post(
        bob_client,
        "/api/conversations",
        {"account_id": role.account.pk, "kind": "call", "people": [role.person.pk], "notes": "Hei"},
    )
    assert response.status_code == 201
    assert response.json()["people"] == [role.person.pk]


def test_charlie_cannot_log_on_team_a_account(team_a: Any, charlie_client: Any) -> None:
    account = AccountFactory(team=team_a)
    response = _post(charlie_client, "/api/conversations", {"account_id": account.pk})
    assert response.status_code == 400
    assert Conversation.objects.count() == 0


def test_openapi_schema_is_served(team_a: Any, alice_client: Any) -> None:
    schema = alice_client.get("/api/openapi.json").json()
    assert "/api/accounts" in schema["paths"]


def test_every_operation_documents_the_errors_it_can_answer(alice_client: Any) -> None:
    """Fasit's own errors, and the server's 414 for an over-long URL (a client reading
    the schema must not meet an undocumented status)."""
    schema = alice_client.get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            expected = {"401", "404", "414", "422", "429"}
            if method != "get":
                expected |= {"400", "403", "409"}
            assert expected <= codes, (method, path, expected - codes)
