"""Two-step sign-in with real TOTP codes computed from the secret: set-up with a QR code,
the code asked at sign-in, recovery codes, and an owner requiring it for the team."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pyotp
import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fasit.signin.models import RecoveryCode, TeamSignInPolicy, TwoFactorDevice
from fasit.signin.services import two_factor_begin, two_factor_confirm
from fasit.testing import UserFactory

STEP = dt.timedelta(seconds=30)


def turn_on(user: Any) -> tuple[str, list[str]]:
    """Two-step sign-in on for ``user`` through the services; (secret, recovery codes)."""
    device = two_factor_begin(user=user)
    # The previous step's code (accepted for a phone clock half a minute behind), so
    # the current code is still unused for the test's sign-in.
    previous = pyotp.TOTP(device.secret).at(timezone.now() - STEP)
    codes = two_factor_confirm(user=user, code=previous)
    return device.secret, codes


def sign_in(client: Client, user: Any, next_url: str = "") -> Any:
    data = {"username": user.username, "password": "password"}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("login"), data)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_set_up_from_settings_with_a_qr_code(alice: Any, alice_client: Client) -> None:
    settings_page = alice_client.get(reverse("settings")).content.decode()
    assert reverse("signin:two_factor") in settings_page
    page = alice_client.get(reverse("signin:two_factor")).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page
    assert "http" not in page.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", ""
    )
    secret = TwoFactorDevice.objects.get(user=alice).secret
    assert " ".join(secret[i : i + 4] for i in range(0, 32, 4)) in page
    # A reload keeps the key the phone has scanned.
    alice_client.get(reverse("signin:two_factor"))
    assert TwoFactorDevice.objects.get(user=alice).secret == secret

    wrong = alice_client.post(reverse("signin:two_factor"), {"code": "000000"})
    assert "That code is not right" in wrong.content.decode()
    assert TwoFactorDevice.objects.get(user=alice).confirmed_at is None

    shown = alice_client.post(reverse("signin:two_factor"), {"code": pyotp.TOTP(secret).now()})
    codes = re.findall(r"<code>([A-Z0-9]{5}-[A-Z0-9]{5})</code>", shown.content.decode())
    assert len(codes) == 10
    assert TwoFactorDevice.objects.get(user=alice).confirmed_at is not None
    # Only hashes are stored: no code appears in any column of the table.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {RecoveryCode._meta.db_table}")
        stored = " ".join(str(v) for row in cursor.fetchall() for v in row)
    assert not any(c in stored or c.replace("-", "") in stored for c in codes)
    # Shown once: the settings page now shows how many are left, not the codes.
    after = alice_client.get(reverse("signin:two_factor")).content.decode()
    assert "10 recovery codes left" in after
    assert codes[0] not in after


def test_the_code_is_asked_at_sign_in(alice: Any) -> None:
    secret, _codes = turn_on(alice)
    client = Client()
    response = sign_in(client, alice, next_url="/accounts/")
    assert response["Location"] == reverse("signin:verify")
    assert not signed_in(client)
    assert client.get("/accounts/").status_code == 302  # the password alone is not enough
    assert client.post(reverse("signin:verify"), {"code": "123456"}).status_code == 200
    assert not signed_in(client)
    response = client.post(reverse("signin:verify"), {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == "/accounts/"
    assert signed_in(client)


def test_a_code_works_once(alice: Any) -> None:
    secret, _codes = turn_on(alice)
    with time_machine.travel(timezone.now() + 2 * STEP, tick=False):
        code = pyotp.TOTP(secret).now()
        first = Client()
        sign_in(first, alice)
        first.post(reverse("signin:verify"), {"code": code})
        assert signed_in(first)
        second = Client()
        sign_in(second, alice)
        second.post(reverse("signin:verify"), {"code": code})
        assert not signed_in(second)


def test_a_code_from_a_phone_half_a_minute_off_works(alice: Any) -> None:
    secret, _codes = turn_on(alice)
    later = timezone.now() + 4 * STEP
    with time_machine.travel(later, tick=False):
        client = Client()
        sign_in(client, alice)
        client.post(reverse("signin:verify"), {"code": pyotp.TOTP(secret).at(later - STEP)})
        assert signed_in(client)


def test_a_recovery_code_signs_in_once(alice: Any) -> None:
    _secret, codes = turn_on(alice)
    client = Client()
    sign_in(client, alice)
    client.post(reverse("signin:verify"), {"code": codes[3].lower()})
    assert signed_in(client)
    again = Client()
    sign_in(again, alice)
    again.post(reverse("signin:verify"), {"code": codes[3]})
    assert not signed_in(again)
    assert RecoveryCode.objects.filter(user=alice, used_at__isnull=True).count() == 9


def test_wrong_codes_lock_sign_in_like_wrong_passwords(alice: Any) -> None:
    secret, _codes = turn_on(alice)
    client = Client()
    sign_in(client, alice)
    statuses = [
        client.post(reverse("signin:verify"), {"code": f"{i:06d}"}).status_code for i in range(10)
    ]
    assert statuses[-1] == 429
    response = client.post(reverse("signin:verify"), {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 429
    assert not signed_in(client)


def test_the_password_step_expires(alice: Any) -> None:
    secret, _codes = turn_on(alice)
    client = Client()
    sign_in(client, alice)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=6), tick=False):
        response = client.post(reverse("signin:verify"), {"code": pyotp.TOTP(secret).now()})
        assert response["Location"] == reverse("login")
        assert not signed_in(client)


def test_turning_it_off_needs_a_code(alice: Any, alice_client: Client) -> None:
    secret, _codes = turn_on(alice)
    alice_client.post(reverse("signin:disable"), {"code": "000000"})
    assert TwoFactorDevice.objects.filter(user=alice).exists()
    alice_client.post(reverse("signin:disable"), {"code": pyotp.TOTP(secret).now()})
    assert not TwoFactorDevice.objects.filter(user=alice).exists()
    assert not RecoveryCode.objects.filter(user=alice).exists()


def test_new_recovery_codes_replace_the_old(alice: Any, alice_client: Client) -> None:
    secret, old = turn_on(alice)
    page = alice_client.post(reverse("signin:recovery_codes"), {"code": pyotp.TOTP(secret).now()})
    new = re.findall(r"<code>([A-Z0-9]{5}-[A-Z0-9]{5})</code>", page.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    client = Client()
    sign_in(client, alice)
    client.post(reverse("signin:verify"), {"code": old[0]})
    assert not signed_in(client)


@pytest.fixture
def required(alice: Any, alice_client: Client, team_a: Any) -> Any:
    turn_on(alice)
    response = alice_client.post(reverse("signin:team_policy"), {"require_two_factor": "on"})
    assert response.status_code == 302
    return TeamSignInPolicy.objects.get(team=team_a)


def test_an_owner_must_use_it_before_requiring_it(alice_client: Client, team_a: Any) -> None:
    page = alice_client.post(
        reverse("signin:team_policy"), {"require_two_factor": "on"}, follow=True
    )
    assert "Turn on two-step sign-in for yourself" in page.content.decode()
    assert not TeamSignInPolicy.objects.filter(team=team_a, require_two_factor=True).exists()


def test_members_without_it_are_sent_to_set_up_first(
    required: Any, bob: Any, bob_client: Client, victor_client: Client, charlie_client: Client
) -> None:
    assert required.require_two_factor
    for path in ("/", "/accounts/", reverse("settings")):
        response = bob_client.get(path)
        assert response.status_code == 302
        assert response["Location"] == reverse("signin:two_factor")
    assert bob_client.get("/accounts/", HTTP_HX_REQUEST="true")["HX-Redirect"] == reverse(
        "signin:two_factor"
    )
    assert bob_client.get("/api/accounts").status_code == 403
    assert victor_client.get("/").status_code == 302
    # Another team is not affected.
    assert charlie_client.get("/").status_code == 200
    # Bob sets it up and goes on.
    page = bob_client.get(reverse("signin:two_factor")).content.decode()
    assert "Your team requires two-step sign-in." in page
    secret = TwoFactorDevice.objects.get(user=bob).secret
    bob_client.post(reverse("signin:two_factor"), {"code": pyotp.TOTP(secret).now()})
    assert bob_client.get("/").status_code == 200
    # And cannot turn it off while the team requires it.
    with time_machine.travel(timezone.now() + 2 * STEP, tick=False):
        bob_client.post(reverse("signin:disable"), {"code": pyotp.TOTP(secret).now()})
    assert TwoFactorDevice.objects.filter(user=bob).exists()


def test_only_owners_set_the_policy_and_only_for_their_team(
    alice: Any,
    bob_client: Client,
    victor_client: Client,
    charlie: Any,
    charlie_client: Client,
    team_a: Any,
    team_b: Any,
) -> None:
    assert (
        bob_client.post(reverse("signin:team_policy"), {"require_two_factor": "on"}).status_code
        == 403
    )
    assert (
        victor_client.post(reverse("signin:team_policy"), {"require_two_factor": "on"}).status_code
        == 403
    )
    turn_on(charlie)
    charlie_client.post(reverse("signin:team_policy"), {"require_two_factor": "on"})
    assert TeamSignInPolicy.objects.get(team=team_b).require_two_factor
    assert not TeamSignInPolicy.objects.filter(team=team_a).exists()


def test_the_admin_login_goes_through_the_second_step(alice: Any) -> None:
    alice.is_staff = alice.is_superuser = True
    alice.save()
    secret, _codes = turn_on(alice)
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "alice", "password": "password"}
    )
    assert response["Location"] == "/login/?next=/admin/"
    assert not signed_in(client)
    # Signed in as someone else, the admin's form still cannot take alice's password.
    bob_client = Client()
    bob_client.force_login(UserFactory(username="bob2"))
    bob_client.post("/admin/login/", {"username": "alice", "password": "password"})
    assert bob_client.session["_auth_user_id"] != str(alice.pk)
    assert client.get("/admin/", follow=True).redirect_chain[-1][0] == "/login/?next=/admin/"
    sign_in(client, alice, next_url="/admin/")
    response = client.post(reverse("signin:verify"), {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
