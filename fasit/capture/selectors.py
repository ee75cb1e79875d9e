"""Reads for captured contact, team first."""

from __future__ import annotations

from typing import Any

from fasit.capture.models import (
    CalendarSource,
    CapturedItem,
    Exclusion,
    MailAddress,
    MailConnection,
)
from fasit.tenancy.models import Team


def user_exclusions(team: Team | None, user: Any) -> list[Exclusion]:
    return list(Exclusion.objects.for_team(team).filter(user=user))


def connection_context(team: Team | None, user: Any) -> dict[str, Any]:
    """What the "Mail and calendar" page shows of the user's own connections."""
    return {
        "mailbox": MailConnection.objects.for_team(team).filter(user=user).first(),
        "bcc_address": MailAddress.objects.for_team(team).filter(user=user).first(),
        "calendars": list(CalendarSource.objects.for_team(team).filter(user=user)),
    }


def conversation_origin(conversation: Any) -> CapturedItem | None:
    """Who captured a conversation and from where (its first captured message)."""
    return (
        CapturedItem.objects.for_team(conversation.team)
        .filter(conversation=conversation)
        .select_related("captured_by")
        .order_by("id")
        .first()
    )


def planned_meetings(account: Any, *, now: Any = None, limit: int = 5) -> list[Any]:
    """The account's booked meetings still to come, soonest first."""
    from django.utils import timezone

    from fasit.capture.models import PlannedMeeting

    return list(
        PlannedMeeting.objects.for_team(account.team)
        .filter(account=account, starts_at__gt=now or timezone.now())
        .select_related("user")
        .order_by("starts_at")[:limit]
    )


def next_meetings(team: Team | None, account_ids: list[int], *, now: Any = None) -> dict[int, Any]:
    """Account id -> when its next booked meeting starts (for the going-dark advice)."""
    from django.db.models import Min
    from django.utils import timezone

    from fasit.capture.models import PlannedMeeting

    rows = (
        PlannedMeeting.objects.for_team(team)
        .filter(account_id__in=account_ids, starts_at__gt=now or timezone.now())
        .values("account_id")
        .annotate(first=Min("starts_at"))
    )
    return {row["account_id"]: row["first"] for row in rows}
