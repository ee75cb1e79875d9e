"""Owners invite by e-mail; the invitee accepts, signed in or with a new account. No
user is looked up by name, so nothing tells an owner which usernames or addresses
exist (issue 10)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fasit.core.models import AuditEvent
from fasit.tenancy.models import Invitation, Membership, Role
from fasit.testing import UserFactory


@pytest.fixture(autouse=True)
def _on_commit(django_capture_on_commit_callbacks: Any) -> Any:
    """The e-mail goes out after commit; run those callbacks in the tests' transaction."""
    global _capture
    _capture = django_capture_on_commit_callbacks
    yield
    _capture = None


_capture: Any = None


def _invite(client: Client, email: str = "dora@example.com", role: str = "member") -> str:
    """Send an invitation through the settings page; the link from the e-mail."""
    mail.outbox.clear()
    with _capture(execute=True):
        response = client.post(reverse("invitation_create"), {"email": email, "role": role})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [email]
    match = re.search(r"https?://\S+/invitations/(\S+)/", mail.outbox[0].body)
    assert match is not None
    return reverse("invitation", args=[match.group(1)])


def test_the_link_is_mailed_and_only_its_hash_is_stored(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    link = _invite(alice_client, role="viewer")
    invitation = Invitation.objects.get()
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert invitation.token_hash == Invitation.hash_token(token) and token not in str(
        Invitation.objects.values_list().get()
    )
    assert "Team A" in mail.outbox[0].subject and "7 days" in mail.outbox[0].body
    assert invitation.expires_at - invitation.created_at == dt.timedelta(days=7)
    assert AuditEvent.objects.filter(object_type="tenancy.invitation", action="create").exists()
    page = alice_client.get(reverse("settings")).content.decode()
    assert "dora@example.com" in page


def test_an_existing_user_signs_in_and_accepts(
    team_a: Any, alice_client: Any, client: Client
) -> None:
    link = _invite(alice_client, role="viewer")
    dora = UserFactory(username="dora")
    anonymous = client.get(link)
    assert anonymous.status_code == 200
    assert f"{reverse('login')}?next=" in anonymous.content.decode()
    client.force_login(dora)
    assert "Accept as dora" in client.get(link).content.decode()
    response = client.post(link)
    assert response.status_code == 302
    assert Membership.objects.get(user=dora, team=team_a).role == Role.VIEWER
    assert client.session["team_id"] == team_a.pk
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == dora and invitation.accepted_at is not None
    assert AuditEvent.objects.filter(
        object_type="tenancy.membership", action="create", actor=dora
    ).exists()
    # Used once: the link is dead now, for anyone.
    assert client.get(link).status_code == 404
    assert Client().get(link).status_code == 404


def test_a_newcomer_creates_an_account_and_joins(
    team_a: Any, alice_client: Any, client: Client
) -> None:
    link = _invite(alice_client, email="Nils@Example.com")
    response = client.post(
        link, {"username": "nils", "password1": "fjord-pumps-42!", "password2": "fjord-pumps-42!"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__username="nils")
    assert membership.team == team_a and membership.role == Role.MEMBER
    assert membership.user.email.lower() == "nils@example.com"
    assert client.get(reverse("accounts:list")).status_code == 200


def test_bad_signup_shows_the_form_again_and_creates_nothing(
    team_a: Any, alice_client: Any, client: Client
) -> None:
    link = _invite(alice_client)
    response = client.post(link, {"username": "nils", "password1": "a", "password2": "b"})
    assert response.status_code == 200
    assert "The two passwords differ." in response.content.decode()
    assert not Membership.objects.filter(user__username="nils").exists()


def test_inviting_reveals_nothing_about_who_exists(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    UserFactory(username="dora", email="dora@example.com")
    known = alice_client.post(
        reverse("invitation_create"), {"email": "dora@example.com", "role": "member"}, follow=True
    )
    unknown = alice_client.post(
        reverse("invitation_create"), {"email": "nobody@example.com", "role": "member"}, follow=True
    )
    assert known.status_code == unknown.status_code == 200
    assert "Invitation sent to dora@example.com." in known.content.decode()
    assert "Invitation sent to nobody@example.com." in unknown.content.decode()
    # Adding by username is gone.
    assert alice_client.post("/settings/members/", {"username": "dora"}).status_code == 404
    assert not Membership.objects.filter(user__username="dora").exists()


def test_revoked_and_expired_links_are_dead(
    team_a: Any, alice: Any, alice_client: Any, client: Client
) -> None:
    revoked = _invite(alice_client, email="a@example.com")
    pk = Invitation.objects.get(email="a@example.com").pk
    assert alice_client.post(reverse("invitation_revoke", args=[pk])).status_code == 302
    assert client.get(revoked).status_code == 404
    assert AuditEvent.objects.filter(object_type="tenancy.invitation", action="update").exists()
    expired = _invite(alice_client, email="b@example.com")
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
        response = client.get(expired)
    assert response.status_code == 404
    assert "not valid any more" in response.content.decode()


def test_a_new_invitation_replaces_the_pending_one(team_a: Any, alice_client: Any) -> None:
    first = _invite(alice_client)
    second = _invite(alice_client)
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 200
    assert Invitation.objects.pending().count() == 1


@pytest.mark.parametrize("language", ["sv", "nb", "da"])
def test_the_email_is_in_the_teams_language(team_a: Any, alice_client: Any, language: str) -> None:
    team_a.language = language
    team_a.save()
    _invite(alice_client)
    assert "Fasit" in mail.outbox[0].subject
    assert "You are invited" not in mail.outbox[0].subject


def test_charlie_cannot_revoke_team_a_invitations(
    team_a: Any, alice_client: Any, charlie_client: Any
) -> None:
    _invite(alice_client)
    pk = Invitation.objects.get().pk
    assert charlie_client.post(reverse("invitation_revoke", args=[pk])).status_code == 404
    assert Invitation.objects.get().revoked_at is None
