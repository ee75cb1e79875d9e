"""The daily digest: one e-mail per seller, made of sections.

A section is a function ``section(*, team, user, today, setting) -> DigestSection |
None`` named by a dotted path in ``DIGEST_SECTIONS``; another app (market signals)
adds its alerts by appending its own path. Empty sections are left out, and a digest
with no sections is not sent.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from fasit.capture.selectors import next_meetings
from fasit.conversations.selectors import open_follow_ups
from fasit.core.formatting import format_number
from fasit.relationships import explain, selectors, services
from fasit.tenancy.models import Membership, Team

DIGEST_SECTIONS: list[str] = [
    "fasit.relationships.digest.dates_section",
    "fasit.relationships.digest.going_dark_section",
    "fasit.relationships.digest.follow_ups_section",
    "fasit.signals.digest.signals_section",
    "fasit.privacy.digest.privacy_section",
]


@dataclass
class DigestItem:
    headline: str
    lines: list[str] = field(default_factory=list)
    url: str = ""


@dataclass
class DigestSection:
    key: str
    title: str
    items: list[DigestItem]


MAX_DATES = 15


def absolute_url(path: str) -> str:
    # E-mail needs absolute links: FASIT_BASE_URL (setting or environment) names the site.
    base = getattr(settings, "FASIT_BASE_URL", "") or os.environ.get(
        "FASIT_BASE_URL", "http://127.0.0.1:8000"
    )
    return base.rstrip("/") + path


def _when(days_until: int, date: dt.date) -> str:
    if days_until == 0:
        return _("today")
    if days_until == 1:
        return _("tomorrow")
    return ngettext("in %(n)s day (%(date)s)", "in %(n)s days (%(date)s)", days_until) % {
        "n": days_until,
        "date": date_format(date, "SHORT_DATE_FORMAT"),
    }


def dates_section(*, team: Team, user: Any, today: dt.date, setting: Any) -> DigestSection | None:
    # Only the rows the mail shows are read in full (people, roles): a seller's
    # fortnight can hold thousands of name days, and every one of them as a model
    # with its roles named their ids in one statement.
    rows, total = selectors.upcoming_dates_head(
        team, today=today, days=setting.days_before, shown=MAX_DATES, user=user
    )
    if not rows:
        return None
    more = total - len(rows)
    context = selectors.person_context(team, [r.person.pk for r in rows])
    items = []
    for row in rows:
        what = (
            row.label
            if row.kind in {"other", "life_event"} and row.label
            else explain.kind_label(row.kind)
        )
        if row.kind == "birthday" and row.years:
            what = _("turns %(years)s") % {"years": row.years}
        elif row.kind == "work_anniversary" and row.years:
            what = _("%(years)s years at work") % {"years": row.years}
        headline = f"{row.person.name}: {what}, {_when(row.days_until, row.date)}"
        info = context.get(row.person.pk, {})
        lines = []
        if row.account:
            lines.append(", ".join(x for x in (row.title, row.account.name) if x))
        if info.get("family"):
            lines.append(
                _("Family: %(list)s") % {"list": ", ".join(str(f) for f in info["family"])}
            )
        if info.get("interests"):
            lines.append(
                _("Interests: %(list)s") % {"list": ", ".join(str(i) for i in info["interests"])}
            )
        if row.person.what_matters:
            lines.append(_("What matters: %(text)s") % {"text": row.person.what_matters})
        last = info.get("last_conversation")
        if last is not None:
            lines.append(
                _("Last conversation: %(date)s, %(kind)s%(subject)s")
                % {
                    "date": date_format(last.occurred_at, "SHORT_DATE_FORMAT"),
                    "kind": last.get_kind_display().lower(),
                    "subject": f" – {last.subject}" if last.subject else "",
                }
            )
        else:
            lines.append(_("No conversation on record yet."))
        for follow_up in info.get("follow_ups", []):
            lines.append(_("Open follow-up: %(task)s") % {"task": follow_up.task})
        items.append(
            DigestItem(
                headline, lines, absolute_url(reverse("people:detail", args=[row.person.pk]))
            )
        )
    if more > 0:
        items.append(
            DigestItem(
                ngettext("…and %(n)s more date", "…and %(n)s more dates", more) % {"n": more},
                url=absolute_url(reverse("relationships:dates")),
            )
        )
    return DigestSection("dates", _("Important dates coming up"), items)


def going_dark_section(
    *, team: Team, user: Any, today: dt.date, setting: Any
) -> DigestSection | None:
    rows = [r for r in selectors.being_on(team, today=today, owner=user) if r.assessment.going_dark]
    if not rows:
        return None
    items = []
    booked = next_meetings(team, [row.account.pk for row in rows[:10]])
    for row in rows[:10]:
        a = row.assessment
        lines = [
            explain.alert_sentence(alert, row.account.name, booked=booked.get(row.account.pk))
            for alert in a.alerts
        ]
        if row.revenue is not None:
            lines.append(
                _("Revenue at risk: %(amount)s %(currency)s")
                % {
                    "amount": format_number(a.revenue_at_risk),
                    "currency": row.currency,
                }
            )
        lines.append(
            explain.next_step_sentence(a.next_step.code, row.next_person_name, a.next_step.role)
        )
        items.append(
            DigestItem(
                row.account.name,
                lines,
                absolute_url(reverse("accounts:detail", args=[row.account.pk])),
            )
        )
    return DigestSection("going_dark", _("Going dark"), items)


def follow_ups_section(
    *, team: Team, user: Any, today: dt.date, setting: Any
) -> DigestSection | None:
    due = [
        f
        for f in open_follow_ups(team, owner=user)
        if f.due_date is not None and f.due_date <= today + dt.timedelta(days=setting.days_before)
    ]
    if not due:
        return None
    items = [
        DigestItem(
            f.task,
            [
                f.conversation.account.name,
                _("overdue since %(date)s") % {"date": date_format(f.due_date, "SHORT_DATE_FORMAT")}
                if f.due_date < today
                else _("due %(date)s") % {"date": date_format(f.due_date, "SHORT_DATE_FORMAT")},
            ],
            absolute_url(reverse("conversations:detail", args=[f.conversation.pk])),
        )
        for f in due[:15]
    ]
    return DigestSection("follow_ups", _("Follow-ups due"), items)


def build_digest(*, team: Team, user: Any, today: dt.date) -> list[DigestSection]:
    setting = selectors.reminder_setting(team, user)
    sections = []
    for path in DIGEST_SECTIONS:
        section = import_string(path)(team=team, user=user, today=today, setting=setting)
        if section is not None and section.items:
            sections.append(section)
    return sections


def _language(team: Team, user: Any) -> str:
    profile = getattr(user, "fasit_profile", None)
    return getattr(profile, "language", "") or team.language or settings.LANGUAGE_CODE


def render_digest(
    *, team: Team, user: Any, today: dt.date, sections: list[DigestSection]
) -> tuple[str, str, str]:
    """(subject, plain text, HTML)."""
    context = {"team": team, "user": user, "today": today, "sections": sections}
    subject = _("Fasit: your day with your customers, %(date)s") % {
        "date": date_format(today, "SHORT_DATE_FORMAT")
    }
    text = render_to_string("relationships/email/digest.txt", context)
    html = render_to_string("relationships/email/digest.html", context)
    return subject, text, html


def send_digest(*, team: Team, user: Any, today: dt.date, force: bool = False) -> bool:
    """Send one member's digest for ``today``; at most once a day unless ``force``.
    Returns whether an e-mail went out."""
    setting = selectors.reminder_setting(team, user)
    if not setting.digest or not user.email:
        return False
    with translation.override(_language(team, user)):
        sections = build_digest(team=team, user=user, today=today)
        if not sections:
            return False
        subject, text, html = render_digest(team=team, user=user, today=today, sections=sections)
    with transaction.atomic():
        claimed = services.digest_record(team=team, user=user, date=today, sections=len(sections))
        if not claimed and not force:
            return False
        message = EmailMultiAlternatives(subject, text, to=[user.email])
        message.attach_alternative(html, "text/html")
        # After commit: the "sent" row and the e-mail agree, or neither happened.
        transaction.on_commit(message.send)
    return True


def send_daily_digests(*, today: dt.date, team: Team | None = None, force: bool = False) -> int:
    """Every member's digest in one team or in all; the number of e-mails sent."""
    memberships = Membership.objects.select_related("team", "user")
    if team is not None:
        memberships = memberships.filter(team=team)
    return sum(send_digest(team=m.team, user=m.user, today=today, force=force) for m in memberships)
