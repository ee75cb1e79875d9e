"""Calendars: an uploaded ``.ics`` file or a subscribed calendar URL.

Past meetings whose attendees include the team's people become conversations
(meeting, or video call when a Teams, Zoom or Meet link is in the event), once per
occurrence (``ics:UID|RECURRENCE-ID``). Future meetings with customers are kept as
planned contact for the account page and the going-dark advice.

A subscription is fetched only over http(s) from a host the operator allows
(``FASIT_CALENDAR_HOSTS``), with a timeout and a size cap, and redirects are held to
the same rule.
"""

from __future__ import annotations

import datetime as dt
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.capture.models import CalendarSource, PlannedMeeting, Source
from fasit.capture.services import CaptureContext, Outcome, _claim
from fasit.conversations.models import Initiator, Kind
from fasit.conversations.services import conversation_log
from fasit.core.audit import audit_create, audit_delete
from fasit.core.services import require_writer
from fasit.customers.models import Person
from fasit.engine.capture import match_addresses
from fasit.engine.capture.calendar import CalendarError, CalendarEvent, read_calendar
from fasit.tenancy.models import Team

logger = logging.getLogger(__name__)

PAST_DAYS = 365
FUTURE_DAYS = 120


def calendar_error_message(error: CalendarError, name: str) -> str:
    reasons = {
        "empty": _("it is empty"),
    }
    reason = reasons.get(error.code, _("it is not an iCalendar (.ics) file Fasit can read"))
    return _("The calendar %(name)s cannot be read: %(reason)s.") % {"name": name, "reason": reason}


@dataclass
class CalendarReport:
    counts: dict[str, int] = field(default_factory=dict)
    planned: int = 0

    @property
    def captured(self) -> int:
        return self.counts.get(Outcome.CAPTURED, 0)


@transaction.atomic
def _capture_meeting(context: CaptureContext, event: CalendarEvent, match: Any) -> str:
    claimed = _claim(context, event.key, thread="", day=None)
    if isinstance(claimed, str):
        return context.count(claimed)
    team = context.team
    conversation = conversation_log(
        team=team,
        actor=context.user,
        account=context.account(match.account_id),
        occurred_at=event.starts_at,
        kind=Kind.VIDEO if event.video else Kind.MEETING,
        initiated_by=Initiator.US
        if match.from_us or event.organizer is None
        else Initiator.CUSTOMER,
        subject=event.summary[:200],
        people=Person.objects.for_team(team).filter(pk__in=match.person_ids),
        users=context.writers(match.user_ids),
    )
    claimed.conversation = conversation
    claimed.save(update_fields=["conversation"])
    return context.count(Outcome.CAPTURED)


def calendar_capture(
    *, team: Team, user: Any, raw: bytes, origin: str, source_detail: str
) -> CalendarReport:
    """Read a calendar for ``user``. Raises ``CalendarError`` when it cannot be read;
    then nothing is stored."""
    now = timezone.now()
    events = read_calendar(
        raw,
        start=now - dt.timedelta(days=PAST_DAYS),
        end=now + dt.timedelta(days=FUTURE_DAYS),
        zone=str(timezone.get_current_timezone()),
    )
    context = CaptureContext.build(
        team=team, user=user, source=Source.CALENDAR, source_detail=source_detail
    )
    assert context.directory is not None
    report = CalendarReport(counts=context.counts)
    planned = []
    for event in events:
        match = match_addresses(
            event.addresses,
            event.organizer,
            context.directory,
            owner_id=user.pk,
            owner_addresses=context.owner_addresses,
            excluded=context.excluded,
        )
        if match is None:
            context.count(Outcome.IGNORED)
        elif event.ends_at <= now:
            _capture_meeting(context, event, match)
        elif event.starts_at > now:
            planned.append(
                PlannedMeeting(
                    team=team,
                    user=user,
                    account_id=match.account_id,
                    key=event.key,
                    origin=origin,
                    starts_at=event.starts_at,
                    summary=event.summary[:200],
                    kind=Kind.VIDEO if event.video else Kind.MEETING,
                )
            )
        # A meeting under way is captured by the next read, once it is over.
    with transaction.atomic():
        PlannedMeeting.objects.for_team(team).filter(user=user, origin=origin).delete()
        PlannedMeeting.objects.bulk_create(planned, ignore_conflicts=True)
    report.planned = len(planned)
    return report


def calendar_upload(*, team: Team, user: Any, name: str, content: bytes) -> CalendarReport:
    require_writer(team, user=user)
    if len(content) > settings.FASIT_CALENDAR_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("The calendar %(name)s is larger than %(limit)s MB.")
                % {"name": name, "limit": settings.FASIT_CALENDAR_MAX_BYTES // 1024 // 1024}
            }
        )
    try:
        return calendar_capture(
            team=team, user=user, raw=content, origin="upload", source_detail=name[:255]
        )
    except CalendarError as exc:
        raise ValidationError({"file": calendar_error_message(exc, name)}) from None


class FetchError(Exception):
    pass


def _check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "webcal":  # Outlook's and Apple's name for the same https link
        scheme = "https"
    if scheme not in {"http", "https"}:
        raise FetchError(_("Only http and https calendar addresses can be subscribed to."))
    host = (parts.hostname or "").lower()
    allowed = {h.lower() for h in settings.FASIT_CALENDAR_HOSTS}
    if host not in allowed:
        raise FetchError(
            _("Calendars from %(host)s are not allowed here. Allowed: %(allowed)s.")
            % {"host": host or "—", "allowed": ", ".join(sorted(allowed)) or "—"}
        )
    return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))


class _Redirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> Any:
        _check_url(newurl)  # a redirect may not leave the allowed hosts either
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_calendar(url: str) -> bytes:
    url = _check_url(url)
    opener = urllib.request.build_opener(_Redirects())
    limit = settings.FASIT_CALENDAR_MAX_BYTES
    request = urllib.request.Request(url, headers={"User-Agent": "Fasit calendar sync"})
    try:
        with opener.open(request, timeout=settings.FASIT_CALENDAR_TIMEOUT) as response:
            content: bytes = response.read(limit + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(
            _("The calendar server answered %(status)s.") % {"status": exc.code}
        ) from None
    except TimeoutError:
        raise FetchError(
            _("The calendar server did not answer within %(seconds)s seconds.")
            % {"seconds": settings.FASIT_CALENDAR_TIMEOUT}
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(_("Cannot reach the calendar: %(reason)s") % {"reason": reason}) from None
    if len(content) > limit:
        raise FetchError(
            _("The calendar is larger than %(limit)s MB.") % {"limit": limit // 1024 // 1024}
        )
    return content


@transaction.atomic
def calendar_subscribe(*, team: Team, user: Any, url: str) -> CalendarSource:
    require_writer(team, user=user)
    try:
        _check_url(url)
    except FetchError as exc:
        raise ValidationError({"url": str(exc)}) from None
    existing = CalendarSource.objects.for_team(team).filter(user=user, url=url.strip()).first()
    if existing is not None:
        return existing
    source = CalendarSource(team=team, user=user, url=url.strip())
    source.full_clean()
    source.save()
    audit_create(team=team, actor=user, instance=source)
    return source


@transaction.atomic
def calendar_unsubscribe(*, source: CalendarSource, actor: Any) -> None:
    PlannedMeeting.objects.for_team(source.team).filter(
        user=source.user, origin=f"source:{source.pk}"
    ).delete()
    audit_delete(team=source.team, actor=actor, instance=source)
    source.delete()


def sync_calendar(source: CalendarSource) -> str:
    """Fetch and read one subscription; the error message, or "" when it worked. Never
    raises for a fetch or calendar problem."""
    error = ""
    try:
        raw = fetch_calendar(source.url)
        report = calendar_capture(
            team=source.team,
            user=source.user,
            raw=raw,
            origin=f"source:{source.pk}",
            source_detail=(urlsplit(source.url).hostname or "")[:255],
        )
    except FetchError as exc:
        error = str(exc)
    except CalendarError as exc:
        error = calendar_error_message(exc, urlsplit(source.url).hostname or source.url)
    now = timezone.now()
    if error:
        logger.warning("Calendar %s sync failed: %s", source.pk, error)
        CalendarSource.objects.filter(pk=source.pk).update(last_error=error, last_error_at=now)
    else:
        logger.info("Calendar %s: %s", source.pk, report.counts)
        CalendarSource.objects.filter(pk=source.pk).update(last_error="", last_sync_at=now)
    return error


def sync_all_calendars(*, team: Team | None = None) -> dict[str, int]:
    sources = CalendarSource.objects.select_related("team", "user").order_by("id")
    if team is not None:
        sources = sources.filter(team=team)
    totals = {"calendars": 0, "failed": 0}
    for source in sources:
        totals["calendars"] += 1
        try:
            failed = bool(sync_calendar(source))
        except Exception as exc:  # one calendar's bad data must not stop the others
            logger.exception("Calendar %s sync crashed", source.pk)
            CalendarSource.objects.filter(pk=source.pk).update(
                last_error=_("The sync stopped with an internal error: %(error)s") % {"error": exc},
                last_error_at=timezone.now(),
            )
            failed = True
        totals["failed"] += failed
    return totals
