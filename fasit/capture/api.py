"""The "Mail and calendar" page over the API: the caller's own mailbox, BCC address,
calendar subscriptions and private contacts, the team's body setting (owners), and
the e-mail upload of an account's or a person's page. Every write goes through the
page's services (``capture.imap``, ``capture.smtp``, ``capture.calendars``,
``capture.services``, ``capture.uploads``); like the page, it is for members who
write (a viewer's answer is 403). Another user's mailbox, address, calendars and
private contacts are never reached: each is looked up as the caller's own."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Router, Status
from ninja.files import UploadedFile

from fasit.capture import calendars, imap, services, smtp
from fasit.capture.models import CalendarSource, Exclusion, MailAddress, MailConnection
from fasit.capture.schemas import (
    CalendarIn,
    CalendarOut,
    CalendarReportOut,
    CapturePageOut,
    CaptureReportOut,
    CaptureSettingsIn,
    CaptureSettingsOut,
    ExclusionIn,
    ExclusionOut,
    MailboxIn,
    MailboxOut,
    NewBccAddressOut,
)
from fasit.capture.tasks import sync_calendar_task, sync_mailbox_task
from fasit.capture.uploads import mail_upload
from fasit.core.api_utils import Id, require_owner, require_write
from fasit.customers.models import Account, Person
from fasit.tenancy.access import get_for_team_or_404

router = Router(tags=["capture"])

MAILBOX_FIELDS = tuple(MailboxOut.model_fields)
CALENDAR_FIELDS = tuple(CalendarOut.model_fields)


def _own(model: Any, request: HttpRequest) -> Any:
    return model.objects.for_team(request.team).filter(user=request.user)  # type: ignore[attr-defined]


def _own_or_404(model: Any, request: HttpRequest, pk: int) -> Any:
    """One of the caller's own rows in the team, else 404 (another user's too)."""
    return get_for_team_or_404(
        model.objects.filter(user=request.user).select_related("team"),
        request.team,  # type: ignore[attr-defined]
        pk=pk,
    )


def _mailbox_out(connection: MailConnection | None) -> dict[str, Any] | None:
    if connection is None:
        return None
    return {name: getattr(connection, name) for name in MAILBOX_FIELDS}


def _calendar_out(source: CalendarSource) -> dict[str, Any]:
    return {name: getattr(source, name) for name in CALENDAR_FIELDS}


def _settings_out(team: Any) -> dict[str, Any]:
    chosen = services.capture_settings(team)
    return {"store_body": chosen.store_body, "body_chars": chosen.body_chars}


@router.get("", response=CapturePageOut)
def capture_page(request: HttpRequest) -> Any:
    """Everything the page shows the caller: their mailbox (never its password), BCC
    address (its first characters), calendar subscriptions, private contacts and the
    team's body setting."""
    require_write(request)
    address = _own(MailAddress, request).first()
    return {
        "mail_domain": settings.FASIT_MAIL_DOMAIN,
        "mailbox": _mailbox_out(_own(MailConnection, request).first()),
        "bcc_address": (
            {"hint": address.hint, "created_at": address.created_at} if address else None
        ),
        "calendars": [_calendar_out(s) for s in _own(CalendarSource, request).order_by("id")],
        "private": [{"id": e.pk, "value": e.value} for e in _own(Exclusion, request)],
        "settings": _settings_out(request.team),  # type: ignore[attr-defined]
    }


@router.put("/mailbox", response=MailboxOut)
def connect_mailbox(request: HttpRequest, payload: MailboxIn) -> Any:
    """Connect the caller's mailbox, or change it (an empty ``password`` keeps the
    stored one). Its first sync starts in the background: follow ``last_sync_at`` and
    ``last_error`` with ``GET /api/capture``."""
    require_write(request)
    connection = imap.mailbox_connect(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        **payload.dict(),
    )
    sync_mailbox_task.enqueue(connection.pk)
    connection.refresh_from_db()
    return _mailbox_out(connection)


def _own_mailbox(request: HttpRequest) -> MailConnection:
    require_write(request)
    connection = _own(MailConnection, request).first()
    if connection is None:
        raise Http404(_("No mailbox is connected."))
    return connection


@router.post("/mailbox/sync", response={202: MailboxOut})
def sync_mailbox(request: HttpRequest) -> Status[Any]:
    """Read the caller's mailbox now (the page's "Sync now"), in the background. 404
    when no mailbox is connected."""
    connection = _own_mailbox(request)
    sync_mailbox_task.enqueue(connection.pk)
    connection.refresh_from_db()
    return Status(202, _mailbox_out(connection))


@router.delete("/mailbox", response={204: None})
def disconnect_mailbox(request: HttpRequest) -> Status[None]:
    """Disconnect the caller's mailbox (the stored password goes); what it captured
    stays."""
    imap.mailbox_disconnect(connection=_own_mailbox(request), actor=request.user)
    return Status(204, None)


@router.post("/bcc-address", response={201: NewBccAddressOut})
def new_bcc_address(request: HttpRequest) -> Status[Any]:
    """A new secret BCC/forward address for the caller, shown in this answer only; the
    previous one stops logging mail."""
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    address = smtp.bcc_address_create(team=team, user=request.user)
    row = _own(MailAddress, request).get()
    return Status(201, {"address": address, "hint": row.hint, "created_at": row.created_at})


@router.delete("/bcc-address", response={204: None})
def revoke_bcc_address(request: HttpRequest) -> Status[None]:
    """The caller's BCC address stops logging mail (404 when they have none)."""
    require_write(request)
    address = _own(MailAddress, request).first()
    if address is None:
        raise Http404(_("You have no BCC address."))
    smtp.bcc_address_revoke(address=address, actor=request.user)
    return Status(204, None)


@router.get("/calendars", response=list[CalendarOut])
def list_calendars(request: HttpRequest) -> Any:
    """The caller's calendar subscriptions and how their last read went."""
    require_write(request)
    return [_calendar_out(s) for s in _own(CalendarSource, request).order_by("id")]


@router.post("/calendars", response={201: CalendarOut})
def subscribe_calendar(request: HttpRequest, payload: CalendarIn) -> Status[Any]:
    """Subscribe to a calendar's ICS address (400 on ``url`` for a host Fasit may not
    fetch); it is read now in the background, then periodically. The same address
    again answers the existing subscription."""
    require_write(request)
    source = calendars.calendar_subscribe(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        url=payload.url,
    )
    sync_calendar_task.enqueue(source.pk)
    source.refresh_from_db()
    return Status(201, _calendar_out(source))


@router.delete("/calendars/{calendar_id}", response={204: None})
def unsubscribe_calendar(request: HttpRequest, calendar_id: Id) -> Status[None]:
    """Stop reading the calendar; the planned meetings it gave go, what it logged
    stays. Only one's own (another user's is a 404)."""
    source = _own_or_404(CalendarSource, request, calendar_id)
    require_write(request)
    calendars.calendar_unsubscribe(source=source, actor=request.user)
    return Status(204, None)


@router.post("/calendar-file", response=CalendarReportOut)
def upload_calendar(request: HttpRequest, file: File[UploadedFile]) -> Any:
    """Read an ``.ics`` file (``multipart/form-data``, field ``file``): past meetings
    with customers are logged, future ones shown as planned contact."""
    require_write(request)
    report = calendars.calendar_upload(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        name=file.name or "calendar.ics",
        content=b"".join(file.chunks()),
    )
    return {"logged": report.captured, "planned": report.planned, "counts": report.counts}


@router.get("/private", response=list[ExclusionOut])
def list_private(request: HttpRequest) -> Any:
    """The caller's private contacts: addresses and domains never captured for them."""
    require_write(request)
    return [{"id": e.pk, "value": e.value} for e in _own(Exclusion, request)]


@router.post("/private", response={201: ExclusionOut})
def add_private(request: HttpRequest, payload: ExclusionIn) -> Status[Any]:
    """Keep an address or a whole domain private (the same one again answers it)."""
    require_write(request)
    exclusion = services.exclusion_add(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        value=payload.value,
    )
    return Status(201, {"id": exclusion.pk, "value": exclusion.value})


@router.delete("/private/{exclusion_id}", response={204: None})
def remove_private(request: HttpRequest, exclusion_id: Id) -> Status[None]:
    exclusion = _own_or_404(Exclusion, request, exclusion_id)
    require_write(request)
    services.exclusion_remove(exclusion=exclusion, actor=request.user)
    return Status(204, None)


@router.get("/settings", response=CaptureSettingsOut)
def get_capture_settings(request: HttpRequest) -> Any:
    require_write(request)
    return _settings_out(request.team)  # type: ignore[attr-defined]


@router.put("/settings", response=CaptureSettingsOut)
def set_capture_settings(request: HttpRequest, payload: CaptureSettingsIn) -> Any:
    """Owners only: whether the beginning of e-mail bodies is kept, and how much."""
    require_owner(request)
    services.capture_settings_update(
        team=request.team,  # type: ignore[attr-defined]
        actor=request.user,
        store_body=payload.store_body,
        body_chars=payload.body_chars,
    )
    return _settings_out(request.team)  # type: ignore[attr-defined]


def _report(report: Any) -> dict[str, Any]:
    return {
        "name": report.name,
        "logged": report.captured,
        "counts": report.counts,
        "problems": report.problems,
    }


@router.post("/accounts/{account_id}/mail", response=CaptureReportOut)
def upload_account_mail(request: HttpRequest, account_id: Id, file: File[UploadedFile]) -> Any:
    """Log the messages of an ``.eml`` or ``.mbox`` file (multipart, field ``file``)
    as e-mail conversations with the account, as the account page's upload does."""
    account = get_for_team_or_404(Account.objects.all(), request.team, pk=account_id)  # type: ignore[attr-defined]
    require_write(request)
    return _report(
        mail_upload(
            team=request.team,  # type: ignore[attr-defined]
            user=request.user,
            name=file.name or "mail.eml",
            content=b"".join(file.chunks()),
            account=account,
        )
    )


@router.post("/people/{person_id}/mail", response=CaptureReportOut)
def upload_person_mail(request: HttpRequest, person_id: Id, file: File[UploadedFile]) -> Any:
    """The same for a person: logged at their account, with them in each conversation."""
    person = get_for_team_or_404(Person.objects.all(), request.team, pk=person_id)  # type: ignore[attr-defined]
    require_write(request)
    return _report(
        mail_upload(
            team=request.team,  # type: ignore[attr-defined]
            user=request.user,
            name=file.name or "mail.eml",
            content=b"".join(file.chunks()),
            person=person,
        )
    )
