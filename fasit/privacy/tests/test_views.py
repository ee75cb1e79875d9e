"""The privacy pages, the erasure from the UI, the API and the command line, who looked,
and the records — with charlie (team B) getting a 404 and victor (viewer) refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from fasit.customers.models import Person
from fasit.privacy.models import AccessLog, ErasureCandidate, RegisterEntry
from fasit.privacy.tests.conftest import NAME, Rich
from fasit.testing import PersonFactory


def test_owner_erases_from_the_ui(rich: Rich, alice_client: Any) -> None:
    url = reverse("privacy:erase", args=[rich.person.pk])
    page = alice_client.get(url).content.decode()
    assert "their place in 1 conversation" in page and "1 statement" in page
    refused = alice_client.post(url, {"reason": "x"})
    assert "Tick the box" in refused.content.decode()
    assert Person.objects.filter(pk=rich.person.pk).exists()
    response = alice_client.post(url, {"confirm": "on", "reason": "Asked by e-mail"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=rich.person.pk).exists()
    records = alice_client.get(reverse("privacy:records")).content.decode()
    assert "Asked by e-mail" in records and NAME not in records


def test_members_ask_owners_erase(rich: Rich, bob_client: Any, alice_client: Any) -> None:
    assert bob_client.get(reverse("privacy:erase", args=[rich.person.pk])).status_code == 403
    bob_client.post(reverse("privacy:request", args=[rich.person.pk]), {"detail": "Phoned us"})
    candidate = ErasureCandidate.objects.get(person=rich.person)
    assert (candidate.reason, candidate.requested_by.username) == ("request", "bob")
    queue = alice_client.get(reverse("privacy:queue")).content.decode()
    assert NAME in queue and "Phoned us" in queue
    alice_client.post(reverse("privacy:candidate_erase", args=[candidate.pk]))
    assert not Person.objects.filter(pk=rich.person.pk).exists()


def test_charlie_can_neither_export_nor_erase(rich: Rich, charlie_client: Any) -> None:
    pk = rich.person.pk
    assert charlie_client.get(reverse("privacy:person", args=[pk])).status_code == 404
    assert (
        charlie_client.post(reverse("privacy:erase", args=[pk]), {"confirm": "on"}).status_code
        == 404
    )
    api = charlie_client.post(
        f"/api/privacy/people/{pk}/erase", {"confirm": True}, content_type="application/json"
    )
    assert api.status_code == 404
    with pytest.raises(CommandError, match="not a member"):
        call_command("fasit_privacy", "erase", "--person", str(pk), "--yes", "--by", "charlie")
    assert Person.objects.filter(pk=pk).exists()
    assert not RegisterEntry.objects.exists()


def test_api_erasure_is_for_owners_and_needs_confirm(
    rich: Rich, alice_client: Any, bob_client: Any, victor_client: Any
) -> None:
    url = f"/api/privacy/people/{rich.person.pk}/erase"
    for client in (bob_client, victor_client):
        assert (
            client.post(url, {"confirm": True}, content_type="application/json").status_code == 403
        )
    assert (
        alice_client.post(url, {"confirm": False}, content_type="application/json").status_code
        == 400
    )
    response = alice_client.post(
        url, {"confirm": True, "reason": "API request"}, content_type="application/json"
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["kind"], body["person_id"], body["channel"]) == ("erasure", rich.person.pk, "api")
    assert not Person.objects.filter(pk=rich.person.pk).exists()


def test_command_line_erasure(rich: Rich, capsys: Any, alice: Any) -> None:
    with pytest.raises(CommandError, match="without --yes"):
        call_command("fasit_privacy", "erase", "--person", str(rich.person.pk))
    with pytest.raises(CommandError, match="No person with id"):
        call_command("fasit_privacy", "erase", "--person", "999999", "--yes")
    with pytest.raises(CommandError, match="not an owner"):
        call_command(
            "fasit_privacy", "erase", "--person", str(rich.person.pk), "--yes", "--by", "bob"
        )
    call_command(
        "fasit_privacy", "erase", "--person", str(rich.person.pk), "--yes", "--by", "alice"
    )
    assert f"Erased person {rich.person.pk}" in capsys.readouterr().out
    entry = RegisterEntry.objects.get(kind="erasure")
    assert (entry.channel, entry.actor) == ("cli", alice)


def test_who_looked_is_logged_and_shown_to_owners(
    rich: Rich, bob_client: Any, alice_client: Any
) -> None:
    bob_client.get(reverse("people:detail", args=[rich.person.pk]))
    bob_client.get(reverse("people:detail", args=[rich.person.pk]))  # the same reading
    bob_client.get(reverse("conversations:transcript_download", args=[rich.meeting.pk]))
    entries = AccessLog.objects.filter(user__username="bob")
    assert sorted(entries.values_list("what", flat=True)) == ["profile", "transcript"]
    page = alice_client.get(reverse("privacy:access") + f"?person={rich.person.pk}")
    html = page.content.decode()
    assert html.count("Bob") >= 2 and "Transcript" in html
    assert bob_client.get(reverse("privacy:access")).status_code == 403
    api = alice_client.get(f"/api/privacy/access-log?person_id={rich.person.pk}").json()
    assert {i["what"] for i in api["items"]} == {"profile", "transcript"}


def test_charlie_reading_nothing_logs_nothing(rich: Rich, charlie_client: Any) -> None:
    assert charlie_client.get(reverse("people:detail", args=[rich.person.pk])).status_code == 404
    assert not AccessLog.objects.filter(user__username="charlie").exists()
    own = charlie_client.get(reverse("privacy:access")).content.decode()
    assert NAME not in own


def test_records_page_and_downloads(rich: Rich, alice_client: Any, bob_client: Any) -> None:
    alice_client.get(reverse("privacy:export", args=[rich.person.pk, "json"]))
    page = alice_client.get(reverse("privacy:records")).content.decode()
    assert "Meeting transcripts" in page and "Legitimate interest – prospect" in page
    data = json.loads(alice_client.get(reverse("privacy:records") + "?format=json").content)
    assert data["register"][0]["what"] == "Export"
    assert {c["category"] for c in data["categories"]} >= {"Consents and their wording"}
    csv_text = alice_client.get(reverse("privacy:records") + "?format=csv").content.decode()
    assert "categories" in csv_text and "register" in csv_text
    assert bob_client.get(reverse("privacy:records")).status_code == 403
    assert (
        alice_client.get("/api/privacy/records").json()["register"][0]["person_id"]
        == rich.person.pk
    )
    assert bob_client.get("/api/privacy/records").status_code == 403


def test_settings_and_rules(team_a: Any, alice_client: Any, victor_client: Any) -> None:
    url = reverse("privacy:settings")
    alice_client.post(
        url,
        {
            "part": "settings",
            "controller_name": "Fjord AS",
            "withdrawn_consent_days": "7",
            "auto_erase": "on",
        },
    )
    alice_client.post(
        url,
        {
            "part": "rules",
            "li_prospect": "12",
            "li_customer": "",
            "contract": "60",
            "consent": "24",
        },
    )
    bad = alice_client.post(url, {"part": "rules", "li_prospect": "0"})
    assert bad.status_code == 200
    from fasit.privacy.retention import team_rules, team_settings

    assert team_rules(team_a)["li_prospect"] == 12 and team_rules(team_a)["li_customer"] is None
    assert (team_settings(team_a).auto_erase, team_settings(team_a).withdrawn_consent_days) == (
        True,
        7,
    )
    assert victor_client.post(url, {"part": "rules", "li_prospect": "1"}).status_code == 403


def test_consent_from_the_privacy_page(team_a: Any, bob_client: Any, victor_client: Any) -> None:
    person = PersonFactory(team=team_a, legal_basis="consent")
    page = bob_client.get(reverse("privacy:person", args=[person.pk])).content.decode()
    assert "no consent is recorded" in page
    bob_client.post(reverse("privacy:consent_add", args=[person.pk]), {"wording": "Ja takk."})
    consent = person.consents.get()
    assert (
        victor_client.post(
            reverse("privacy:consent_withdraw", args=[person.pk, consent.pk])
        ).status_code
        == 403
    )
    bob_client.post(reverse("privacy:consent_withdraw", args=[person.pk, consent.pk]))
    consent.refresh_from_db()
    assert consent.withdrawn_on is not None


def test_nav_shows_privacy_to_owners_only(team_a: Any, alice_client: Any, bob_client: Any) -> None:
    assert reverse("privacy:records") in alice_client.get(reverse("home")).content.decode()
    assert reverse("privacy:records") not in bob_client.get(reverse("home")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_vacuum_command(capsys: Any) -> None:
    call_command("fasit_privacy", "vacuum")
    assert "Vacuumed the" in capsys.readouterr().out
