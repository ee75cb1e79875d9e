"""The screens the API reaches since this round: speaker mapping, proposals, stage
suggestions, customer categories, reminders and the calendar feed, members and
invitations, imports. Each through the app's services, with charlie (team B) getting
404 and victor (a viewer) 403 on writes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from fasit.buying.models import Journey, SuggestionDismissal
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.conversations.models import AnalysisStatus, ListeningAnalysis, SpeakerSide
from fasit.conversations.tests.test_listening import TEAMS_NB
from fasit.core.models import AuditEvent
from fasit.customers.models import Account, CustomerCategory
from fasit.relationships.models import CalendarFeed
from fasit.signals.models import Proposal, Statement
from fasit.tenancy.models import Invitation, Membership
from fasit.testing import (
    AccountFactory,
    ConversationFactory,
    PersonRoleFactory,
    UserFactory,
)
from fasit.transfer.models import ImportJob, ImportStatus


def _send(client: Any, method: str, url: str, payload: Any = None) -> Any:
    if payload is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, json.dumps(payload), content_type="application/json")


def test_speaker_mapping_reads_and_writes_who_is_who(
    team_a: Any,
    bob: Any,
    bob_api: Any,
    victor_api: Any,
    charlie_api: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    bob.last_name = "Dahl"
    bob.save()
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    kari = PersonRoleFactory(person__team=team_a, person__name="Kari Berg", account=account).person
    ola = PersonRoleFactory(person__team=team_a, person__name="Ola N.", account=account).person
    outsider = PersonRoleFactory(person__team=team_a, person__name="Per Annen").person
    conversation = ConversationFactory(team=team_a, account=account, kind="video")
    conversation.people.add(kari)
    conversation.users.add(bob)
    url = f"/api/conversations/{conversation.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        upload = SimpleUploadedFile("m.vtt", TEAMS_NB.encode())
        assert bob_api.post(f"{url}/transcript", {"file": upload}).status_code == 202
    speakers = {s["name"]: s for s in bob_api.get(f"{url}/listening").json()["speakers"]}
    assert speakers["Dahl, Bob"]["seller"] is True
    assert speakers["Ola Nordmann"]["side"] == "other_customer"
    ola_id = speakers["Ola Nordmann"]["id"]

    body = {"speakers": [{"id": ola_id, "side": "person", "person_id": ola.pk}]}
    assert _send(charlie_api, "put", f"{url}/speakers", body).status_code == 404
    assert _send(victor_api, "put", f"{url}/speakers", body).status_code == 403
    refused = {"speakers": [{"id": ola_id, "side": "person", "person_id": outsider.pk}]}
    answer = _send(bob_api, "put", f"{url}/speakers", refused)
    assert answer.status_code == 400
    assert "speakers.0.person_id" in answer.json()["detail"]
    with django_capture_on_commit_callbacks(execute=True):
        answer = _send(bob_api, "put", f"{url}/speakers", body)
    assert answer.status_code == 200, answer.content
    assert answer.json()["status"] == AnalysisStatus.PENDING
    speaker = ListeningAnalysis.objects.get(conversation=conversation).speakers.get(pk=ola_id)
    assert (speaker.side, speaker.person) == (SpeakerSide.PERSON, ola)
    seller = {"speakers": [{"id": ola_id, "side": "user", "user": bob.username}]}
    assert _send(bob_api, "put", f"{url}/speakers", seller).json()["speakers"][2]["seller"] is True


def test_proposals_are_listed_accepted_and_rejected(
    team_a: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    conversation = ConversationFactory(team=team_a)

    def proposal(text: str) -> Proposal:
        return Proposal.objects.create(
            team=team_a,
            conversation=conversation,
            text=text,
            kind="how_to_buy",
            language="nb",
            source="notes",
        )

    lease, visit = proposal("Vi vil helst lease anlegget."), proposal("Vi trenger service.")
    page = bob_api.get("/api/signals/proposals").json()
    assert [p["id"] for p in page["items"]] == [lease.pk, visit.pk]
    assert charlie_api.get("/api/signals/proposals").json()["count"] == 0
    accept = f"/api/signals/proposals/{lease.pk}/accept"
    assert _send(charlie_api, "post", accept, {}).status_code == 404
    assert _send(victor_api, "post", accept, {}).status_code == 403
    answer = _send(bob_api, "post", accept, {"kind": "want"})
    assert answer.status_code == 201
    statement = Statement.objects.get(pk=answer.json()["id"])
    assert (statement.text, statement.kind) == ("Vi vil helst lease anlegget.", "want")
    assert _send(bob_api, "post", accept, {}).status_code == 409
    reject = _send(bob_api, "post", f"/api/signals/proposals/{visit.pk}/reject")
    assert reject.json()["status"] == "rejected"
    assert bob_api.get("/api/signals/proposals").json()["count"] == 0
    assert bob_api.get("/api/signals/proposals?status=all").json()["count"] == 2


def test_stage_suggestions_are_listed_accepted_and_dismissed(
    team_a: Any, alice: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(
        team_a, alice, process=process, index=1, since=timezone.localdate() - dt.timedelta(3)
    )
    pilot = ConversationFactory(team=team_a, account=journey.account, notes="De vil ha en pilot.")
    tender = ConversationFactory(team=team_a, account=journey.account, notes="Anbud er ute.")
    url = f"/api/buying/journeys/{journey.pk}/suggestions"
    listed = {s["conversation_id"]: s for s in bob_api.get(url).json()}
    assert set(listed) == {pilot.pk, tender.pk}
    assert charlie_api.get(url).status_code == 404
    assert _send(victor_api, "post", f"{url}/{pilot.pk}/dismiss").status_code == 403
    assert _send(charlie_api, "post", f"{url}/{pilot.pk}/dismiss").status_code == 404
    assert _send(bob_api, "post", f"{url}/{pilot.pk}/dismiss").status_code == 204
    assert SuggestionDismissal.objects.filter(journey=journey, conversation=pilot).exists()
    answer = _send(bob_api, "post", f"{url}/{tender.pk}/accept")
    assert answer.status_code == 201
    assert answer.json()["conversation_id"] == tender.pk
    assert Journey.objects.get(pk=journey.pk).stage.name == "Supplier selection"
    assert _send(bob_api, "post", f"{url}/{tender.pk}/accept").status_code == 409
    assert bob_api.get(url).json() == []


def test_categories_crud_and_assign(
    team_a: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    made = _send(bob_api, "post", "/api/categories", {"name": "Energi"})
    assert made.status_code == 201
    pk = made.json()["id"]
    assert _send(bob_api, "post", "/api/categories", {"name": "energi"}).status_code == 400
    assert _send(victor_api, "post", "/api/categories", {"name": "Olje"}).status_code == 403
    assert charlie_api.get(f"/api/categories/{pk}").status_code == 404
    account = AccountFactory(team=team_a)
    patch = _send(bob_api, "patch", f"/api/accounts/{account.pk}", {"category_id": pk})
    assert patch.json()["category_id"] == pk
    renamed = _send(bob_api, "patch", f"/api/categories/{pk}", {"name": "Kraft"})
    assert renamed.json()["name"] == "Kraft"
    assert bob_api.get(f"/api/accounts?category_id={pk}").json()["count"] == 1
    assert _send(charlie_api, "delete", f"/api/categories/{pk}").status_code == 404
    assert _send(bob_api, "delete", f"/api/categories/{pk}").status_code == 204
    assert not CustomerCategory.objects.filter(pk=pk).exists()
    assert Account.objects.get(pk=account.pk).category is None
    assert bob_api.get("/api/categories").json()["count"] == 0


def test_category_with_journeys_is_not_deleted(team_a: Any, alice: Any, bob_api: Any) -> None:
    process = process_for(team_a, alice)
    category = CustomerCategory.objects.create(team=team_a, name="Industri A")
    process.category = category
    process.save()
    journey_at(team_a, alice, process=process, index=1, since=timezone.localdate())
    answer = _send(bob_api, "delete", f"/api/categories/{category.pk}")
    assert answer.status_code == 400
    assert CustomerCategory.objects.filter(pk=category.pk).exists()


def test_reminders_and_the_own_calendar_feed(
    team_a: Any, bob: Any, bob_api: Any, victor_api: Any, client: Any
) -> None:
    assert bob_api.get("/api/relationships/reminders").json()["feed_live"] is False
    saved = _send(
        bob_api, "put", "/api/relationships/reminders", {"days_before": 7, "digest": False}
    )
    assert (saved.json()["days_before"], saved.json()["digest"]) == (7, False)
    assert _send(
        bob_api, "put", "/api/relationships/reminders", {"days_before": 61, "digest": True}
    ).status_code == 422
    kinds = _send(bob_api, "put", "/api/relationships/reminders/feed/kinds", {"kinds": ["birthday"]})
    assert kinds.json()["feed_kinds"] == ["birthday"]
    made = _send(bob_api, "post", "/api/relationships/reminders/feed")
    assert made.status_code == 201
    url = made.json()["feed_url"]
    assert client.get(url).status_code == 200
    assert bob_api.get("/api/relationships/reminders").json()["feed_url"] is None
    rotated = _send(bob_api, "post", "/api/relationships/reminders/feed").json()["feed_url"]
    assert client.get(url).status_code == 404
    assert _send(victor_api, "delete", "/api/relationships/reminders/feed").status_code == 403
    assert _send(bob_api, "delete", "/api/relationships/reminders/feed").json()["feed_live"] is False
    assert client.get(rotated).status_code == 404
    assert CalendarFeed.objects.filter(user=bob, revoked_at__isnull=True).count() == 0


def test_members_and_invitations_are_for_owners(
    team_a: Any,
    alice_api: Any,
    bob_api: Any,
    charlie_api: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    members = {m["username"]: m for m in bob_api.get("/api/team/members").json()}
    assert members["bob"]["role"] == "member"
    dora = Membership.objects.create(team=team_a, user=UserFactory(username="dora"), role="member")
    url = f"/api/team/members/{dora.pk}"
    assert _send(bob_api, "patch", url, {"role": "viewer"}).status_code == 403
    assert _send(charlie_api, "patch", url, {"role": "viewer"}).status_code == 404
    assert _send(alice_api, "patch", url, {"role": "viewer"}).json()["role"] == "viewer"
    alice = Membership.objects.get(team=team_a, user__username="alice")
    last_owner = _send(alice_api, "patch", f"/api/team/members/{alice.pk}", {"role": "member"})
    assert last_owner.status_code == 400
    assert _send(alice_api, "delete", url).status_code == 204
    assert not Membership.objects.filter(pk=dora.pk).exists()

    invite = {"email": "ny@fjord.no", "role": "member"}
    assert _send(bob_api, "post", "/api/team/invitations", invite).status_code == 403
    assert bob_api.get("/api/team/invitations").status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        made = _send(alice_api, "post", "/api/team/invitations", invite)
    assert made.status_code == 201 and made.json()["state"] == "pending"
    assert "token" not in made.json()
    assert [m.to for m in mail.outbox] == [["ny@fjord.no"]]
    bad = _send(alice_api, "post", "/api/team/invitations", {"email": "not an address"})
    assert bad.status_code == 400 and "email" in bad.json()["detail"]
    revoke = f"/api/team/invitations/{made.json()['id']}/revoke"
    assert _send(charlie_api, "post", revoke).status_code == 404
    assert _send(alice_api, "post", revoke).json()["state"] == "revoked"
    assert Invitation.objects.get(pk=made.json()["id"]).revoked_at is not None


CSV = (
    b"Company,Org number,Country\n"
    b"Fjord Energi AS,988077917,NO\n"
    b"Nordlys AB,5560000001,SE\n"
    b",,NO\n"
)


def test_import_upload_preview_check_and_run(
    team_a: Any,
    bob_api: Any,
    victor_api: Any,
    charlie_api: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    upload = bob_api.post("/api/imports", {"file": SimpleUploadedFile("firms.csv", CSV)})
    assert upload.status_code == 201, upload.content
    job = upload.json()
    assert job["status"] == ImportStatus.UPLOADED
    assert job["header"] == ["Company", "Org number", "Country"]
    assert job["preview"][0] == {"line": 2, "values": ["Fjord Energi AS", "988077917", "NO"]}
    assert not Account.objects.filter(team=team_a).exists()
    url = f"/api/imports/{job['id']}"
    assert charlie_api.get(url).status_code == 404
    assert victor_api.get(url).status_code == 403
    start = {"entity": "account", "columns": ["name", "org_number", "country"]}
    assert _send(victor_api, "post", f"{url}/start", start).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        checked = _send(bob_api, "post", f"{url}/start", {**start, "dry_run": True})
    assert checked.status_code == 202
    after_check = bob_api.get(url).json()
    assert after_check["status"] in {ImportStatus.REFUSED, ImportStatus.CHECKED}
    assert after_check["problems"], after_check
    assert not Account.objects.filter(team=team_a).exists()
    with django_capture_on_commit_callbacks(execute=True):
        ran = _send(bob_api, "post", f"{url}/start", {**start, "skip_invalid": True})
    assert ran.status_code == 202
    done = bob_api.get(url).json()
    assert (done["status"], done["created"], done["invalid"]) == (ImportStatus.DONE, 2, 1)
    assert set(Account.objects.filter(team=team_a).values_list("name", flat=True)) == {
        "Fjord Energi AS",
        "Nordlys AB",
    }
    assert _send(bob_api, "post", f"{url}/start", start).status_code == 409
    assert [j["id"] for j in bob_api.get("/api/imports").json()["items"]] == [job["id"]]
    assert ImportJob.objects.get(pk=job["id"]).created_by.username == "bob"
    assert AuditEvent.objects.filter(object_type="transfer.importjob").exists()


def test_an_invitation_whose_mail_cannot_go_out_is_not_kept(
    team_a: Any, alice_api: Any
) -> None:
    """Only the link's hash is kept: without the e-mail the invitation is useless."""
    import socket

    from django.test import override_settings

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]  # closed once the block ends: nothing listens
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=5,
    ):
        answer = _send(
            alice_api, "post", "/api/team/invitations", {"email": "ny@fjord.no", "role": "member"}
        )
    assert answer.status_code == 400
    assert "could not be sent" in answer.json()["detail"]["email"][0]
    assert not Invitation.objects.exists()
