"""An operator's edit of a journey's stage history in the admin keeps each visit's end
and the per-stage visit counts right, as the services do."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fasit.buying import services
from fasit.buying.models import StageChange
from fasit.buying.tests.helpers import journey_at, process_for, stages_of
from fasit.buying.tests.test_visit_counts import _from_history, _kept
from fasit.testing import UserFactory

TODAY = timezone.localdate()  # the session's today (see fasit/pytest_clock.py)


def _fields(form: Any) -> dict[str, Any]:
    """What the browser would send back for ``form`` unchanged."""
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        data[field.html_name] = "on" if value is True else value
    return data


def test_editing_stage_changes_in_the_admin_relinks_visits(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    stages = stages_of(process)
    start = TODAY - dt.timedelta(days=60)
    journey = journey_at(team_a, alice, process=process, index=0, since=start)
    for index, offset in ((1, 10), (2, 20)):
        services.journey_change_stage(
            journey=journey,
            actor=alice,
            stage=stages[index],
            changed_on=start + dt.timedelta(days=offset),
            note="x",
        )
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = reverse("admin:buying_journey_change", args=[journey.pk])
    page = client.get(url)
    data = _fields(page.context["adminform"].form)
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_fields(formset.management_form))
        for form in formset.forms:
            data.update(_fields(form))
    # The second change moves before the first: the visits they end swap.
    moved = StageChange.objects.get(journey=journey, to_stage=stages[2])
    prefix = next(
        f.prefix
        for inline in page.context["inline_admin_formsets"]
        for f in inline.formset.forms
        if f.instance.pk == moved.pk
    )
    data[f"{prefix}-changed_on"] = (start + dt.timedelta(days=5)).isoformat()
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    moved.refresh_from_db()
    assert moved.changed_on == start + dt.timedelta(days=5)
    assert [c.left_on for c in StageChange.objects.filter(journey=journey)] == [
        start + dt.timedelta(days=5),
        start + dt.timedelta(days=10),
        None,
    ]
    assert _kept(team_a) == _from_history(team_a)
