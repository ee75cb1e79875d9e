"""The home page: each card's link opens what the card showed, a seller's own key
accounts, overdue follow-ups marked and ticked off where they are listed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from fasit.conversations.models import FollowUp
from fasit.testing import (
    AccountFactory,
    ConversationFactory,
    FollowUpFactory,
    ImportantDateFactory,
    PersonFactory,
    PersonRoleFactory,
)


def _team_world(team: Any, bob: Any) -> None:
    """Ten quiet key accounts with a birthday each tomorrow, all bob's: more than a
    home card lists."""
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    for n in range(10):
        account = AccountFactory(team=team, name=f"Stille {n} AS", tier="key", owner=bob)
        ConversationFactory(
            team=team, account=account, occurred_at=timezone.now() - dt.timedelta(days=90)
        )
        person = PersonFactory(team=team, name=f"Person {n} Berg")
        PersonRoleFactory(person=person, account=account)
        ImportantDateFactory(person=person, month=tomorrow.month, day=tomorrow.day)


def test_the_managers_more_links_open_the_teams_lists(
    team_a: Any, alice_client: Any, bob: Any
) -> None:
    _team_world(team_a, bob)
    home = alice_client.get(reverse("home")).content.decode()
    dates = reverse("relationships:dates") + "?scope=team&amp;days=14"
    dark = reverse("relationships:being_on") + '?dark=on"'
    assert dates in home and "2 more" in home
    assert dark in home
    page = alice_client.get(reverse("relationships:dates"), {"scope": "team", "days": 14})
    assert page.content.decode().count("Berg") >= 10
    page = alice_client.get(reverse("relationships:being_on"), {"dark": "on"})
    assert all(f"Stille {n} AS" in page.content.decode() for n in range(10))


def test_the_sellers_more_links_keep_their_own_scope(
    team_a: Any, bob_client: Any, bob: Any
) -> None:
    _team_world(team_a, bob)
    home = bob_client.get(reverse("home")).content.decode()
    assert reverse("relationships:dates") + "?scope=mine&amp;days=14" in home
    assert reverse("relationships:being_on") + "?dark=on&amp;mine=on" in home
    page = bob_client.get(reverse("relationships:being_on"), {"dark": "on", "mine": "on"})
    assert all(f"Stille {n} AS" in page.content.decode() for n in range(10))


def test_being_on_can_list_only_the_accounts_going_dark(team_a: Any, alice_client: Any) -> None:
    AccountFactory(team=team_a, name="Ny Kunde AS", tier="key")
    quiet = AccountFactory(team=team_a, name="Stille Kunde AS", tier="key")
    ConversationFactory(
        team=team_a, account=quiet, occurred_at=timezone.now() - dt.timedelta(days=1)
    )
    fresh = alice_client.get(reverse("relationships:being_on"), {"dark": "on"}).content.decode()
    assert "Ny Kunde AS" in fresh  # never contacted by us: going dark
    assert "Stille Kunde AS" not in fresh


def test_a_seller_sees_their_own_key_accounts(
    team_a: Any, alice_client: Any, bob: Any, bob_client: Any
) -> None:
    AccountFactory(team=team_a, name="Bobs Kunde AS", tier="key", owner=bob)
    AccountFactory(team=team_a, name="Andres Kunde AS", tier="key")
    seller = bob_client.get(reverse("home")).content.decode()
    manager = alice_client.get(reverse("home")).content.decode()
    assert "My key accounts" in seller
    assert "Bobs Kunde AS" in seller and "Andres Kunde AS" not in seller
    assert "tier=key&amp;mine=on" in seller
    assert "Bobs Kunde AS" in manager and "Andres Kunde AS" in manager


def test_overdue_follow_ups_are_marked_and_ticked_off_on_home(
    team_a: Any, bob: Any, bob_client: Any
) -> None:
    today = timezone.localdate()
    conversation = ConversationFactory(team=team_a)
    late = FollowUpFactory(
        conversation=conversation, owner=bob, task="Ring Kari", due_date=today - dt.timedelta(1)
    )
    FollowUpFactory(conversation=conversation, owner=bob, task="Send tilbud", due_date=today)
    home = bob_client.get(reverse("home")).content.decode()
    assert home.count("overdue") == 1
    assert reverse("conversations:followup_toggle", args=[late.pk]) in home
    row = bob_client.post(
        reverse("conversations:followup_toggle", args=[late.pk]),
        {"on_home": "1"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "<s>Ring Kari</s>" in row and "overdue" not in row
    assert conversation.account.name in row  # the home row keeps its account link
    assert FollowUp.objects.get(pk=late.pk).done
    assert "Ring Kari" not in bob_client.get(reverse("home")).content.decode()
    again = bob_client.post(
        reverse("conversations:followup_toggle", args=[late.pk]), {"on_home": "1"}
    )
    assert again.status_code == 302 and again.url == reverse("home")


def test_the_viewer_cannot_tick_off_and_charlie_gets_404(
    team_a: Any, victor: Any, victor_client: Any, charlie_client: Any
) -> None:
    # Left to victor from before the role changed: listed, but no tick box.
    late = FollowUpFactory(
        conversation=ConversationFactory(team=team_a),
        owner=victor,
        due_date=timezone.localdate() - dt.timedelta(days=3),
    )
    url = reverse("conversations:followup_toggle", args=[late.pk])
    home = victor_client.get(reverse("home")).content.decode()
    assert "overdue" in home and 'action="' + url not in home
    assert victor_client.post(url, {"on_home": "1"}).status_code == 403
    assert charlie_client.post(url, {"on_home": "1"}).status_code == 404
    assert not FollowUp.objects.get(pk=late.pk).done


def test_the_follow_ups_card_links_to_the_same_list(
    team_a: Any, alice: Any, bob: Any, bob_client: Any, alice_client: Any, charlie_client: Any
) -> None:
    conversation = ConversationFactory(team=team_a)
    today = timezone.localdate()
    for n in range(12):
        FollowUpFactory(
            conversation=conversation,
            owner=bob,
            task=f"Bobs oppgave {n}",
            due_date=today + dt.timedelta(days=n),
        )
    FollowUpFactory(conversation=conversation, owner=alice, task="Alices oppgave")
    link = reverse("conversations:follow_ups") + "?status=open&amp;mine=on"
    home = bob_client.get(reverse("home")).content.decode()
    assert link in home and "2 more →" in home
    assert "Bobs oppgave 9" in home and "Bobs oppgave 10" not in home
    page = bob_client.get(reverse("conversations:follow_ups"), {"status": "open", "mine": "on"})
    listed = page.content.decode()
    # the ten on the card and the two more, each in its own cell
    assert all(f"<td>Bobs oppgave {n}</td>" in listed for n in range(12))
    assert "Alices oppgave" not in listed
    # A card that is not full links to the same list without a count.
    manager = alice_client.get(reverse("home")).content.decode()
    card = manager.split("My open follow-ups")[1].split("</section>")[0]
    assert link in card and "My follow-ups →" in card and "more →" not in card
    # Another team's user sees none of it.
    other = charlie_client.get(reverse("conversations:follow_ups"), {"mine": "on"})
    assert "Bobs oppgave" not in other.content.decode()
