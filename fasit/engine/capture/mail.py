"""One RFC 5322 message as a ``MailMessage``: who wrote to whom, when, about what.

The stdlib ``email`` package with ``policy.default`` decodes encoded words in headers
(``=?utf-8?q?M=C3=B8te?=``) and charsets in bodies; an HTML-only body becomes plain
text. A message without a sender is refused with ``MailError``: it cannot be placed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser


class MailError(ValueError):
    """The bytes are not an e-mail message Fasit can place. ``code`` says why, for a
    translated message: ``empty``, ``no_sender``, ``unreadable`` or ``not_mbox``."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Address:
    name: str
    email: str  # lower case

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


@dataclass(frozen=True)
class MailMessage:
    message_id: str
    subject: str
    sent_at: dt.datetime | None
    sender: Address
    recipients: tuple[Address, ...]
    in_reply_to: str
    references: tuple[str, ...]
    body: str
    thread_subject: str

    @property
    def addresses(self) -> tuple[Address, ...]:
        return (self.sender, *self.recipients)

    @property
    def is_reply(self) -> bool:
        return bool(self.in_reply_to or self.references)


# Reply and forward prefixes in English and the Nordic mail clients (Outlook in
# Swedish writes "SV:" and "VB:", in Norwegian and Danish "SV:" and "VS:").
_PREFIX = re.compile(r"^\s*(?:(?:re|sv|vs|aw|fw|fwd|vb|antw|tr|r)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
_ID = re.compile(r"<[^<>\s]+>")


def thread_subject(subject: str) -> str:
    """The subject a thread shares: without Re:/SV:/Fwd: prefixes, case or spacing."""
    return " ".join(_PREFIX.sub("", subject).split()).casefold()


def _ids(value: str) -> tuple[str, ...]:
    return tuple(_ID.findall(value or ""))


class _Text(HTMLParser):
    _SKIP = {"script", "style", "head", "title"}
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):
        # An unknown or lying charset: keep what can be read rather than nothing.
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        return html_to_text(content)
    return content.strip()


def _raw_headers(message: EmailMessage) -> dict[str, list[str]]:
    """Header values as they came, by lower-case name.

    ``policy.default`` parses a header into its structured form on every access, which
    costs far more than the rest of reading a message; a sync reads tens of thousands,
    so the few headers needed are decoded here instead (RFC 2047 encoded words, and
    raw UTF-8 as RFC 6532 allows)."""
    headers: dict[str, list[str]] = {}
    for name, value in message.raw_items():
        text = str(value)
        if any("\udc80" <= ch <= "\udcff" for ch in text):
            text = text.encode("ascii", "surrogateescape").decode("utf-8", "replace")
        headers.setdefault(name.lower(), []).append(text)
    return headers


def _decode(value: str) -> str:
    try:
        return str(make_header(decode_header(value)))
    except (HeaderParseError, LookupError, UnicodeError, ValueError):
        return value


def _addresses(headers: dict[str, list[str]], *names: str) -> list[Address]:
    found: list[Address] = []
    for name in names:
        values = [" ".join(v.split()) for v in headers.get(name, [])]
        for display, email in getaddresses(values):
            email = email.strip().lower()
            if "@" in email and email not in {a.email for a in found}:
                found.append(Address(_decode(display).strip(), email))
    return found


def _date(headers: dict[str, list[str]]) -> dt.datetime | None:
    values = headers.get("date")
    if not values:
        return None
    raw = values[0]
    try:
        moment = parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    # A date without a zone ("-0000" or none at all) is read as UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def parse_message(raw: bytes, *, with_body: bool = True) -> MailMessage:
    """Read one message. ``with_body=False`` skips the body (headers are enough to
    match and thread; the body is only kept when a team asks for it)."""
    if not raw or not raw.strip():
        raise MailError("The message is empty.", "empty")
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw, headersonly=not with_body)
        assert isinstance(message, EmailMessage)
        headers = _raw_headers(message)
        senders = _addresses(headers, "from") or _addresses(headers, "sender")
        if not senders:
            raise MailError(
                "The message has no sender (no From header with an address).", "no_sender"
            )
        sender = senders[0]
        recipients = [a for a in _addresses(headers, "to", "cc", "bcc") if a.email != sender.email]
        subject = " ".join(_decode(" ".join(headers.get("subject", [""])[0].split())).split())
        message_ids = _ids(" ".join(headers.get("message-id", [])))
        body = _body(message) if with_body else ""
    except MailError:
        raise
    except Exception as exc:  # the parser's many header errors all mean the same here
        raise MailError(f"The message cannot be read: {exc}", "unreadable") from None
    if message_ids:
        message_id = message_ids[0]
    else:
        # Without a Message-ID the content itself is the identity, so syncing the same
        # message twice still finds it.
        message_id = f"<{hashlib.sha256(raw).hexdigest()}@fasit.invalid>"
    in_reply_to = _ids(" ".join(headers.get("in-reply-to", [])))
    return MailMessage(
        message_id=message_id[:255],
        subject=subject,
        sent_at=_date(headers),
        sender=sender,
        recipients=tuple(recipients),
        in_reply_to=in_reply_to[0] if in_reply_to else "",
        references=_ids(" ".join(headers.get("references", []))),
        body=body,
        thread_subject=thread_subject(subject),
    )


# Forwarded mail (to the BCC address): the original as an attached message/rfc822
# part, or inline under a header block in the clients' languages.
_FORWARD_KEYS = {
    "from": "from",
    "från": "from",
    "fra": "from",
    "von": "from",
    "de": "from",
    "to": "to",
    "till": "to",
    "til": "to",
    "an": "to",
    "cc": "cc",
    "kopia": "cc",
    "kopi": "cc",
    "subject": "subject",
    "ämne": "subject",
    "emne": "subject",
    "betreff": "subject",
    "date": "date",
    "sent": "date",
    "skickat": "date",
    "sendt": "date",
    "datum": "date",
    "dato": "date",
    "gesendet": "date",
}
_FORWARD_LINE = re.compile(r"^\W*([^\W\d_]+)\W*:\s*(.+?)\s*$")


def _inline_forward(text: str) -> dict[str, str]:
    """The first header block (From:, Date:, Subject:, To: …) in a forwarded body."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = _FORWARD_LINE.match(line)
        key = _FORWARD_KEYS.get(match.group(1).casefold()) if match else None
        if match and key:
            found.setdefault(key, match.group(2))
        elif found:
            break
    return found if "from" in found else {}


def forwarded_message(raw: bytes) -> MailMessage | None:
    """The original of a forwarded message, or None when it forwards nothing.

    An attached original keeps its Message-ID (so the mailbox sync of the same message
    does not log it again); an inline one gets an identity from its sender, date and
    subject."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        assert isinstance(message, EmailMessage)
        for part in message.walk():
            if part.get_content_type() == "message/rfc822":
                inner = part.get_payload()
                if isinstance(inner, list) and inner and isinstance(inner[0], Message):
                    return parse_message(inner[0].as_bytes())
        if not _PREFIX.match(str(message.get("Subject", ""))):
            return None
        block = _inline_forward(_body(message))
    except MailError:
        return None
    except Exception:
        return None
    if not block:
        return None
    senders = [
        Address(name.strip(), email.strip().lower())
        for name, email in getaddresses([block["from"].replace("[mailto:", "<").replace("]", ">")])
        if "@" in email
    ]
    if not senders:
        return None
    recipients = [
        Address(name.strip(), email.strip().lower())
        for name, email in getaddresses(
            [
                block.get("to", "").replace("[mailto:", "<").replace("]", ">"),
                block.get("cc", "").replace("[mailto:", "<").replace("]", ">"),
            ]
        )
        if "@" in email and email.strip().lower() != senders[0].email
    ]
    subject = " ".join(block.get("subject", "").split())
    sent_at: dt.datetime | None = None
    try:
        sent_at = parsedate_to_datetime(block.get("date", ""))
    except (TypeError, ValueError, IndexError):
        sent_at = None
    if sent_at is not None and sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=dt.UTC)
    identity = "|".join((senders[0].email, block.get("date", ""), subject)).encode()
    return MailMessage(
        message_id=f"<fwd-{hashlib.sha256(identity).hexdigest()}@fasit.invalid>",
        subject=subject,
        sent_at=sent_at or _date(_raw_headers(message)),
        sender=senders[0],
        recipients=tuple(recipients),
        in_reply_to="",
        references=(),
        body="",
        thread_subject=thread_subject(subject),
    )


_FROM_LINE = re.compile(rb"^From .*$\n?", re.M)
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.M)


def split_mbox(raw: bytes) -> list[bytes]:
    """The messages of an mbox archive (mboxo and mboxrd: ">From " lines lose one ">").

    Raises ``MailError`` when the file does not start like an mbox archive."""
    data = raw.replace(b"\r\n", b"\n")
    if not data.startswith(b"From "):
        raise MailError(
            'This is not an mbox archive (it must start with a "From " line).', "not_mbox"
        )
    starts = [m for m in _FROM_LINE.finditer(data) if m.start() == 0 or data[m.start() - 1] == 10]
    messages = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(data)
        messages.append(_QUOTED_FROM.sub(rb"\1", data[match.end() : end]).rstrip(b"\n") + b"\n")
    return messages


# Addresses at these domains are anyone's: a domain match must never place them at an
# account (a customer's employee writing from gmail.com says nothing about the account).
_FREE_MAIL = """
    gmail.com googlemail.com outlook.com outlook.se outlook.dk hotmail.com hotmail.se
    hotmail.no hotmail.dk hotmail.co.uk live.com live.se live.no live.dk msn.com
    yahoo.com yahoo.se yahoo.no yahoo.dk yahoo.co.uk ymail.com icloud.com me.com mac.com
    aol.com proton.me protonmail.com pm.me gmx.com gmx.net gmx.de mail.com zoho.com
    fastmail.com hey.com yandex.com tutanota.com online.no telia.com spray.se
    bredband.net comhem.se jubii.dk mail.dk get2net.dk ofir.dk c2i.net frisurf.no
"""
FREE_MAIL_DOMAINS = frozenset(_FREE_MAIL.split())


def is_free_mail(domain: str) -> bool:
    return domain.lower() in FREE_MAIL_DOMAINS
