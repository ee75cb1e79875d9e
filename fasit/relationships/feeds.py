"""The personal iCalendar feed (RFC 5545) of important dates and follow-ups.

Yearly dates recur with ``RRULE:FREQ=YEARLY``. A 29 February date recurs with
``BYMONTH=2;BYMONTHDAY=-1`` (the last day of February) so that it is celebrated on
28 February in common years, as everywhere else in Fasit. A date without a year starts
in 2000 (a leap year, so 29 February is a valid start). UIDs are derived from the row
("date-12", "nameday-40", "followup-7") and the team, so they are stable across fetches
and a calendar updates events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur

from fasit.core.db import id_slices
from fasit.customers.models import ImportantDate, LifeEvent
from fasit.relationships import explain, selectors
from fasit.relationships.models import CalendarFeed, FeedKind

ANCHOR_YEAR = 2000
UID_DOMAIN = "fasit"
FEED_DAYS_BACK = 30  # keep one-off events a month after they happened


def _uid(feed: CalendarFeed, key: str) -> str:
    return f"{key}-team{feed.team_id}@{UID_DOMAIN}"


def _yearly_event(
    feed: CalendarFeed,
    *,
    key: str,
    month: int,
    day: int,
    year: int | None,
    summary: str,
    description: str,
    stamp: dt.datetime,
) -> Event:
    start_year = year if year is not None else ANCHOR_YEAR
    if (month, day) == (2, 29):
        # A known year of a 29 February is a leap year (validated on entry).
        rule = vRecur(freq="YEARLY", bymonth=2, bymonthday=-1)
    else:
        rule = vRecur(freq="YEARLY")
    event = Event()
    event.add("uid", _uid(feed, key))
    event.add("dtstamp", stamp)
    event.add("dtstart", dt.date(start_year, month, day))
    event.add("dtend", dt.date(start_year, month, day) + dt.timedelta(days=1))
    event.add("rrule", rule)
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _describe(person: Any, context: dict[str, Any], account: Any, title: str) -> str:
    lines = []
    if account is not None:
        lines.append(", ".join(x for x in (title, account.name) if x))
    if context.get("family"):
        lines.append(_("Family: %(list)s") % {"list": ", ".join(str(f) for f in context["family"])})
    if context.get("interests"):
        lines.append(
            _("Interests: %(list)s") % {"list": ", ".join(str(i) for i in context["interests"])}
        )
    if person.what_matters:
        lines.append(_("What matters: %(text)s") % {"text": person.what_matters})
    return "\n".join(lines)


def build_calendar(feed: CalendarFeed, *, today: dt.date, language: str = "en") -> bytes:
    team, user = feed.team, feed.user
    with translation.override(language):
        cal = Calendar()
        cal.add("prodid", "-//Fasit//Relationships//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add(
            "x-wr-calname",
            _("Fasit: %(name)s's customers") % {"name": user.get_full_name() or user.username},
        )
        cal.add("x-wr-timezone", "Europe/Oslo")

        kinds = set(selectors.reminder_setting(team, user).feed_kinds)
        people = {p.pk: p for p in selectors.people_scope(team, user)}
        # A seller's people can be tens of thousands (a manager's feed: the whole
        # team's): their roles, context and dates are read a slice of people at a time,
        # as one statement binds at most 65,535 ids on PostgreSQL.
        for chunk in id_slices(people):
            roles = selectors.primary_roles(team, chunk)
            context = selectors.person_context(team, chunk)
            by_person: dict[int, list[ImportantDate]] = {}
            for item in ImportantDate.objects.for_team(team).filter(person_id__in=chunk):
                by_person.setdefault(item.person_id, []).append(item)
            stamps = {f"date-{d.pk}": d.updated_at for items in by_person.values() for d in items}
            for person in (people[pk] for pk in chunk):
                role = roles.get(person.pk)
                account, title = (role.account, role.title) if role else (None, "")
                description = _describe(person, context.get(person.pk, {}), account, title)
                for yearly, label in selectors.yearly_dates(person, by_person.get(person.pk, [])):
                    if yearly.kind not in kinds:
                        continue
                    what = label or explain.kind_label(yearly.kind)
                    summary = f"{what}: {person.name}" + (f" ({account.name})" if account else "")
                    cal.add_component(
                        _yearly_event(
                            feed,
                            key=yearly.key,
                            month=yearly.month,
                            day=yearly.day,
                            year=yearly.year,
                            summary=summary,
                            description=description,
                            stamp=stamps.get(yearly.key) or feed.created_at,
                        )
                    )
        for chunk in id_slices(people) if FeedKind.LIFE_EVENT in kinds else ():
            life_events = LifeEvent.objects.for_team(team).filter(
                person_id__in=chunk, date__gte=today - dt.timedelta(days=FEED_DAYS_BACK)
            )
            for event_row in life_events:
                person = people[event_row.person_id]
                event = Event()
                event.add("uid", _uid(feed, f"life-{event_row.pk}"))
                event.add("dtstamp", event_row.updated_at)
                event.add("dtstart", event_row.date)
                event.add("dtend", event_row.date + dt.timedelta(days=1))
                event.add("summary", f"{person.name}: {event_row.text}")
                event.add("transp", "TRANSPARENT")
                cal.add_component(event)
        follow_ups = selectors.feed_follow_ups(team, user) if FeedKind.FOLLOW_UP in kinds else []
        for follow_up in follow_ups:
            assert follow_up.due_date is not None
            event = Event()
            event.add("uid", _uid(feed, f"followup-{follow_up.pk}"))
            event.add("dtstamp", follow_up.created_at or timezone.now())
            event.add("dtstart", follow_up.due_date)
            event.add("dtend", follow_up.due_date + dt.timedelta(days=1))
            event.add(
                "summary",
                _("Follow up: %(task)s (%(account)s)")
                % {"task": follow_up.task, "account": follow_up.conversation.account.name},
            )
            cal.add_component(event)
    return cal.to_ical()
