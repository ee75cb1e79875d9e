"""`fasit manage fasit_digest [--team SLUG] [--date YYYY-MM-DD] [--force] [--enqueue]`:
send each member's daily digest (once a day; --force sends again)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from fasit.relationships.digest import send_daily_digests
from fasit.relationships.management.commands._common import parse_date, resolve_team
from fasit.tenancy.models import Team


class Command(BaseCommand):
    help = "Send the daily digest e-mail to every member who wants it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--team", help="team slug (default: every team)")
        parser.add_argument("--date", help="the digest's day, YYYY-MM-DD (default: today)")
        parser.add_argument("--force", action="store_true", help="send even if sent today")
        parser.add_argument(
            "--enqueue", action="store_true", help="hand it to the background worker instead"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        team: Team | None = resolve_team(options["team"]) if options["team"] else None
        today = parse_date(options["date"]) if options["date"] else timezone.localdate()
        if options["enqueue"]:
            from fasit.relationships.tasks import send_daily_digests_task

            result = send_daily_digests_task.enqueue(
                date=today.isoformat(), team_slug=team.slug if team else None
            )
            self.stdout.write(f"Enqueued digest task {result.id}.")
            return
        sent = send_daily_digests(today=today, team=team, force=options["force"])
        self.stdout.write(f"Sent {sent} digest e-mail(s) for {today.isoformat()}.")
