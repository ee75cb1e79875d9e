from __future__ import annotations

from typing import Any


def test_being_on_and_dates(kari: Any, alice_client: Any, charlie_client: Any) -> None:
    rows = alice_client.get("/api/relationships/being-on").json()["items"]
    assert rows[0]["name"] == "Fjord Energi AS"
    assert charlie_client.get("/api/relationships/being-on").json() == {
        "count": 0,
        "next_after": None,
        "items": [],
    }
    assert charlie_client.get("/api/relationships/dates?days=60").json() == []
    assert any(
        d["person"] == "Kari Berg"
        for d in alice_client.get("/api/relationships/dates?days=60").json()
    )


def test_account_health_and_person_knowledge(
    kari: Any, alice_client: Any, charlie_client: Any
) -> None:
    account = kari.roles.get().account
    data = alice_client.get(f"/api/relationships/accounts/{account.pk}").json()
    assert data["going_dark"] is True and data["alerts"]
    assert "listening" not in data["components"]
    person = alice_client.get(f"/api/relationships/people/{kari.pk}").json()
    assert person["score"] == 75
    assert charlie_client.get(f"/api/relationships/accounts/{account.pk}").status_code == 404
    assert charlie_client.get(f"/api/relationships/people/{kari.pk}").status_code == 404


def test_anonymous_is_refused(kari: Any, client: Any) -> None:
    assert client.get("/api/relationships/being-on").status_code == 401
