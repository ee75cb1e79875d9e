"""``fasit report buying [--team SLUG] [--json]``.

The ``fasit_report`` management command owns the ``report`` word; it hooks this
report in with ``add_buying_arguments(subparser)`` and ``run_buying(options)``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from fasit.buying import selectors
from fasit.tenancy.models import Team


def add_buying_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--team", metavar="SLUG", help=_("the team (default: the only team)"))
    parser.add_argument("--json", action="store_true", help=_("machine-readable output"))


def resolve_team(slug: str | None) -> Team:
    if slug:
        team = Team.objects.filter(slug=slug).first()
        if team is None:
            raise CommandError(_("No team with the slug %(slug)s.") % {"slug": slug})
        return team
    teams = list(Team.objects.all()[:2])
    if len(teams) != 1:
        raise CommandError(_("There are several teams (or none); choose one with --team SLUG."))
    return teams[0]


def buying_rows(team: Team, *, today: dt.date | None = None) -> list[dict[str, Any]]:
    rows = []
    for a in selectors.assess(team, selectors.journey_list(team), today=today):
        j = a.journey
        rows.append(
            {
                "account": j.account.name,
                "title": j.title,
                "category": j.process.category.name if j.process.category_id else None,
                "stage": a.stage.name,
                "stage_index": a.stage_index,
                "stages_total": a.stages_total,
                "days_in_stage": a.days_in_stage,
                "seller_probability": j.forecast_probability,
                "reality_gap": bool(a.gap and a.gap.flagged),
                "reasons": [*a.gap_reasons, *a.risk_reasons],
                "status_quo_risk": a.risk.level if a.risk else None,
            }
        )
    return rows


def report_buying(*, team: Team, as_json: bool, today: dt.date | None = None) -> str:
    """Every open journey: the buyer's stage, the seller's probability, the gap and the
    status-quo risk with their reasons (gap reasons first)."""
    rows = buying_rows(team, today=today)
    if as_json:
        return json.dumps({"journeys": rows}, ensure_ascii=False, indent=2)
    if not rows:
        return _("No open buying journeys in %(team)s.") % {"team": team.name}
    lines = []
    for row in rows:
        probability = "–" if row["seller_probability"] is None else f"{row['seller_probability']} %"
        flag = _("GAP") if row["reality_gap"] else ""
        lines.append(
            f"{row['account']} · {row['title']}\n"
            f"  {row['stage']} ({row['stage_index'] + 1}/{row['stages_total']}, "
            + _("%(days)s days") % {"days": row["days_in_stage"]}
            + f") · {_('seller')} {probability} · {_('risk')} {row['status_quo_risk']} {flag}".rstrip()
        )
        lines.extend(f"  - {reason}" for reason in row["reasons"])
    gaps = sum(1 for row in rows if row["reality_gap"])
    lines.append(
        _("%(n)s open journeys, %(gaps)s with a reality gap.") % {"n": len(rows), "gaps": gaps}
    )
    return "\n".join(lines)


def run_buying(options: dict[str, Any]) -> str:
    return report_buying(team=resolve_team(options.get("team")), as_json=bool(options.get("json")))
