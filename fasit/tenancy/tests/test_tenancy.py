from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from fasit.tenancy import services
from fasit.tenancy.models import Invitation, Membership, Role, UserProfile
from fasit.testing import AccountFactory, ConversationFactory, MembershipFactory, UserFactory


def test_team_switcher_changes_the_active_team(
    team_a: Any, team_b: Any, alice: Any, alice_client: Any
) -> None:
    MembershipFactory(team=team_b, user=alice, role=Role.MEMBER)
    AccountFactory(team=team_b, name="Only In B AS")
    assert "Only In B AS" not in alice_client.get(reverse("accounts:list")).content.decode()
    alice_client.post(reverse("team_switch"), {"team": team_b.pk})
    assert "Only In B AS" in alice_client.get(reverse("accounts:list")).content.decode()


def test_member_cannot_invite(team_a: Any, bob_client: Any) -> None:
    response = bob_client.post(
        reverse("invitation_create"), {"email": "dora@example.com", "role": "owner"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_the_last_owner_cannot_leave(team_a: Any, alice: Any) -> None:
    membership = Membership.objects.get(user=alice)
    with pytest.raises(ValidationError):
        services.membership_set_role(membership=membership, actor=alice, role=Role.MEMBER)
    with pytest.raises(ValidationError):
        services.membership_remove(membership=membership, actor=alice)
    assert Membership.objects.get(user=alice).role == Role.OWNER


def test_user_without_team_sees_an_explanation(db: Any, client: Any) -> None:
    client.force_login(UserFactory(username="lonely"))
    response = client.get(reverse("accounts:list"))
    assert response.status_code == 403
    assert "not in a team" in response.content.decode()


def test_language_choice_sticks(team_a: Any, alice_client: Any) -> None:
    alice_client.post(reverse("settings"), {"language": "nb"})
    html = alice_client.get(reverse("accounts:list")).content.decode()
    assert 'lang="nb"' in html


def test_time_zone_choice_sticks_and_applies(team_a: Any, alice: Any, alice_client: Any) -> None:
    conversation = ConversationFactory(
        team=team_a, occurred_at=dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
    )
    url = reverse("conversations:edit", args=[conversation.pk])  # the form shows 24h time
    assert "2026-06-01T14:00" in alice_client.get(url).content.decode()  # the server's zone: Oslo
    alice_client.post(reverse("settings"), {"language": "", "time_zone": "Europe/Helsinki"})
    assert UserProfile.objects.get(user=alice).time_zone == "Europe/Helsinki"
    assert "2026-06-01T15:00" in alice_client.get(url).content.decode()
    again = Client()
    again.force_login(type(alice).objects.get(pk=alice.pk))  # kept for the next sign-in
    assert "2026-06-01T15:00" in again.get(url).content.decode()


def test_unknown_time_zone_is_refused_and_changes_nothing(alice: Any, alice_client: Any) -> None:
    response = alice_client.post(reverse("settings"), {"time_zone": "Mars/Olympus"})
    assert "Mars/Olympus is not one of the available choices" in response.content.decode()
    assert not UserProfile.objects.filter(user=alice).exclude(time_zone="").exists()


def test_browser_language_is_the_default(team_a: Any, alice_client: Any) -> None:
    html = alice_client.get(
        reverse("accounts:list"), HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9"
    ).content.decode()
    assert 'lang="sv"' in html


def test_team_create_makes_the_creator_owner(db: Any) -> None:
    user = UserFactory(username="ola")
    team = services.team_create(name="Fjordsalg", owner=user)
    assert (team.slug, Membership.objects.get(team=team).role) == ("fjordsalg", Role.OWNER)
