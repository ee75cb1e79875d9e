"""The upload on an account's and a person's page, and the "Mail and calendar" page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from fasit.capture.models import CapturedItem, CaptureSettings, Exclusion
from fasit.capture.services import exclusion_add
from fasit.capture.tests.mails import MALFORMED, mail
from fasit.conversations.models import Conversation
from fasit.testing import AccountFactory

pytestmark = pytest.mark.django_db

WHEN = timezone.now() - dt.timedelta(days=3)


def eml(**kwargs: Any) -> bytes:
    defaults = {"sender": "alice@example.com", "to": "kari@acme.no", "subject": "Offert", "when": WHEN}
    return mail(**{**defaults, **kwargs})


def test_an_eml_uploaded_on_an_account_is_logged_there(alice_client: Any, acme: Any, kari: Any) -> None:
    # The address says nothing about the account: the page chose it.
    raw = eml(to="someone@unknown.example")
    response = alice_client.post(
        reverse("capture:account_upload", args=[acme.pk]),
        {"file": SimpleUploadedFile("offert.eml", raw)},
    )
    assert response.status_code == 200
    assert "1 message logged" in response.content.decode()
    conversation = Conversation.objects.get()
    assert conversation.account == acme
    detail = alice_client.get(reverse("conversations:detail", args=[conversation.pk])).content.decode()
    assert "Uploaded file" in detail and "offert.eml" in detail


def test_an_upload_on_a_person_puts_them_in_the_conversation(
    alice_client: Any, acme: Any, kari: Any, per: Any
) -> None:
    alice_client.post(
        reverse("capture:person_upload", args=[per.pk]),
        {"file": SimpleUploadedFile("m.eml", eml())},
    )
    conversation = Conversation.objects.get()
    assert set(conversation.people.all()) == {kari, per}


def test_a_malformed_eml_is_refused_and_nothing_is_stored(alice_client: Any, acme: Any) -> None:
    response = alice_client.post(
        reverse("capture:account_upload", args=[acme.pk]),
        {"file": SimpleUploadedFile("broken.eml", MALFORMED)},
    )
    assert response.status_code == 400
    assert "The file broken.eml cannot be captured: it has no sender" in response.content.decode()
    assert not Conversation.objects.exists() and not CapturedItem.objects.exists()


def test_an_mbox_reports_each_message(alice_client: Any, acme: Any, kari: Any) -> None:
    archive = b"".join(
        b"From x@y Mon Jan  5 10:00:00 2026\n" + raw.replace(b"\r\n", b"\n") + b"\n"
        for raw in (eml(subject="Én"), MALFORMED, eml(subject="To"), eml(subject="Én"))
    )
    # The first and last are two messages (two Message-IDs) with one subject: one thread.
    response = alice_client.post(
        reverse("capture:account_upload", args=[acme.pk]),
        {"file": SimpleUploadedFile("export.mbox", archive)},
    )
    page = response.content.decode()
    assert "3 messages logged" in page
    assert "Message 2 in export.mbox was skipped" in page
    assert Conversation.objects.count() == 2
    # The same archive again: everything was captured before.
    again = alice_client.post(
        reverse("capture:account_upload", args=[acme.pk]),
        {"file": SimpleUploadedFile("export.mbox", archive)},
    ).content.decode()
    assert "3 captured before" in again
    assert Conversation.objects.count() == 2


def test_charlie_and_victor(charlie_client: Any, victor_client: Any, acme: Any, kari: Any) -> None:
    for name, pk in (("capture:account_upload", acme.pk), ("capture:person_upload", kari.pk)):
        url = reverse(name, args=[pk])
        upload = {"file": SimpleUploadedFile("m.eml", eml())}
        assert charlie_client.post(url, upload).status_code == 404
        assert victor_client.post(url, {"file": SimpleUploadedFile("m.eml", eml())}).status_code == 403
    assert not Conversation.objects.exists()
    assert victor_client.get(reverse("capture:settings")).status_code == 403


def test_private_contacts_are_ones_own(
    team_a: Any, alice: Any, alice_client: Any, bob_client: Any, charlie_client: Any
) -> None:
    response = alice_client.post(reverse("capture:exclusion_add"), {"value": "venn@privat.no"})
    assert response.status_code == 302
    exclusion = Exclusion.objects.get()
    assert "venn@privat.no" in alice_client.get(reverse("capture:settings")).content.decode()
    url = reverse("capture:exclusion_remove", args=[exclusion.pk])
    assert bob_client.post(url).status_code == 404
    assert charlie_client.post(url).status_code == 404
    assert alice_client.post(url).status_code == 302
    assert not Exclusion.objects.exists()
    exclusion_add(team=team_a, user=alice, value="x.no")


def test_only_an_owner_turns_bodies_on(team_a: Any, alice_client: Any, bob_client: Any) -> None:
    url = reverse("capture:team_settings")
    assert bob_client.post(url, {"store_body": "on", "body_chars": 200}).status_code == 403
    assert alice_client.post(url, {"store_body": "on", "body_chars": 200}).status_code == 302
    chosen = CaptureSettings.objects.for_team(team_a).get()
    assert (chosen.store_body, chosen.body_chars) == (True, 200)


def test_an_account_page_links_to_the_upload(alice_client: Any, team_a: Any) -> None:
    account = AccountFactory(team=team_a)
    page = alice_client.get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert reverse("capture:account_upload", args=[account.pk]) in page
