"""The information notice (GDPR Art. 14), drafted in the person's language, and the
record of when it was sent."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from fasit.customers.services import person_create
from fasit.privacy.models import InformationNotice, PrivacySettings
from fasit.privacy.notice import draft_notice
from fasit.privacy.selectors import notices_due
from fasit.testing import PersonFactory

EXPECTED = {
    "en": ("How Fjord Service AS handles your personal data", "Your rights", "Datatilsynet"),
    "nb": (
        "Slik behandler Fjord Service AS personopplysningene dine",
        "Dine rettigheter",
        "Datatilsynet",
    ),
    "sv": (
        "Så behandlar Fjord Service AS dina personuppgifter",
        "Dina rättigheter",
        "Datatilsynet",
    ),
    "da": (
        "Sådan behandler Fjord Service AS dine personoplysninger",
        "Dine rettigheder",
        "Datatilsynet",
    ),
}


@pytest.fixture
def found(team_a: Any, alice: Any) -> Any:
    PrivacySettings.objects.create(
        team=team_a, controller_name="Fjord Service AS", contact_email="personvern@fjord.example"
    )
    return person_create(
        team=team_a,
        actor=alice,
        name="Kari Berg",
        email="kari@kunde.example",
        legal_basis="li_prospect",
        data_source="other",
        data_source_detail="Besøksliste fra Nor-Shipping",
    )


@pytest.mark.parametrize("language", ["en", "nb", "sv", "da"])
def test_notice_in_each_language(found: Any, language: str) -> None:
    notice = draft_notice(found, language)
    subject, rights, authority = EXPECTED[language]
    assert notice.subject == subject
    assert notice.to == "kari@kunde.example"
    for part in (
        rights,
        authority,
        "Besøksliste fra Nor-Shipping",
        "personvern@fjord.example",
        "24",
        "Kari Berg",
    ):
        assert part in notice.body


def test_default_language_is_the_persons(found: Any) -> None:
    assert draft_notice(found).language == "nb"
    found.country = "SE"
    assert draft_notice(found).language == "sv"


def test_consent_notice_quotes_the_wording_and_the_right_to_withdraw(
    team_a: Any, alice: Any
) -> None:
    person = person_create(
        team=team_a,
        actor=alice,
        name="Sven Ek",
        country="SE",
        legal_basis="consent",
        consent_wording="Ni får skicka erbjudanden.",
        data_source="other",
        data_source_detail="En kollega",
    )
    body = draft_notice(person, "sv").body
    assert "Ni får skicka erbjudanden." in body
    assert "återkalla" in body


def test_marking_it_sent_and_notices_due(found: Any, team_a: Any, bob_client: Any) -> None:
    assert list(notices_due(team_a)) == [found]
    page = bob_client.get(reverse("privacy:notice", args=[found.pk]) + "?language=da")
    assert "Dine rettigheder" in page.content.decode()
    response = bob_client.post(
        reverse("privacy:notice", args=[found.pk]),
        {"language": "nb", "sent_on": timezone.localdate().isoformat(), "channel": "email"},
    )
    assert response.status_code == 302
    notice = InformationNotice.objects.get(person=found)
    assert (notice.language, notice.sent_on, notice.sent_by.username) == (
        "nb",
        timezone.localdate(),
        "bob",
    )
    assert list(notices_due(team_a)) == []


def test_a_future_send_date_is_refused(found: Any, bob_client: Any) -> None:
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    response = bob_client.post(
        reverse("privacy:notice", args=[found.pk]),
        {"language": "nb", "sent_on": tomorrow.isoformat(), "channel": "email"},
    )
    assert response.status_code == 200
    assert not InformationNotice.objects.exists()


def test_api_drafts_and_records(found: Any, alice_client: Any, charlie_client: Any) -> None:
    draft = alice_client.get(f"/api/privacy/people/{found.pk}/notice?language=sv").json()
    assert draft["subject"] == EXPECTED["sv"][0]
    sent = alice_client.post(
        f"/api/privacy/people/{found.pk}/notices",
        {"language": "sv"},
        content_type="application/json",
    )
    assert sent.status_code == 201
    assert charlie_client.get(f"/api/privacy/people/{found.pk}/notice").status_code == 404


def test_a_person_who_gave_the_data_is_not_due(team_a: Any) -> None:
    PersonFactory(team=team_a)
    assert list(notices_due(team_a)) == []
