"""The API's documentation works offline, and bad input is a 4xx with a message that
names the field, never a 500 and never half-stored."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from fasit.customers.models import Account
from fasit.testing import AccountFactory

BIG = 2**63


def test_docs_reference_no_external_host(team_a: Any, client: Any) -> None:
    page = client.get("/api/docs").content.decode()
    assert re.findall(r"(?:src|href)=\"(https?:)?//", page) == []
    assets = re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", page)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(
    "url",
    [
        f"/api/accounts/{BIG}",
        f"/api/people/{BIG}",
        f"/api/conversations/{BIG}",
        f"/api/accounts?offset={BIG}",
        f"/api/accounts?limit={BIG}",
        f"/api/people?account_id={BIG}",
        f"/api/buying/journeys/{BIG}",
        f"/api/relationships/accounts/{BIG}",
        "/api/accounts?offset=-1",
        "/api/accounts?limit=0",
    ],
)
def test_out_of_range_numbers_are_422(team_a: Any, alice_api: Any, url: str) -> None:
    response = alice_api.get(url)
    assert response.status_code == 422, response.content
    assert response.json()["detail"][0]["loc"]


def test_huge_ids_in_a_body_are_422(team_a: Any, bob_api: Any) -> None:
    response = bob_api.post(
        "/api/accounts",
        json.dumps({"name": "Fjord AS", "category_id": BIG}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "category_id"
    assert Account.objects.count() == 0


def test_nul_in_a_name_is_refused_as_in_the_form(team_a: Any, bob_api: Any) -> None:
    response = bob_api.post(
        "/api/accounts", json.dumps({"name": "Fjord\x00AS"}), content_type="application/json"
    )
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"][-1] == "name" and "Null" in detail["msg"]
    assert Account.objects.count() == 0


def test_lone_surrogate_is_refused(team_a: Any, bob_api: Any) -> None:
    body = '{"name": "Fjord \\ud800 AS"}'
    response = bob_api.post("/api/accounts", body, content_type="application/json")
    assert response.status_code == 422
    assert "surrogate" in response.json()["detail"][0]["msg"]
    assert Account.objects.count() == 0


def test_nul_in_a_query_is_refused(team_a: Any, alice_api: Any) -> None:
    AccountFactory(team=team_a)
    response = alice_api.get("/api/accounts?q=a%00b")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "q"]


def test_broken_json_is_400(team_a: Any, bob_api: Any) -> None:
    response = bob_api.post("/api/accounts", "{", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_schema_documents_errors(team_a: Any, client: Any) -> None:
    schema = client.get("/api/openapi.json").json()
    get = schema["paths"]["/api/accounts/{account_id}"]["get"]["responses"]
    post = schema["paths"]["/api/accounts"]["post"]["responses"]
    assert {"200", "401", "404", "422", "429"} <= set(get)
    assert {"201", "400", "401", "403", "404", "409", "422", "429"} <= set(post)
    assert "Retry-After" in post["429"]["headers"]
    assert {"ErrorOut", "ValidationErrorOut"} <= set(schema["components"]["schemas"])
    assert {"BearerAuth", "TeamSessionAuth"} & set(schema["components"]["securitySchemes"])


def test_null_for_a_required_field_in_a_patch_is_400(team_a: Any, bob_api: Any) -> None:
    account = AccountFactory(team=team_a, name="Fjord AS", notes="x")
    response = bob_api.patch(
        f"/api/accounts/{account.pk}",
        json.dumps({"notes": None, "parent_id": None}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert list(response.json()["detail"]) == ["notes"]
    account.refresh_from_db()
    assert account.notes == "x"


def test_schema_names_are_unique() -> None:
    """The OpenAPI components are keyed by class name: two schemas of one name (a
    buying group's MemberOut and the team's) silently share one definition, and the
    documented answer of one operation becomes the other's."""
    import importlib
    import pkgutil

    from ninja import Schema

    import fasit

    seen: dict[str, Any] = {}
    clashes = []
    for module_info in pkgutil.walk_packages(fasit.__path__, "fasit."):
        if not module_info.name.endswith((".schemas", ".api")):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if (
                isinstance(value, type)
                and issubclass(value, Schema)
                and value.__module__ == module.__name__
            ):
                # The same fields under one name (ErrorOut) are harmless.
                if name in seen and _fields(seen[name]) != _fields(value):
                    clashes.append((name, seen[name].__module__, module.__name__))
                seen.setdefault(name, value)
    assert clashes == []


def _fields(schema: Any) -> Any:
    return schema.model_json_schema().get("properties")
