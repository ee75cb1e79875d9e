"""A signed-in request reads its session row and its user (with memberships and teams)
in one statement once this process has seen the session (fasit/signin/sessions.py).
Both are read on every request, so signing out, deactivation, a changed password and
a removed membership take effect at the very next request."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from fasit.signin import sessions
from fasit.tenancy.models import Membership


def _statements(client: Client, path: str = "/api/accounts") -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return status, [q["sql"] for q in queries.captured_queries]


def _session_reads(sql: list[str]) -> list[str]:
    return [s for s in sql if Session._meta.db_table in s]


def test_session_and_user_in_one_statement_after_the_first_request(
    alice: Any, alice_client: Client
) -> None:
    status, first = _statements(alice_client)
    assert status == 200
    status, later = _statements(alice_client)
    assert status == 200
    # The first request of a session in this process: the session, then the user.
    assert [s for s in first if s.lstrip().startswith("SELECT u.")]
    assert "auth_user" not in _session_reads(first)[0]
    # Then both in one statement, and no statement of the user's own.
    (read,) = _session_reads(later)
    assert "auth_user" in read
    assert not [s for s in later if s.lstrip().startswith("SELECT u.")]


def test_signing_out_elsewhere_refuses_the_next_request(alice_client: Client) -> None:
    assert alice_client.get("/api/accounts").status_code == 200
    assert alice_client.get("/api/accounts").status_code == 200
    Session.objects.all().delete()  # signed out (or expired) on another server
    assert alice_client.get("/api/accounts").status_code == 401


def test_a_deactivated_user_is_refused_at_once(alice: Any, alice_client: Client) -> None:
    assert alice_client.get("/api/accounts").status_code == 200
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    assert alice_client.get("/api/accounts").status_code == 401


def test_a_changed_password_signs_the_session_out(alice: Any, alice_client: Client) -> None:
    assert alice_client.get("/api/accounts").status_code == 200
    alice.set_password("a whole new secret")
    alice.save(update_fields=["password"])
    assert alice_client.get("/api/accounts").status_code == 401


def test_a_removed_member_loses_the_team_at_once(
    alice: Any, alice_client: Client, team_a: Any
) -> None:
    assert alice_client.get("/api/accounts").status_code == 200
    Membership.objects.filter(user=alice, team=team_a).delete()
    assert alice_client.get("/api/accounts").status_code == 401


def test_a_session_now_naming_another_user_gets_that_user(
    alice: Any, charlie: Any, alice_client: Client
) -> None:
    """The user kept per session key is only a guess: the session's own data decides."""
    assert alice_client.get("/api/accounts").status_code == 200
    key = alice_client.cookies["sessionid"].value
    assert sessions._user_of_session[key] == str(alice.pk)
    store = sessions.SessionStore(session_key=key)
    data = store.load()
    data[SESSION_KEY] = str(charlie.pk)
    data["_auth_user_hash"] = charlie.get_session_auth_hash()
    data.pop("team_id", None)
    store._session_cache = data
    store.save()
    members = alice_client.get("/api/team/members")
    assert members.status_code == 200
    names = {m["username"] for m in members.json()}
    assert charlie.username in names
    assert alice.username not in names


def test_the_user_read_with_the_session_is_used_by_that_request_only(
    alice: Any, alice_client: Client
) -> None:
    assert alice_client.get("/api/accounts").status_code == 200
    assert alice_client.get("/api/accounts").status_code == 200
    # The request has finished: nothing is left for a later lookup of the same user.
    assert sessions.take_prefetched_user(str(alice.pk)) is None


def test_verified_session_data_is_not_checked_again(
    alice: Any, alice_client: Client, monkeypatch: Any
) -> None:
    """The session store's ``decode`` keeps the payload of text whose signature held
    (it had been left unreachable, nested after a return, so every request checked the
    HMAC again); a changed or forged text is checked (and refused) as before."""
    assert alice_client.get("/api/accounts").status_code == 200
    checks: list[str] = []
    real = sessions.db.SessionStore.decode

    def counted(self: Any, session_data: str) -> Any:
        checks.append(session_data)
        return real(self, session_data)

    monkeypatch.setattr(sessions.db.SessionStore, "decode", counted)
    assert alice_client.get("/api/accounts").status_code == 200
    assert alice_client.get("/api/accounts").status_code == 200
    assert checks == []  # both requests used the verified payload
    key = alice_client.cookies["sessionid"].value
    text = Session.objects.get(session_key=key).session_data
    store = sessions.SessionStore(key)
    assert store.decode(text)[SESSION_KEY] == str(alice.pk)
    forged = text[:-2] + ("AA" if not text.endswith("AA") else "BB")
    assert store.decode(forged) == {}
    assert checks == [forged]
