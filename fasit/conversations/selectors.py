from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Avg, Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth

from fasit.conversations.models import (
    AnalysisStatus,
    Conversation,
    FollowUp,
    ListeningAnalysis,
    SpeakerSide,
)
from fasit.customers.models import Person
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


def speaker_candidates(conversation: Conversation) -> list[Person]:
    """Whom a customer speaker in a transcript may be: the account's people and the
    conversation's participants."""
    return list(
        Person.objects.for_team(conversation.team)
        .filter(Q(roles__account=conversation.account_id) | Q(conversations=conversation))
        .distinct()
        .order_by("name")
    )


def conversation_listening(conversation: Conversation) -> ListeningAnalysis | None:
    return (
        ListeningAnalysis.objects.filter(conversation=conversation)
        .select_related("transcript", "conversation")
        .defer("transcript__content")
        .first()
    )


def analysed(team: Team | None, *, user: Any = None) -> QuerySet[ListeningAnalysis]:
    """The team's finished analyses that have someone of ours in them; with ``user``,
    those in which that user spoke as a seller."""
    analyses = ListeningAnalysis.objects.for_team(team).filter(
        status=AnalysisStatus.DONE, seller_talk_share__isnull=False
    )
    if user is not None:
        analyses = analyses.filter(
            pk__in=ListeningAnalysis.objects.filter(
                speakers__side=SpeakerSide.USER, speakers__user=user
            ).values("pk")
        )
    return analyses


def listening_months(
    team: Team | None, *, user: Any = None, since: dt.date | None = None
) -> list[dict[str, Any]]:
    """Per calendar month: how many analysed conversations and the averages of the
    stored key figures (the reports themselves are not read)."""
    analyses = analysed(team, user=user)
    if since is not None:
        analyses = analyses.filter(conversation__occurred_at__date__gte=since)
    return list(
        analyses.annotate(month=TruncMonth("conversation__occurred_at"))
        .values("month")
        .annotate(
            conversations=Count("pk"),
            talk_share=Avg("seller_talk_share"),
            open_questions=Avg("seller_open_questions"),
            questions=Avg(F("seller_open_questions") + F("seller_closed_questions")),
            monologue_seconds=Avg("longest_monologue_seconds"),
            monologue_words=Avg("longest_monologue_words"),
        )
        .order_by("month")
    )


def latest_analysed(
    team: Team | None, *, user: Any = None, limit: int = 20
) -> QuerySet[ListeningAnalysis]:
    return (
        analysed(team, user=user)
        .select_related("conversation__account")
        .defer("metrics")
        .prefetch_related("speakers__user")
        .order_by("-conversation__occurred_at", "-pk")[:limit]
    )


def listening_sellers(team: Team | None) -> list[dict[str, Any]]:
    """The team's users who spoke in analysed conversations, with how many."""
    from fasit.tenancy.selectors import team_users

    counts = dict(
        analysed(team)
        .filter(speakers__side=SpeakerSide.USER)
        .values_list("speakers__user")
        .annotate(n=Count("pk", distinct=True))
    )
    return [
        {"user": u, "conversations": counts[u.pk]} for u in team_users(team) if counts.get(u.pk)
    ]
