"""The same rules on every way in (form, API, service; imports in fasit/transfer):
values, dates and text that cannot be right are refused with a message, and nothing
is stored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from fasit.buying import services as buying
from fasit.conversations import services as conversations
from fasit.conversations.models import Conversation
from fasit.customers import services as customers
from fasit.customers.models import Account, ImportantDate
from fasit.signals import services as signals
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory

TODAY = timezone.localdate()


def test_a_journey_value_cannot_be_edited_below_zero(team_a: Any, alice: Any) -> None:
    journey = buying.journey_create(
        team=team_a, actor=alice, account=AccountFactory(team=team_a), title="Pumper", value=10
    )
    with pytest.raises(ValidationError) as error:
        buying.journey_update(journey=journey, actor=alice, data={"value": Decimal("-100")})
    assert error.value.message_dict == {"value": ["The value cannot be negative."]}
    journey.refresh_from_db()
    assert journey.value == 10


def test_the_journey_edit_page_says_why(team_a: Any, alice: Any, alice_client: Any) -> None:
    journey = buying.journey_create(
        team=team_a, actor=alice, account=AccountFactory(team=team_a), title="Pumper"
    )
    response = alice_client.post(
        reverse("buying:journey_edit", args=[journey.pk]),
        {"title": "Pumper", "value": "-100", "currency": "NOK"},
    )
    assert "The value cannot be negative." in response.content.decode()
    journey.refresh_from_db()
    assert journey.value is None


@pytest.mark.parametrize("ahead", [dt.timedelta(days=2), dt.timedelta(days=365 * 973)])
def test_a_conversation_cannot_be_logged_in_the_future(
    team_a: Any, bob: Any, ahead: dt.timedelta
) -> None:
    with pytest.raises(ValidationError) as error:
        conversations.conversation_log(
            team=team_a,
            actor=bob,
            account=AccountFactory(team=team_a),
            occurred_at=timezone.now() + ahead,
        )
    assert "occurred_at" in error.value.message_dict
    assert not Conversation.objects.exists()


def test_later_today_is_fine_and_editing_into_the_future_is_not(team_a: Any, bob: Any) -> None:
    conversation = conversations.conversation_log(
        team=team_a,
        actor=bob,
        account=AccountFactory(team=team_a),
        occurred_at=timezone.now() + dt.timedelta(hours=3),
    )
    with pytest.raises(ValidationError) as error:
        conversations.conversation_update(
            conversation=conversation,
            actor=bob,
            data={"occurred_at": timezone.now() + dt.timedelta(days=3650)},
        )
    assert error.value.message_dict["occurred_at"] == [
        "A conversation is logged after it happened; for one that is planned, add a "
        "follow-up instead."
    ]


def test_the_api_refuses_a_conversation_in_2999(team_a: Any, bob: Any, bob_client: Any) -> None:
    account = AccountFactory(team=team_a)
    response = bob_client.post(
        "/api/conversations",
        {"account_id": account.pk, "occurred_at": "2999-01-01T10:00:00+00:00"},
        content_type="application/json",
    )
    assert response.status_code in {400, 422}
    assert "occurred_at" in response.content.decode()
    assert not Conversation.objects.exists()


def test_customer_since_cannot_be_in_the_future(team_a: Any, alice: Any) -> None:
    with pytest.raises(ValidationError) as error:
        customers.account_create(
            team=team_a, actor=alice, name="Framtid AB", customer_since=dt.date(2999, 1, 1)
        )
    assert error.value.message_dict == {"customer_since": ["The date cannot be in the future."]}
    account = customers.account_create(team=team_a, actor=alice, name="Nu AB", customer_since=TODAY)
    with pytest.raises(ValidationError):
        customers.account_update(
            account=account, actor=alice, data={"customer_since": TODAY + dt.timedelta(days=1)}
        )


@pytest.mark.parametrize("year", [3000, TODAY.year + 1, 1899])
def test_a_birthday_year_is_between_1900_and_this_year(team_a: Any, alice: Any, year: int) -> None:
    person = PersonFactory(team=team_a)
    with pytest.raises(ValidationError) as error:
        customers.profile_item_add(
            person=person, actor=alice, item_type="date", kind="birthday", month=5, day=4, year=year
        )
    assert error.value.message_dict == {"year": [f"Give a year between 1900 and {TODAY.year}."]}
    assert not ImportantDate.objects.exists()
    customers.profile_item_add(
        person=person, actor=alice, item_type="date", kind="birthday", month=5, day=4, year=1960
    )


def test_a_theme_name_over_200_characters_says_so(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    conversation = ConversationFactory(team=team_a)
    theme = signals.statement_create(
        team=team_a, actor=alice, conversation=conversation, text="Vi behöver EDI."
    ).theme
    with pytest.raises(ValidationError) as error:
        signals.theme_rename(theme=theme, actor=alice, name="x" * 201)
    assert error.value.message_dict == {
        "name": ["A theme's name can be at most 200 characters; this is 201."]
    }
    response = alice_client.post(
        reverse("signals:theme_rename", args=[theme.pk]), {"name": "x" * 250}, follow=True
    )
    assert "at most 200 characters" in response.content.decode()
    theme.refresh_from_db()
    assert theme.custom_label == ""


@pytest.mark.parametrize("name", ["Acme\x00 AB", "Acme\tAB", "Acme\nAB", "Acme\x1b AB", "Acme\x85"])
def test_control_characters_are_refused_in_names(team_a: Any, alice: Any, name: str) -> None:
    with pytest.raises(ValidationError) as error:
        customers.account_create(team=team_a, actor=alice, name=name)
    assert "control characters" in error.value.message_dict["name"][0]
    assert not Account.objects.exists()


def test_notes_keep_line_breaks_but_not_nul(team_a: Any, alice: Any) -> None:
    account = customers.account_create(team=team_a, actor=alice, name="Acme", notes="a\n\tb")
    with pytest.raises(ValidationError) as error:
        customers.account_update(account=account, actor=alice, data={"notes": "a\x00b"})
    assert "control characters" in error.value.message_dict["notes"][0]


def test_the_api_refuses_a_nul_in_an_account_name(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    response = alice_client.post(
        "/api/accounts", {"name": "Acme\u0000 AB"}, content_type="application/json"
    )
    assert response.status_code in {400, 422}
    assert not Account.objects.exists()


def test_an_import_refuses_the_same_dates_and_names(tmp_path: Any, team_a: Any, alice: Any) -> None:
    from fasit.customers.models import Person
    from fasit.transfer.importing import ImportOptions, open_import_file, run_import

    accounts = tmp_path / "accounts.csv"
    accounts.write_text(
        'Name,Customer since\nFramtid AB,2999-01-01\n"Nul\x00 AB",2020-01-01\nNu AB,2020-01-01\n'
    )
    people = tmp_path / "people.csv"
    people.write_text(
        "Name,Email,Birthday\nAda Berg,ada@example.com,3000-05-04\n"
        "Eva Lund,eva@example.com,1850-01-01\nIda Holm,ida@example.com,1960-05-04\n"
    )
    files = [open_import_file(p, p.name, team=team_a)[0] for p in (accounts, people)]
    outcome = run_import(team=team_a, actor=alice, files=files, options=ImportOptions())
    assert outcome.status == "refused"
    assert [(p.line, p.column, p.message) for p in outcome.problems] == [
        (2, "Customer since", "2999-01-01 is in the future."),
        (
            3,
            "Name",
            "Remove the control characters (a NUL byte, line break, tab or similar) from "
            "this field.",
        ),
        (2, "Birthday", f"3000-05-04: a year of birth is between 1900 and {TODAY.year}."),
        (3, "Birthday", f"1850-01-01: a year of birth is between 1900 and {TODAY.year}."),
    ]
    assert not Account.objects.exists()
    assert not Person.objects.exists()
