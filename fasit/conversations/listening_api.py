"""The Listening pages over the API: the team's and one seller's monthly trend, the
sellers with analysed conversations and the latest analyses. The same selectors as
``listening_views``; each conversation's own result is ``/api/conversations/{id}/listening``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from fasit.conversations import selectors
from fasit.conversations.listening_views import trend_since
from fasit.core.api_utils import Id
from fasit.tenancy.selectors import team_users

router = Router(tags=["listening"])


class ListeningSellerOut(Schema):
    user_id: int
    username: str
    name: str
    conversations: int


class ListeningMonthOut(Schema):
    month: dt.date
    conversations: int
    talk_share: float | None
    open_questions: float | None
    questions: float | None
    monologue_seconds: float | None
    monologue_words: float | None


class LatestAnalysisOut(Schema):
    conversation_id: int
    title: str
    account_id: int | None
    occurred_at: dt.datetime
    talk_share: float | None
    open_questions: int | None
    closed_questions: int | None
    longest_monologue_seconds: float | None
    sellers: list[str] = []


class ListeningSummaryOut(Schema):
    user_id: int | None = None
    sellers: list[ListeningSellerOut]
    months: list[ListeningMonthOut]
    latest: list[LatestAnalysisOut]


def _summary(team: Any, seller: Any = None) -> dict[str, Any]:
    since = trend_since(timezone.localdate())
    return {
        "user_id": seller.pk if seller is not None else None,
        "sellers": [
            {
                "user_id": s["user"].pk,
                "username": s["user"].username,
                "name": s["user"].get_full_name(),
                "conversations": s["conversations"],
            }
            for s in selectors.listening_sellers(team)
        ],
        "months": selectors.listening_months(team, user=seller, since=since),
        "latest": [
            {
                "conversation_id": a.conversation_id,
                "title": a.conversation.title,
                "account_id": a.conversation.account_id,
                "occurred_at": a.conversation.occurred_at,
                "talk_share": a.seller_talk_share,
                "open_questions": a.seller_open_questions,
                "closed_questions": a.seller_closed_questions,
                "longest_monologue_seconds": a.longest_monologue_seconds,
                "sellers": [s.user.username for s in a.speakers.all() if s.user_id],
            }
            for a in selectors.latest_analysed(team, user=seller)
        ],
    }


@router.get("", response=ListeningSummaryOut)
def team_listening(request: HttpRequest) -> Any:
    """The team's Listening page: monthly averages of the analysed conversations over
    the last 12 months (talk share 0–1), the sellers and the 20 latest analyses."""
    return _summary(request.team)  # type: ignore[attr-defined]


@router.get("/sellers/{user_id}", response=ListeningSummaryOut)
def seller_listening(request: HttpRequest, user_id: Id) -> Any:
    """One seller's Listening page: the conversations in which they spoke (404 for
    someone not in your team)."""
    team = request.team  # type: ignore[attr-defined]
    seller = team_users(team).filter(pk=user_id).first()
    if seller is None:
        raise Http404
    return _summary(team, seller)
