"""Real RFC 5322 messages for the capture tests and the benchmark, written by the
stdlib so they are what a mail client sends: encoded non-ASCII headers, multipart
bodies, attachments, HTML-only mail."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid


def mail(
    *,
    sender: str,
    to: str,
    subject: str,
    when: dt.datetime,
    body: str = "Hej!",
    html: str | None = None,
    message_id: str | None = None,
    in_reply_to: str | None = None,
    cc: str | None = None,
    attachment: bytes | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    if cc:
        message["Cc"] = cc
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id or make_msgid(domain="mail.test")
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    if html is not None:
        message.set_content(html, subtype="html")
    else:
        message.set_content(body)
    if attachment is not None:
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename="offert.pdf"
        )
    return bytes(message)


MALFORMED = b"this is not an e-mail message\n\njust some words\n"
