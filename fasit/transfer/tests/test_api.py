"""Exports, the team's JSON export and import, and duplicates over the API, through the
Exports and Duplicates pages' own code: charlie (team B) gets 404 for team A's
records and none of its rows, victor (a viewer) 403, only owners move a whole team."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from fasit.core.models import AuditEvent
from fasit.customers.models import Account, Person
from fasit.signals.models import Theme
from fasit.signals.services import statement_create
from fasit.tenancy.models import Role
from fasit.tenancy.services import api_token_create
from fasit.testing import (
    AccountFactory,
    ConversationFactory,
    MembershipFactory,
    PersonFactory,
    PersonRoleFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def fjord(team_a: Any) -> Any:
    fjord = AccountFactory(team=team_a, name="Fjord Energi AS", tier="key")
    AccountFactory(team=team_a, name="Vik Bygg AS", tier="prospect")
    PersonRoleFactory(
        person=PersonFactory(team=team_a, name="Kari Nordmann", email="kari@fjord.no"),
        account=fjord,
        title="Innkjøpssjef",
    )
    return fjord


def test_lists_export_as_csv_excel_and_json_with_the_lists_filters(
    fjord: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    url = "/api/exports/list"
    csv = bob_api.get(url, {"what": "accounts", "tier": "key"})
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in csv["Content-Disposition"]
    text = _body(csv).decode("utf-8-sig")
    assert "Fjord Energi AS" in text and "Vik Bygg AS" not in text
    table = json.loads(_body(bob_api.get(url, {"what": "people", "format": "json"})))
    assert table["header"][:2] == ["Id", "Name"]
    assert [row[1] for row in table["rows"]] == ["Kari Nordmann"]
    xlsx = bob_api.get(url, {"what": "people", "format": "xlsx"})
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_filelike(io.BytesIO(_body(xlsx))).get_sheet_by_index(0)
    assert rows.to_python()[1][1] == "Kari Nordmann"
    follow_ups = json.loads(_body(bob_api.get(url, {"what": "follow_ups", "format": "json"})))
    assert follow_ups["rows"] == []
    # A filter the page's form refuses is a 400 on that field, not a silent full list.
    refused = bob_api.get(url, {"what": "accounts", "tier": "gold"})
    assert (refused.status_code, list(refused.json()["detail"])) == (400, ["tier"])
    theirs = bob_api.get(url, {"what": "people", "account_id": 999999})
    assert (theirs.status_code, list(theirs.json()["detail"])) == (400, ["account_id"])
    assert bob_api.get(url, {"what": "everything"}).status_code == 422
    assert victor_api.get(url, {"what": "people"}).status_code == 403
    assert b"Fjord" not in _body(charlie_api.get(url, {"what": "accounts"}))


def test_vcards_of_a_person_an_account_and_the_team(
    fjord: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    kari = Person.objects.get(name="Kari Nordmann")
    card = bob_api.get(f"/api/exports/people/{kari.pk}/vcard")
    assert card["Content-Type"] == "text/vcard; charset=utf-8"
    assert "FN:Kari Nordmann" in _body(card).decode()
    cards = _body(bob_api.get(f"/api/exports/accounts/{fjord.pk}/vcards")).decode()
    assert cards.count("BEGIN:VCARD") == 1 and "ORG:Fjord Energi AS" in cards
    assert _body(bob_api.get("/api/exports/vcards", {"q": "nobody"})) == b""
    assert "Kari" in _body(bob_api.get("/api/exports/vcards")).decode()
    assert charlie_api.get(f"/api/exports/people/{kari.pk}/vcard").status_code == 404
    assert charlie_api.get(f"/api/exports/accounts/{fjord.pk}/vcards").status_code == 404
    assert victor_api.get(f"/api/exports/people/{kari.pk}/vcard").status_code == 403
    assert b"Kari" not in _body(charlie_api.get("/api/exports/vcards"))


def test_a_team_is_exported_and_restored_into_an_empty_team_by_owners(
    fjord: Any, alice: Any, alice_api: Any, bob_api: Any, charlie_api: Any
) -> None:
    assert bob_api.get("/api/exports/team").status_code == 403
    exported = alice_api.get("/api/exports/team")
    assert exported["Content-Type"] == "application/json"
    data = json.loads(_body(exported))
    assert data["format"] == "fasit-team-export"
    assert len(data["models"]["customers.account"]) == 2
    assert b"Fjord" not in _body(charlie_api.get("/api/exports/team"))

    def upload(client: Any, raw: bytes) -> Any:
        return client.post("/api/exports/team", {"file": SimpleUploadedFile("team.json", raw)})

    raw = json.dumps(data).encode()
    # Into a team that is not empty: refused, nothing stored.
    refused = upload(alice_api, raw)
    assert refused.status_code == 400 and "empty team" in json.dumps(refused.json())
    assert upload(bob_api, raw).status_code == 403
    empty = TeamFactory(name="Restored", slug="restored")
    MembershipFactory(team=empty, user=alice, role=Role.OWNER)
    _token, secret = api_token_create(
        team=empty, user=alice, actor=alice, name="restore", scope="write"
    )
    restorer = Client(headers={"Authorization": f"Bearer {secret}"})
    assert upload(restorer, b"not json").json()["detail"] == {"file": ["The file is not JSON."]}
    assert upload(restorer, b"[1, 2]").status_code == 400
    restored = upload(restorer, raw)
    assert restored.status_code == 201, restored.content
    assert restored.json()["counts"]["customers.account"] == 2
    assert sorted(Account.objects.for_team(empty).values_list("name", flat=True)) == [
        "Fjord Energi AS",
        "Vik Bygg AS",
    ]
    assert upload(restorer, raw).status_code == 400  # no longer empty


def test_duplicates_are_listed_and_merged_with_an_audit(
    team_a: Any, alice: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    fjord = AccountFactory(team=team_a, name="Fjord Energi AS", org_number="923 609 016")
    twin = AccountFactory(team=team_a, name="Fjord Energi", org_number="923 609 016")
    kari = PersonFactory(team=team_a, name="Kari Nordmann", email="kari@fjord.no")
    kari2 = PersonFactory(team=team_a, name="Kari Nordman", phone="+47 22 33 44 55")
    PersonRoleFactory(person=kari, account=fjord)
    PersonRoleFactory(person=kari2, account=fjord)
    found = bob_api.get("/api/duplicates").json()
    assert [(p["first_id"], p["second_id"]) for p in found["people"]] == [(kari.pk, kari2.pk)]
    assert found["people"][0]["reasons"][0]["text"] == "names 96% alike at Fjord Energi AS"
    assert found["accounts"][0]["reasons"][0]["code"] == "org_number"
    assert victor_api.get("/api/duplicates").status_code == 403
    assert charlie_api.get("/api/duplicates").json() == {"people": [], "accounts": []}

    url = f"/api/duplicates/people/{kari.pk}/{kari2.pk}"
    fields = {f["name"]: f for f in bob_api.get(url).json()}
    assert fields["phone"]["drop"] == "+47 22 33 44 55" and fields["phone"]["default"] == "drop"
    body = json.dumps({"choices": {"name": "keep"}})
    assert charlie_api.get(url).status_code == 404
    assert (
        charlie_api.post(f"{url}/merge", body, content_type="application/json").status_code == 404
    )
    assert victor_api.post(f"{url}/merge", body, content_type="application/json").status_code == 403
    same = bob_api.post(
        f"/api/duplicates/people/{kari.pk}/{kari.pk}/merge", body, content_type="application/json"
    )
    assert same.status_code == 400
    merged = bob_api.post(f"{url}/merge", body, content_type="application/json").json()
    assert merged["id"] == kari.pk and merged["moved"]["customers.personrole"] == 1
    kari.refresh_from_db()
    assert (kari.name, kari.phone) == ("Kari Nordmann", "+47 22 33 44 55")
    assert not Person.objects.filter(pk=kari2.pk).exists()
    deleted = AuditEvent.objects.get(object_type="customers.person", object_id=str(kari2.pk))
    assert deleted.action == "delete" and "merged_into" in deleted.changes

    # Two accounts that said the same are one customer after a merge: the theme is
    # counted anew.
    for account in (fjord, twin):
        statement_create(
            team=team_a,
            actor=alice,
            conversation=ConversationFactory(team=team_a, account=account),
            text="Vi trenger kortere leveringstid på reservedeler.",
        )
    assert Theme.objects.get().accounts == 2
    merge = f"/api/duplicates/accounts/{fjord.pk}/{twin.pk}/merge"
    assert bob_api.post(merge, "{}", content_type="application/json").status_code == 200
    assert Theme.objects.get().accounts == 1
