"""Results kept per *area* of a team's data (core/cache.py ``AREAS``): each page part
keyed by an area shows every kind of write in that area at the next request, is not
computed again after a write elsewhere (a logged conversation), and never follows
another team's writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse

from fasit.buying import selectors as buying_selectors
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.conversations.services import conversation_log
from fasit.core.cache import AREAS, area_version, team_data_version
from fasit.core.models import AuditEvent
from fasit.customers.models import Account
from fasit.customers.services import account_create, person_create, profile_item_add
from fasit.relationships import selectors as relationship_selectors
from fasit.signals import selectors as signal_selectors
from fasit.signals import services as signal_services

NOW = dt.datetime(2026, 3, 11, 10, 0, tzinfo=dt.UTC)


def _counting(monkeypatch: Any, module: Any, name: str) -> list[int]:
    """Count the calls of ``module.name`` (the whole-team read a cached part makes)."""
    calls: list[int] = []
    original: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _record(team: Any, label: str) -> None:
    AuditEvent.objects.create(
        team=team, action="update", object_type=label, object_id="1", object_repr="x"
    )


@pytest.mark.parametrize("area", sorted(AREAS))
def test_a_record_of_each_app_of_an_area_moves_its_version_and_no_other_teams(
    area: str, team_a: Any, team_b: Any
) -> None:
    for app in AREAS[area]:
        for model in apps.get_app_config(app).get_models():
            before, other = area_version(team_a, area), area_version(team_b, area)
            _record(team_a, model._meta.label_lower)
            assert area_version(team_a, area) > before, model._meta.label_lower
            assert area_version(team_b, area) == other


@pytest.mark.parametrize("area", sorted(AREAS))
def test_a_logged_conversation_leaves_every_area_as_it_was(
    area: str, team_a: Any, alice: Any
) -> None:
    account = account_create(team=team_a, actor=alice, name="Fjord Data AS", country="NO")
    before, team_before = area_version(team_a, area), team_data_version(team_a)
    conversation_log(team=team_a, actor=alice, account=account, subject="Kaffe")
    assert team_data_version(team_a) > team_before
    assert area_version(team_a, area) == before


def test_an_unchanged_team_version_reads_no_area_version(
    team_a: Any, alice: Any, django_assert_num_queries: Any
) -> None:
    account_create(team=team_a, actor=alice, name="Fjord Data AS", country="NO")
    version = team_data_version(team_a)
    first = area_version(team_a, "people", version=version)
    with django_assert_num_queries(0):
        assert area_version(team_a, "people", version=version) == first


@time_machine.travel(NOW, tick=False)
def test_home_dates_card_follows_people_not_conversations(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any, monkeypatch: Any
) -> None:
    account = account_create(team=team_a, actor=alice, name="Fjord Data AS", country="NO")
    calls = _counting(monkeypatch, relationship_selectors, "upcoming_dates_head")
    assert alice_client.get(reverse("home")).status_code == 200
    assert len(calls) == 1
    conversation = conversation_log(team=team_a, actor=alice, account=account, subject="Kaffe")
    page = alice_client.get(reverse("home")).content.decode()
    assert len(calls) == 1  # the card as it was: no date changed
    # The rest of the page follows the conversation.
    assert reverse("conversations:detail", args=[conversation.pk]) in page
    person = person_create(
        team=team_a, actor=alice, name="Ingrid Solberg", legal_basis="li_customer"
    )
    soon = (NOW + dt.timedelta(days=3)).date()
    profile_item_add(
        person=person,
        actor=alice,
        item_type="date",
        kind="birthday",
        month=soon.month,
        day=soon.day,
    )
    page = alice_client.get(reverse("home")).content.decode()
    assert len(calls) == 2 and "Ingrid Solberg" in page
    assert "Ingrid Solberg" not in charlie_client.get(reverse("home")).content.decode()
    assert charlie_client.get(reverse("people:detail", args=[person.pk])).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_key_accounts_knowledge_follows_people_and_health_follows_conversations(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any, monkeypatch: Any
) -> None:
    account = account_create(
        team=team_a, actor=alice, name="Fjord Data AS", country="NO", tier="key"
    )
    calls = _counting(monkeypatch, relationship_selectors, "key_account_ranking")
    url = reverse("relationships:key_accounts")
    assert "Fjord Data AS" in alice_client.get(url).content.decode()
    assert len(calls) == 1
    conversation_log(team=team_a, actor=alice, account=account, subject="Kaffe", occurred_at=NOW)
    page = alice_client.get(url).content.decode()
    assert len(calls) == 1  # the knowledge as it was
    # The health is today's, after the conversation, as the page computed it before.
    (row,) = relationship_selectors.being_on(
        team_a, today=NOW.date(), accounts=Account.objects.filter(pk=account.pk)
    )
    assert f"health {row.assessment.health} " in page
    assert "fasit:health" not in page and "fasit:next" not in page
    person_create(
        team=team_a,
        actor=alice,
        name="Ingrid Solberg",
        legal_basis="li_customer",
        account=account,
        title="CTO",
    )
    page = alice_client.get(url).content.decode()
    assert len(calls) == 2 and "0 of 1 people known well" in page
    other = charlie_client.get(url)
    assert other.status_code == 200 and "Fjord Data AS" not in other.content.decode()
    assert charlie_client.get(reverse("accounts:detail", args=[account.pk])).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_buying_insight_follows_buying_not_conversations(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any, monkeypatch: Any
) -> None:
    process = process_for(team_a, alice)
    journey_at(team_a, alice, process=process, index=1, since=NOW.date() - dt.timedelta(10))
    calls = _counting(monkeypatch, buying_selectors, "team_insight")
    url = reverse("buying:insight")
    assert alice_client.get(url).status_code == 200 and len(calls) == 1
    account = account_create(team=team_a, actor=alice, name="Fjord Data AS", country="NO")
    assert len(calls) == 1
    calls.clear()
    alice_client.get(url)
    assert len(calls) == 1  # an account is in the area: computed again
    conversation_log(team=team_a, actor=alice, account=account, subject="Kaffe")
    alice_client.get(url)
    assert len(calls) == 1  # a conversation is not
    journey_at(team_a, alice, process=process, index=2, since=NOW.date() - dt.timedelta(5))
    alice_client.get(url)
    assert len(calls) == 2
    other = charlie_client.get(url)
    assert other.status_code == 200 and "Industri" not in other.content.decode()
    assert len(calls) == 3  # charlie's team: its own (empty) insight, not team A's


@time_machine.travel(NOW, tick=False)
def test_signals_board_follows_statements_not_conversations(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any, monkeypatch: Any
) -> None:
    account = account_create(team=team_a, actor=alice, name="Fjord Data AS", country="NO")
    calls = _counting(monkeypatch, signal_selectors, "board")
    url = reverse("signals:board")
    assert alice_client.get(url).status_code == 200 and len(calls) == 1
    conversation = conversation_log(team=team_a, actor=alice, account=account, subject="Kaffe")
    alice_client.get(url)
    assert len(calls) == 1  # a conversation without a statement leaves the board
    signal_services.statement_create(
        team=team_a,
        actor=alice,
        conversation=conversation,
        text="Leveringstiden på reservedeler er for lang",
    )
    page = alice_client.get(url).content.decode()
    assert len(calls) == 2 and "Fjord Data AS" in page
    assert "Fjord Data AS" not in charlie_client.get(url).content.decode()
    assert (
        charlie_client.get(reverse("conversations:detail", args=[conversation.pk])).status_code
        == 404
    )
