"""Report rows shared by the CLI, the API and the views: plain dicts, JSON-ready."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fasit.customers.models import Account
from fasit.relationships import selectors, snapshots
from fasit.tenancy.models import Team

#: accounts assessed in full per round by ``being_on_rows`` (bounded memory: a full
#: row keeps its account, people and assessment)
ROWS_CHUNK = 500


def being_on_rows(team: Team, *, today: dt.date, owner: Any = None) -> list[dict[str, Any]]:
    """Every account's row (or ``owner``'s), riskiest revenue first, for the CLI
    report: ranked as the page ranks them (``snapshots.ranking``: today's stored
    snapshots, plain-row standings for the rest), then assessed in full a chunk at a
    time in that order. The same rows and order as sorting ``selectors.being_on``'s
    full assessment of every account (``test_reports.py``), without holding
    thousands of full rows at once. A CLI run is one request: nothing is kept."""
    order = [e.account_id for e in snapshots.ranking(team, today=today, owner=owner)]
    rows: list[dict[str, Any]] = []
    for start in range(0, len(order), ROWS_CHUNK):
        ids = order[start : start + ROWS_CHUNK]
        full = {
            r.account.pk: r
            for r in selectors.being_on(
                team, today=today, accounts=Account.objects.for_team(team).filter(pk__in=ids)
            )
        }
        rows += [row_dict(full[pk]) for pk in ids if pk in full]
    return rows


def being_on_order(team: Team, *, today: dt.date, owner: Any = None) -> list[int]:
    """The ids of the team's accounts (or ``owner``'s) in the Being on page's default
    order (``snapshots.kept_ranking``, the page's own: revenue at risk in the team's
    currency, going dark, health, name), for the API's pages."""
    return [e.account_id for e in snapshots.kept_ranking(team, today=today, owner=owner)]


def being_on_page(team: Team, ids: list[int], *, today: dt.date) -> list[dict[str, Any]]:
    """The rows of these accounts, in this order, each assessed in full as the page's
    rows are (``snapshots.kept_rows``: kept until the account changes). An account
    gone since the order was taken has no row."""
    full = snapshots.kept_rows(team, ids, today=today)
    return [row_dict(full[pk]) for pk in ids if pk in full]


def row_dict(row: selectors.AccountRow) -> dict[str, Any]:
    a = row.assessment
    return {
        "id": row.account.pk,
        "name": row.account.name,
        "tier": row.account.tier,
        "health": a.health,
        "trend": a.trend,
        "going_dark": a.going_dark is not None,
        "days_since_our_contact": a.days_since_our_contact,
        "norm_days": a.norm_days,
        "people_on_record": a.coverage.on_record,
        "people_in_contact": a.coverage.in_contact,
        "people_still_reaching_out": a.going_dark.people_still_in_contact if a.going_dark else 0,
        "revenue": float(row.revenue) if row.revenue is not None else None,
        "currency": row.currency,
        "revenue_at_risk": float(a.revenue_at_risk) if a.revenue_at_risk is not None else None,
        "next_step": a.next_step.code,
    }


def upcoming_rows(
    team: Team, *, today: dt.date, days: int, user: Any = None
) -> list[dict[str, Any]]:
    return [
        {
            "person": r.person.name,
            "person_id": r.person.pk,
            "account": r.account.name if r.account else None,
            "kind": r.kind,
            "label": r.label,
            "date": r.date.isoformat(),
            "days_until": r.days_until,
            "years": r.years,
        }
        for r in selectors.upcoming_dates(team, today=today, days=days, user=user)
    ]
