from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fasit.search.documents import index_team
from fasit.tenancy.models import Team


class Command(BaseCommand):
    help = "Rebuild the search index of one team (--team SLUG) or of every team."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--team", help="The team's slug; every team when left out.")

    def handle(self, *args: Any, **options: Any) -> None:
        teams = Team.objects.order_by("pk")
        if options["team"]:
            teams = teams.filter(slug=options["team"])
            if not teams.exists():
                raise CommandError(f"No team with the slug {options['team']!r}.")
        for team in teams:
            started = time.perf_counter()
            counts = index_team(team)
            summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
            self.stdout.write(f"{team.slug}: {summary} ({time.perf_counter() - started:.1f} s)")
