"""Background work: the daily digest, for a scheduler (cron, systemd timer) to enqueue
with ``send_daily_digests_task.enqueue()`` or run via ``fasit manage fasit_digest``."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from fasit.relationships.digest import send_daily_digests
from fasit.tenancy.models import Team


@task()
def send_daily_digests_task(date: str | None = None, team_slug: str | None = None) -> int:
    # Arguments are JSON-friendly: the database backend stores them.
    today = dt.date.fromisoformat(date) if date else timezone.localdate()
    team = Team.objects.get(slug=team_slug) if team_slug else None
    return send_daily_digests(today=today, team=team)
