"""Background work for captured contact (django-tasks; ``fasit worker``). Schedule
``fasit mail sync --enqueue`` and ``fasit calendar sync --enqueue`` from cron, e.g.
every 10 minutes (docs/capture.md)."""

from __future__ import annotations

from django_tasks import task


@task()
def sync_mailboxes_task(team_slug: str | None = None) -> dict[str, int]:
    from fasit.capture.imap import sync_all_mailboxes
    from fasit.tenancy.models import Team

    team = Team.objects.filter(slug=team_slug).first() if team_slug else None
    results = sync_all_mailboxes(team=team)
    return {
        "mailboxes": len(results),
        "captured": sum(r.captured for r in results),
        "failed": sum(1 for r in results if r.error),
    }


@task()
def sync_mailbox_task(connection_id: int) -> int:
    """One mailbox now (after it is connected, or "Sync now")."""
    from fasit.capture.imap import sync_mailbox
    from fasit.capture.models import MailConnection

    connection = (
        MailConnection.objects.select_related("team", "user").filter(pk=connection_id).first()
    )
    return sync_mailbox(connection).captured if connection is not None else 0


@task()
def sync_calendars_task(team_slug: str | None = None) -> dict[str, int]:
    from fasit.capture.calendars import sync_all_calendars
    from fasit.tenancy.models import Team

    team = Team.objects.filter(slug=team_slug).first() if team_slug else None
    return sync_all_calendars(team=team)


@task()
def sync_calendar_task(source_id: int) -> str:
    from fasit.capture.calendars import sync_calendar
    from fasit.capture.models import CalendarSource

    source = CalendarSource.objects.select_related("team", "user").filter(pk=source_id).first()
    return sync_calendar(source) if source is not None else ""
