"""Shared by the relationships commands: choosing the team, parsing dates, printing."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import CommandError

from fasit.tenancy.models import Team


def resolve_team(slug: str | None) -> Team:
    """The team named by ``slug``, or the only team; otherwise a clear error."""
    if slug:
        team = Team.objects.filter(slug=slug).first()
        if team is None:
            raise CommandError(f"No team with slug {slug!r}. Teams: {_slugs()}")
        return team
    teams = list(Team.objects.order_by("slug")[:2])
    if len(teams) == 1:
        return teams[0]
    if not teams:
        raise CommandError("There is no team yet (try `fasit demo --no-serve`).")
    raise CommandError(f"Several teams: choose one with --team SLUG. Teams: {_slugs()}")


def _slugs() -> str:
    return ", ".join(Team.objects.order_by("slug").values_list("slug", flat=True)) or "(none)"


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be YYYY-MM-DD, got {value!r}.") from None
