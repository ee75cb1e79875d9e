"""Background work for a scheduler (cron, systemd timer) to enqueue each night: the
retention run (``retention_task``, or ``fasit privacy retention``)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from fasit.privacy.retention import retention_run
from fasit.tenancy.models import Team


@task()
def retention_task(date: str | None = None, team_slug: str | None = None) -> dict[str, int]:
    # Arguments are JSON-friendly: the database backend stores them.
    today = dt.date.fromisoformat(date) if date else timezone.localdate()
    teams = Team.objects.filter(slug=team_slug) if team_slug else Team.objects.all()
    totals = {"due": 0, "new": 0, "erased": 0}
    for team in teams:
        result = retention_run(team=team, today=today)
        totals["due"] += result.due
        totals["new"] += result.new
        totals["erased"] += result.erased
    return totals


@task()
def retention_for_person_task(person_id: int) -> dict[str, int]:
    """After a consent is withdrawn: apply the rules to that person's team at once, so
    "withdrawn consent at once" means at once, not tomorrow night."""
    from fasit.customers.models import Person

    person = Person.objects.select_related("team").filter(pk=person_id).first()
    if person is None:
        return {"due": 0, "new": 0, "erased": 0}
    result = retention_run(team=person.team, today=timezone.localdate())
    return {"due": result.due, "new": result.new, "erased": result.erased}
