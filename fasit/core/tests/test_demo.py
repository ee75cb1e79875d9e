from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from fasit.conversations.models import Conversation
from fasit.core.demo.generator import DemoExists, seed_demo
from fasit.customers.models import Account, Person, Tier
from fasit.tenancy.models import Team
from fasit.testing import demo_for_module

TODAY = timezone.localdate()  # the demo is seeded relative to the day it runs


@pytest.fixture(scope="module")
def _demo_id(django_db_setup: Any, django_db_blocker: Any) -> Iterator[int]:
    """The default demo (seed 7, as ``fasit demo`` seeds it), seeded once for the tests
    that read it; what each writes is rolled back before the next one."""
    with demo_for_module(django_db_blocker, today=TODAY) as team_id:
        yield team_id


@pytest.fixture
def demo(_demo_id: int, db: Any) -> Team:
    return Team.objects.get(pk=_demo_id)


def test_demo_is_a_believable_nordic_team(db: Any) -> None:
    result = seed_demo(seed=3, today=TODAY)
    team = result.team
    accounts = Account.objects.for_team(team)
    assert accounts.count() == 40
    assert set(accounts.values_list("country", flat=True)) == {"NO", "SE", "DK"}
    assert accounts.filter(tier=Tier.KEY_ACCOUNT).count() == 8
    assert accounts.values("category").distinct().count() == 3
    assert 400 <= Person.objects.for_team(team).count() <= 460
    assert 900 <= Conversation.objects.for_team(team).count() <= 1300
    assert [login[0] for login in result.logins] == ["maja", "erik", "sofia", "mads", "pia", "vera"]


def test_demo_is_deterministic(db: Any) -> None:
    first = seed_demo(seed=5, today=TODAY)
    names = list(Person.objects.for_team(first.team).order_by("id").values_list("name", flat=True))
    notes = list(
        Conversation.objects.for_team(first.team).order_by("id").values_list("notes", flat=True)
    )
    Team.objects.all().delete()
    second = seed_demo(seed=5, today=TODAY)
    assert (
        list(Person.objects.for_team(second.team).order_by("id").values_list("name", flat=True))
        == names
    )
    assert (
        list(
            Conversation.objects.for_team(second.team)
            .order_by("id")
            .values_list("notes", flat=True)
        )
        == notes
    )


def test_demo_command_without_serving(db: Any, capsys: Any) -> None:
    call_command("fasit_demo", "--no-serve")
    out = capsys.readouterr().out
    assert "maja" in out
    assert "fasit-demo" in out
    assert Team.objects.filter(slug="demo").exists()


def test_demo_scales(db: Any) -> None:
    team = seed_demo(scale=2, today=TODAY).team
    assert Account.objects.for_team(team).count() == 80
    assert Account.objects.for_team(team).values("name").distinct().count() == 80


def test_the_steps_are_planned_with_statistics_of_what_the_seed_wrote(
    db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: inside the seed's transaction PostgreSQL had no statistics of the rows
    just written, and the signals step read all participants once per batch."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite is left to its index heuristics (fasit/core/db.py)")
    seen: list[float] = []

    def probe(**_kwargs: Any) -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE relname = 'conversations_conversation_people'"
            )
            seen.append(float(cursor.fetchone()[0]))
        return {}

    monkeypatch.setattr(
        "fasit.core.demo.generator.DEMO_STEPS", ["fasit.conversations.demo.seed", "probe"]
    )
    monkeypatch.setattr("fasit.core.demo.generator.ANALYZE_BEFORE", {"probe"})
    real_import = __import__("django.utils.module_loading", fromlist=["x"]).import_string
    monkeypatch.setattr(
        "fasit.core.demo.generator.import_string",
        lambda path: probe if path == "probe" else real_import(path),
    )
    team = seed_demo(seed=3, today=TODAY).team
    through = Conversation.people.through.objects.filter(conversation__team=team).count()
    assert seen == [float(through)]


# The tests of the module's demo come last: it stays until the module's last test, and
# the tests above seed their own.
def test_demo_has_the_40_of_250_account(demo: Team) -> None:
    team = demo
    account = Account.objects.for_team(team).get(name="Vestland Kraft AS")
    recent = Conversation.objects.filter(
        account=account, occurred_at__date__gte=TODAY - dt.timedelta(days=140)
    )
    assert account.roles.count() == 250
    assert recent.filter(initiated_by="us").count() == 0
    assert recent.values("people").distinct().count() == 40


def test_demo_twice_is_refused_without_reset(demo: Team) -> None:
    with pytest.raises(DemoExists):
        seed_demo(today=TODAY)
