"""Background work for a scheduler (cron, systemd timer) to enqueue each night or
morning: the daily digest (``send_daily_digests_task``, or ``fasit manage
fasit_digest``) and the accounts' health snapshots that order the Being on page
(``refresh_account_health_task``), with the people's knowledge scores that rank the key
accounts. ``fasit worker`` runs that refresh itself at each local day change
(``daily.py``); the task stays for cron and for a refresh at any other time."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from fasit.relationships import daily, snapshots
from fasit.relationships.digest import send_daily_digests
from fasit.tenancy.models import Team


@task()
def send_daily_digests_task(date: str | None = None, team_slug: str | None = None) -> int:
    # Arguments are JSON-friendly: the database backend stores them.
    today = dt.date.fromisoformat(date) if date else timezone.localdate()
    team = Team.objects.get(slug=team_slug) if team_slug else None
    return send_daily_digests(today=today, team=team)


@task()
def refresh_account_health_task(date: str | None = None, team_slug: str | None = None) -> int:
    """Recompute every account's health snapshot and every person's knowledge score,
    so the first visits of the day to Being on and Key accounts are fast and rows that
    bulk writes left stale are corrected. Returns the number of rows stored."""
    today = dt.date.fromisoformat(date) if date else timezone.localdate()
    if not team_slug:
        return daily.refresh_snapshots(today)
    return sum(
        snapshots.refresh(team, today=today) + snapshots.refresh_knowledge(team, today=today)
        for team in Team.objects.filter(slug=team_slug)
    )
