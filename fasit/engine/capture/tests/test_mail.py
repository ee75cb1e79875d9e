from __future__ import annotations

import pytest

from fasit.engine.capture import MailError, parse_message, split_mbox, thread_subject
from fasit.engine.capture.mail import html_to_text

RAW = (
    b"From: =?utf-8?q?Bj=C3=B8rn_=C3=85s?= <Bjorn@Firma.NO>\r\n"
    b"To: a@example.com\r\n"
    b"Subject: =?utf-8?b?VlM6IFNWOiBNw7h0ZSBpIG1vcmdlbg==?=\r\n"
    b"Date: Mon, 5 Jan 2026 10:00:00 +0100\r\n"
    b"References: <a@x> <b@x>\r\n"
    b"\r\n"
    b"Hei\r\n"
)


def test_headers_are_decoded_and_addresses_lower_cased() -> None:
    message = parse_message(RAW)
    assert message.sender.name == "Bjørn Ås"
    assert message.sender.email == "bjorn@firma.no"
    assert message.subject == "VS: SV: Møte i morgen"
    assert message.thread_subject == "møte i morgen"
    assert message.references == ("<a@x>", "<b@x>")
    assert message.message_id.endswith("@fasit.invalid>")  # none given: from the content
    assert message.body == "Hei"


def test_reply_prefixes_of_nordic_clients() -> None:
    assert thread_subject("SV: VB: Re[2]: Fwd:  Offert  ") == "offert"


def test_html_becomes_text() -> None:
    assert html_to_text("<p>Hej&nbsp;du</p><script>x()</script><div>två</div>") == "Hej du\n\ntvå"


def test_mbox_is_split_and_unquoted() -> None:
    archive = (
        b"From a@x Mon Jan  5 10:00:00 2026\nFrom: a@x\nSubject: 1\n\n>From here\n\n"
        b"From b@x Mon Jan  5 11:00:00 2026\nFrom: b@x\nSubject: 2\n\nbody\n"
    )
    first, second = split_mbox(archive)
    assert parse_message(first).body == "From here"
    assert parse_message(second).subject == "2"


def test_not_mail() -> None:
    with pytest.raises(MailError):
        parse_message(b"")
    with pytest.raises(MailError):
        split_mbox(b"hello")
