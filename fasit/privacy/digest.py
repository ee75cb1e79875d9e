"""The privacy line of the daily digest, for the team's owners: who is waiting to be
erased, who was erased by the retention rules, whose information notice is due."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from fasit.privacy.models import ErasureCandidate, RegisterEntry
from fasit.privacy.notice import NOTICE_DUE_DAYS
from fasit.privacy.selectors import notices_due
from fasit.relationships.digest import DigestItem, DigestSection, absolute_url
from fasit.tenancy.models import Membership, Team


def privacy_section(*, team: Team, user: Any, today: dt.date, setting: Any) -> DigestSection | None:
    if not Membership.objects.filter(team=team, user=user, role="owner").exists():
        return None
    items = []
    waiting = (
        ErasureCandidate.objects.for_team(team)
        .filter(status=ErasureCandidate.Status.PENDING)
        .count()
    )
    if waiting:
        items.append(
            DigestItem(
                ngettext(
                    "%(n)s person is due for erasure and waits for an owner to confirm.",
                    "%(n)s people are due for erasure and wait for an owner to confirm.",
                    waiting,
                )
                % {"n": waiting},
                url=absolute_url(reverse("privacy:queue")),
            )
        )
    since = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=1), dt.time.min))
    erased = (
        RegisterEntry.objects.for_team(team)
        .filter(
            kind=RegisterEntry.Kind.ERASURE,
            channel=RegisterEntry.Channel.RETENTION,
            created_at__gte=since,
        )
        .count()
    )
    if erased:
        items.append(
            DigestItem(
                ngettext(
                    "%(n)s person was erased by the retention rules since yesterday.",
                    "%(n)s people were erased by the retention rules since yesterday.",
                    erased,
                )
                % {"n": erased},
                url=absolute_url(reverse("privacy:records")),
            )
        )
    late = (
        notices_due(team)
        .filter(created_at__date__lte=today - dt.timedelta(days=NOTICE_DUE_DAYS))
        .count()
    )
    if late:
        items.append(
            DigestItem(
                ngettext(
                    "%(n)s person has not been given the information notice within a month.",
                    "%(n)s people have not been given the information notice within a month.",
                    late,
                )
                % {"n": late},
                url=absolute_url(reverse("privacy:notices")),
            )
        )
    if not items:
        return None
    return DigestSection("privacy", _("Privacy"), items)
