"""No foreign key between team-owned tables crosses teams: two demo teams (sharing
users, as a consultant in two teams would) are built, then every such key in every
table is scanned (core/guard.py: ``cross_team_references``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from fasit.core.demo.generator import DEMO_SLUG, seed_demo
from fasit.core.guard import cross_team_references, rules_for
from fasit.customers.models import Account, PersonRole
from fasit.tenancy.models import Team


@pytest.fixture
def two_demo_teams(db: Any) -> list[Team]:
    first = seed_demo(seed=3, today=timezone.localdate()).team
    Team.objects.filter(pk=first.pk).update(slug="demo-first")
    first.refresh_from_db()
    second = seed_demo(seed=4, today=timezone.localdate()).team
    return [first, second]


def test_every_team_to_team_key_is_scanned(db: Any) -> None:
    from django.apps import apps

    scanned = {
        f"{m._meta.label}.{link.field.name}"
        for m in apps.get_models(include_auto_created=True)
        for link in rules_for(m).links
    }
    # A sample of the keys issue 10 found crossing teams through the admin.
    assert {
        "customers.PersonRole.account",
        "customers.PersonRole.person",
        "buying.BuyingGroupMember.person",
        "buying.StageChange.conversation",
        "buying.StageChange.to_stage",
        "buying.Journey.stage",
        "conversations.Conversation_people.person",
        "conversations.TranscriptSpeaker.person",
        "market_signals.Statement.theme",
    } <= scanned


def test_the_demo_teams_hold_no_cross_team_reference(two_demo_teams: list[Team]) -> None:
    first, second = two_demo_teams
    assert first.slug == "demo-first" and second.slug == DEMO_SLUG
    assert PersonRole.objects.for_team(second).exists()
    assert cross_team_references() == {}


def test_the_scan_finds_a_planted_reference(two_demo_teams: list[Team]) -> None:
    first, second = two_demo_teams
    role = PersonRole.objects.for_team(second).first()
    assert role is not None
    elsewhere = Account.objects.for_team(first).first()
    assert elsewhere is not None
    # Raw SQL is the one path around the model layer's guard.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {PersonRole._meta.db_table} SET account_id = %s WHERE id = %s",
            [elsewhere.pk, role.pk],
        )
    assert cross_team_references() == {"customers.PersonRole.account": 1}
