"""The Being on rows the daily refresh stores (``AccountRowSnapshot``) are the full
assessment's rows, and a page never shows one that a change has made stale: a change
through the services (a logged conversation, an edited account), an audited change
that sends no signal (an analysis, an import), another day. The page reads them and
writes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from fasit.conversations import services as conversation_services
from fasit.conversations.models import Conversation
from fasit.core.audit import audit_record
from fasit.core.models import AuditEvent
from fasit.customers import services as customer_services
from fasit.customers.models import Account
from fasit.relationships import memo, selectors, snapshots, views
from fasit.relationships.models import AccountRowSnapshot
from fasit.relationships.tests.conftest import TODAY, ago
from fasit.relationships.tests.test_standings_page import _world
from fasit.tenancy.models import Team


@pytest.fixture
def world(team_a: Any, team_b: Any, alice: Any) -> Any:
    _world(team_a, alice, 1)
    _world(team_b, None, 2)
    snapshots.refresh(team_a, today=TODAY)
    snapshots.refresh(team_b, today=TODAY)
    memo.clear()
    return Team.objects.get(pk=team_a.pk)


def _ids(team: Any) -> list[int]:
    return [r.account.pk for r in selectors.being_on(team, today=TODAY)]


def _same_row(stored: selectors.AccountRow, live: selectors.AccountRow) -> None:
    assert stored.account.pk == live.account.pk
    assert stored.assessment == live.assessment
    assert (stored.revenue, stored.currency) == (live.revenue, live.currency)
    assert (stored.at_risk_team, stored.team_currency) == (live.at_risk_team, live.team_currency)
    assert stored.next_person_name == live.next_person_name


def test_the_refresh_stores_every_row_as_the_full_assessment(world: Any) -> None:
    live = {r.account.pk: r for r in selectors.being_on(world, today=TODAY)}
    assert AccountRowSnapshot.objects.filter(team=world).count() == len(live) == 30
    stored = snapshots.stored_rows(world, list(live), today=TODAY)
    assert set(stored) == set(live)
    for pk, row in stored.items():
        _same_row(row, live[pk])
    # The draw has rows of every kind the page shows.
    assessments = [r.assessment for r in live.values()]
    assert any(a.going_dark for a in assessments) and any(not a.going_dark for a in assessments)
    assert any(a.alerts for a in assessments) and any(r.revenue is None for r in live.values())
    assert any(a.next_step.person_id for a in assessments)
    # Drawn as the page draws them, in every language.
    for language in ("en", "sv", "nb", "da"):
        with translation.override(language):
            assert views._being_on_rows_html(stored) == views._being_on_rows_html(live)


def test_another_teams_ids_find_nothing(world: Any, team_b: Any) -> None:
    assert snapshots.stored_rows(team_b, _ids(world), today=TODAY) == {}


def test_rows_of_another_day_are_not_read(world: Any) -> None:
    AccountRowSnapshot.objects.filter(team=world).update(day=TODAY - dt.timedelta(days=1))
    assert snapshots.stored_rows(world, _ids(world), today=TODAY) == {}


def test_a_logged_conversation_deletes_its_accounts_row(world: Any, alice: Any) -> None:
    ids = _ids(world)
    account = Account.objects.get(pk=ids[0])
    conversation_services.conversation_log(
        team=world, actor=alice, account=account, occurred_at=ago(0), kind="meeting"
    )
    stored = snapshots.stored_rows(world, ids, today=TODAY)
    assert account.pk not in stored and len(stored) == len(ids) - 1
    fresh = snapshots.kept_rows(world, ids, today=TODAY)
    live = {r.account.pk: r for r in selectors.being_on(world, today=TODAY)}
    assert fresh[account.pk].assessment.days_since_our_contact == 0
    for pk in ids:
        _same_row(fresh[pk], live[pk])


def test_an_audited_change_without_a_signal_is_not_read(world: Any, alice: Any) -> None:
    """A queryset update sends no signal (an analysis, a bulk write): its audit record
    names the account, whose stored row is then not used."""
    ids = _ids(world)
    conversation = Conversation.objects.filter(account_id__in=ids).order_by("pk").first()
    assert conversation is not None
    changed = conversation.account_id
    Conversation.objects.filter(pk=conversation.pk).update(
        initiated_by="customer" if conversation.initiated_by == "us" else "us"
    )
    audit_record(
        team=world,
        actor=alice,
        action=AuditEvent.Action.UPDATE,
        instance=conversation,
        changes={"initiated_by": ["x", "y"]},
    )
    # No signal: the row is still there, and only the audit record tells.
    assert AccountRowSnapshot.objects.filter(account_id=changed).exists()
    stored = snapshots.stored_rows(world, ids, today=TODAY)
    assert changed not in stored and len(stored) == len(ids) - 1
    live = {r.account.pk: r for r in selectors.being_on(world, today=TODAY)}
    for pk, row in snapshots.kept_rows(world, ids, today=TODAY).items():
        _same_row(row, live[pk])


def test_a_change_that_may_touch_any_account_reads_none(world: Any, alice: Any) -> None:
    """An import, a norm or a team setting is audited as a kind that may change any
    account: no stored row is read until the next refresh."""
    audit_record(
        team=world, actor=alice, action=AuditEvent.Action.UPDATE, instance=world, changes={}
    )
    assert AccountRowSnapshot.objects.filter(team=world).count() == 30
    assert snapshots.stored_rows(world, _ids(world), today=TODAY) == {}


def test_the_page_shows_a_change_at_once_and_writes_nothing(
    world: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    url = reverse("relationships:being_on")
    before = AccountRowSnapshot.objects.count()
    with CaptureQueriesContext(connection) as captured:
        page = alice_client.get(url).content.decode()
    assert not [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert AccountRowSnapshot.objects.count() == before
    # The account that ranks first, renamed and its tier changed through the service.
    first = _ids(world)[0]
    account = Account.objects.get(pk=first)
    assert account.name in page
    customer_services.account_update(
        account=account, actor=alice, data={"name": "Omdøpt AS", "tier": "prospect"}
    )
    after = alice_client.get(url).content.decode()
    assert "Omdøpt AS" in after
    assert not AccountRowSnapshot.objects.filter(account_id=first).exists()
    # Team B's user sees none of team A's accounts, and none of their pages.
    other = charlie_client.get(url).content.decode()
    assert "Omdøpt AS" not in other
    assert charlie_client.get(reverse("accounts:detail", args=[first])).status_code == 404
