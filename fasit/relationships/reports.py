"""Report rows shared by the CLI, the API and the views: plain dicts, JSON-ready."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fasit.relationships import selectors
from fasit.tenancy.models import Team


def being_on_rows(team: Team, *, today: dt.date, owner: Any = None) -> list[dict[str, Any]]:
    return [row_dict(row) for row in selectors.being_on(team, today=today, owner=owner)]


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
