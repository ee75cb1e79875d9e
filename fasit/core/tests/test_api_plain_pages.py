"""The unfiltered API lists read their page with one fixed statement
(core.api_utils.PlainPage): the same rows, order and bytes as the ORM query they stand
in for, and only the caller's team."""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
import pytest
from django.db import connection
from django.utils import timezone

from fasit.buying.models import Journey
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
            parent=parent if i in (4, 5) else None,
            customer_since=dt.date(2020, 1, i + 1) if i % 2 else None,
            tier="key" if i % 3 == 0 else "customer",
            country="SE" if i % 4 == 0 else "NO",
        )
        person = PersonFactory(team=team, legal_basis="consent" if i % 3 == 0 else "li_customer")
        PersonRoleFactory(
            person=person,
            account=account,
            title=f"Title {i}",
            buying_role="champion" if i % 2 else "economic_buyer",
        )
        PersonRoleFactory(person=person, account=parent)
        conversation = ConversationFactory(
            team=team,
            account=account,
            kind="call" if i % 2 else "meeting",
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


# Filters the lists read with a fixed statement (core.api_utils.Where); ACCOUNT and
# PARENT stand for an account of the caller's team with conversations and people, and
# its corporate group parent; CATEGORY for the team's category.
FILTERED = [
    "/api/accounts?tier=key",
    "/api/accounts?country=SE&limit=2",
    "/api/accounts?category_id=CATEGORY",
    "/api/accounts?owner=alice&order=-id",
    "/api/accounts?owner=alice&tier=key",
    "/api/accounts?parent_id=PARENT&limit=1&offset=1",
    "/api/accounts?owner=nobody",
    "/api/people?account_id=PARENT&limit=3",
    "/api/people?account_id=ACCOUNT",
    "/api/people?buying_role=champion&order=-id",
    "/api/people?legal_basis=consent",
    "/api/people?account_id=PARENT&buying_role=champion",
    "/api/conversations?kind=call",
    "/api/conversations?account_id=ACCOUNT",
    "/api/conversations?kind=call&account_id=ACCOUNT",
    "/api/conversations?kind=meeting&limit=2&offset=1",
]


@pytest.mark.parametrize("url", FILTERED)
def test_a_filtered_page_is_the_orm_page(
    team_a: Any, team_b: Any, alice: Any, bob: Any, charlie: Any, alice_client: Any, url: str
) -> None:
    """A filtered list read by its fixed statement gives what the handler's ORM query
    gives (``updated_since`` far back keeps every row but takes the ORM's path): the
    same rows, total and cursor, and none of another team's."""
    _team_data(team_b, charlie, charlie)
    _team_data(team_a, alice, bob)
    account = Conversation.objects.for_team(team_a).filter(kind="call").first().account
    parent = Account.objects.for_team(team_a).filter(subsidiaries__isnull=False).first()
    url = (
        url.replace("CATEGORY", str(parent.category_id))
        .replace("PARENT", str(parent.pk))
        .replace("ACCOUNT", str(account.pk))
    )
    plain = alice_client.get(url).json()
    orm = alice_client.get(url + "&updated_since=2000-01-01T00:00:00Z").json()
    assert plain == orm
    if "nobody" not in url:
        assert plain["items"], "the filter keeps some of the team's rows"
    model = {"accounts": Account, "people": Person, "conversations": Conversation}[
        url.split("/")[2].split("?")[0]
    ]
    ours = set(model.objects.for_team(team_a).values_list("id", flat=True))
    assert {row["id"] for row in plain["items"]} <= ours


def test_another_teams_filter_values_find_nothing(
    team_a: Any, alice: Any, bob: Any, charlie_client: Any
) -> None:
    _team_data(team_a, alice, bob)
    account = Conversation.objects.for_team(team_a).first().account
    for url in (
        f"/api/conversations?account_id={account.pk}",
        f"/api/people?account_id={account.pk}",
        f"/api/accounts?parent_id={account.pk}",
        "/api/accounts?owner=alice",
        f"/api/buying/journeys?account_id={account.pk}&outcome=all",
    ):
        assert charlie_client.get(url).json() == {"count": 0, "next_after": None, "items": []}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite plans without statistics")
@pytest.mark.parametrize(
    ("url", "index"),
    [
        ("/api/conversations?account_id=ACCOUNT", "account_id"),
        ("/api/accounts?owner=alice", "owner_id"),
        ("/api/accounts?parent_id=PARENT", "parent_id"),
        ("/api/accounts?category_id=CATEGORY", "category_id"),
        ("/api/accounts?tier=key", "tier"),
        ("/api/people?account_id=ACCOUNT", "account_id"),
        ("/api/buying/journeys?account_id=ACCOUNT", "account_id"),
    ],
)
def test_a_filtered_page_starts_from_the_filters_index(
    team_a: Any, alice: Any, bob: Any, alice_client: Any, url: str, index: str
) -> None:
    """An account's conversations (or journeys, people), an owner's accounts: SQLite,
    planning without statistics, walked every row of the team in id order through the
    (team, id) index to find an account's few (100,000 at scale 100). The statements
    of the page and of its total must search the filter's own index instead."""
    from django.test.utils import CaptureQueriesContext

    _team_data(team_a, alice, bob)
    account = Conversation.objects.for_team(team_a).first().account
    parent = Account.objects.for_team(team_a).filter(subsidiaries__isnull=False).first()
    url = (
        url.replace("CATEGORY", str(parent.category_id))
        .replace("PARENT", str(parent.pk))
        .replace("ACCOUNT", str(account.pk))
    )
    with CaptureQueriesContext(connection) as queries:
        assert alice_client.get(url).status_code == 200
    table = {
        "conversations": Conversation,
        "accounts": Account,
        "people": Person,
        "journeys": Journey,
    }[url.split("?")[0].rsplit("/", 1)[1]]._meta.db_table
    statements = [
        q["sql"]
        for q in queries.captured_queries
        if f"FROM {table} x" in q["sql"] or f'FROM "{table}" x' in q["sql"]
    ]
    assert len(statements) == 2, statements  # the page and its total
    for sql in statements:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " / ".join(str(row[-1]) for row in cursor.fetchall())
        assert "SCAN x" not in plan, plan
        assert f"({index}=?" in plan or f"AND {index}=?" in plan, plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite plans without statistics")
@pytest.mark.django_db
@pytest.mark.parametrize("model", [Account, Person, Conversation, Journey])
def test_a_page_in_id_order_is_read_from_an_index_without_sorting_the_team(model: Any) -> None:
    """Each list pages the team's rows by id (keyset ``after``): an index must give
    them in that order. When an import-speed change dropped the people's team index,
    SQLite sorted all the team's people for every page (10.2 instead of 4.6 ms of CPU
    for the API's people list at scale 100)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"EXPLAIN QUERY PLAN SELECT x.id FROM {table} x"  # noqa: S608 - the model's table
            " WHERE x.team_id = %s AND x.id > %s ORDER BY x.id LIMIT 50",
            [1, 0],
        )
        plan = " / ".join(str(row[-1]) for row in cursor.fetchall())
    assert "TEMP B-TREE" not in plan, plan
    assert "USING" in plan and "INDEX" in plan, plan


@pytest.mark.parametrize(("url", "model", "rows"), LISTS)
def test_another_teams_caller_gets_none_of_it(
    team_a: Any, alice: Any, bob: Any, charlie_client: Any, url: str, model: Any, rows: Any
) -> None:
    _team_data(team_a, alice, bob)
    assert charlie_client.get(url).json() == {"count": 0, "next_after": None, "items": []}


@pytest.mark.parametrize(
    "stored",
    [
        "2026-12-06 08:30:00",
        "2026-12-06 08:30:00.000120",
        "2026-12-06 08:30:00+00:00",
        "2026-12-06T08:30:00.5+00:00",
        dt.datetime(2026, 12, 6, 8, 30, 0, 120),
        dt.datetime(2026, 12, 6, 8, 30, tzinfo=dt.UTC),
    ],
)
def test_stored_times_are_written_as_the_orm_writes_them(stored: Any) -> None:
    """The page's times as SQLite's stored text (read without the driver's parsing) or
    as datetimes: the JSON bytes are those of the aware UTC datetime the ORM gives."""
    from fasit.core.api_utils import _json_value, _utc_time

    parsed = stored if isinstance(stored, dt.datetime) else dt.datetime.fromisoformat(stored)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    assert orjson.dumps(_utc_time(stored), default=_json_value) == orjson.dumps(parsed)


@pytest.mark.parametrize(
    "query",
    [
        "limit=3",
        "limit=2&offset=1",
        "order=-id&limit=3",
        "after=FIRST&limit=2",
        "outcome=all&limit=50",
        "outcome=bought",
    ],
)
def test_journeys_page_without_a_filter_is_the_orm_page(
    team_a: Any, team_b: Any, alice: Any, charlie: Any, alice_client: Any, query: str
) -> None:
    """The journeys list read by one fixed statement of ids gives what the ORM's
    query gives (``updated_since`` far back keeps every row but takes the ORM's path),
    and only the caller's team."""
    from fasit.buying import services
    from fasit.buying.models import Journey
    from fasit.buying.tests.helpers import journey_at, process_for

    for team, actor in ((team_a, alice), (team_b, charlie)):
        process = process_for(team, actor)
        for i in range(6):
            journey = journey_at(
                team, actor, process=process, index=i % 3, since=timezone.localdate(), title=f"J{i}"
            )
            if i in (1, 4):
                services.journey_set_outcome(journey=journey, actor=actor, outcome="bought")
    first = Journey.objects.for_team(team_a).order_by("id").values_list("id", flat=True)[1]
    url = f"/api/buying/journeys?{query.replace('FIRST', str(first))}"
    plain = alice_client.get(url).json()
    orm = alice_client.get(url + "&updated_since=2000-01-01T00:00:00Z").json()
    assert plain == orm
    assert plain["items"]
    ours = set(Journey.objects.for_team(team_a).values_list("id", flat=True))
    assert {row["id"] for row in plain["items"]} <= ours
