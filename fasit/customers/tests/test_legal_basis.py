"""The legal basis is required for every person, with when and by whom it was recorded;
consent is kept in the words the person was given and can be withdrawn."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from fasit.core.models import AuditEvent
from fasit.customers import services
from fasit.customers.events import consent_withdrawn
from fasit.customers.models import Consent, Person
from fasit.testing import PersonFactory


@pytest.mark.parametrize("basis", ["", "maybe"])
def test_a_person_without_a_legal_basis_is_refused(team_a: Any, alice: Any, basis: str) -> None:
    with pytest.raises(ValidationError) as error:
        services.person_create(team=team_a, actor=alice, name="Kari", legal_basis=basis)
    assert "legal basis" in error.value.message_dict["legal_basis"][0]
    assert not Person.objects.exists()


def test_creating_records_who_and_when(team_a: Any, alice: Any) -> None:
    person = services.person_create(
        team=team_a, actor=alice, name="Kari", legal_basis="li_prospect"
    )
    assert (person.legal_basis_recorded_by, person.legal_basis_recorded_on) == (
        alice,
        timezone.localdate(),
    )


def test_changing_the_basis_records_the_new_who_and_when(team_a: Any, alice: Any, bob: Any) -> None:
    person = PersonFactory(
        team=team_a, legal_basis_recorded_on=timezone.localdate() - dt.timedelta(days=400)
    )
    services.person_update(person=person, actor=bob, data={"legal_basis": "contract"})
    person.refresh_from_db()
    assert (person.legal_basis, person.legal_basis_recorded_by) == ("contract", bob)
    assert person.legal_basis_recorded_on == timezone.localdate()
    event = AuditEvent.objects.filter(object_type="customers.person", action="update").get()
    assert event.changes["legal_basis"] == ["li_customer", "contract"]


def test_a_basis_cannot_be_recorded_in_the_future(team_a: Any, alice: Any) -> None:
    with pytest.raises(ValidationError) as error:
        services.person_create(
            team=team_a,
            actor=alice,
            name="Kari",
            legal_basis="consent",
            legal_basis_recorded_on=timezone.localdate() + dt.timedelta(days=1),
        )
    assert "legal_basis_recorded_on" in error.value.message_dict


def test_data_from_someone_else_must_name_the_source(team_a: Any, alice: Any) -> None:
    with pytest.raises(ValidationError) as error:
        services.person_create(
            team=team_a, actor=alice, name="Kari", legal_basis="li_prospect", data_source="other"
        )
    assert "data_source_detail" in error.value.message_dict


def test_consent_is_kept_in_its_words_and_withdrawn(
    team_a: Any, alice: Any, bob: Any, django_capture_on_commit_callbacks: Any
) -> None:
    person = services.person_create(
        team=team_a,
        actor=alice,
        name="Kari",
        legal_basis="consent",
        consent_wording="Dere kan sende meg tilbud.",
    )
    consent = Consent.objects.get(person=person)
    assert (consent.wording, consent.recorded_by, consent.is_live) == (
        "Dere kan sende meg tilbud.",
        alice,
        True,
    )
    heard = []

    def listen(**kwargs: Any) -> None:
        heard.append(kwargs["person"].pk)

    consent_withdrawn.connect(listen, dispatch_uid="test-listen")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.consent_withdraw(consent=consent, actor=bob)
    finally:
        consent_withdrawn.disconnect(dispatch_uid="test-listen")
    consent.refresh_from_db()
    assert (consent.withdrawn_on, consent.withdrawal_recorded_by) == (timezone.localdate(), bob)
    assert heard == [person.pk]
    with pytest.raises(ValidationError):
        services.consent_withdraw(consent=consent, actor=bob)


def test_empty_consent_wording_is_refused(team_a: Any, alice: Any) -> None:
    person = PersonFactory(team=team_a)
    with pytest.raises(ValidationError) as error:
        services.consent_record(person=person, actor=alice, wording="  ")
    assert "consent_wording" in error.value.message_dict


def test_the_form_records_basis_source_and_consent(team_a: Any, bob_client: Any, bob: Any) -> None:
    response = bob_client.post(
        reverse("people:create"),
        {
            "name": "Kari Berg",
            "country": "NO",
            "legal_basis": "consent",
            "legal_basis_recorded_on": timezone.localdate().isoformat(),
            "data_source": "other",
            "data_source_detail": "Messe i Lillestrøm",
            "consent_wording": "Ja til nyhetsbrev.",
        },
    )
    person = Person.objects.get(name="Kari Berg")
    assert response.status_code == 302
    assert (person.data_source, person.legal_basis_recorded_by) == ("other", bob)
    assert person.consents.get().wording == "Ja til nyhetsbrev."


def test_the_form_without_a_source_keeps_the_default(team_a: Any, bob_client: Any) -> None:
    person = PersonFactory(team=team_a, data_source="other", data_source_detail="Liste")
    bob_client.post(
        reverse("people:edit", args=[person.pk]),
        {
            "name": person.name,
            "country": "NO",
            "legal_basis": "li_customer",
            "legal_basis_recorded_on": person.legal_basis_recorded_on.isoformat(),
            "data_source_detail": "Liste",
        },
    )
    person.refresh_from_db()
    assert person.data_source == "other"


def test_an_import_records_who_recorded_the_basis(tmp_path: Any, team_a: Any, alice: Any) -> None:
    from fasit.transfer.importing import ImportOptions, open_import_file, run_import

    path = tmp_path / "contacts.csv"
    path.write_text("First Name,Last Name,Email\nKari,Nordmann,kari@fjord.no\n", encoding="utf-8")
    import_file = open_import_file(path, path.name, team=team_a)[0]
    run_import(
        team=team_a,
        actor=alice,
        files=[import_file],
        options=ImportOptions(legal_basis="li_prospect"),
    )
    kari = Person.objects.for_team(team_a).get(email="kari@fjord.no")
    assert (kari.legal_basis, kari.legal_basis_recorded_by) == ("li_prospect", alice)
