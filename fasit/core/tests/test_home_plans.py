"""The home page's statements read what they show through their indexes (SQLite's plans:
it plans without statistics, so a plain index on the owner wins unless another covers)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fasit.conversations.selectors import open_follow_ups
from fasit.testing import AccountFactory, ConversationFactory, FollowUpFactory


def _plan(query: Any) -> str:
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.django_db
def test_a_users_open_follow_ups_come_from_the_open_index_in_order(
    team_a: Any, alice: Any, bob: Any, alice_client: Any, charlie_client: Any
) -> None:
    account = AccountFactory(team=team_a, name="Konto")
    conversation = ConversationFactory(team=team_a, account=account)
    for i in range(14):
        FollowUpFactory(
            conversation=conversation,
            task=f"Oppgave {i:02}",
            owner=(alice, bob)[i % 2],
            due_date=dt.date(2026, 1, 1) + dt.timedelta(days=13 - i),
            done=i % 3 == 0,
        )
    mine = open_follow_ups(team_a, owner=alice)
    # The index's order, its open rows and only the owner's: what the card shows.
    assert [f.task for f in mine] == ["Oppgave 10", "Oppgave 08", "Oppgave 04", "Oppgave 02"]
    html = alice_client.get(reverse("home")).content.decode()
    assert "Oppgave 10" in html and "Oppgave 06" not in html and "Oppgave 01" not in html
    assert "Oppgave" not in charlie_client.get(reverse("home")).content.decode()
    if connection.vendor != "sqlite":
        return
    # Read in the index's order (no sort) and counted from the index alone.
    shown = _plan(open_follow_ups(team_a, owner=alice)[:10])
    assert "conversations_followup_open" in shown and "TEMP B-TREE" not in shown, shown
    with CaptureQueriesContext(connection) as count:
        assert open_follow_ups(team_a, owner=alice).count() == 4
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {count.captured_queries[0]['sql']}")
        counted = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "COVERING INDEX conversations_followup_open" in counted, counted
