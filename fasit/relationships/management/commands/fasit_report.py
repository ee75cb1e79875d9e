"""`fasit report REPORT …`: team reports on the command line.

A small dispatcher: each report is one function registered in REPORTS with its own
argument parser. Other apps add theirs (e.g. `buying`) the same way.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from fasit.buying.reports import add_buying_arguments, run_buying
from fasit.relationships import reports
from fasit.relationships.management.commands._common import parse_date, resolve_team

Report = Callable[[BaseCommand, argparse.Namespace], None]
REPORTS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Report]] = {}


def report(
    name: str, help_text: str, arguments: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Report], Report]:
    def register(func: Report) -> Report:
        REPORTS[name] = (help_text, arguments, func)
        return func

    return register


def _being_on_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--team", help="team slug (default: the only team)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--date", help="assess as of this day, YYYY-MM-DD (default: today)")


@report(
    "being-on", "accounts by revenue at risk: health, going dark, coverage", _being_on_arguments
)
def being_on(command: BaseCommand, options: argparse.Namespace) -> None:
    team = resolve_team(options.team)
    today = parse_date(options.date) if options.date else timezone.localdate()
    rows = reports.being_on_rows(team, today=today)
    if options.json:
        keys = (
            "name",
            "tier",
            "health",
            "going_dark",
            "days_since_our_contact",
            "norm_days",
            "people_on_record",
            "people_in_contact",
            "revenue_at_risk",
        )
        command.stdout.write(
            json.dumps({"accounts": [{k: r[k] for k in keys} for r in rows]}, ensure_ascii=False)
        )
        return
    command.stdout.write(f"Being on — {team.name}, {today.isoformat()}")
    header = f"{'account':<34} {'tier':<8} {'health':>6} {'dark':>4} {'days':>5} {'norm':>4} {'cover':>9} {'at risk':>13}"
    command.stdout.write(header)
    for r in rows:
        days = "—" if r["days_since_our_contact"] is None else str(r["days_since_our_contact"])
        at_risk = (
            "—" if r["revenue_at_risk"] is None else f"{r['revenue_at_risk']:,.0f} {r['currency']}"
        )
        command.stdout.write(
            f"{r['name'][:34]:<34} {r['tier']:<8} {r['health']:>6} {'yes' if r['going_dark'] else '':>4} "
            f"{days:>5} {r['norm_days']:>4} {r['people_in_contact']:>4}/{r['people_on_record']:<4} {at_risk:>13}"
        )


@report(
    "buying",
    "journeys: buyer stage, seller's forecast, reality gap, status-quo risk",
    add_buying_arguments,
)
def buying(command: BaseCommand, options: argparse.Namespace) -> None:
    command.stdout.write(run_buying(vars(options)))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        raise CommandError(message)


class Command(BaseCommand):
    help = "Team reports: " + ", ".join(REPORTS)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("report", nargs="?", help="one of: " + ", ".join(REPORTS))
        parser.add_argument("rest", nargs=argparse.REMAINDER, help="the report's own arguments")

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["report"]
        if name not in REPORTS:
            known = ", ".join(sorted(REPORTS))
            raise CommandError(
                f"Unknown report {name!r}; choose one of: {known}."
                if name
                else f"Name a report: {known}."
            )
        help_text, arguments, func = REPORTS[name]
        parser = _Parser(prog=f"fasit report {name}", description=help_text)
        arguments(parser)
        func(self, parser.parse_args(options["rest"]))
