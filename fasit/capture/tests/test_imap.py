"""Mailbox sync against a real Dovecot on loopback, filled over IMAP APPEND."""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from fasit.capture.imap import mailbox_connect, sync_all_mailboxes, sync_mailbox
from fasit.capture.models import CapturedItem, MailConnection
from fasit.capture.tests.dovecot import DOVECOT, Dovecot
from fasit.capture.tests.mails import MALFORMED, mail
from fasit.conversations.models import Conversation
from fasit.relationships.selectors import REAL

pytestmark = pytest.mark.django_db

USERS = {f"u{n}": f"pass-{n}" for n in range(1, 9)}
MORNING = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) - dt.timedelta(
    days=2
)


@pytest.fixture(scope="module")
def dovecot() -> Iterator[Dovecot]:
    if DOVECOT is None:
        if os.environ.get("CI") == "true":  # .ci/run installs it: never skip there
            pytest.fail("dovecot is missing in CI: .ci/run installs dovecot-imapd")
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd); CI runs this")
    server = Dovecot(USERS).start()
    yield server
    server.stop()


def connect(team: Any, user: Any, server: Dovecot, login: str, **kwargs: Any) -> MailConnection:
    values = {
        "host": "127.0.0.1",
        "port": server.port,
        "tls": "none",
        "username": login,
        "password": USERS[login],
        **kwargs,
    }
    return mailbox_connect(team=team, user=user, **values)


def test_a_sync_captures_inbox_and_sent_and_resumes(
    dovecot: Dovecot, team_a: Any, alice: Any, acme: Any, kari: Any, per: Any
) -> None:
    first_id = "<tilbud-1@example.com>"
    dovecot.append("u1", "Sent", [
        mail(sender="Alice <alice@example.com>", to="Kari <kari@acme.no>",
             subject="Tilbud på kjøretøy", when=MORNING, message_id=first_id,
             attachment=b"%PDF-1.4 offert"),
    ])
    dovecot.append("u1", "INBOX", [
        mail(sender="Kari <kari@acme.no>", to="alice@example.com",
             subject="SV: Tilbud på kjøretøy", when=MORNING + dt.timedelta(hours=2),
             in_reply_to=first_id),
        mail(sender="Per <per@acme.no>", to="alice@example.com",
             subject="Förfrågan om möte – nästa vecka", when=MORNING - dt.timedelta(days=1),
             html="<html><body><p>Hej!</p><p>Kan vi ses?</p></body></html>"),
        mail(sender="ny@acme.no", to="alice@example.com", subject="Ærlig talt: pris",
             when=MORNING - dt.timedelta(days=1)),
        mail(sender="news@gmail.com", to="alice@example.com", subject="Nyhetsbrev",
             when=MORNING),
        MALFORMED,
    ])
    connection = connect(team_a, alice, dovecot, "u1")
    result = sync_mailbox(connection)
    assert (result.error, result.read, result.skipped) == ("", 6, 1)
    connection.refresh_from_db()
    assert connection.last_error == ""
    assert "INBOX, message 5: it has no sender" in connection.last_notice
    assert set(connection.state) == {"INBOX", "Sent"}
    conversations = Conversation.objects.for_team(team_a)
    # The offer and Kari's reply are one conversation; the request and "Ærlig talt"
    # (same account, same day, different subjects) are two more.
    assert conversations.count() == 3
    offer = conversations.get(subject="Tilbud på kjøretøy")
    assert (offer.initiated_by, offer.customer_replied) == ("us", True)
    assert offer in Conversation.objects.filter(REAL)
    assert conversations.filter(subject="Förfrågan om möte – nästa vecka").get().initiated_by == (
        "customer"
    )
    assert CapturedItem.objects.filter(source="imap", source_detail="u1 · INBOX").count() == 3

    # Nothing new: nothing read.
    assert sync_mailbox(connection).read == 0
    # One new message: only that one is read.
    dovecot.append("u1", "INBOX", [
        mail(sender="kari@acme.no", to="alice@example.com", subject="Takk",
             when=MORNING + dt.timedelta(hours=3)),
    ])
    again = sync_mailbox(MailConnection.objects.get(pk=connection.pk))
    assert (again.read, again.captured) == (1, 1)


def test_a_renumbered_folder_is_read_again_without_duplicates(
    dovecot: Dovecot, team_a: Any, alice: Any, kari: Any
) -> None:
    dovecot.append("u2", "INBOX", [
        mail(sender="kari@acme.no", to="alice@example.com", subject="Hei", when=MORNING),
    ])
    connection = connect(team_a, alice, dovecot, "u2")
    sync_mailbox(connection)
    connection.refresh_from_db()
    connection.state["INBOX"]["uidvalidity"] = 1  # as if the server renumbered it
    connection.save()
    result = sync_mailbox(connection)
    assert (result.read, result.captured) == (1, 0)
    assert Conversation.objects.count() == 1


def test_connection_errors_are_shown_and_never_stop_other_syncs(
    dovecot: Dovecot, team_a: Any, alice: Any, bob: Any, kari: Any, team_b: Any, charlie: Any
) -> None:
    dovecot.append("u3", "INBOX", [
        mail(sender="kari@acme.no", to="bob@example.com", subject="Til Bob", when=MORNING),
    ])
    wrong_password = connect(team_a, alice, dovecot, "u4", password="wrong")
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        down_port = closed.getsockname()[1]
    # Nobody listens on down_port now: the server is "down".
    down = connect(team_b, charlie, dovecot, "u5", port=down_port)
    working = connect(team_a, bob, dovecot, "u3")
    results = {r.connection_id: r for r in sync_all_mailboxes()}
    assert results[working.pk].captured == 1
    wrong_password.refresh_from_db()
    assert "refused the user name or password" in wrong_password.last_error
    down.refresh_from_db()
    assert f"Cannot reach 127.0.0.1 on port {down_port}" in down.last_error
    # The untrusted (self-signed) certificate: TLS fails with a clear message.
    working.tls, working.port = "ssl", dovecot.tls_port
    working.save()
    sync_mailbox(working)
    working.refresh_from_db()
    assert "The secure connection to 127.0.0.1 failed" in working.last_error
    assert "CERTIFICATE_VERIFY_FAILED" in working.last_error


def test_the_settings_page_connects_and_never_shows_the_password(
    dovecot: Dovecot, team_a: Any, alice: Any, alice_client: Any, victor_client: Any,
    charlie_client: Any, kari: Any,
) -> None:
    dovecot.append("u6", "INBOX", [
        mail(sender="kari@acme.no", to="alice@example.com", subject="Hei", when=MORNING),
    ])
    form = {"host": "127.0.0.1", "port": dovecot.port, "tls": "none", "username": "u6",
            "password": USERS["u6"], "folders": ""}
    assert victor_client.post(reverse("capture:mailbox"), form).status_code == 403
    response = alice_client.post(reverse("capture:mailbox"), form)
    assert response.status_code == 302
    connection = MailConnection.objects.get()
    assert USERS["u6"] not in connection.password_encrypted
    # The sync ran (the immediate task backend in tests) and the page says so.
    page = alice_client.get(reverse("capture:settings")).content.decode()
    assert USERS["u6"] not in page
    assert Conversation.objects.for_team(team_a).count() == 1
    assert "u6" in page
    # charlie has no mailbox of his own, and alice's is not his to sync or remove.
    assert charlie_client.post(reverse("capture:mailbox_sync")).status_code == 302
    assert charlie_client.post(reverse("capture:mailbox_disconnect")).status_code == 302
    assert MailConnection.objects.filter(pk=connection.pk).exists()
    assert alice_client.post(reverse("capture:mailbox_disconnect")).status_code == 302
    assert not MailConnection.objects.exists()
