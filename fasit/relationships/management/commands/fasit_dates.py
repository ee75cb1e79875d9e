"""`fasit dates upcoming [--team SLUG] [--days N] [--json]`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from fasit.relationships import reports
from fasit.relationships.management.commands._common import parse_date, resolve_team

MAX_DAYS = 366


class Command(BaseCommand):
    help = "Important dates: `upcoming` lists birthdays, anniversaries, name days and more."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("subcommand", nargs="?", help="upcoming")
        parser.add_argument("--team", help="team slug (default: the only team)")
        parser.add_argument("--days", default="14", help="days ahead, 0-366 (default 14)")
        parser.add_argument("--date", help="count from this day, YYYY-MM-DD (default: today)")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] != "upcoming":
            raise CommandError(
                f"Unknown subcommand {options['subcommand']!r}; use: fasit dates upcoming "
                "[--team SLUG] [--days N] [--json]"
            )
        try:
            days = int(options["days"])
        except ValueError:
            raise CommandError(f"--days must be a whole number, got {options['days']!r}.") from None
        if not 0 <= days <= MAX_DAYS:
            raise CommandError(f"--days must be from 0 to {MAX_DAYS}, got {days}.")
        team = resolve_team(options["team"])
        today = parse_date(options["date"]) if options["date"] else timezone.localdate()
        rows = reports.upcoming_rows(team, today=today, days=days)
        if options["json"]:
            keys = ("person", "account", "kind", "date", "days_until")
            self.stdout.write(
                json.dumps({"dates": [{k: r[k] for k in keys} for r in rows]}, ensure_ascii=False)
            )
            return
        self.stdout.write(f"Upcoming dates — {team.name}, {today.isoformat()} + {days} days")
        for r in rows:
            extra = f" ({r['label']})" if r["label"] else ""
            years = f", {r['years']} years" if r["years"] else ""
            self.stdout.write(
                f"{r['date']}  in {r['days_until']:>3} d  {r['kind']:<16} {r['person']}{extra}{years}"
                f"  — {r['account'] or ''}"
            )
        if not rows:
            self.stdout.write("Nothing in that window.")
