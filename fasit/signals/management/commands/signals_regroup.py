from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fasit.signals.services import signals_regroup
from fasit.tenancy.models import Team


class Command(BaseCommand):
    help = (
        "Regroup all statements of a team into themes from scratch (people's decisions are kept)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--team", required=True, help="The team's slug.")

    def handle(self, *args: Any, **options: Any) -> None:
        team = Team.objects.filter(slug=options["team"]).first()
        if team is None:
            slugs = ", ".join(Team.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No team {options['team']!r}. Teams: {slugs or 'none'}")
        started = time.monotonic()
        themes = signals_regroup(team=team)
        self.stdout.write(
            f"Regrouped team {team.slug}: {themes} themes in {time.monotonic() - started:.1f} s."
        )
