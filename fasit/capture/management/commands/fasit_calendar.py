"""``fasit calendar sync [--team SLUG] [--enqueue]``: read the subscribed calendars."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fasit.tenancy.models import Team


class Command(BaseCommand):
    help = "Captured meetings: fetch and read every subscribed calendar."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("subcommand", nargs="?", help="sync")
        parser.add_argument("--team", help="only this team's calendars")
        parser.add_argument("--enqueue", action="store_true", help="hand it to the worker")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] != "sync":
            raise CommandError("use: fasit calendar sync [--team SLUG] [--enqueue]")
        slug = options["team"]
        team = None
        if slug:
            team = Team.objects.filter(slug=slug).first()
            if team is None:
                raise CommandError(f"No team with the slug {slug!r}.")
        if options["enqueue"]:
            from fasit.capture.tasks import sync_calendars_task

            sync_calendars_task.enqueue(slug)
            self.stdout.write("Queued the calendar sync for the worker.")
            return
        from fasit.capture.calendars import sync_all_calendars

        totals = sync_all_calendars(team=team)
        self.stdout.write(f"{totals['calendars']} calendars read, {totals['failed']} failed.")
