"""The whole model over the API with a token: create, read, update and delete through
the services, lists with filters, totals, cursors and ``updated_since``."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from fasit.conversations.models import Conversation, FollowUp
from fasit.core.models import AuditEvent
from fasit.customers.models import Account, Person
from fasit.testing import AccountFactory, PersonFactory


def _send(client: Any, method: str, url: str, payload: Any) -> Any:
    return getattr(client, method)(url, json.dumps(payload), content_type="application/json")


def test_account_lifecycle_with_revenue_and_group(team_a: Any, bob: Any, bob_api: Any) -> None:
    group = _send(bob_api, "post", "/api/accounts", {"name": "Fjord Group"}).json()
    child = _send(
        bob_api, "post", "/api/accounts", {"name": "Fjord AS", "parent_id": group["id"]}
    ).json()
    assert child["parent_id"] == group["id"] and child["owner"] == "bob"
    patched = _send(bob_api, "patch", f"/api/accounts/{child['id']}", {"tier": "key"}).json()
    assert (patched["tier"], patched["name"]) == ("key", "Fjord AS")
    revenue = _send(
        bob_api, "put", f"/api/accounts/{child['id']}/revenue/2024", {"amount": "1200.50"}
    )
    assert revenue.status_code == 200 and revenue.json()["currency"] == "NOK"
    detail = bob_api.get(f"/api/accounts/{child['id']}").json()
    assert detail["revenues"] == [{"year": 2024, "amount": "1200.50", "currency": "NOK"}]
    assert bob_api.get(f"/api/accounts/{group['id']}").json()["subsidiaries"] == [child["id"]]
    assert bob_api.delete(f"/api/accounts/{child['id']}/revenue/2024").status_code == 204
    loop = _send(bob_api, "patch", f"/api/accounts/{group['id']}", {"parent_id": child["id"]})
    assert loop.status_code == 400 and "parent" in loop.json()["detail"]
    assert bob_api.delete(f"/api/accounts/{child['id']}").status_code == 204
    assert list(Account.objects.values_list("name", flat=True)) == ["Fjord Group"]
    assert AuditEvent.objects.filter(object_type="customers.account", action="delete").exists()


def test_foreign_ids_in_a_body_are_400_on_the_field(team_a: Any, team_b: Any, bob_api: Any) -> None:
    other = AccountFactory(team=team_b)
    response = _send(bob_api, "post", "/api/accounts", {"name": "X", "parent_id": other.pk})
    assert response.status_code == 400
    assert list(response.json()["detail"]) == ["parent_id"]
    assert Account.objects.filter(team=team_a).count() == 0


def test_lists_page_by_cursor_with_total_and_sync(team_a: Any, alice_api: Any) -> None:
    start = timezone.now()
    with time_machine.travel(start - dt.timedelta(days=2), tick=False):
        old = [AccountFactory(team=team_a, name=f"Old {i}") for i in range(3)]
    first = alice_api.get("/api/accounts?limit=2").json()
    assert first["count"] == 3 and len(first["items"]) == 2
    rest = alice_api.get(f"/api/accounts?limit=2&after={first['next_after']}").json()
    assert [a["id"] for a in first["items"] + rest["items"]] == [a.pk for a in old]
    assert rest["next_after"] is None
    newest = alice_api.get("/api/accounts?order=-id&limit=1").json()["items"][0]
    assert newest["id"] == old[-1].pk
    since = start.isoformat()
    assert alice_api.get("/api/accounts", {"updated_since": since}).json()["count"] == 0
    _send(alice_api, "patch", f"/api/accounts/{old[1].pk}", {"notes": "Ny innkjøpssjef"})
    changed = alice_api.get("/api/accounts", {"updated_since": since}).json()
    assert [a["id"] for a in changed["items"]] == [old[1].pk]
    assert alice_api.get("/api/accounts?tier=key").json()["count"] == 0


def test_person_lifecycle_with_roles_and_profile(team_a: Any, bob_api: Any) -> None:
    account = AccountFactory(team=team_a, name="Fjord AS")
    created = _send(
        bob_api,
        "post",
        "/api/people",
        {
            "name": "Kari Berg",
            "legal_basis": "li_customer",
            "account_id": account.pk,
            "title": "CFO",
            "buying_role": "economic_buyer",
        },
    )
    assert created.status_code == 201
    person = created.json()
    assert person["roles"][0]["account"] == "Fjord AS"
    pid = person["id"]
    assert (
        _send(bob_api, "post", f"/api/people/{pid}/family", {"relation": "Daughter"}).status_code
        == 201
    )
    assert (
        _send(bob_api, "post", f"/api/people/{pid}/interests", {"name": "Sailing"}).status_code
        == 201
    )
    event = {"date": "2024-05-01", "text": "Ny jobb"}
    assert _send(bob_api, "post", f"/api/people/{pid}/life-events", event).status_code == 201
    bad_day = _send(
        bob_api, "post", f"/api/people/{pid}/dates", {"kind": "birthday", "month": 2, "day": 30}
    )
    assert bad_day.status_code == 400 and "day" in bad_day.json()["detail"]
    birthday = {"kind": "birthday", "month": 2, "day": 29}
    date = _send(bob_api, "post", f"/api/people/{pid}/dates", birthday).json()
    detail = bob_api.get(f"/api/people/{pid}").json()
    assert [f["relation"] for f in detail["family"]] == ["Daughter"]
    assert detail["important_dates"][0]["day"] == 29
    assert bob_api.delete(f"/api/people/{pid}/dates/{date['id']}").status_code == 204
    role = _send(bob_api, "put", f"/api/people/{pid}/roles/{account.pk}", {"title": "CEO"})
    assert role.json()["title"] == "CEO"
    assert bob_api.delete(f"/api/people/{pid}/roles/{account.pk}").status_code == 204
    no_basis = _send(bob_api, "patch", f"/api/people/{pid}", {"legal_basis": "nonsense"})
    assert no_basis.status_code == 400 and "legal_basis" in no_basis.json()["detail"]
    phone = _send(bob_api, "patch", f"/api/people/{pid}", {"phone": "+47 22 33 44 55"})
    assert phone.status_code == 200
    assert bob_api.delete(f"/api/people/{pid}").status_code == 204
    assert Person.objects.count() == 0


def test_conversation_lifecycle_with_follow_ups_and_transcript(
    team_a: Any, bob: Any, alice: Any, bob_api: Any, django_capture_on_commit_callbacks: Any
) -> None:
    account = AccountFactory(team=team_a)
    person = PersonFactory(team=team_a)
    logged = _send(
        bob_api,
        "post",
        "/api/conversations",
        {
            "account_id": account.pk,
            "people": [person.pk],
            "users": ["bob", "alice"],
            "notes": "Hei",
            "follow_ups": [{"task": "Send tilbud", "owner": "alice"}],
        },
    )
    assert logged.status_code == 201, logged.content
    conversation = logged.json()
    cid = conversation["id"]
    assert conversation["users"] == ["alice", "bob"]
    assert conversation["follow_ups"][0]["owner"] == "alice"
    follow_up = _send(bob_api, "post", f"/api/conversations/{cid}/follow-ups", {"task": "Ring"})
    assert follow_up.status_code == 201
    fid = follow_up.json()["id"]
    assert _send(bob_api, "patch", f"/api/follow-ups/{fid}", {"done": True}).json()["done"]
    open_ones = bob_api.get("/api/follow-ups?done=false").json()
    assert [f["task"] for f in open_ones["items"]] == ["Send tilbud"]
    assert bob_api.delete(f"/api/follow-ups/{fid}").status_code == 204
    patched = _send(bob_api, "patch", f"/api/conversations/{cid}", {"people": []}).json()
    assert patched["people"] == []
    vtt = b"WEBVTT\n\n00:00.000 --> 00:02.000\nBob: Hvordan?\n"
    with django_capture_on_commit_callbacks(execute=True):
        upload = bob_api.post(
            f"/api/conversations/{cid}/transcript", {"file": SimpleUploadedFile("m.vtt", vtt)}
        )
    assert upload.status_code == 202, upload.content
    listening = bob_api.get(f"/api/conversations/{cid}/listening").json()
    assert listening["status"] == "done"
    broken = bob_api.post(
        f"/api/conversations/{cid}/transcript", {"file": SimpleUploadedFile("m.vtt", b"\xff\x00")}
    )
    assert broken.status_code == 400
    assert bob_api.delete(f"/api/conversations/{cid}").status_code == 204
    assert Conversation.objects.count() == 0 and FollowUp.objects.count() == 0


def test_unknown_participant_is_400_and_nothing_logged(team_a: Any, bob_api: Any) -> None:
    account = AccountFactory(team=team_a)
    response = _send(
        bob_api, "post", "/api/conversations", {"account_id": account.pk, "users": ["nobody"]}
    )
    assert response.status_code == 400 and "users" in response.json()["detail"]
    assert Conversation.objects.count() == 0


def test_themes_rename_split_merge_dismiss_and_statements(
    team_a: Any, alice: Any, paula_api: Any, bob_api: Any
) -> None:
    from fasit.conversations.services import conversation_log
    from fasit.signals.services import statement_create

    statements = []
    for name in ("Fjord AS", "Nord AS"):
        account = AccountFactory(team=team_a, name=name)
        conversation = conversation_log(team=team_a, actor=alice, account=account)
        statements.append(
            statement_create(
                team=team_a,
                actor=alice,
                conversation=conversation,
                text="Vi trenger kortere leveringstid.",
            )
        )
    theme_id = statements[0].theme_id
    assert statements[1].theme_id == theme_id
    renamed = _send(paula_api, "patch", f"/api/signals/themes/{theme_id}", {"name": "Levering"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "Levering"
    split = _send(
        paula_api,
        "post",
        f"/api/signals/themes/{theme_id}/split",
        {"statement_ids": [statements[1].pk]},
    )
    assert split.status_code == 201
    new_id = split.json()["id"]
    assert new_id != theme_id and split.json()["statements"] == 1
    merged = _send(paula_api, "post", f"/api/signals/themes/{theme_id}/merge", {"other_id": new_id})
    assert merged.json()["accounts"] == 2
    assert paula_api.get(f"/api/signals/themes/{new_id}").status_code == 404
    listed = bob_api.get(f"/api/signals/statements?theme_id={theme_id}").json()
    assert listed["count"] == 2
    dismissed = paula_api.post(f"/api/signals/themes/{theme_id}/dismiss")
    assert dismissed.json()["dismissed"] is True
    assert paula_api.delete(f"/api/signals/statements/{statements[0].pk}").status_code == 403
    assert bob_api.delete(f"/api/signals/statements/{statements[0].pk}").status_code == 204


def test_cadence_norms_and_overrides(team_a: Any, alice_api: Any, bob_api: Any) -> None:
    account = AccountFactory(team=team_a)
    person = PersonFactory(team=team_a)
    assert _send(bob_api, "put", "/api/relationships/norms/key", {"days": 14}).status_code == 403
    norm = _send(alice_api, "put", "/api/relationships/norms/key", {"days": 14})
    assert norm.json() == {"tier": "key", "days": 14}
    assert {"tier": "key", "days": 14} in alice_api.get("/api/relationships/norms").json()
    bad = _send(alice_api, "put", "/api/relationships/norms/key", {"days": 0})
    assert bad.status_code == 400 and "days" in bad.json()["detail"]
    url = f"/api/relationships/accounts/{account.pk}/cadence"
    assert _send(bob_api, "put", url, {"days": 30}).json() == {"days": 30}
    assert _send(bob_api, "put", url, {"days": None}).json() == {"days": None}
    purl = f"/api/relationships/people/{person.pk}/cadence"
    assert _send(bob_api, "put", purl, {"days": 7}).json() == {"days": 7}


def test_journey_with_buying_group_motives_and_stages(
    team_a: Any, bob_api: Any, paula_api: Any
) -> None:
    account = AccountFactory(team=team_a)
    person = PersonFactory(team=team_a)
    created = _send(
        bob_api,
        "post",
        "/api/buying/journeys",
        {"account_id": account.pk, "title": "Nye pumper", "value": "250000"},
    )
    assert created.status_code == 201, created.content
    journey = created.json()
    jid = journey["id"]
    processes = bob_api.get("/api/buying/processes").json()
    stages = bob_api.get(f"/api/buying/processes/{processes[0]['id']}").json()["stages"]
    moved = _send(
        bob_api,
        "post",
        f"/api/buying/journeys/{jid}/stage",
        {"stage_id": stages[1]["id"], "note": "Ba om tilbud"},
    )
    assert moved.json()["stage_id"] == stages[1]["id"]
    history = bob_api.get(f"/api/buying/journeys/{jid}/stage-changes").json()
    assert [h["to_stage"] for h in history] == [stages[0]["name"], stages[1]["name"]]
    negative = _send(bob_api, "patch", f"/api/buying/journeys/{jid}", {"forecast_value": "-100"})
    assert negative.status_code == 400
    member = _send(
        bob_api,
        "put",
        f"/api/buying/journeys/{jid}/members/{person.pk}",
        {"role": "decision_maker", "stance": "for"},
    )
    assert member.json()["stance"] == "for"
    motive = _send(bob_api, "post", f"/api/buying/journeys/{jid}/motives", {"text": "Ingen stans"})
    assert motive.status_code == 201
    assert [m["text"] for m in bob_api.get(f"/api/buying/journeys/{jid}/motives").json()] == [
        "Ingen stans"
    ]
    mid = motive.json()["id"]
    assert bob_api.delete(f"/api/buying/journeys/{jid}/motives/{mid}").status_code == 204
    assert bob_api.delete(f"/api/buying/journeys/{jid}/members/{person.pk}").status_code == 204
    won = _send(bob_api, "post", f"/api/buying/journeys/{jid}/outcome", {"outcome": "bought"})
    assert won.json()["outcome"] == "bought"
    renamed = _send(paula_api, "patch", f"/api/buying/stages/{stages[1]['id']}", {"name": "Tilbud"})
    assert renamed.status_code == 200
    assert [s["name"] for s in renamed.json()["stages"]][1] == "Tilbud"
    assert (
        _send(paula_api, "patch", f"/api/buying/journeys/{jid}", {"title": "x"}).status_code == 403
    )
    assert bob_api.delete(f"/api/buying/journeys/{jid}").status_code == 204


def test_deleted_records_for_sync(team_a: Any, team_b: Any, bob_api: Any, charlie_api: Any) -> None:
    since = timezone.now().isoformat()
    account = AccountFactory(team=team_a)
    assert bob_api.delete(f"/api/accounts/{account.pk}").status_code == 204
    deleted = bob_api.get("/api/sync/deleted", {"updated_since": since}).json()
    assert [(d["type"], d["object_id"]) for d in deleted["items"]] == [
        ("customers.account", str(account.pk))
    ]
    assert charlie_api.get("/api/sync/deleted").json()["count"] == 0
