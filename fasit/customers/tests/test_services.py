from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from fasit.core.models import AuditEvent
from fasit.customers import services
from fasit.customers.models import Account, ImportantDate, Person
from fasit.testing import AccountFactory, CategoryFactory, PersonFactory


@pytest.mark.parametrize(
    ("country", "raw", "stored"),
    [
        ("NO", "988077917", "988 077 917"),
        ("SE", "5560360793", "556036-0793"),
        ("DK", "13585628", "13585628"),
        ("FI", "20774740", "2077474-0"),
    ],
)
def test_valid_org_numbers_are_stored_formatted(
    team_a: Any, alice: Any, country: str, raw: str, stored: str
) -> None:
    account = services.account_create(
        team=team_a, actor=alice, name="Kunde", country=country, org_number=raw
    )
    assert account.org_number == stored


@pytest.mark.parametrize(
    ("country", "raw", "message"),
    [
        ("NO", "988077918", "check digit is wrong"),
        ("SE", "556036079", "wrong number of digits"),
        ("DK", "13585627", "check digit is wrong"),
    ],
)
def test_invalid_org_number_names_the_problem_and_saves_nothing(
    team_a: Any, alice: Any, country: str, raw: str, message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        services.account_create(
            team=team_a, actor=alice, name="Kunde", country=country, org_number=raw
        )
    assert message in str(error.value.message_dict["org_number"])
    assert Account.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_account_refuses_another_teams_category(team_a: Any, team_b: Any, alice: Any) -> None:
    foreign = CategoryFactory(team=team_b)
    with pytest.raises(ValidationError) as error:
        services.account_create(team=team_a, actor=alice, name="Kunde", category=foreign)
    assert "category" in error.value.message_dict
    assert Account.objects.count() == 0


def test_account_cannot_be_its_own_group(team_a: Any, alice: Any) -> None:
    parent = AccountFactory(team=team_a)
    child = AccountFactory(team=team_a, parent=parent)
    with pytest.raises(ValidationError):
        services.account_update(account=parent, actor=alice, data={"parent": child})
    parent.refresh_from_db()
    assert parent.parent is None


def test_update_and_delete_are_audited(team_a: Any, alice: Any) -> None:
    account = services.account_create(team=team_a, actor=alice, name="Fjord AS")
    services.account_update(
        account=account, actor=alice, data={"name": "Fjord Energi AS", "tier": "key"}
    )
    services.account_delete(account=account, actor=alice)
    events = list(AuditEvent.objects.order_by("id").values_list("action", "changes"))
    assert [action for action, _ in events] == ["create", "update", "delete"]
    assert events[1][1] == {"name": ["Fjord AS", "Fjord Energi AS"], "tier": ["customer", "key"]}


def test_revenue_is_one_row_per_year(team_a: Any, alice: Any) -> None:
    account = AccountFactory(team=team_a)
    services.account_revenue_set(account=account, actor=alice, year=2025, amount=Decimal("100"))
    services.account_revenue_set(account=account, actor=alice, year=2025, amount=Decimal("250"))
    assert list(account.revenues.values_list("year", "amount")) == [(2025, Decimal("250.00"))]


def test_negative_revenue_is_refused(team_a: Any, alice: Any) -> None:
    account = AccountFactory(team=team_a)
    with pytest.raises(ValidationError):
        services.account_revenue_set(account=account, actor=alice, year=2025, amount=Decimal("-1"))
    assert account.revenues.count() == 0


def test_phone_is_normalised_to_international_format(team_a: Any, alice: Any) -> None:
    person = services.person_create(
        team=team_a,
        actor=alice,
        name="Kari Berg",
        legal_basis="consent",
        phone="22 33 44 55",
        country="NO",
    )
    assert person.phone == "+47 22 33 44 55"


def test_invalid_phone_is_refused_and_nothing_saved(team_a: Any, alice: Any) -> None:
    with pytest.raises(ValidationError) as error:
        services.person_create(
            team=team_a,
            actor=alice,
            name="Kari Berg",
            legal_basis="consent",
            phone="12",
            country="SE",
        )
    assert "phone" in error.value.message_dict
    assert Person.objects.count() == 0


def test_person_with_account_gets_a_role(team_a: Any, alice: Any) -> None:
    account = AccountFactory(team=team_a)
    person = services.person_create(
        team=team_a,
        actor=alice,
        name="Kari",
        legal_basis="li_customer",
        account=account,
        title="CFO",
        buying_role="economic_buyer",
    )
    assert list(person.roles.values_list("account", "buying_role")) == [
        (account.pk, "economic_buyer")
    ]


def test_removing_a_role_survives_its_person_deleted_meanwhile(team_a: Any, alice: Any) -> None:
    # The API reads the role through the person (person.roles); if another request
    # deletes the person before the removal is audited, nothing may look it up again.
    account = AccountFactory(team=team_a)
    person = services.person_create(
        team=team_a, actor=alice, name="Kari", legal_basis="li_customer", account=account
    )
    role = person.roles.get(account=account)
    Person.objects.filter(pk=person.pk).delete()
    services.person_role_remove(role=role, actor=alice)
    assert AuditEvent.objects.filter(
        team=team_a, action="delete", object_type__endswith="personrole"
    ).exists()


def test_29_february_without_year_is_allowed(team_a: Any, alice: Any) -> None:
    person = PersonFactory(team=team_a)
    services.profile_item_add(
        person=person, actor=alice, item_type="date", kind="birthday", month=2, day=29
    )
    assert list(ImportantDate.objects.values_list("month", "day", "year")) == [(2, 29, None)]


def test_29_february_in_a_year_without_one_is_refused(team_a: Any, alice: Any) -> None:
    person = PersonFactory(team=team_a)
    with pytest.raises(ValidationError) as error:
        services.profile_item_add(
            person=person,
            actor=alice,
            item_type="date",
            kind="birthday",
            month=2,
            day=29,
            year=2023,
        )
    assert "2023 has no 29 February" in str(error.value)
    assert ImportantDate.objects.count() == 0


def test_31_april_is_refused(team_a: Any, alice: Any) -> None:
    person = PersonFactory(team=team_a)
    with pytest.raises(ValidationError):
        services.profile_item_add(
            person=person, actor=alice, item_type="date", kind="other", month=4, day=31
        )
    assert ImportantDate.objects.count() == 0


def test_profile_items_are_audited(team_a: Any, alice: Any) -> None:
    person = PersonFactory(team=team_a)
    item = services.profile_item_add(
        person=person, actor=alice, item_type="interest", name="Seiling"
    )
    services.profile_item_remove(item=item, actor=alice)
    assert list(AuditEvent.objects.values_list("object_type", "action").order_by("id")) == [
        ("customers.interest", "create"),
        ("customers.interest", "delete"),
    ]


def test_legal_basis_is_required(team_a: Any, alice: Any) -> None:
    with pytest.raises(ValidationError) as error:
        services.person_create(team=team_a, actor=alice, name="Kari", legal_basis="")
    assert "legal_basis" in error.value.message_dict
    assert Person.objects.count() == 0
