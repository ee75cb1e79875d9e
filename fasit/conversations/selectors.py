from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from fasit.conversations.models import (
    AnalysisStatus,
    Conversation,
    FollowUp,
    ListeningAnalysis,
    SpeakerSide,
)
from fasit.customers.models import Person, PersonRole
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
    """The team's latest conversations as the home page and ``/api/home`` show them:
    time, kind, subject and account. Not ``conversation_list``: the participants and
    users it prefetches (two more queries) and the notes it reads are shown by neither."""
    return (
        Conversation.objects.for_team(team)
        .select_related("account")
        .only("id", "team_id", "kind", "subject", "occurred_at", "account__id", "account__name")
        .order_by("-occurred_at", "-id")
    )


def open_follow_ups(team: Team | None, *, owner: Any = None) -> QuerySet[FollowUp]:
    follow_ups = FollowUp.objects.for_team(team).filter(done=False)
    if owner is not None:
        follow_ups = follow_ups.filter(owner=owner)
    return follow_ups.select_related("conversation__account", "owner").order_by("due_date", "id")


def follow_up_list(
    team: Team | None, *, owner: Any = None, status: str = "open"
) -> QuerySet[FollowUp]:
    """The team's follow-ups: open (the default), done, or all of them."""
    follow_ups = FollowUp.objects.for_team(team).select_related("conversation__account", "owner")
    if status == "open":
        follow_ups = follow_ups.filter(done=False)
    elif status == "done":
        follow_ups = follow_ups.filter(done=True)
    if owner is not None:
        follow_ups = follow_ups.filter(owner=owner)
    return follow_ups


def people_around(conversation: Conversation) -> QuerySet[Person]:
    """The account's people and the conversation's participants, by name.

    Their ids are read first, each from its own index: one statement joining a team's
    people with every role and every conversation participant, filtered by an OR
    across the two joins, read the whole team (239 ms at ``--scale 100``, 1-2 s at
    ``--scale 1000`` on PostgreSQL, per transcript and per form)."""
    ids = set(
        PersonRole.objects.filter(account_id=conversation.account_id).values_list(
            "person_id", flat=True
        )
    )
    ids.update(
        Conversation.people.through.objects.filter(conversation_id=conversation.pk).values_list(
            "person_id", flat=True
        )
    )
    return Person.objects.for_team(conversation.team).filter(pk__in=ids).order_by("name")


def speaker_candidates(conversation: Conversation) -> list[Person]:
    """Whom a customer speaker in a transcript may be: the account's people and the
    conversation's participants."""
    return list(people_around(conversation))


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
    """Per calendar month (in the current time zone): how many analysed conversations
    and the averages of the stored key figures (the reports themselves are not read).

    Averaged here from plain rows rather than grouped by a date function in the
    database: SQLite cannot use an index through such a function and walked every
    conversation of the team to find a handful of analyses.
    """
    analyses = analysed(team, user=user)
    if since is not None:
        start = timezone.make_aware(dt.datetime.combine(since, dt.time()))
        analyses = analyses.filter(conversation__occurred_at__gte=start)
    rows = analyses.values_list(
        "conversation__occurred_at",
        "seller_talk_share",
        "seller_open_questions",
        "seller_closed_questions",
        "longest_monologue_seconds",
        "longest_monologue_words",
    )
    by_month: dict[dt.date, list[tuple[Any, ...]]] = defaultdict(list)
    for occurred_at, *figures in rows:
        local = timezone.localtime(occurred_at)
        by_month[dt.date(local.year, local.month, 1)].append(tuple(figures))

    def mean(values: Iterable[float | None]) -> float | None:
        present = [v for v in values if v is not None]
        return sum(present) / len(present) if present else None

    return [
        {
            "month": month,
            "conversations": len(items),
            "talk_share": mean(i[0] for i in items),
            "open_questions": mean(i[1] for i in items),
            "questions": mean(None if i[1] is None or i[2] is None else i[1] + i[2] for i in items),
            "monologue_seconds": mean(i[3] for i in items),
            "monologue_words": mean(i[4] for i in items),
        }
        for month, items in sorted(by_month.items())
    ]


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
