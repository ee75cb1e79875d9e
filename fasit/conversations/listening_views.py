"""Listening: the card on a conversation, correcting who is who in a transcript,
and the Listening pages (the team's and each seller's trends)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from fasit.conversations import listening, selectors, services
from fasit.conversations.charts import Series, line_chart
from fasit.conversations.forms import SpeakerMappingForm
from fasit.conversations.listening import (
    QUESTIONS_HIGH,
    QUESTIONS_LOW,
    TOP_PCT,
    WARNING_PCT,
    clock,
)
from fasit.conversations.models import Conversation
from fasit.core.cache import team_cached
from fasit.core.formatting import format_percent
from fasit.core.forms import add_service_errors
from fasit.tenancy.access import get_for_team_or_404, team_required, write_required
from fasit.tenancy.selectors import team_users

TREND_MONTHS = 12


def card_context(conversation: Conversation) -> dict[str, Any]:
    """What ``_listening_card.html`` needs; also used by the conversation page."""
    analysis = selectors.conversation_listening(conversation)
    return {
        "conversation": conversation,
        "listening": listening.card(analysis) if analysis is not None else None,
    }


@team_required
def listening_card(request: HttpRequest, pk: int) -> HttpResponse:
    """The card alone: htmx polls it every 2 s while the analysis runs."""
    conversation = get_for_team_or_404(Conversation.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    return render(request, "conversations/_listening_card.html", card_context(conversation))


@write_required
def transcript_speakers(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct who each transcript speaker is; the analysis runs again."""
    team = request.team  # type: ignore[attr-defined]
    conversation = get_for_team_or_404(Conversation.objects.select_related("account"), team, pk=pk)
    analysis = selectors.conversation_listening(conversation)
    if analysis is None:
        raise Http404
    form = SpeakerMappingForm(
        request.POST or None,
        analysis=analysis,
        team=team,
        people=selectors.speaker_candidates(conversation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.transcript_speakers_map(
                analysis=analysis, actor=request.user, mapping=form.mapping()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved. The listening analysis runs again."))
            return redirect("conversations:detail", pk=conversation.pk)
    return render(
        request,
        "conversations/transcript_speakers.html",
        {"conversation": conversation, "analysis": analysis, "form": form},
    )


def _months(end: dt.date, count: int) -> list[dt.date]:
    year, month = end.year, end.month
    months = []
    for _i in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def trend_since(today: dt.date) -> dt.date:
    """The first day of the Listening pages' trend: TREND_MONTHS months up to today's."""
    return _months(today, TREND_MONTHS)[0]


def _trends(rows: list[dict[str, Any]]) -> dict[str, Any]:
    today = timezone.localdate()
    by_month = {r["month"].date() if hasattr(r["month"], "date") else r["month"]: r for r in rows}
    months = _months(today, TREND_MONTHS)
    if by_month:
        first = min(by_month)
        months = [m for m in months if m >= first] or months[-1:]

    def values(key: str, factor: float = 1.0) -> list[float | None]:
        return [
            None
            if by_month.get(m) is None or by_month[m][key] is None
            else round(by_month[m][key] * factor, 1)
            for m in months
        ]

    talk = line_chart(
        months,
        [Series(_("Our talk share"), values("talk_share", 100))],
        fmt=lambda v: format_percent(v),
        y_max=100,
        references=[
            (TOP_PCT, _("%(pct)s%% top performers") % {"pct": TOP_PCT}, "ref-good"),
            (WARNING_PCT, _("%(pct)s%% converts less") % {"pct": WARNING_PCT}, "ref-bad"),
        ],
    )
    questions = line_chart(
        months,
        [
            Series(_("Questions"), values("questions"), "series-a"),
            Series(_("Open questions"), values("open_questions"), "series-b"),
        ],
        fmt=lambda v: f"{v:.0f}",
        band=(
            QUESTIONS_LOW,
            QUESTIONS_HIGH,
            _("%(low)s–%(high)s questions") % {"low": QUESTIONS_LOW, "high": QUESTIONS_HIGH},
        ),
    )
    monologue = line_chart(
        months,
        [Series(_("Longest monologue"), values("monologue_seconds"))],
        fmt=lambda v: clock(v),
    )
    table = [
        {
            "month": m,
            "row": by_month.get(m),
            "monologue": clock(by_month[m]["monologue_seconds"]) if m in by_month else "",
        }
        for m in reversed(months)
        if m in by_month
    ]
    return {
        "talk_chart": talk,
        "questions_chart": questions,
        "monologue_chart": monologue,
        "months": table,
    }


def _latest(analyses: Any) -> list[dict[str, Any]]:
    return [
        {
            "analysis": a,
            "talk_pct": listening.pct(a.seller_talk_share),
            "monologue": clock(a.longest_monologue_seconds),
            "sellers": [s for s in a.speakers.all() if s.user_id],
        }
        for a in analyses
    ]


def _listening_page(request: HttpRequest, seller: Any) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]

    def body() -> SafeString:
        since = trend_since(timezone.localdate())
        return render_to_string(
            "conversations/listening.html#body",
            {
                "seller": seller,
                "sellers": selectors.listening_sellers(team),
                "latest": _latest(selectors.latest_analysed(team, user=seller)),
                **_trends(selectors.listening_months(team, user=seller, since=since)),
            },
            request=request,
        )

    # Charts, the monthly table and the latest meetings change only with the team's
    # data: rendered once per change (and seller, time zone: months are local).
    name = (
        f"listening-html:{seller.pk if seller else 'team'}:{timezone.get_current_timezone_name()}"
    )
    return render(
        request,
        "conversations/listening.html",
        {"seller": seller, "body_html": team_cached(team, name, body)},
    )


@team_required
def listening_team(request: HttpRequest) -> HttpResponse:
    return _listening_page(request, None)


@team_required
def listening_user(request: HttpRequest, user_id: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    seller = team_users(team).filter(pk=user_id).first()
    if seller is None:
        raise Http404
    return _listening_page(request, seller)
