"""Query counts that do not grow with the team, and the health snapshot's upkeep."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from fasit.customers.models import Account
from fasit.relationships import snapshots
from fasit.relationships.models import AccountHealth
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory


def _seed(team: Any, n: int, owner: Any = None) -> None:
    for i in range(n):
        account = AccountFactory(team=team, name=f"Konto {i}", tier="key", owner=owner)
        person = PersonFactory(team=team)
        PersonRoleFactory(person=person, account=account)
        conversation = ConversationFactory(
            team=team, account=account, occurred_at=timezone.now() - dt.timedelta(days=20 + i)
        )
        conversation.people.add(person)


def _queries(client: Any, url: str) -> int:
    team = client.get(url).wsgi_request.team
    snapshots.refresh(team, today=timezone.localdate())  # as the nightly task does
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_being_on_page_queries_do_not_grow_with_accounts(
    team_a: Any, team_b: Any, alice_client: Any, charlie_client: Any
) -> None:
    _seed(team_a, 3)
    _seed(team_b, 30)
    url = reverse("relationships:being_on")
    assert _queries(alice_client, url) == _queries(charlie_client, url)


def test_home_cards_queries_do_not_grow_with_accounts(
    team_a: Any, team_b: Any, alice_client: Any, charlie_client: Any
) -> None:
    _seed(team_a, 3)
    _seed(team_b, 30)
    url = reverse("home")
    assert _queries(alice_client, url) == _queries(charlie_client, url)


def test_being_on_pages_by_fifty(team_a: Any, alice_client: Any) -> None:
    _seed(team_a, 51)
    first = alice_client.get(reverse("relationships:being_on")).content.decode()
    second = alice_client.get(reverse("relationships:being_on") + "?page=2").content.decode()
    assert first.count('class="sparkline"') == 50
    assert second.count('class="sparkline"') == 1
    assert "51 accounts are going dark" in first


def test_a_new_conversation_drops_the_accounts_snapshot(team_a: Any) -> None:
    _seed(team_a, 2)
    today = timezone.localdate()
    snapshots.refresh(team_a, today=today)
    before = {e.account_id: e for e in snapshots.ranking(team_a, today=today)}
    assert AccountHealth.objects.count() == 2
    account_id = next(iter(before))
    account = Account.objects.get(pk=account_id)
    ConversationFactory(team=team_a, account=account, occurred_at=timezone.now())
    assert AccountHealth.objects.filter(account_id=account_id).count() == 0
    after = {e.account_id: e for e in snapshots.ranking(team_a, today=today)}
    assert after[account_id].health > before[account_id].health  # assessed in memory
    assert AccountHealth.objects.count() == 1  # reading wrote nothing


def test_a_stale_snapshot_is_recomputed_the_next_day(team_a: Any) -> None:
    _seed(team_a, 1)
    today = timezone.localdate()
    snapshots.refresh(team_a, today=today)
    AccountHealth.objects.update(health=0)
    [entry] = snapshots.ranking(team_a, today=today + dt.timedelta(days=1))
    assert entry.health > 0
    assert AccountHealth.objects.get().day == today  # until the nightly refresh


def test_pages_write_nothing(team_a: Any, alice: Any, alice_client: Any) -> None:
    _seed(team_a, 3, owner=alice)
    for name in ("home", "relationships:being_on", "relationships:key_accounts"):
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get(reverse(name)).status_code == 200
        writes = [
            q["sql"]
            for q in captured
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
            and "django_session" not in q["sql"]
        ]
        assert writes == [], name


def test_refresh_task_recomputes_every_snapshot(team_a: Any) -> None:
    from django.utils import timezone

    from fasit.relationships.models import AccountHealth
    from fasit.relationships.tasks import refresh_account_health_task
    from fasit.testing import AccountFactory

    AccountFactory(team=team_a)
    AccountFactory(team=team_a)
    refreshed = refresh_account_health_task.call(team_slug=team_a.slug)
    assert refreshed == 2
    assert set(AccountHealth.objects.values_list("day", flat=True)) == {timezone.localdate()}


def test_being_on_rows_cached_as_html_follow_a_change_and_stay_in_the_team(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any, tmp_path: Any
) -> None:
    """The rendered rows are cached in files every server process shares: a change
    through a service shows at once, and another team never gets them."""
    from django.core.cache import caches
    from django.test import override_settings

    from fasit.customers.services import account_create

    _seed(team_a, 2)
    url = reverse("relationships:being_on")
    with override_settings(
        CACHES={
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "team": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(tmp_path / "team"),
            },
        },
        FASIT_TEAM_LOCK_DIR=str(tmp_path / "locks"),
    ):
        first = alice_client.get(url).content.decode()
        assert "Konto 0" in first and "Konto 1" in first
        caches["default"].clear()  # another process: read from the shared files
        assert alice_client.get(url).content.decode().count("Konto 0") == first.count("Konto 0")
        account_create(team=team_a, actor=alice, name="Nytt Konto AS", country="NO")
        assert "Nytt Konto AS" in alice_client.get(url).content.decode()
        other = charlie_client.get(url)
        assert other.status_code == 200  # charlie's own team: none of team A's rows
        assert "Konto 0" not in other.content.decode()
        assert (
            charlie_client.get(
                reverse("accounts:detail", args=[Account.objects.get(name="Konto 0").pk])
            ).status_code
            == 404
        )


def test_key_account_ranking_from_plain_rows_equals_the_full_rows(
    team_a: Any, team_b: Any, alice: Any, bob: Any
) -> None:
    """The page ranks every key account from plain rows and builds full rows only for
    the accounts it shows: the scores and the order are those of the full rows."""
    from fasit.customers.models import FamilyMember, ImportantDate, Interest, LifeEvent
    from fasit.relationships import selectors

    today = timezone.localdate()
    roles = ["decision_maker", "economic_buyer", "champion", "user", ""]
    for i in range(7):
        account = AccountFactory(
            team=team_a, name=f"Konto {i % 3}", tier="key", owner=(alice, bob, None)[i % 3]
        )
        for p in range(i % 4 + 1):
            person = PersonFactory(
                team=team_a,
                what_matters="Deliveries" if (i + p) % 2 else "  ",
                preferred_meeting="coffee" if p % 2 else "",
                notes="Met the family" if (i * p) % 3 == 1 else "",
            )
            PersonRoleFactory(person=person, account=account, buying_role=roles[(i + p) % 5])
            if (i + p) % 3 == 0:
                FamilyMember.objects.create(person=person, relation="Son", name="Ola")
            if (i + p) % 2 == 0:
                Interest.objects.create(person=person, name="Sailing")
            if p == 1:
                ImportantDate.objects.create(person=person, kind="birthday", month=3, day=4)
                LifeEvent.objects.create(person=person, date=today, text="Moved")
    AccountFactory(team=team_a, name="Not key", tier="customer")
    AccountFactory(team=team_b, name="Other team", tier="key")
    for owner in (None, alice):
        full = selectors.key_accounts(team_a, today=today, owner=owner)
        light = selectors.key_account_ranking(team_a, today=today, owner=owner)
        assert [(e.account_id, e.knowledge, e.owner) for e in light] == [
            (r.account.pk, r.knowledge, r.account.owner) for r in full
        ]
        assert len(full) == (7 if owner is None else 3)
    assert selectors.key_account_ranking(None, today=today) == []
