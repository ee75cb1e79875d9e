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
