from __future__ import annotations

from typing import Any

from django.test import Client
from django.utils import timezone

from fasit.core.demo.generator import seed_demo
from fasit.relationships import selectors, services
from fasit.relationships.models import CalendarFeed

TODAY = timezone.localdate()  # the demo is seeded relative to the day it runs


def test_demo_shows_the_quiet_account_tomorrows_birthday_and_a_feed(db: Any) -> None:
    result = seed_demo(today=TODAY)
    team = result.team
    erik = next(
        m.user for m in team.memberships.select_related("user") if m.user.username == "erik"
    )
    rows = selectors.being_on(team, today=TODAY)
    vestland = next(r for r in rows if r.account.name == "Vestland Kraft AS")
    dark = vestland.assessment.going_dark
    assert dark is not None and dark.people_still_in_contact == 40 and dark.people_on_record == 250
    assert vestland.assessment.revenue_at_risk is not None
    assert vestland.assessment.revenue_at_risk > 5_000_000
    assert rows[0] == vestland  # the most revenue at risk
    tomorrow = [
        r
        for r in selectors.upcoming_dates(team, today=TODAY, days=1, user=erik)
        if r.kind == "birthday" and r.days_until == 1
    ]
    context = selectors.person_context(team, [r.person.pk for r in tomorrow])
    assert any(
        context[r.person.pk]["family"] and context[r.person.pk]["interests"] for r in tomorrow
    )
    # Name days fall where the almanacs put them; some weeks have none for the demo's
    # people, so look a year ahead.
    assert any(r.kind == "name_day" for r in selectors.upcoming_dates(team, today=TODAY, days=366))
    # The demo's feeds have random tokens nobody knows (only their hashes are stored);
    # a new address works at once.
    assert CalendarFeed.objects.filter(team=team, user=erik, revoked_at__isnull=True).exists()
    feed = services.calendar_feed_regenerate(team=team, user=erik, actor=erik)
    assert Client().get(f"/relationships/feed/{feed.token}.ics").status_code == 200
