"""The BCC/forward address: Fasit's own SMTP server (aiosmtpd) on loopback, spoken to
with smtplib."""

from __future__ import annotations

import datetime as dt
import re
import smtplib
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from fasit.capture.models import CapturedItem, MailAddress
from fasit.capture.smtp import MailServer, bcc_address_create
from fasit.capture.tests.mails import MALFORMED, mail
from fasit.capture.uploads import mail_upload
from fasit.conversations.models import Conversation

# The server captures in its own thread, so the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True)

WHEN = timezone.now() - dt.timedelta(hours=5)


@pytest.fixture
def smtp_server() -> Iterator[MailServer]:
    server = MailServer("127.0.0.1", 0).start()
    yield server
    server.stop()


def send(server: MailServer, raw: bytes, to: list[str]) -> None:
    with smtplib.SMTP("127.0.0.1", server.port, timeout=10) as client:
        client.sendmail("alice@example.com", to, raw)


def test_a_bcc_copy_is_logged_once(
    smtp_server: MailServer, team_a: Any, alice: Any, acme: Any, kari: Any
) -> None:
    address = bcc_address_create(team=team_a, user=alice)
    raw = mail(sender="alice@example.com", to="kari@acme.no", subject="Møtereferat", when=WHEN)
    send(smtp_server, raw, [address])
    conversation = Conversation.objects.get()
    assert (conversation.account, conversation.kind) == (acme, "email")
    item = CapturedItem.objects.get()
    assert (item.source, item.captured_by, item.source_detail) == ("bcc", alice, address)
    # The same message uploaded later (or synced from the mailbox): still once.
    report = mail_upload(team=team_a, user=alice, name="m.eml", content=raw)
    assert report.count("duplicate") == 1
    assert Conversation.objects.count() == 1


def test_other_recipients_are_refused_at_rcpt(
    smtp_server: MailServer, team_a: Any, alice: Any, kari: Any
) -> None:
    address = bcc_address_create(team=team_a, user=alice)
    raw = mail(sender="alice@example.com", to="kari@acme.no", subject="Hei", when=WHEN)
    local, _at, _domain = address.partition("@")
    for wrong in ("kari@acme.no", f"{local}@other.example", "log-0000@fasit.localhost"):
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            send(smtp_server, raw, [wrong])
        assert refused.value.recipients[wrong][0] == 550
    assert not Conversation.objects.exists()
    # A new address replaces the old one, which stops working.
    bcc_address_create(team=team_a, user=alice)
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send(smtp_server, raw, [address])
    assert MailAddress.objects.count() == 1


def test_a_forwarded_mail_is_logged_as_its_original(
    smtp_server: MailServer, team_a: Any, alice: Any, acme: Any, kari: Any
) -> None:
    address = bcc_address_create(team=team_a, user=alice)
    forward = EmailMessage()
    forward["From"] = "Alice <alice@example.com>"
    forward["To"] = address
    forward["Subject"] = "VB: Förfrågan om service"
    forward["Date"] = "Mon, 5 Jan 2026 12:00:00 +0100"
    forward.set_content(
        "Loggar denna.\n\n---------- Vidarebefordrat meddelande ---------\n"
        "Från: Kari Nordmann <kari@acme.no>\n"
        "Date: Mon, 5 Jan 2026 09:30:00 +0100\n"
        "Subject: Förfrågan om service\n"
        "To: alice@example.com\n\nHej Alice, kan ni komma på tisdag?\n"
    )
    send(smtp_server, bytes(forward), [address])
    conversation = Conversation.objects.get()
    assert conversation.initiated_by == "customer"
    assert conversation.subject == "Förfrågan om service"
    assert list(conversation.people.all()) == [kari]
    assert list(conversation.users.all()) == [alice]
    assert "(forwarded)" in CapturedItem.objects.get().source_detail


def test_a_malformed_message_is_refused_and_nothing_stored(
    smtp_server: MailServer, team_a: Any, alice: Any, kari: Any
) -> None:
    address = bcc_address_create(team=team_a, user=alice)
    with pytest.raises(smtplib.SMTPDataError) as refused:
        send(smtp_server, MALFORMED, [address])
    assert refused.value.smtp_code == 550
    assert b"no sender" in refused.value.smtp_error
    assert not CapturedItem.objects.exists()


def test_the_address_is_shown_once(
    team_a: Any, alice: Any, alice_client: Any, victor_client: Any, charlie_client: Any
) -> None:
    url = reverse("capture:bcc_address")
    assert victor_client.post(url).status_code == 403
    response = alice_client.post(url, follow=True)
    page = response.content.decode()
    shown = re.search(r"log-[0-9a-f]{32}@fasit\.localhost", page)
    assert shown is not None
    again = alice_client.get(reverse("capture:settings")).content.decode()
    assert shown.group(0) not in again  # only the hint from now on
    assert f"{shown.group(0)[:8]}…@fasit.localhost" in again
    # charlie revoking his own (absent) address touches nobody else's.
    assert charlie_client.post(reverse("capture:bcc_revoke")).status_code == 302
    assert MailAddress.objects.count() == 1
