"""``fasit token --team SLUG --user NAME [--name N] [--scope read|write] [--expires D]``:
make a personal access token from the command line (for scripts and CI); prints the
secret, which is not stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from fasit.tenancy.models import Team
from fasit.tenancy.services import api_token_create


class Command(BaseCommand):
    help = "Make a personal API access token and print it (shown once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--team", required=True, help="team slug")
        parser.add_argument("--user", required=True, help="username of a team member")
        parser.add_argument("--name", default="command line")
        parser.add_argument("--scope", choices=["read", "write"], default="read")
        parser.add_argument("--expires", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        team = Team.objects.filter(slug=options["team"]).first()
        user = get_user_model().objects.filter(username=options["user"]).first()
        if team is None or user is None:
            raise CommandError("No such team or user.")
        try:
            _token, secret = api_token_create(
                team=team,
                user=user,
                actor=user,
                name=options["name"],
                scope=options["scope"],
                expires_on=options["expires"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        self.stdout.write(secret)
