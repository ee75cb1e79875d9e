"""Mailbox sync over IMAP: each user's inbox and sent folder, read incrementally.

Per folder the sync keeps the UIDVALIDITY and the last UID it read; the next run asks
only for newer UIDs (a mailbox with nothing new costs one SELECT). A changed
UIDVALIDITY (the server renumbered the folder) reads the folder again; the Message-ID
keeps that from logging anything twice. Only headers are fetched unless the team keeps
bodies. Each batch of 500 is one transaction with a savepoint per message (a message
that fails rolls back alone), and the position is saved with the batch, so a sync cut
off halfway resumes where it stopped.

A connection error (wrong password, TLS failure, server down) is stored on the
connection for the user's settings page and logged; it never stops other users' syncs.
"""

from __future__ import annotations

import logging
import ssl
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError
from imapclient.imapclient import SENT

from fasit.capture import crypto
from fasit.capture.models import MailConnection, Source, TlsMode
from fasit.capture.services import CaptureContext, Outcome, capture_mail
from fasit.capture.uploads import mail_error_reason
from fasit.core.audit import audit_create, audit_delete, audit_update, snapshot
from fasit.core.services import require_writer
from fasit.engine.capture import MailError, parse_message
from fasit.tenancy.models import Team

logger = logging.getLogger(__name__)

BATCH = 500


class SyncFailed(Exception):
    """A connection problem, with the message the user sees."""


@dataclass
class SyncResult:
    connection_id: int
    read: int = 0
    captured: int = 0
    skipped: int = 0
    error: str = ""


def _key_missing() -> ValidationError:
    return ValidationError(
        {
            "password": _(
                "Mailbox passwords cannot be stored: the operator has not set "
                "%(variable)s (see docs/capture.md)."
            )
            % {"variable": "FASIT_CAPTURE_KEY"}
        }
    )


@transaction.atomic
def mailbox_connect(
    *,
    team: Team,
    user: Any,
    host: str,
    port: int,
    tls: str,
    username: str,
    password: str,
    folders: str = "",
) -> MailConnection:
    """Connect (or change) the user's mailbox. An empty password keeps the stored one."""
    require_writer(team, user=user)
    connection = MailConnection.objects.for_team(team).filter(user=user).first()
    if connection is None and not password:
        raise ValidationError({"password": _("Enter the mailbox's (app) password.")})
    try:
        encrypted = crypto.encrypt(password) if password else None
    except crypto.KeyMissing:
        raise _key_missing() from None
    fields = {
        "host": host.strip(),
        "port": port,
        "tls": tls,
        "username": username.strip(),
        "folders": folders.strip(),
    }
    if connection is None:
        connection = MailConnection(team=team, user=user, password_encrypted=encrypted, **fields)
        connection.full_clean()
        connection.save()
        audit_create(team=team, actor=user, instance=connection)
        return connection
    before = snapshot(connection, ["host", "port", "tls", "username", "folders"])
    server_changed = (connection.host, connection.username) != (fields["host"], fields["username"])
    for name, value in fields.items():
        setattr(connection, name, value)
    if encrypted:
        connection.password_encrypted = encrypted
    if server_changed:
        connection.state = {}  # another mailbox: its UIDs mean nothing here
    connection.last_error = ""
    connection.full_clean()
    connection.save()
    audit_update(team=team, actor=user, instance=connection, before=before)
    return connection


@transaction.atomic
def mailbox_disconnect(*, connection: MailConnection, actor: Any) -> None:
    audit_delete(team=connection.team, actor=actor, instance=connection)
    connection.delete()


def _open(connection: MailConnection) -> IMAPClient:
    context = ssl.create_default_context()
    client = IMAPClient(
        connection.host,
        port=connection.port,
        ssl=connection.tls == TlsMode.SSL,
        ssl_context=context,
        timeout=settings.FASIT_IMAP_TIMEOUT,
    )
    if connection.tls == TlsMode.STARTTLS:
        client.starttls(context)
    return client


def _folders(client: IMAPClient, connection: MailConnection) -> list[str]:
    chosen = [f.strip() for f in connection.folders.split(",") if f.strip()]
    if chosen:
        return chosen
    sent = client.find_special_folder(SENT)
    return ["INBOX", *([sent] if sent else [])]


def _sync_folder(
    client: IMAPClient, connection: MailConnection, context: CaptureContext, folder: str,
    result: SyncResult, notices: list[str],
) -> None:
    info = client.select_folder(folder, readonly=True)
    validity = int(info[b"UIDVALIDITY"])
    position = connection.state.get(folder, {})
    last = int(position.get("uid", 0)) if position.get("uidvalidity") == validity else 0
    uid_next = info.get(b"UIDNEXT")
    if uid_next is not None and int(uid_next) <= last + 1:
        return  # nothing new, and no SEARCH needed to know it
    # "N:*" always includes the newest message, even when its UID is below N.
    uids = sorted(u for u in client.search(["UID", f"{last + 1}:*"]) if u > last)
    part = b"BODY.PEEK[]" if context.store_body else b"BODY.PEEK[HEADER]"
    key = part.replace(b".PEEK", b"")
    context.source_detail = f"{connection.username} · {folder}"[:255]
    for start in range(0, len(uids), BATCH):
        batch = uids[start : start + BATCH]
        fetched = client.fetch(batch, [part])
        # One transaction per batch, a savepoint per message: a message that fails
        # rolls back alone, and the position is saved with what it covers.
        with transaction.atomic():
            for uid in batch:
                raw = fetched.get(uid, {}).get(key)
                result.read += 1
                if not raw:
                    continue
                try:
                    message = parse_message(raw, with_body=context.store_body)
                except MailError as exc:
                    result.skipped += 1
                    notices.append(
                        _("%(folder)s, message %(uid)s: %(reason)s")
                        % {"folder": folder, "uid": uid, "reason": mail_error_reason(exc)}
                    )
                    logger.warning("Mailbox %s: %s UID %s skipped: %s", connection.pk, folder, uid, exc)
                    continue
                try:
                    outcome = capture_mail(context=context, message=message)
                except ValidationError as error:
                    # A value the conversation refuses: skip this one, keep the sync going.
                    result.skipped += 1
                    notices.append(
                        _("%(folder)s, message %(uid)s: %(reason)s")
                        % {"folder": folder, "uid": uid, "reason": "; ".join(error.messages)}
                    )
                    continue
                if outcome in (Outcome.CAPTURED, Outcome.JOINED):
                    result.captured += 1
            connection.state[folder] = {"uidvalidity": validity, "uid": batch[-1]}
            MailConnection.objects.filter(pk=connection.pk).update(state=connection.state)


def sync_mailbox(connection: MailConnection) -> SyncResult:
    """Read what is new in one mailbox. Never raises for a connection problem: the
    message is stored on the connection and logged."""
    result = SyncResult(connection_id=connection.pk)
    notices: list[str] = []
    try:
        try:
            password = crypto.decrypt(connection.password_encrypted)
        except crypto.KeyMissing:
            raise SyncFailed(
                _("The operator has not set %(variable)s, so the password cannot be read.")
                % {"variable": "FASIT_CAPTURE_KEY"}
            ) from None
        if password is None:
            raise SyncFailed(
                _("The stored password cannot be read (the key changed). Enter it again.")
            )
        context = CaptureContext.build(
            team=connection.team,
            user=connection.user,
            source=Source.IMAP,
            owner_addresses=[connection.username],
        )
        try:
            client = _open(connection)
        except ssl.SSLError as exc:
            raise SyncFailed(
                _("The secure connection to %(host)s failed: %(reason)s")
                % {"host": connection.host, "reason": getattr(exc, "reason", None) or exc}
            ) from None
        except OSError as exc:
            raise SyncFailed(
                _("Cannot reach %(host)s on port %(port)s: %(reason)s")
                % {"host": connection.host, "port": connection.port, "reason": exc}
            ) from None
        with client:
            try:
                client.login(connection.username, password)
            except LoginError:
                raise SyncFailed(
                    _("The server refused the user name or password. Many providers need an "
                      "app password for IMAP.")
                ) from None
            for folder in _folders(client, connection):
                try:
                    _sync_folder(client, connection, context, folder, result, notices)
                except IMAPClientError as exc:
                    notices.append(
                        _("The folder %(folder)s cannot be read: %(reason)s")
                        % {"folder": folder, "reason": exc}
                    )
    except SyncFailed as exc:
        result.error = str(exc)
    except (IMAPClientError, OSError, ssl.SSLError) as exc:
        result.error = _("The connection to %(host)s failed: %(reason)s") % {
            "host": connection.host,
            "reason": exc,
        }
    now = timezone.now()
    if result.error:
        logger.warning("Mailbox %s (%s) sync failed: %s", connection.pk, connection, result.error)
        MailConnection.objects.filter(pk=connection.pk).update(
            last_error=result.error[:2000], last_error_at=now
        )
    else:
        connection.captured_count += result.captured
        MailConnection.objects.filter(pk=connection.pk).update(
            last_error="",
            last_sync_at=now,
            last_notice="\n".join(notices)[:4000],
            captured_count=connection.captured_count,
        )
    return result


def sync_all_mailboxes(*, team: Team | None = None) -> list[SyncResult]:
    """Every connected mailbox in turn; one user's failure never stops the others."""
    connections = MailConnection.objects.select_related("team", "user").order_by("id")
    if team is not None:
        connections = connections.filter(team=team)
    results = []
    for connection in connections:
        try:
            results.append(sync_mailbox(connection))
        except Exception as exc:  # a bug in one mailbox's data must not stop the rest
            logger.exception("Mailbox %s sync crashed", connection.pk)
            MailConnection.objects.filter(pk=connection.pk).update(
                last_error=_("The sync stopped with an internal error: %(error)s")
                % {"error": exc},
                last_error_at=timezone.now(),
            )
            results.append(SyncResult(connection_id=connection.pk, error=str(exc)))
    return results
