"""``fasit mail serve``: an SMTP server (aiosmtpd) for the users' secret BCC/forward
addresses, ``log-<token>@FASIT_MAIL_DOMAIN``.

A recipient is checked at RCPT time: anything but a known address on our domain is
refused there (550), so the sending server bounces it and nothing is stored. A
message that arrives is captured for the address's user like a synced one (same
matching, same Message-ID rule); a forwarded message is captured as its original.
Put it behind the organisation's mail relay (docs/operations.md, "Mail relay").
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
import socket
import threading
from typing import IO, Any

from aiosmtpd.smtp import SMTP, Envelope, Session
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections, connection, transaction

from fasit.capture.models import MailAddress, Source
from fasit.capture.services import CaptureContext, capture_mail
from fasit.core.audit import audit_create, audit_delete
from fasit.core.services import require_writer
from fasit.engine.capture import MailError, parse_message
from fasit.engine.capture.mail import forwarded_message
from fasit.tenancy.models import Team

logger = logging.getLogger(__name__)

PREFIX = "log-"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def bcc_address_create(*, team: Team, user: Any) -> str:
    """A new secret address for the user (the old one stops working). Returned once:
    only the token's hash is kept."""
    require_writer(team, user=user)
    for old in MailAddress.objects.for_team(team).filter(user=user):
        audit_delete(team=team, actor=user, instance=old)
        old.delete()
    # Lower-case hex: mail systems may fold the case of a local part.
    token = secrets.token_hex(16)
    address = MailAddress.objects.create(team=team, user=user, token_hash=_hash(token), hint=token[:4])
    audit_create(team=team, actor=user, instance=address)
    return f"{PREFIX}{token}@{settings.FASIT_MAIL_DOMAIN}"


@transaction.atomic
def bcc_address_revoke(*, address: MailAddress, actor: Any) -> None:
    audit_delete(team=address.team, actor=actor, instance=address)
    address.delete()


def bcc_address_lookup(recipient: str) -> MailAddress | None:
    local, _sep, domain = recipient.strip().strip("<>").lower().rpartition("@")
    if domain != settings.FASIT_MAIL_DOMAIN.lower() or not local.startswith(PREFIX):
        return None
    token = local[len(PREFIX) :]
    if not token:
        return None
    return (
        MailAddress.objects.select_related("team", "user").filter(token_hash=_hash(token)).first()
    )


def _capture(recipients: list[str], raw: bytes) -> str:
    """Capture one delivered message for every recipient address; the SMTP reply."""
    close_old_connections()
    try:
        outer = parse_message(raw, with_body=True)
    except MailError as exc:
        return f"550 5.6.0 The message cannot be read: {exc}"
    original = forwarded_message(raw)
    for recipient in recipients:
        address = bcc_address_lookup(recipient)
        if address is None:
            continue
        context = CaptureContext.build(
            team=address.team, user=address.user, source=Source.BCC, source_detail=recipient
        )
        message = outer
        if original is not None and original.sender.email != outer.sender.email:
            message, context.source_detail = original, f"{recipient} (forwarded)"
        outcome = capture_mail(context=context, message=message)
        logger.info("BCC %s for %s: %s", message.message_id, address.user, outcome)
    return "250 2.0.0 Logged"


def _closing(function: Any) -> Any:
    """Run ``function`` in the executor thread and close that thread's database
    connection afterwards: the server lives for days, and an idle connection held by a
    thread would outlive a database restart (and keep test databases busy)."""

    def run(*args: Any) -> Any:
        try:
            return function(*args)
        finally:
            connection.close()

    return sync_to_async(run, thread_sensitive=True)


class Handler:
    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        found = await _closing(bcc_address_lookup)(address)
        if found is None:
            return "550 5.1.1 No such recipient here"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        if isinstance(raw, str):
            raw = raw.encode()
        try:
            return await _closing(_capture)(list(envelope.rcpt_tos), raw)
        except Exception:  # the sender gets a temporary failure and retries later
            logger.exception("BCC message could not be captured")
            return "451 4.3.0 Temporary failure, try again later"


class MailServer:
    """The SMTP server on its own event loop in a thread. Port 0 takes a free port
    (the tests); ``port`` tells which."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        # aiosmtpd logs every connection at INFO: noise next to Fasit's own log lines.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        self.sock = socket.create_server((host, port))
        self.port: int = self.sock.getsockname()[1]
        self.loop = asyncio.new_event_loop()
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    def _factory(self) -> SMTP:
        return SMTP(
            Handler(),
            hostname=settings.FASIT_MAIL_DOMAIN,
            data_size_limit=settings.FASIT_MAX_UPLOAD_BYTES,
            decode_data=False,
            loop=self.loop,
        )

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self._server = self.loop.run_until_complete(
            self.loop.create_server(self._factory, sock=self.sock)
        )
        self._ready.set()
        self.loop.run_forever()
        self._server.close()
        self.loop.run_until_complete(self._server.wait_closed())
        self.loop.close()

    def start(self) -> MailServer:
        self._thread = threading.Thread(target=self._run, name="fasit-smtp", daemon=True)
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(10)
            self._thread = None


def serve(host: str, port: int, *, out: IO[str] | Any) -> None:
    server = MailServer(host, port).start()
    out.write(
        f"Accepting mail for {PREFIX}<token>@{settings.FASIT_MAIL_DOMAIN} on "
        f"{host}:{server.port} (Ctrl-C stops)\n"
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
