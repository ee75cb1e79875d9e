"""Registering endpoints, emitting events and delivering them.

A delivery is a POST of JSON to the endpoint with ``Fasit-Signature: t=<unix
time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`` (the time
guards against replay: receivers refuse an old ``t``), ``Fasit-Event`` and
``Fasit-Delivery`` (the delivery's id, the same on every retry). A 2xx answer is
success; anything else, a timeout or a refused connection is retried with backoff for a
day after the event, and an endpoint that has failed for a whole day is disabled and
the team's owners are told by e-mail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import http.client
import ipaddress
import json
import logging
import secrets
import socket
import ssl
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from fasit.core.audit import audit_delete, audit_record
from fasit.core.db import id_slices
from fasit.core.models import AuditEvent
from fasit.tenancy.models import Membership, Role, Team
from fasit.webhooks.models import Event, Status, WebhookDelivery, WebhookEndpoint

log = logging.getLogger(__name__)

# Seconds to wait after the 1st, 2nd, … failed attempt; the last repeats until a day
# has passed since the event, when one final attempt is made.
BACKOFF = (60, 300, 1800, 7200, 21600, 43200)
GIVE_UP_AFTER = dt.timedelta(days=1)


def _check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        raise ValidationError({"url": _("The address has no valid port.")}) from None
    loopback = host == "localhost" or _is_loopback(host)
    allowed_http = parts.scheme == "http" and loopback and settings.FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK
    if not (parts.scheme == "https" and host) and not allowed_http:
        raise ValidationError({"url": _("Use an https:// address.")})
    # A name that does not resolve now is accepted: every delivery resolves it again
    # and refuses a private address then (DNS can change after registration anyway).
    try:
        public_address(host, port or (443 if parts.scheme == "https" else 80))
    except UnsafeAddress as exc:
        if exc.unresolved:
            return url
        raise ValidationError({"url": str(exc)}) from None
    return url


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class UnsafeAddress(Exception):
    """The endpoint's host is not a public address (or cannot be resolved)."""

    def __init__(self, message: str, *, unresolved: bool = False) -> None:
        super().__init__(message)
        self.unresolved = unresolved


def _public_ip(address: str) -> bool:
    """Public unicast only: no private, loopback, link-local (cloud metadata at
    169.254.169.254), shared (100.64/10), multicast, reserved or unspecified address.
    Loopback only when FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK is on (tests, development)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return bool(settings.FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK)
    return ip.is_global and not ip.is_multicast


def public_address(host: str, port: int) -> str:
    """The address to connect to for ``host``, checked: every address the name resolves
    to must be public (an attacker's name could mix one public and one private).
    Deliveries connect to exactly this address, so the name cannot be re-pointed at
    an internal service between the check and the connection (DNS rebinding)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise UnsafeAddress(
            _("The host name %(host)s could not be resolved.") % {"host": host}, unresolved=True
        ) from None
    addresses = [str(info[4][0]) for info in infos]
    refused = [a for a in addresses if not _public_ip(a)]
    if refused or not addresses:
        raise UnsafeAddress(
            _(
                "%(host)s leads to a private, local or reserved network address (%(ip)s): "
                "webhooks go to public addresses only."
            )
            % {"host": host, "ip": ", ".join(refused)}
        )
    return addresses[0]


@transaction.atomic
def endpoint_create(*, team: Team, actor: Any, url: str, events: list[str]) -> WebhookEndpoint:
    url = _check_url(url)
    events = sorted(set(events))
    if not events or not set(events) <= set(Event.values):
        raise ValidationError({"events": _("Choose at least one event.")})
    endpoint = WebhookEndpoint(
        team=team,
        url=url,
        events=events,
        secret="whsec_" + secrets.token_hex(24),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    endpoint.full_clean()
    endpoint.save()
    audit_record(
        team=team,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        instance=endpoint,
        changes={"url": [None, url], "events": [None, events]},
    )
    return endpoint


@transaction.atomic
def endpoint_delete(*, endpoint: WebhookEndpoint, actor: Any) -> None:
    audit_delete(team=endpoint.team, actor=actor, instance=endpoint)
    endpoint.delete()


@transaction.atomic
def endpoint_enable(*, endpoint: WebhookEndpoint, actor: Any) -> WebhookEndpoint:
    """Turn a disabled endpoint back on; deliveries start again with the next event."""
    endpoint.active = True
    endpoint.failing_since = None
    endpoint.disabled_at = None
    endpoint.save(update_fields=["active", "failing_since", "disabled_at", "updated_at"])
    audit_record(
        team=endpoint.team,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        instance=endpoint,
        changes={"active": [False, True]},
    )
    return endpoint


def emit(*, team_id: int, event: str, data: dict[str, Any]) -> list[WebhookDelivery]:
    """Queue ``event`` for each of the team's active endpoints that want it; sent after
    the surrounding transaction commits (nothing is sent for a change rolled back)."""
    endpoints = [
        e for e in WebhookEndpoint.objects.filter(team_id=team_id, active=True) if event in e.events
    ]
    if not endpoints:
        return []
    now = timezone.now()
    deliveries = []
    for endpoint in endpoints:
        delivery = WebhookDelivery(endpoint=endpoint, event=event, next_attempt_at=now)
        delivery.payload = {
            "id": str(delivery.uid),
            "type": event,
            "created_at": now.isoformat(),
            "data": data,
        }
        delivery.save()
        deliveries.append(delivery)
    ids = [d.pk for d in deliveries]
    transaction.on_commit(lambda: [_schedule(pk, None) for pk in ids])
    return deliveries


def _schedule(delivery_id: int, when: dt.datetime | None) -> None:
    from fasit.webhooks.tasks import deliver_task

    task = deliver_task
    if when is not None:
        if not task.get_backend().supports_defer:
            return  # `fasit webhooks` (the sweep, from cron) sends it when due
        task = task.using(run_after=when)
    try:
        task.enqueue(delivery_id)
    except Exception:  # the sweep retries; an event must not fail the user's change
        log.exception("could not queue webhook delivery %s", delivery_id)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address, whatever the name resolves to by then."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """TLS to the checked address; the certificate is verified for the host name."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def _post(endpoint: WebhookEndpoint, delivery: WebhookDelivery) -> tuple[int | None, str]:
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    timestamp = int(timezone.now().timestamp())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Fasit-Webhooks/1",
        "Fasit-Event": delivery.event,
        "Fasit-Delivery": str(delivery.uid),
        "Fasit-Signature": f"t={timestamp},v1={sign(endpoint.secret, timestamp, body)}",
    }
    parts = urlsplit(endpoint.url)
    https = parts.scheme == "https"
    if not https and not settings.FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK:
        return None, "http:// endpoints are for local testing only"
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if https else 80)
        # Checked again at every delivery: the name may point elsewhere since it was
        # registered. Redirects are not followed (a 3xx is a failed delivery).
        address = public_address(host, port)
        connection_class = _PinnedHTTPSConnection if https else _PinnedHTTPConnection
        connection = connection_class(
            host, port, address=address, timeout=settings.FASIT_WEBHOOK_TIMEOUT
        )
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            status = int(response.status)
            response.read(65536)
        finally:
            connection.close()
    except UnsafeAddress as exc:
        return None, str(exc)[:300]
    except (OSError, ValueError, http.client.HTTPException) as exc:
        return None, str(exc)[:300] or type(exc).__name__
    return status, "" if 200 <= status < 300 else f"HTTP {status}"


def deliver(delivery_id: int) -> WebhookDelivery | None:
    """One attempt at a delivery that is due; schedules the next or gives up."""
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update()
            .select_related("endpoint__team")
            .filter(pk=delivery_id, status__in=[Status.PENDING, Status.RETRYING])
            .first()
        )
        if delivery is None:
            return None
        endpoint = delivery.endpoint
        if not endpoint.active:
            delivery.status = Status.FAILED
            delivery.error = "endpoint disabled"
            delivery.next_attempt_at = None
            delivery.save(update_fields=["status", "error", "next_attempt_at"])
            return delivery
        delivery.attempts += 1
        delivery.next_attempt_at = None
        delivery.save(update_fields=["attempts", "next_attempt_at"])
    # The request runs outside the transaction: a slow receiver holds no lock.
    status_code, error = _post(endpoint, delivery)
    now = timezone.now()
    delivery.response_status = status_code
    delivery.error = error
    if status_code is not None and 200 <= status_code < 300:
        delivery.status = Status.DELIVERED
        delivery.delivered_at = now
        delivery.save(update_fields=["status", "response_status", "error", "delivered_at"])
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)
        return delivery
    deadline = delivery.created_at + GIVE_UP_AFTER
    if now >= deadline:
        delivery.status = Status.FAILED
    else:
        wait = BACKOFF[min(delivery.attempts, len(BACKOFF)) - 1]
        delivery.status = Status.RETRYING
        delivery.next_attempt_at = min(now + dt.timedelta(seconds=wait), deadline)
    delivery.save(update_fields=["status", "response_status", "error", "next_attempt_at"])
    WebhookEndpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=True).update(
        failing_since=now
    )
    endpoint.refresh_from_db()
    if endpoint.failing_since and now - endpoint.failing_since >= GIVE_UP_AFTER:
        endpoint_disable(endpoint=endpoint)
    elif delivery.status == Status.RETRYING:
        _schedule(delivery.pk, delivery.next_attempt_at)
    return delivery


@transaction.atomic
def endpoint_disable(*, endpoint: WebhookEndpoint) -> None:
    """After a day of failures: stop, give up what is queued, tell the owners."""
    endpoint.active = False
    endpoint.disabled_at = timezone.now()
    endpoint.save(update_fields=["active", "disabled_at", "updated_at"])
    endpoint.deliveries.filter(status__in=[Status.PENDING, Status.RETRYING]).update(
        status=Status.FAILED, next_attempt_at=None, error="endpoint disabled"
    )
    audit_record(
        team=endpoint.team,
        actor=None,
        action=AuditEvent.Action.UPDATE,
        instance=endpoint,
        changes={"active": [True, False]},
    )
    owners = Membership.objects.filter(team=endpoint.team, role=Role.OWNER).select_related("user")
    recipients = [m.user.email for m in owners if m.user.email]
    if recipients:
        with translation.override(endpoint.team.language):
            subject = _("Fasit stopped sending webhooks to %(url)s") % {"url": endpoint.url}
            text = _(
                "Every delivery to %(url)s has failed for a day, so Fasit has turned the "
                "endpoint off. Check the receiver, then turn it on again under Settings → "
                "Webhooks, where the delivery log shows what it answered."
            ) % {"url": endpoint.url}
        transaction.on_commit(lambda: send_mail(subject, text, None, recipients))


def due_deliveries(now: dt.datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        WebhookDelivery.objects.filter(
            status__in=[Status.PENDING, Status.RETRYING], next_attempt_at__lte=now
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:1000]
    )


def account_dark_sweep(team: Team, *, today: dt.date) -> int:
    """Send "account went dark" once for each account that started going dark since the
    last sweep (run daily, after the health snapshots are refreshed)."""
    from fasit.relationships import snapshots
    from fasit.webhooks.models import DarkAccount

    wanted = [
        e
        for e in WebhookEndpoint.objects.filter(team=team, active=True)
        if Event.ACCOUNT_WENT_DARK in e.events
    ]
    dark_now = {e.account_id: e for e in snapshots.ranking(team, today=today, going_dark=True)}
    known = set(DarkAccount.objects.for_team(team).values_list("account_id", flat=True))
    # Only the accounts that stopped going dark, a slice at a time: excluding every
    # dark account by id bound one parameter each (PostgreSQL stops at 65,535).
    for ids in id_slices(sorted(known - dark_now.keys())):
        DarkAccount.objects.for_team(team).filter(account_id__in=ids).delete()
    new = [pk for pk in dark_now if pk not in known]
    DarkAccount.objects.bulk_create([DarkAccount(account_id=pk, since=today) for pk in new])
    if wanted:
        for pk in new:
            with transaction.atomic():
                emit(team_id=team.pk, event=Event.ACCOUNT_WENT_DARK, data={"account_id": pk})
    return len(new)
