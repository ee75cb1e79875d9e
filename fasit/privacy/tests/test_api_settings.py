"""Privacy settings, retention rules, the Art. 14 notices due, a person's privacy page
and the review queue over the API, through the pages' services: owners only where the
page is, charlie 404, victor 403."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.utils import timezone

from fasit.core.models import AuditEvent
from fasit.customers.models import Person
from fasit.privacy.models import ErasureCandidate, PrivacySettings, RegisterEntry, RetentionRule
from fasit.privacy.services import erasure_request, notice_record
from fasit.testing import PersonFactory

pytestmark = pytest.mark.django_db


def _send(client: Any, method: str, url: str, payload: Any = None) -> Any:
    if payload is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, json.dumps(payload), content_type="application/json")


def test_owners_read_and_change_the_settings_and_rules(
    team_a: Any, alice_api: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    first = alice_api.get("/api/privacy/settings").json()
    assert first["auto_erase"] is False and first["retention"]["consent"] is not None
    assert bob_api.get("/api/privacy/settings").status_code == 403
    change = {"controller_name": "Fjord Energi AS", "contact_email": "personvern@fjord.no"}
    assert _send(bob_api, "patch", "/api/privacy/settings", change).status_code == 403
    assert _send(victor_api, "patch", "/api/privacy/settings", change).status_code == 403
    changed = _send(alice_api, "patch", "/api/privacy/settings", change).json()
    assert (changed["controller_name"], changed["dpo_contact"]) == ("Fjord Energi AS", "")
    # charlie's team keeps its own.
    assert charlie_api.get("/api/privacy/settings").json()["controller_name"] == ""
    bad = _send(alice_api, "patch", "/api/privacy/settings", {"contact_email": "nope"})
    assert (bad.status_code, list(bad.json()["detail"])) == (400, ["contact_email"])
    nulled = _send(alice_api, "patch", "/api/privacy/settings", {"auto_erase": None})
    assert nulled.status_code == 400
    assert PrivacySettings.objects.get(team=team_a).contact_email == "personvern@fjord.no"

    rules = {"rules": {"li_prospect": 12, "consent": None}}
    answer = _send(alice_api, "put", "/api/privacy/settings/retention", rules).json()
    assert (answer["retention"]["li_prospect"], answer["retention"]["consent"]) == (12, None)
    refused = _send(
        alice_api, "put", "/api/privacy/settings/retention", {"rules": {"li_prospect": 999}}
    )
    assert (refused.status_code, list(refused.json()["detail"])) == (400, ["months"])
    unknown = _send(alice_api, "put", "/api/privacy/settings/retention", {"rules": {"x": 3}})
    assert unknown.status_code == 400
    assert RetentionRule.objects.get(team=team_a, legal_basis="li_prospect").months == 12
    assert AuditEvent.objects.filter(object_type="privacy.privacysettings").exists()


def test_notices_due_and_sent(
    team_a: Any, team_b: Any, alice: Any, alice_api: Any, bob_api: Any, charlie_api: Any
) -> None:
    told = PersonFactory(team=team_a, name="Told", data_source="other")
    due = PersonFactory(team=team_a, name="Due", data_source="other", data_source_detail="Fair")
    PersonFactory(team=team_a, name="Own", data_source="person")
    PersonFactory(team=team_a, name="Also due", data_source="other")
    PersonFactory(team=team_b, name="Theirs", data_source="other")
    notice_record(person=told, actor=alice, language="nb")
    names = [p["name"] for p in alice_api.get("/api/privacy/notices/due").json()["items"]]
    assert names == ["Due", "Also due"]
    assert bob_api.get("/api/privacy/notices/due").status_code == 403
    theirs = charlie_api.get("/api/privacy/notices/due").json()["items"]
    assert [p["name"] for p in theirs] == ["Theirs"]

    page = bob_api.get(f"/api/privacy/people/{due.pk}").json()
    assert (page["notice_needed"], page["notices"], page["data_source_detail"]) == (
        True,
        [],
        "Fair",
    )
    sent = _send(
        bob_api,
        "post",
        f"/api/privacy/people/{due.pk}/notices",
        {"language": "nb", "channel": "letter"},
    )
    assert sent.status_code == 201
    page = bob_api.get(f"/api/privacy/people/{due.pk}").json()
    assert [(n["channel"], n["sent_by"]) for n in page["notices"]] == [("letter", "bob")]
    assert [p["name"] for p in alice_api.get("/api/privacy/notices/due").json()["items"]] == [
        "Also due"
    ]
    assert charlie_api.get(f"/api/privacy/people/{due.pk}").status_code == 404


def test_the_review_queue_keeps_erases_and_runs(
    team_a: Any, alice: Any, alice_api: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    kept = PersonFactory(team=team_a, name="Kept")
    gone = PersonFactory(team=team_a, name="Gone")
    keep = erasure_request(person=kept, actor=alice, detail="Asked")
    erase = erasure_request(person=gone, actor=alice, detail="Asked")
    queue = alice_api.get("/api/privacy/queue").json()
    assert {c["id"] for c in queue["items"]} == {keep.pk, erase.pk}

    later = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    url = f"/api/privacy/queue/{keep.pk}/keep"
    body = {"until": later, "reason": "Open invoice"}
    assert _send(charlie_api, "post", url, body).status_code == 404
    assert _send(bob_api, "post", url, body).status_code == 403
    assert _send(victor_api, "post", url, body).status_code == 403
    past = _send(alice_api, "post", url, {**body, "until": "2020-01-01"})
    assert (past.status_code, list(past.json()["detail"])) == (400, ["until"])
    answer = _send(alice_api, "post", url, body).json()
    assert (answer["status"], answer["kept_until"]) == ("kept", later)

    assert _send(bob_api, "post", f"/api/privacy/queue/{erase.pk}/erase").status_code == 403
    entry = _send(alice_api, "post", f"/api/privacy/queue/{erase.pk}/erase").json()
    assert (entry["kind"], entry["channel"], entry["person_id"]) == ("erasure", "api", gone.pk)
    assert not Person.objects.filter(pk=gone.pk).exists()
    assert RegisterEntry.objects.filter(kind="erasure").count() == 1

    assert _send(bob_api, "post", "/api/privacy/queue/run").status_code == 403
    run = _send(alice_api, "post", "/api/privacy/queue/run").json()
    assert run["erased"] == 0  # automatic erasure is off
    assert ErasureCandidate.objects.get().pk == keep.pk  # a request stays queued
