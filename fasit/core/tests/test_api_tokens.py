"""Personal access tokens: hashed, shown once, bound to one team, scoped, expiring,
revocable, rate limited; the session keeps working with CSRF."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import time_machine
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone

from fasit.core.models import ApiRateCount
from fasit.customers.models import Account
from fasit.tenancy.models import ApiToken
from fasit.tenancy.services import api_token_create, api_token_revoke, token_digest
from fasit.testing import AccountFactory


def _bearer(secret: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {secret}"})


def _post(client: Client, url: str, payload: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(payload), content_type="application/json")


def test_token_is_stored_hashed_and_reads_its_team(team_a: Any, alice: Any) -> None:
    AccountFactory(team=team_a, name="Fjord AS")
    token, secret = api_token_create(team=team_a, user=alice, actor=alice, name="ERP")
    assert secret.startswith("fasit_")
    assert token.digest == token_digest(secret) and secret not in token.digest
    response = _bearer(secret).get("/api/accounts")
    assert response.status_code == 200
    assert [a["name"] for a in response.json()["items"]] == ["Fjord AS"]
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_bad_revoked_and_expired_tokens_are_401(team_a: Any, alice: Any) -> None:
    _t, revoked = api_token_create(team=team_a, user=alice, actor=alice, name="old")
    api_token_revoke(token=ApiToken.objects.get(), actor=alice)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    _t, expiring = api_token_create(
        team=team_a, user=alice, actor=alice, name="short", expires_on=tomorrow
    )
    assert _bearer("fasit_nonsense").get("/api/accounts").status_code == 401
    assert _bearer(revoked).get("/api/accounts").status_code == 401
    assert _bearer(expiring).get("/api/accounts").status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=2), tick=False):
        assert _bearer(expiring).get("/api/accounts").status_code == 401


def test_read_token_cannot_write(team_a: Any, bob: Any) -> None:
    _t, secret = api_token_create(team=team_a, user=bob, actor=bob, name="BI", scope="read")
    response = _post(_bearer(secret), "/api/accounts", {"name": "Fjord AS"})
    assert response.status_code == 403
    assert "read" in response.json()["detail"]
    assert Account.objects.count() == 0


def test_write_token_writes_through_the_services(team_a: Any, bob_api: Any) -> None:
    response = _post(bob_api, "/api/accounts", {"name": "Fjord AS"})
    assert response.status_code == 201
    assert Account.objects.get().name == "Fjord AS"


def test_viewers_token_never_writes(team_a: Any, victor_api: Any) -> None:
    response = _post(victor_api, "/api/accounts", {"name": "Fjord AS"})
    assert response.status_code == 403
    assert response.json()["detail"]
    assert Account.objects.count() == 0


def test_charlies_token_sees_nothing_of_team_a(team_a: Any, charlie_api: Any) -> None:
    account = AccountFactory(team=team_a, name="Fjord AS")
    assert charlie_api.get(f"/api/accounts/{account.pk}").status_code == 404
    assert charlie_api.get("/api/accounts").json()["items"] == []


def test_token_of_a_user_who_left_the_team_stops(team_a: Any, bob: Any) -> None:
    _t, secret = api_token_create(team=team_a, user=bob, actor=bob, name="x")
    bob.memberships.all().delete()
    assert _bearer(secret).get("/api/accounts").status_code == 401


@override_settings(FASIT_API_RATE_LIMIT=3, FASIT_API_RATE_WINDOW=60)
def test_rate_limit_per_token(team_a: Any, alice: Any, bob: Any) -> None:
    _t, secret = api_token_create(team=team_a, user=alice, actor=alice, name="x")
    _t, other = api_token_create(team=team_a, user=bob, actor=bob, name="y")
    client = _bearer(secret)
    with time_machine.travel(timezone.now(), tick=False):
        statuses = [client.get("/api/accounts").status_code for _ in range(4)]
        limited = client.get("/api/accounts")
        other_status = _bearer(other).get("/api/accounts").status_code
    assert statuses == [200, 200, 200, 429]
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited.json()["detail"]
    assert other_status == 200


@override_settings(
    FASIT_API_RATE_LIMIT=3, FASIT_API_RATE_WINDOW=60, FASIT_API_RATE_STORE="database"
)
def test_rate_limit_counted_in_the_database_holds_across_processes(team_a: Any, alice: Any) -> None:
    """Another web process has an empty cache of its own: clearing this one's shows the
    count lives in the shared database, not in the process."""
    token, secret = api_token_create(team=team_a, user=alice, actor=alice, name="x")
    client = _bearer(secret)
    with time_machine.travel(timezone.now(), tick=False):
        first = [client.get("/api/accounts").status_code for _ in range(2)]
        assert ApiRateCount.objects.get(token_id=token.pk).count == 2
        cache.clear()
        then = [client.get("/api/accounts").status_code for _ in range(2)]
        limited = client.get("/api/accounts")
    assert first + then == [200, 200, 200, 429]
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited.json()["detail"]
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=61), tick=False):
        assert client.get("/api/accounts").status_code == 200
    # The next window's first request dropped the old one.
    assert ApiRateCount.objects.filter(token_id=token.pk).count() == 1


def test_session_writes_need_csrf(team_a: Any, bob: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)
    assert _post(client, "/api/accounts", {"name": "Fjord AS"}).status_code == 403
    client.get("/settings/")
    csrf = client.cookies["csrftoken"].value
    response = client.post(
        "/api/accounts",
        json.dumps({"name": "Fjord AS"}),
        content_type="application/json",
        headers={"X-CSRFToken": csrf},
    )
    assert response.status_code == 201


def test_settings_page_creates_shows_once_and_revokes(team_a: Any, bob_client: Any) -> None:
    response = bob_client.post("/settings/tokens/", {"name": "ERP sync", "scope": "write"})
    assert response.status_code == 200
    secret = response.context["new_secret"]
    assert secret in response.content.decode()
    token = ApiToken.objects.get()
    assert (token.name, token.scope) == ("ERP sync", "write")
    page = bob_client.get("/settings/").content.decode()
    assert "ERP sync" in page and secret not in page
    assert bob_client.post(f"/settings/tokens/{token.pk}/revoke/").status_code == 302
    assert _bearer(secret).get("/api/accounts").status_code == 401


def test_settings_page_refuses_a_past_expiry(team_a: Any, bob_client: Any) -> None:
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response = bob_client.post(
        "/settings/tokens/", {"name": "x", "scope": "read", "expires_on": yesterday.isoformat()}
    )
    assert response.context["new_secret"] is None
    assert ApiToken.objects.count() == 0


def test_viewer_is_offered_read_tokens_only(team_a: Any, victor_client: Any) -> None:
    response = victor_client.post("/settings/tokens/", {"name": "x", "scope": "write"})
    assert response.context["new_secret"] is None
    assert ApiToken.objects.count() == 0
    victor_client.post("/settings/tokens/", {"name": "x", "scope": "read"})
    assert ApiToken.objects.get().scope == "read"


def test_victor_cannot_revoke_alices_token_charlie_cannot_either(
    team_a: Any, alice: Any, victor_client: Any, charlie_client: Any
) -> None:
    token, _secret = api_token_create(team=team_a, user=alice, actor=alice, name="x")
    assert victor_client.post(f"/settings/tokens/{token.pk}/revoke/").status_code == 404
    assert charlie_client.post(f"/settings/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_owner_sees_and_revokes_members_tokens(team_a: Any, bob: Any, alice_client: Any) -> None:
    token, _secret = api_token_create(team=team_a, user=bob, actor=bob, name="bobs")
    assert "bobs" in alice_client.get("/settings/").content.decode()
    alice_client.post(f"/settings/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


# -- who is asking is read fresh on every request (one statement, nothing kept) --------


def test_a_token_in_use_stops_at_the_next_request_once_revoked(team_a: Any, bob: Any) -> None:
    token, secret = api_token_create(team=team_a, user=bob, actor=bob, name="x", scope="write")
    client = _bearer(secret)
    assert client.get("/api/accounts").status_code == 200
    api_token_revoke(token=token, actor=bob)
    assert client.get("/api/accounts").status_code == 401
    assert _post(client, "/api/accounts", {"name": "Fjord AS"}).status_code == 401
    assert not Account.objects.exists()


def test_a_token_follows_its_users_role_and_account_at_once(team_a: Any, bob: Any) -> None:
    _t, secret = api_token_create(team=team_a, user=bob, actor=bob, name="x", scope="write")
    client = _bearer(secret)
    assert _post(client, "/api/accounts", {"name": "Fjord AS"}).status_code == 201
    bob.memberships.update(role="viewer")
    assert _post(client, "/api/accounts", {"name": "Havn AS"}).status_code == 403
    assert client.get("/api/accounts").json()["count"] == 1
    bob.is_active = False
    bob.save()
    assert client.get("/api/accounts").status_code == 401
    assert list(Account.objects.values_list("name", flat=True)) == ["Fjord AS"]


def test_charlies_token_reads_and_writes_nothing_of_team_a(team_a: Any, charlie_api: Any) -> None:
    account = AccountFactory(team=team_a, name="Fjord AS")
    assert charlie_api.get(f"/api/accounts/{account.pk}").status_code == 404
    response = charlie_api.patch(
        f"/api/accounts/{account.pk}", json.dumps({"name": "X"}), content_type="application/json"
    )
    assert response.status_code == 404
    account.refresh_from_db()
    assert account.name == "Fjord AS"


def test_a_session_follows_membership_role_and_sign_in_rule_at_once(
    team_a: Any, bob: Any, bob_client: Any
) -> None:
    from fasit.signin.models import TeamSignInPolicy

    assert _post(bob_client, "/api/accounts", {"name": "Fjord AS"}).status_code == 201
    assert bob_client.get("/api/accounts").json()["count"] == 1
    # Demoted to viewer: the next write is refused.
    bob.memberships.update(role="viewer")
    response = _post(bob_client, "/api/accounts", {"name": "Havn AS"})
    assert response.status_code == 403
    bob.memberships.update(role="member")
    # The team starts requiring two-step sign-in: the next request is refused.
    TeamSignInPolicy.objects.create(team=team_a, require_two_factor=True)
    assert bob_client.get("/api/accounts").status_code == 403
    TeamSignInPolicy.objects.filter(team=team_a).update(require_two_factor=False)
    assert bob_client.get("/api/accounts").status_code == 200
    # Removed from the team: no team, so the API answers 401.
    bob.memberships.all().delete()
    assert bob_client.get("/api/accounts").status_code == 401


def test_a_list_read_after_a_write_counts_it(team_a: Any, bob_api: Any) -> None:
    """The data version comes with the caller's token; the count cached under it is
    never the one from before a write."""
    assert bob_api.get("/api/accounts").json()["count"] == 0
    assert _post(bob_api, "/api/accounts", {"name": "Fjord AS"}).status_code == 201
    assert bob_api.get("/api/accounts").json()["count"] == 1
