"""The unfiltered API lists read their page with one fixed statement
(core.api_utils.PlainPage): the same rows, order and bytes as the ORM query they stand
in for, and only the caller's team."""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
import pytest
from django.utils import timezone

from fasit.conversations.api import conversation_rows
from fasit.conversations.models import Conversation
from fasit.customers.api import account_rows, person_rows
from fasit.customers.models import Account, Person
from fasit.testing import (
    AccountFactory,
    CategoryFactory,
    ConversationFactory,
    FollowUpFactory,
    PersonFactory,
    PersonRoleFactory,
)

LISTS = [
    ("/api/accounts", Account, account_rows),
    ("/api/people", Person, person_rows),
    ("/api/conversations", Conversation, conversation_rows),
]


def _team_data(team: Any, owner: Any, other: Any) -> None:
    category = CategoryFactory(team=team)
    parent = AccountFactory(team=team, owner=owner, category=category)
    for i in range(7):
        account = AccountFactory(
            team=team,
            owner=owner if i % 2 else None,
            category=category if i % 3 else None,
            parent=parent if i == 4 else None,
            customer_since=dt.date(2020, 1, i + 1) if i % 2 else None,
        )
        person = PersonFactory(team=team)
        PersonRoleFactory(person=person, account=account, title=f"Title {i}")
        PersonRoleFactory(person=person, account=parent)
        conversation = ConversationFactory(
            team=team,
            account=account,
            customer_replied=bool(i % 2),
            occurred_at=timezone.now() - dt.timedelta(days=i, microseconds=i),
        )
        conversation.people.add(person)
        conversation.users.add(owner, other)
        if i % 2:
            FollowUpFactory(conversation=conversation, owner=owner, done=bool(i % 3))


@pytest.mark.parametrize(("url", "model", "rows"), LISTS)
@pytest.mark.parametrize(
    "paging",
    ["limit=3", "limit=3&offset=2", "limit=50", "order=-id&limit=4", "after=FIRST&limit=3"],
)
def test_plain_page_is_the_orm_page_byte_for_byte(
    team_a: Any,
    team_b: Any,
    alice: Any,
    bob: Any,
    charlie: Any,
    alice_client: Any,
    url: str,
    model: Any,
    rows: Any,
    paging: str,
) -> None:
    _team_data(team_a, alice, bob)
    _team_data(team_b, charlie, charlie)
    ours = model.objects.for_team(team_a)
    first = ours.order_by("id").values_list("id", flat=True)[1]
    query = paging.replace("FIRST", str(first))
    page = alice_client.get(f"{url}?{query}").json()
    params = dict(part.split("=") for part in query.split("&"))
    ordered = ours.order_by("-id" if params.get("order") == "-id" else "id")
    if "after" in params:
        ordered = ordered.filter(id__gt=int(params["after"]))
    offset = int(params.get("offset", 0))
    window = ordered[offset : offset + int(params["limit"])]
    assert page["items"] == orjson.loads(orjson.dumps(rows(window), default=str))
    assert page["items"], "the page has rows of the caller's team"
    assert page["count"] == ours.count()


@pytest.mark.parametrize(("url", "model", "rows"), LISTS)
def test_another_teams_caller_gets_none_of_it(
    team_a: Any, alice: Any, bob: Any, charlie_client: Any, url: str, model: Any, rows: Any
) -> None:
    _team_data(team_a, alice, bob)
    assert charlie_client.get(url).json() == {"count": 0, "next_after": None, "items": []}
