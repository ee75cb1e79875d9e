from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from fasit.conversations.models import Conversation, FollowUp
from fasit.tenancy.models import Team


def conversation_list(
    team: Team | None,
    *,
    q: str = "",
    kind: str = "",
    account: Any = None,
    user: Any = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[Conversation]:
    conversations = Conversation.objects.for_team(team).select_related("account")
    if q:
        conversations = conversations.filter(
            Q(subject__icontains=q) | Q(notes__icontains=q) | Q(account__name__icontains=q)
        )
    if kind:
        conversations = conversations.filter(kind=kind)
    if account is not None:
        conversations = conversations.filter(account=account)
    if user is not None:
        conversations = conversations.filter(users=user)
    if since:
        conversations = conversations.filter(occurred_at__date__gte=since)
    if until:
        conversations = conversations.filter(occurred_at__date__lte=until)
    return conversations.prefetch_related("people", "users").order_by("-occurred_at", "-id")


def recent_conversations(team: Team | None) -> QuerySet[Conversation]:
    return conversation_list(team)


def open_follow_ups(team: Team | None, *, owner: Any = None) -> QuerySet[FollowUp]:
    follow_ups = FollowUp.objects.for_team(team).filter(done=False)
    if owner is not None:
        follow_ups = follow_ups.filter(owner=owner)
    return follow_ups.select_related("conversation__account", "owner").order_by("due_date", "id")
