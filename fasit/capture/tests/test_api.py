"""The "Mail and calendar" page over the API: a real Dovecot for the mailbox, a real
http.server for a calendar subscription, the page's services for everything. The
password never comes back, a BCC address is shown once, each user reaches only their
own connections; charlie gets 404 for team A's records and victor 403 on writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from fasit.capture.models import (
    CalendarSource,
    CaptureSettings,
    Exclusion,
    MailAddress,
    MailConnection,
    PlannedMeeting,
)
from fasit.capture.smtp import bcc_address_lookup
from fasit.capture.tests.dovecot import Dovecot
from fasit.capture.tests.mails import MALFORMED, mail
from fasit.capture.tests.test_calendar import google_ics, http_server  # noqa: F401
from fasit.capture.tests.test_imap import MORNING, USERS, dovecot  # noqa: F401
from fasit.capture.tests.test_views import eml
from fasit.conversations.models import Conversation

pytestmark = pytest.mark.django_db


def _send(client: Any, method: str, url: str, payload: Any = None) -> Any:
    if payload is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, json.dumps(payload), content_type="application/json")


def test_a_mailbox_is_connected_synced_and_disconnected_and_its_password_never_shown(
    dovecot: Dovecot,  # noqa: F811
    team_a: Any,
    alice_api: Any,
    bob_api: Any,
    victor_api: Any,
    kari: Any,
) -> None:
    dovecot.append(
        "u7",
        "INBOX",
        [mail(sender="kari@acme.no", to="a@example.com", subject="Hei", when=MORNING)],
    )
    body = {"host": "127.0.0.1", "port": dovecot.port, "tls": "none", "username": "u7"}
    # The first connection needs the password: 400 on that field, nothing stored.
    refused = _send(alice_api, "put", "/api/capture/mailbox", body)
    assert (refused.status_code, list(refused.json()["detail"])) == (400, ["password"])
    assert _send(victor_api, "put", "/api/capture/mailbox", body).status_code == 403
    answer = _send(alice_api, "put", "/api/capture/mailbox", {**body, "password": USERS["u7"]})
    assert answer.status_code == 200, answer.content
    assert USERS["u7"] not in answer.content.decode()
    assert "password" not in answer.json()
    # The first sync ran (the immediate task backend in tests).
    assert answer.json()["captured_count"] == 1 and answer.json()["last_error"] == ""
    assert Conversation.objects.for_team(team_a).count() == 1
    page = alice_api.get("/api/capture")
    assert USERS["u7"] not in page.content.decode()
    assert page.json()["mailbox"]["username"] == "u7"
    # Changing it without a password keeps the stored one.
    changed = _send(alice_api, "put", "/api/capture/mailbox", {**body, "folders": "INBOX"})
    assert changed.json()["folders"] == "INBOX"
    assert _send(alice_api, "post", "/api/capture/mailbox/sync").status_code == 202
    assert MailConnection.objects.get().last_error == ""
    # bob has no mailbox of his own, and alice's is not his to sync or remove.
    assert bob_api.get("/api/capture").json()["mailbox"] is None
    assert _send(bob_api, "post", "/api/capture/mailbox/sync").status_code == 404
    assert _send(bob_api, "delete", "/api/capture/mailbox").status_code == 404
    assert _send(victor_api, "delete", "/api/capture/mailbox").status_code == 403
    assert _send(alice_api, "delete", "/api/capture/mailbox").status_code == 204
    assert not MailConnection.objects.exists()
    assert Conversation.objects.for_team(team_a).count() == 1  # what it captured stays


def test_a_bcc_address_is_shown_once_and_replaced_or_revoked(
    team_a: Any, alice: Any, alice_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    assert alice_api.get("/api/capture").json()["bcc_address"] is None
    made = _send(alice_api, "post", "/api/capture/bcc-address")
    assert made.status_code == 201
    address = made.json()["address"]
    assert address.startswith("log-") and address.endswith("@fasit.localhost")
    assert bcc_address_lookup(address).user == alice
    shown = alice_api.get("/api/capture").json()["bcc_address"]
    assert shown["hint"] == address[4:8] and address not in json.dumps(shown)
    again = _send(alice_api, "post", "/api/capture/bcc-address").json()["address"]
    assert bcc_address_lookup(address) is None and bcc_address_lookup(again).user == alice
    assert _send(victor_api, "post", "/api/capture/bcc-address").status_code == 403
    # charlie's own (he has none) is all he can revoke.
    assert _send(charlie_api, "delete", "/api/capture/bcc-address").status_code == 404
    assert _send(alice_api, "delete", "/api/capture/bcc-address").status_code == 204
    assert not MailAddress.objects.exists()
    assert _send(alice_api, "delete", "/api/capture/bcc-address").status_code == 404


def test_calendar_subscriptions_are_read_listed_and_removed(
    http_server: str,  # noqa: F811
    team_a: Any,
    alice_api: Any,
    bob_api: Any,
    victor_api: Any,
    charlie_api: Any,
    acme: Any,
    kari: Any,
) -> None:
    url = f"{http_server}/google.ics"
    refused = _send(alice_api, "post", "/api/capture/calendars", {"url": url})
    assert (refused.status_code, list(refused.json()["detail"])) == (400, ["url"])
    with override_settings(FASIT_CALENDAR_HOSTS=["127.0.0.1"]):
        assert _send(victor_api, "post", "/api/capture/calendars", {"url": url}).status_code == 403
        made = _send(alice_api, "post", "/api/capture/calendars", {"url": url})
    assert made.status_code == 201
    source = made.json()
    # Read at once (the immediate task backend): a past meeting, a planned one.
    assert source["last_error"] == "" and source["last_sync_at"] is not None
    assert Conversation.objects.for_team(team_a).count() == 1
    assert PlannedMeeting.objects.count() == 1
    assert [c["id"] for c in alice_api.get("/api/capture/calendars").json()] == [source["id"]]
    assert bob_api.get("/api/capture/calendars").json() == []
    target = f"/api/capture/calendars/{source['id']}"
    assert _send(charlie_api, "delete", target).status_code == 404
    assert _send(bob_api, "delete", target).status_code == 404  # not his
    assert _send(victor_api, "delete", target).status_code == 403
    assert _send(alice_api, "delete", target).status_code == 204
    assert not CalendarSource.objects.exists() and not PlannedMeeting.objects.exists()


def test_a_calendar_file_is_read(team_a: Any, alice_api: Any, acme: Any, kari: Any) -> None:
    answer = alice_api.post(
        "/api/capture/calendar-file", {"file": SimpleUploadedFile("g.ics", google_ics())}
    )
    assert answer.status_code == 200, answer.content
    assert (answer.json()["logged"], answer.json()["planned"]) == (1, 1)
    broken = alice_api.post(
        "/api/capture/calendar-file",
        {"file": SimpleUploadedFile("broken.ics", b"BEGIN:VCALENDAR\r\nthis is not\r\n")},
    )
    assert broken.status_code == 400
    assert "broken.ics cannot be read" in broken.json()["detail"]["file"][0]


def test_private_contacts_are_ones_own(
    team_a: Any, alice_api: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    made = _send(alice_api, "post", "/api/capture/private", {"value": " @Privat.NO "})
    assert (made.status_code, made.json()["value"]) == (201, "privat.no")
    bad = _send(alice_api, "post", "/api/capture/private", {"value": "nope"})
    assert (bad.status_code, list(bad.json()["detail"])) == (400, ["value"])
    assert _send(victor_api, "post", "/api/capture/private", {"value": "x.no"}).status_code == 403
    assert alice_api.get("/api/capture/private").json() == [made.json()]
    assert bob_api.get("/api/capture/private").json() == []
    target = f"/api/capture/private/{made.json()['id']}"
    assert _send(charlie_api, "delete", target).status_code == 404
    assert _send(bob_api, "delete", target).status_code == 404
    assert _send(alice_api, "delete", target).status_code == 204
    assert not Exclusion.objects.exists()


def test_only_an_owner_keeps_bodies(team_a: Any, alice_api: Any, bob_api: Any) -> None:
    body = {"store_body": True, "body_chars": 300}
    assert bob_api.get("/api/capture/settings").json() == {"store_body": False, "body_chars": 500}
    assert _send(bob_api, "put", "/api/capture/settings", body).status_code == 403
    assert _send(alice_api, "put", "/api/capture/settings", body).json() == body
    assert CaptureSettings.objects.get(team=team_a).body_chars == 300
    too_many = _send(alice_api, "put", "/api/capture/settings", {**body, "body_chars": 9000})
    assert too_many.status_code == 422


def test_mail_is_uploaded_onto_an_account_or_a_person(
    team_a: Any, alice_api: Any, charlie_api: Any, victor_api: Any, acme: Any, kari: Any, per: Any
) -> None:
    def upload(client: Any, url: str, name: str, raw: bytes) -> Any:
        return client.post(url, {"file": SimpleUploadedFile(name, raw)})

    raw = eml(to="someone@unknown.example")
    on_account = f"/api/capture/accounts/{acme.pk}/mail"
    assert upload(charlie_api, on_account, "m.eml", raw).status_code == 404
    assert upload(victor_api, on_account, "m.eml", raw).status_code == 403
    answer = upload(alice_api, on_account, "offert.eml", raw)
    assert answer.json() == {
        "name": "offert.eml",
        "logged": 1,
        "counts": {"captured": 1},
        "problems": [],
    }
    assert upload(alice_api, on_account, "offert.eml", raw).json()["counts"] == {"duplicate": 1}
    broken = upload(alice_api, on_account, "broken.eml", MALFORMED)
    assert (broken.status_code, list(broken.json()["detail"])) == (400, ["file"])
    on_person = f"/api/capture/people/{per.pk}/mail"
    assert upload(charlie_api, on_person, "m.eml", raw).status_code == 404
    assert upload(alice_api, on_person, "m.eml", eml(subject="Ny")).json()["logged"] == 1
    conversation = Conversation.objects.get(subject="Ny")
    assert set(conversation.people.all()) == {kari, per}
