"""``fasit report buying [--team SLUG] [--json]``.

The ``fasit_report`` management command owns the ``report`` word; it hooks this
report in with ``add_buying_arguments(subparser)`` and ``run_buying(options)``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.buying import selectors
from fasit.buying.reasons import ReasonTexts
from fasit.core.formatting import format_percent
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
    """Judged from plain rows: every open journey is in the report, so none is loaded
    as a model instance."""
    today = today or timezone.localdate()
    rows = []
    # A reason's sentence depends only on the reason (in this call's language): the
    # same ones recur over thousands of journeys, and each one's dates and
    # translations cost more than judging the journey (scale 100: ~6,000 reasons).
    text = ReasonTexts()
    for j in selectors.judge_open(
        team,
        selectors.journey_list(team),
        extra=("account__name", "title", "process__category__name"),
        today=today,
    ):
        since, probability = j.row[3], j.row[4]
        account, title, category = j.row[6:9]
        gap_reasons = [text(r) for r in j.gap.reasons] if j.gap else []
        rows.append(
            {
                "account": account,
                "title": title,
                "category": category,
                "stage": j.frame.stages[j.stage_index].name,
                "stage_index": j.stage_index,
                "stages_total": len(j.frame.stages),
                "days_in_stage": (today - since).days,
                "seller_probability": probability,
                "reality_gap": bool(j.gap and j.gap.flagged),
                "reasons": [*gap_reasons, *(text(r) for r in j.risk.reasons)],
                "status_quo_risk": j.risk.level,
            }
        )
    return rows


def _scalar(value: Any) -> str:
    """One value as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


def rows_json(rows: list[dict[str, Any]]) -> str:
    """``json.dumps({"journeys": rows}, ensure_ascii=False, indent=2)``, the same text,
    for rows of scalars and lists of scalars. With ``indent`` the standard library
    encodes in Python, not C: at scale 100 (~4,700 journeys, ~235,000 values) that was
    a third of the report's CPU. Rows of another shape go to ``json.dumps``."""
    if not rows:
        return '{\n  "journeys": []\n}'
    parts = ['{\n  "journeys": [\n']
    for i, row in enumerate(rows):
        if not row:
            return json.dumps({"journeys": rows}, ensure_ascii=False, indent=2)
        parts.append("    {\n" if i == 0 else ",\n    {\n")
        fields = []
        for key, value in row.items():
            if not isinstance(key, str):
                return json.dumps({"journeys": rows}, ensure_ascii=False, indent=2)
            if isinstance(value, list):
                if not value:
                    written = "[]"
                elif any(isinstance(v, (list, dict, tuple)) for v in value):
                    return json.dumps({"journeys": rows}, ensure_ascii=False, indent=2)
                else:
                    written = (
                        "[\n        " + ",\n        ".join(_scalar(v) for v in value) + "\n      ]"
                    )
            elif isinstance(value, (dict, tuple)):
                return json.dumps({"journeys": rows}, ensure_ascii=False, indent=2)
            else:
                written = _scalar(value)
            fields.append(f"      {encode_basestring(key)}: {written}")
        parts.append(",\n".join(fields))
        parts.append("\n    }")
    parts.append("\n  ]\n}")
    return "".join(parts)


def report_buying(*, team: Team, as_json: bool, today: dt.date | None = None) -> str:
    """Every open journey: the buyer's stage, the seller's probability, the gap and the
    status-quo risk with their reasons (gap reasons first)."""
    rows = buying_rows(team, today=today)
    if as_json:
        return rows_json(rows)
    if not rows:
        return _("No open buying journeys in %(team)s.") % {"team": team.name}
    lines = []
    for row in rows:
        probability = (
            "–" if row["seller_probability"] is None else format_percent(row["seller_probability"])
        )
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
