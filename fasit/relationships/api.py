from __future__ import annotations

from typing import Any, Literal

import orjson
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from fasit.core.api_utils import MAX_INT, Id, page_schema, require_owner, require_write
from fasit.core.cache import team_cached
from fasit.customers.models import Account, Person
from fasit.relationships import explain, reports, selectors, services
from fasit.relationships.models import CadenceNorm
from fasit.relationships.schemas import (
    AccountHealthOut,
    BeingOnOut,
    CadenceOut,
    DateOut,
    DaysIn,
    FeedKindsIn,
    KeyAccountOut,
    LoyaltyOut,
    NormIn,
    NormOut,
    PersonKnowledgeOut,
    ReminderIn,
    ReminderOut,
)
from fasit.tenancy.access import get_for_team_or_404

router = Router(tags=["relationships"])


BeingOnPage = page_schema(BeingOnOut, "BeingOnPage")


class BeingOnQuery(Schema):
    limit: int = Field(50, ge=1, le=500, description="Rows per page (1–500)")
    offset: int = Field(
        0, ge=0, le=MAX_INT, description="Rows of the ranking to skip (ignored with after)"
    )
    after: int | None = Field(
        None,
        ge=0,
        le=MAX_INT,
        description="Keyset cursor: the previous page's next_after (an account id); "
        "the page goes on after that account's place in the ranking",
    )


@router.get("/being-on", response=BeingOnPage)
def list_being_on(request: HttpRequest, params: Query[BeingOnQuery], mine: bool = False) -> Any:
    """The Being on page's list: each account's health, going dark, coverage and
    revenue at risk, in the page's order (revenue at risk in the team's currency
    first, then going dark, lower health, name; ``mine``: the caller's accounts only).
    Paged with ``limit`` and ``offset`` or ``after`` (``next_after`` of the previous
    page). An ``after`` that is not one of the list's accounts is a 404."""
    team = request.team  # type: ignore[attr-defined]
    today = timezone.localdate()
    owner = request.user if mine else None
    owner_key = owner.pk if owner is not None else ""
    # Ranked as the page ranks (stored snapshots, plain-row standings for the rest),
    # once per change of the team's data: every account assessed in full on every
    # request cost seconds of CPU at scale 100. Only the page's rows are assessed.
    order = team_cached(
        team,
        f"api-being-on:{owner_key}",
        lambda: reports.being_on_order(team, today=today, owner=owner),
    )
    offset = 0 if params.after is not None else params.offset
    if params.after is not None:
        try:
            ids = selectors.window(order, after=params.after, limit=params.limit)
        except selectors.UnknownCursor:
            raise Http404 from None
    else:
        ids = order[offset : offset + params.limit]

    def page() -> bytes:
        body = {
            "count": len(order),
            "next_after": ids[-1] if ids and ids[-1] != order[-1] else None,
            "items": reports.being_on_page(team, ids, today=today),
        }
        # Written from the plain rows, as the other lists are (core.api_utils
        # list_page); the rows are built to BeingOnOut and .ci/schemathesis checks them.
        return orjson.dumps(body)

    body = team_cached(
        team,
        f"api-being-on-page:{owner_key}:{params.after}:{offset}:{params.limit}",
        page,
    )
    return HttpResponse(body, content_type="application/json")


@router.get("/dates", response=list[DateOut])
def list_dates(request: HttpRequest, days: int = 14, mine: bool = False) -> Any:
    days = max(0, min(days, 366))
    return reports.upcoming_rows(
        request.team,  # type: ignore[attr-defined]
        today=timezone.localdate(),
        days=days,
        user=request.user if mine else None,
    )


@router.get("/accounts/{account_id}", response=AccountHealthOut)
def get_account_health(request: HttpRequest, account_id: Id) -> Any:
    team = request.team  # type: ignore[attr-defined]
    account = get_for_team_or_404(Account.objects.all(), team, pk=account_id)
    today = timezone.localdate()
    account_row = selectors.account_being_on(account, today=today)
    assessment = account_row.assessment
    knowledge = selectors.account_knowledge_rows(team, [account], today=today)[0].knowledge
    return {
        **reports.row_dict(account_row),
        "alerts": [explain.alert_sentence(a, account.name) for a in assessment.alerts],
        "knowledge_score": knowledge.score,
        "components": {k: round(v, 3) for k, v in assessment.components.present().items()},
    }


@router.get("/people/{person_id}", response=PersonKnowledgeOut)
def get_person_knowledge(request: HttpRequest, person_id: Id) -> Any:
    person = get_for_team_or_404(Person.objects.all(), request.team, pk=person_id)  # type: ignore[attr-defined]
    today = timezone.localdate()
    knowledge = selectors.person_knowledge_for(person, today=today)
    health = selectors.person_being_on(person, today=today)
    return {
        "person_id": person.pk,
        "score": knowledge.score,
        "missing": list(knowledge.missing),
        "stale": list(knowledge.stale),
        "gaps": explain.knowledge_gaps(knowledge, selectors.mapping.first_name(person.name)),
        "health": health.health,
        "trend": health.trend,
        "norm_days": health.norm_days,
        "days_since_our_contact": health.days_since_our_contact,
    }


@router.get("/norms", response=list[NormOut])
def list_norms(request: HttpRequest) -> Any:
    """The team's cadence norms per tier (days between real contacts)."""
    return list(
        CadenceNorm.objects.for_team(request.team).order_by("tier").values("tier", "days")  # type: ignore[attr-defined]
    )


@router.put("/norms/{tier}", response=NormOut)
def set_norm(
    request: HttpRequest, tier: Literal["key", "customer", "prospect"], payload: NormIn
) -> Any:
    """Set the team's norm for a tier (owners, as on the Being on page)."""
    require_owner(request)
    norm = services.cadence_norm_set(
        team=request.team,  # type: ignore[attr-defined]
        actor=request.user,
        tier=tier,
        days=payload.days,
    )
    return {"tier": norm.tier, "days": norm.days}


@router.put("/accounts/{account_id}/cadence", response=CadenceOut)
def set_account_cadence(request: HttpRequest, account_id: Id, payload: DaysIn) -> Any:
    """The account's own norm, overriding its tier's (null removes it)."""
    account = get_for_team_or_404(
        Account.objects.select_related("team"), request.team, pk=account_id
    )  # type: ignore[attr-defined]
    require_write(request)
    override = services.account_cadence_set(account=account, actor=request.user, days=payload.days)
    return {"days": override.days if override else None}


@router.put("/people/{person_id}/cadence", response=CadenceOut)
def set_person_cadence(request: HttpRequest, person_id: Id, payload: DaysIn) -> Any:
    """The person's own norm, overriding their account's (null removes it)."""
    person = get_for_team_or_404(Person.objects.select_related("team"), request.team, pk=person_id)  # type: ignore[attr-defined]
    require_write(request)
    override = services.person_cadence_set(person=person, actor=request.user, days=payload.days)
    return {"days": override.days if override else None}


def _reminders(request: HttpRequest, feed_url: str | None = None) -> dict[str, Any]:
    team = request.team  # type: ignore[attr-defined]
    setting = selectors.reminder_setting(team, request.user)
    feed = selectors.live_feed(team, request.user)
    return {
        "days_before": setting.days_before,
        "digest": setting.digest,
        "feed_kinds": list(setting.feed_kinds),
        "feed_live": feed is not None,
        "feed_created_at": feed.created_at if feed else None,
        "feed_last_fetched_at": feed.last_fetched_at if feed else None,
        "feed_url": feed_url,
    }


@router.get("/reminders", response=ReminderOut)
def get_reminders(request: HttpRequest) -> Any:
    """The caller's reminder settings (days ahead, daily digest) and calendar feed."""
    return _reminders(request)


@router.put("/reminders", response=ReminderOut)
def set_reminders(request: HttpRequest, payload: ReminderIn) -> Any:
    services.reminder_setting_update(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        actor=request.user,
        days_before=payload.days_before,
        digest=payload.digest,
    )
    return _reminders(request)


@router.put("/reminders/feed/kinds", response=ReminderOut)
def set_feed_kinds(request: HttpRequest, payload: FeedKindsIn) -> Any:
    """Which kinds of dates the caller's calendar feed holds."""
    services.reminder_feed_kinds_set(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        actor=request.user,
        kinds=list(payload.kinds),
    )
    return _reminders(request)


@router.post("/reminders/feed", response={201: ReminderOut})
def rotate_feed(request: HttpRequest) -> Status[Any]:
    """A new secret address for the caller's calendar feed (the old one stops at
    once). ``feed_url`` is in this answer only: Fasit keeps just its hash."""
    feed = services.calendar_feed_regenerate(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        actor=request.user,
    )
    url = request.build_absolute_uri(reverse("relationships:feed", args=[feed.token]))
    return Status(201, _reminders(request, feed_url=url))


@router.delete("/reminders/feed", response=ReminderOut)
def revoke_feed(request: HttpRequest) -> Any:
    """Stop the caller's calendar feed (its address answers 404 from then on)."""
    services.calendar_feed_revoke(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        actor=request.user,
    )
    return _reminders(request)


KeyAccountPage = page_schema(KeyAccountOut, "KeyAccountPage")


class KeyAccountQuery(Schema):
    limit: int = Field(50, ge=1, le=500, description="Rows per page (1–500)")
    after: int | None = Field(
        None,
        ge=0,
        le=MAX_INT,
        description="Keyset cursor: the previous page's next_after (an account id); "
        "the page goes on after that account's place in the ranking",
    )


@router.get("/key-accounts", response=KeyAccountPage)
def list_key_accounts(
    request: HttpRequest, params: Query[KeyAccountQuery], mine: bool = False
) -> Any:
    """The key accounts page: how well the team knows each key account's buying
    group, least known first (then by name), as the page ranks them (``mine``: the
    caller's accounts only). Health is in ``/being-on``. Paged with ``limit`` and
    ``after`` (``next_after`` of the previous page); ranked in the database from the
    scores stored each night, so an account whose score changes between two pages
    can move. An ``after`` that is not one of the list's accounts is a 404."""
    team = request.team  # type: ignore[attr-defined]
    today = timezone.localdate()
    owner = request.user if mine else None
    # Ranked once per change of the team's data (and day), in the database from the
    # stored scores; a page is then a slice of the cached order.
    order = team_cached(
        team,
        f"api-key-accounts:{owner.pk if owner is not None else ''}",
        lambda: selectors.key_account_order(team, today=today, owner=owner),
    )
    try:
        ids = selectors.window(order, after=params.after, limit=params.limit)
    except selectors.UnknownCursor:
        raise Http404 from None

    def page() -> bytes:
        body = {
            "count": len(order),
            "next_after": ids[-1] if ids and ids[-1] != order[-1] else None,
            "items": selectors.key_account_rows(team, ids, today=today),
        }
        # Written straight from the plain rows, as the other lists are (core.api_utils
        # list_page): validating 50 nested rows through the schema cost a third of the
        # request. The rows are built to KeyAccountOut; .ci/schemathesis checks them.
        return orjson.dumps(body)

    # Each page's JSON is kept like the page's HTML, until the team's data changes:
    # scoring 50 accounts' buying groups was most of a request's CPU.
    owner_key = owner.pk if owner is not None else ""
    body = team_cached(
        team, f"api-key-accounts-page:{owner_key}:{params.after}:{params.limit}", page
    )
    return HttpResponse(body, content_type="application/json")


@router.get("/loyalty", response=list[LoyaltyOut])
def list_loyalty(request: HttpRequest) -> Any:
    """The loyalty page: customers with a "customer since", longest first, their
    segment, latest revenue and whether it grew, and the page's prompt."""
    rows = selectors.loyalty(request.team, today=timezone.localdate())  # type: ignore[attr-defined]
    return [
        {
            "id": row["account"].pk,
            "name": row["account"].name,
            "customer_since": row["account"].customer_since,
            "years": row["years"],
            "segment": row["segment"],
            "revenue": str(row["revenue"]) if row["revenue"] is not None else None,
            "currency": row["currency"],
            "growing": row["growing"],
            "prompt": explain.loyalty_prompt(row["segment"], row["years"]),
        }
        for row in rows
    ]
