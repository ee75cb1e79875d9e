"""The buying pages cost a fixed number of queries, however many journeys there are."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fasit.buying import services
from fasit.buying.models import BuyingProcess
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.testing import ConversationFactory, PersonFactory

PAGES = [
    ("buying:home", {}),
    ("buying:home", {"risk": "high"}),
    ("buying:gaps", {}),
]


def _journeys(team: Any, actor: Any, n: int, start: int = 0) -> None:
    """``n`` flagged journeys, each with a decision maker we talked to and a motive."""
    process = BuyingProcess.objects.for_team(team).first() or process_for(team, actor)
    since = timezone.localdate() - dt.timedelta(days=200)
    for i in range(start, start + n):
        journey = journey_at(
            team,
            actor,
            process=process,
            index=1,
            since=since,
            title=f"Sak {i}",
            forecast_probability=80,
            forecast_value=Decimal(1000 + i),
        )
        person = PersonFactory(team=team)
        ConversationFactory(team=team, account=journey.account).people.add(person)
        services.member_set(journey=journey, actor=actor, person=person, role="decision_maker")
        services.motive_add(journey=journey, actor=actor, text="Mindre stans", person=person)


def _query_counts(client: Any) -> list[int]:
    counts = []
    for name, params in PAGES:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name), params).status_code == 200
        counts.append(len(captured))
    return counts


@pytest.mark.django_db
def test_list_and_gaps_queries_do_not_grow_with_journeys(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    _journeys(team_a, alice, 3)
    # A session's first request in a process reads its user in a statement of its own
    # (fasit/signin/sessions.py): counted are the requests after it.
    assert alice_client.get("/api/accounts?limit=1").status_code == 200
    few = _query_counts(alice_client)
    _journeys(team_a, alice, 27, start=3)
    assert _query_counts(alice_client) == few


@pytest.mark.django_db
def test_list_and_gaps_stay_under_a_query_budget(
    team_a: Any, alice: Any, alice_client: Any, django_assert_max_num_queries: Any
) -> None:
    _journeys(team_a, alice, 30)
    for name, params in PAGES:
        with django_assert_max_num_queries(20):
            alice_client.get(reverse(name), params)


@pytest.mark.django_db
def test_gaps_page_pages_by_value_over_all_flagged_journeys(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    _journeys(team_a, alice, 30)
    first = alice_client.get(reverse("buying:gaps")).content.decode()
    second = alice_client.get(reverse("buying:gaps"), {"page": 2}).content.decode()
    assert "Sak 29<" in first
    assert "Sak 0<" in second
    assert "Sak 0<" not in first
    assert "30 journeys" in first


@pytest.mark.django_db
def test_api_list_is_paginated_and_its_queries_do_not_grow(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    _journeys(team_a, alice, 3)
    urls = ["/api/buying/journeys", "/api/buying/journeys?gaps_only=true&limit=2"]
    # A session's first request in a process reads its user in a statement of its own
    # (fasit/signin/sessions.py); the counts compared are those of the requests after
    # (another list, so that the journeys' counts are not cached yet).
    assert alice_client.get("/api/accounts?limit=1").status_code == 200
    few = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get(url).status_code == 200
        few.append(len(captured))
    _journeys(team_a, alice, 27, start=3)
    for url, count in zip(urls, few, strict=True):
        with CaptureQueriesContext(connection) as captured:
            body = alice_client.get(url).json()
        assert len(captured) == count
        assert body["count"] == 30
    assert len(alice_client.get("/api/buying/journeys?limit=5&offset=25").json()["items"]) == 5
    assert alice_client.get("/api/buying/journeys?risk=high").json()["count"] == 0
    assert alice_client.get("/api/buying/journeys?risk=bad").status_code == 422


@pytest.mark.django_db
def test_grouped_decision_maker_contacts_match_the_per_person_lookup(
    team_a: Any, alice: Any, alice_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _journeys(team_a, alice, 5)
    few = alice_client.get("/api/buying/journeys").json()["items"]
    monkeypatch.setattr("fasit.buying.selectors.CONTACTS_PER_PERSON_LIMIT", 0)
    assert alice_client.get("/api/buying/journeys").json()["items"] == few
    # Stalled (2) and nothing else: a silent decision maker would make it high.
    assert {j["status_quo_risk"] for j in few} == {"medium"}


@pytest.mark.django_db
def test_api_list_assessments_are_cached_until_a_change_or_a_new_day(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    """The assessed rows of a page are served from the cache (no assessment queries)
    and are never stale: a change through a service (audited) and a new day each show
    at once."""
    import time_machine
    from django.test import Client

    from fasit.buying.models import Journey
    from fasit.buying.tests.helpers import stages_of

    _journeys(team_a, alice, 2)
    journey = Journey.objects.for_team(team_a).order_by("id").first()
    assert journey is not None
    url = "/api/buying/journeys"
    first = alice_client.get(url).json()["items"][0]
    with CaptureQueriesContext(connection) as cached:
        assert alice_client.get(url).json()["items"][0] == first
    # Session, caller and the page's ids: nothing assessed again.
    assert len(cached) <= 3
    stage = stages_of(journey.process)[2]
    response = alice_client.post(
        f"/api/buying/journeys/{journey.pk}/stage",
        {"stage_id": stage.pk, "note": "They shared a requirement list."},
        content_type="application/json",
    )
    assert response.status_code == 200
    changed = alice_client.get(url).json()["items"][0]
    assert (changed["stage_id"], changed["days_in_stage"]) == (stage.pk, 0)
    with time_machine.travel(timezone.now() + dt.timedelta(days=3)):
        later = Client()  # a session lasts hours, not days
        later.force_login(alice)
        assert later.get(url).json()["items"][0]["days_in_stage"] == 3
    # Another team's caller sees none of it, cached or not.
    assert charlie_client.get(url).json() == {"count": 0, "next_after": None, "items": []}
