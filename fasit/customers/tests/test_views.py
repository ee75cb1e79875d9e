from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from fasit.customers.models import Account, ImportantDate, Interest
from fasit.testing import AccountFactory, PersonFactory, PersonRoleFactory


def test_account_list_searches_and_serves_rows_to_htmx(team_a: Any, alice_client: Any) -> None:
    AccountFactory(team=team_a, name="Fjord Energi AS")
    AccountFactory(team=team_a, name="Bergen Bygg AS")
    full = alice_client.get(reverse("accounts:list"), {"q": "fjord"})
    rows = alice_client.get(reverse("accounts:list"), {"q": "fjord"}, HTTP_HX_REQUEST="true")
    assert "Fjord Energi AS" in full.content.decode()
    assert "Bergen Bygg AS" not in full.content.decode()
    assert "<html" in full.content.decode()
    assert "<html" not in rows.content.decode()
    assert "Fjord Energi AS" in rows.content.decode()


def test_account_list_paginates(team_a: Any, alice_client: Any) -> None:
    for i in range(30):
        AccountFactory(team=team_a, name=f"Kunde {i:02d} AS")
    page2 = alice_client.get(reverse("accounts:list"), {"page": 2}).content.decode()
    assert "Kunde 29 AS" in page2
    assert "Kunde 00 AS" not in page2


def test_create_account_with_invalid_org_number_shows_message(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    response = alice_client.post(
        reverse("accounts:create"),
        {"name": "Fjord AS", "org_number": "123456789", "country": "NO", "tier": "customer"},
    )
    assert response.status_code == 200
    assert "is not a valid organisasjonsnummer" in response.content.decode()
    assert Account.objects.count() == 0


def test_create_account(team_a: Any, alice: Any, alice_client: Any) -> None:
    response = alice_client.post(
        reverse("accounts:create"),
        {
            "name": "Fjord AS",
            "org_number": "988077917",
            "country": "NO",
            "tier": "key",
            "owner": alice.pk,
        },
    )
    account = Account.objects.get()
    assert response.status_code == 302
    assert (account.team, account.org_number, account.tier, account.owner) == (
        team_a,
        "988 077 917",
        "key",
        alice,
    )


def test_account_page_groups_people_by_buying_role(team_a: Any, alice_client: Any) -> None:
    role = PersonRoleFactory(
        person=PersonFactory(team=team_a, name="Kari Berg"), buying_role="champion"
    )
    html = alice_client.get(reverse("accounts:detail", args=[role.account.pk])).content.decode()
    assert "Champion" in html
    assert "Kari Berg" in html


def test_profile_item_added_with_htmx_returns_the_section(team_a: Any, bob_client: Any) -> None:
    person = PersonFactory(team=team_a)
    response = bob_client.post(
        reverse("people:profile_add", args=[person.pk, "interest"]),
        {"name": "Fluefiske"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="profile-interest"' in html
    assert "Fluefiske" in html
    assert "<html" not in html
    assert Interest.objects.get().person == person


def test_29_february_2023_gets_a_clear_message(team_a: Any, bob_client: Any) -> None:
    person = PersonFactory(team=team_a)
    response = bob_client.post(
        reverse("people:profile_add", args=[person.pk, "date"]),
        {"kind": "birthday", "day": 29, "month": 2, "year": 2023},
        HTTP_HX_REQUEST="true",
    )
    assert "2023 has no 29 February" in response.content.decode()
    assert ImportantDate.objects.count() == 0


def test_unknown_profile_kind_is_404(team_a: Any, bob_client: Any) -> None:
    person = PersonFactory(team=team_a)
    assert (
        bob_client.post(reverse("people:profile_add", args=[person.pk, "pets"])).status_code == 404
    )


def test_person_create_with_invalid_phone_saves_nothing(team_a: Any, bob_client: Any) -> None:
    response = bob_client.post(
        reverse("people:create"),
        {
            "name": "Kari",
            "phone": "123",
            "country": "NO",
            "legal_basis": "consent",
            "legal_basis_recorded_on": "2026-01-01",
        },
    )
    assert "is not a valid phone number" in response.content.decode()
    assert team_a.pk and not PersonFactory._meta.model.objects.exists()


def test_person_page_shows_the_human_profile(team_a: Any, alice_client: Any) -> None:
    person = PersonFactory(team=team_a, name="Kari Berg", what_matters="Oppetid")
    Interest.objects.create(person=person, name="Langrenn")
    html = alice_client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "Oppetid" in html
    assert "Langrenn" in html


def test_people_filter_by_account_name(team_a: Any, alice_client: Any) -> None:
    PersonRoleFactory(
        person=PersonFactory(team=team_a, name="Kari Berg"),
        account=AccountFactory(team=team_a, name="Fjord Energi AS"),
    )
    PersonRoleFactory(
        person=PersonFactory(team=team_a, name="Ola Dahl"),
        account=AccountFactory(team=team_a, name="Bergen Bygg AS"),
    )
    html = alice_client.get(reverse("people:list"), {"account_name": "fjord"}).content.decode()
    assert "Kari Berg" in html
    assert "Ola Dahl" not in html


def test_role_form_is_fetched_when_opened(team_a: Any, bob_client: Any) -> None:
    person = PersonFactory(team=team_a)
    AccountFactory(team=team_a, name="Fjord Energi AS")
    page = bob_client.get(reverse("people:detail", args=[person.pk])).content.decode()
    fragment = bob_client.get(reverse("people:role_form", args=[person.pk]), HTTP_HX_REQUEST="true")
    assert "Fjord Energi AS" not in page
    assert "Fjord Energi AS" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()


def test_a_life_event_refreshes_the_knowledge_card_without_a_reload(
    team_a: Any, bob_client: Any, victor_client: Any, charlie_client: Any
) -> None:
    person = PersonFactory(team=team_a, name="Kari Berg")
    page = bob_client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "No personal note about Kari in the last year." in page
    url = reverse("people:profile_add", args=[person.pk, "life_event"])
    response = bob_client.post(
        url, {"date": timezone.localdate().isoformat(), "text": "Ny jobb"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert 'id="profile-life_event"' in html and "Ny jobb" in html
    # The score card replaces the page's own (htmx out-of-band swap): 15 points now.
    assert 'id="relationship-person" hx-swap-oob="true"' in html
    assert '<span class="score bad">15</span>' in html
    assert "No personal note about Kari" not in html
    assert "You know nothing about Kari" in html  # the gaps that remain
    assert victor_client.post(url, {"text": "x"}, HTTP_HX_REQUEST="true").status_code == 403
    assert charlie_client.post(url, {"text": "x"}, HTTP_HX_REQUEST="true").status_code == 404
