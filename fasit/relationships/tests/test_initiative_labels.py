"""'Days since' says what it measures: since we last took the initiative; the last
real contact (the customer's call five days ago) is shown beside it."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from fasit.relationships.tests.conftest import ago
from fasit.testing import ConversationFactory


def _their_call(kari: Any) -> None:
    account = kari.roles.first().account
    call = ConversationFactory(
        team=account.team, account=account, occurred_at=ago(5), kind="call", initiated_by="customer"
    )
    call.people.add(kari)


def test_being_on_home_and_account_name_the_initiative_and_the_last_contact(
    kari: Any, alice_client: Any
) -> None:
    _their_call(kari)
    account = kari.roles.first().account
    being_on = alice_client.get(reverse("relationships:being_on")).content.decode()
    assert "Days since our own initiative" in being_on
    assert "40 days since we last took the initiative" in being_on
    assert "last real contact 5 days ago, their initiative" in being_on
    home = alice_client.get(reverse("home")).content.decode()
    assert "40 days since we last took the initiative (norm 14)" in home
    assert "last real contact 5 days ago, their initiative" in home
    page = alice_client.get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert "We last took the initiative" in page
    assert "The customer last took the initiative" in page
    assert "5 days ago" in page and "40 days ago" in page
    person = alice_client.get(reverse("people:detail", args=[kari.pk])).content.decode()
    assert "We last took the initiative 40 days ago." in person


def test_no_their_initiative_line_when_ours_is_the_latest(kari: Any, alice_client: Any) -> None:
    being_on = alice_client.get(reverse("relationships:being_on")).content.decode()
    assert "their initiative" not in being_on


def test_charlie_sees_none_of_it(kari: Any, charlie_client: Any) -> None:
    account = kari.roles.first().account
    assert charlie_client.get(reverse("accounts:detail", args=[account.pk])).status_code == 404
    assert "Fjord" not in charlie_client.get(reverse("relationships:being_on")).content.decode()
