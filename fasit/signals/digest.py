"""The market-signals section of the daily digest: themes that reached alarm or
confirmed since the day before, with the latest quotes as evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.core.formatting import format_date
from fasit.relationships.digest import DigestItem, DigestSection, absolute_url
from fasit.signals.models import Notification, Statement
from fasit.tenancy.models import Team

QUOTES_PER_THEME = 3


def signals_section(*, team: Team, user: Any, today: dt.date, setting: Any) -> DigestSection | None:
    since = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=1), dt.time.min))
    news = (
        Notification.objects.for_team(team)
        .filter(created_at__gte=since, theme__isnull=False, theme__dismissed=False)
        .unread_by(user)
        .select_related("theme")
        .order_by("-created_at")[:10]
    )
    items = []
    for notification in news:
        quotes = (
            Statement.objects.for_team(team)
            .filter(theme=notification.theme)
            .select_related("account")
            .order_by("-said_on", "-id")[:QUOTES_PER_THEME]
        )
        items.append(
            DigestItem(
                notification.message(),
                [f"“{q.text}” — {q.account.name}, {format_date(q.said_on)}" for q in quotes],
                absolute_url(reverse("signals:theme", args=[notification.theme_id])),
            )
        )
    if not items:
        return None
    return DigestSection("signals", _("What customers are telling us"), items)
