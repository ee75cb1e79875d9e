"""The team tallies (core/tallies.py) equal a recount after every kind of write: the
services, cascades, merges, erasure, an import, a team import, the demo seed and a
team's deletion; and the API's unfiltered totals come from them, not from a COUNT."""

from __future__ import annotations

import datetime as dt
import io
import json
import threading
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from fasit.buying import services as buying
from fasit.buying.models import Journey
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.conversations.models import Conversation
from fasit.conversations.services import conversation_log, conversation_update
from fasit.core import tallies
from fasit.core.demo.generator import seed_demo
from fasit.customers import services as customers
from fasit.customers.models import Account, Person
from fasit.privacy.erasure import person_erase
from fasit.tenancy.models import Team
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory
from fasit.transfer import teamdump
from fasit.transfer.importing import ImportOptions, open_import_file, run_import
from fasit.transfer.merging import record_merge

COMPANIES = (
    "Record ID,Company name,Country/Region,Organization number\n"
    "9001,Fjord Energi AS,Norway,923609016\n"
    "9002,Vik Bygg AS,Norway,\n"
)
CONTACTS = (
    "Record ID,First Name,Last Name,Email,Job Title,Associated Company,Create Date\n"
    "101,Kari,Nordmann,kari@fjord.no,Innkjøpssjef,Fjord Energi AS,2023-04-12 10:22\n"
    "102,Ola,Hansen,ola@fjord.no,CFO,Fjord Energi AS,\n"
    "103,Siri,Dahl,siri@vik.no,Daglig leder,Vik Bygg AS,\n"
)


def _same(team: Any) -> dict[str, int]:
    kept = tallies.kept(team)
    assert kept == tallies.recount(team)
    return kept


def _import(team: Any, actor: Any, tmp_path: Path, **texts: str) -> None:
    files = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.csv"
        path.write_text(text, encoding="utf-8")
        files.append(open_import_file(path, path.name, team=team)[0])
    run_import(team=team, actor=actor, files=files, options=ImportOptions())


@pytest.mark.django_db
def test_the_tallies_equal_a_recount_after_each_kind_of_write(
    team_a: Any, team_b: Any, alice: Any, charlie: Any, tmp_path: Path
) -> None:
    assert tallies.kept(team_a) == {}
    # Creates: services, factories (the ORM's save) and another team's rows beside.
    process = process_for(team_a, alice)
    account = customers.account_create(
        team=team_a, actor=alice, name="Fjord AS", category=process.category
    )
    other = AccountFactory(team=team_a, category=process.category)
    AccountFactory(team=team_b)
    customers.person_create(team=team_a, actor=alice, name="Kari", legal_basis="li_customer")
    people = [PersonFactory(team=team_a) for _ in range(3)]
    conversation = conversation_log(team=team_a, actor=alice, account=account, kind="call")
    for _ in range(3):
        ConversationFactory(team=team_a, account=account)
    ConversationFactory(team=team_a, account=other)
    ConversationFactory(team=team_b, account=AccountFactory(team=team_b))
    journeys = [
        journey_at(team_a, alice, process=process, index=0, since=dt.date(2026, 1, 5), account=a)
        for a in (account, other, other)
    ]
    kept = _same(team_a)
    assert kept["accounts"] == 2
    assert tallies.total(team_a, "conversations") == 5
    assert tallies.total(team_a, "conversations", "call") == 1
    assert tallies.total(team_a, "journeys", "open") == 3
    _same(team_b)

    # Updates that move a row between buckets; one that does not.
    conversation_update(conversation=conversation, actor=alice, data={"kind": "meeting"})
    buying.journey_set_outcome(journey=journeys[0], actor=alice, outcome="bought")
    Conversation.objects.filter(team=team_a).update(subject="Same kind")
    _same(team_a)
    assert tallies.total(team_a, "journeys", "bought") == 1
    assert tallies.total(team_a, "journeys") == 3

    # Deletes: one record, and an account's cascade (conversations, journeys).
    customers.person_delete(person=people[0], actor=alice)
    buying.journey_delete(journey=journeys[1], actor=alice)
    customers.account_delete(account=account, actor=alice)
    kept = _same(team_a)
    assert kept.get("conversations:meeting", 0) + kept.get("conversations:call", 0) == 1

    # Merges of two people and of two accounts; an erasure.
    record_merge(keep=people[1], drop=people[2], actor=alice, choices={})
    third = AccountFactory(team=team_a, category=process.category)
    ConversationFactory(team=team_a, account=third)
    record_merge(keep=other, drop=third, actor=alice, choices={})
    _same(team_a)
    person_erase(person=people[1], actor=alice, channel="web")
    _same(team_a)

    # An import (bulk inserts: COPY on PostgreSQL).
    _import(team_a, alice, tmp_path, companies=COMPANIES, contacts=CONTACTS)
    kept = _same(team_a)
    assert Person.objects.filter(team=team_a, email="ola@fjord.no").exists()

    # The team's export into a new team.
    out = io.StringIO()
    teamdump.export_team(team_a, out)
    copy = Team.objects.create(name="Copy", slug="copy")
    teamdump.import_team(copy, json.loads(out.getvalue()))
    assert _same(copy) == kept

    # Deleting a team writes its tallies down to nothing.
    copy.delete()
    assert tallies.kept(copy.pk) == {}
    _same(team_a)
    _same(team_b)


@pytest.mark.django_db
def test_the_demo_seed_is_tallied(alice: Any) -> None:
    team = seed_demo(seed=3).team
    kept = _same(team)
    assert kept["accounts"] == Account.objects.filter(team=team).count() > 0
    assert tallies.total(team, "conversations") == Conversation.objects.filter(team=team).count()
    assert tallies.total(team, "journeys") == Journey.objects.filter(team=team).count()


def _get(client: Client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["count"], [q["sql"] for q in captured.captured_queries]


@pytest.mark.django_db
def test_the_api_lists_read_their_unfiltered_totals_from_the_tallies(
    team_a: Any, alice: Any, alice_api: Client, charlie_api: Client
) -> None:
    account = AccountFactory(team=team_a)
    for kind in ("call", "call", "meeting"):
        ConversationFactory(team=team_a, account=account, kind=kind)
    PersonFactory(team=team_a)
    process = process_for(team_a, alice)
    journey_at(team_a, alice, process=process, index=0, since=dt.date(2026, 1, 5))
    lists = {
        "/api/conversations": ("conversations_conversation", 3),
        "/api/conversations?kind=call": ("conversations_conversation", 2),
        "/api/accounts": ("customers_account", 2),
        "/api/people": ("customers_person", 1),
        "/api/buying/journeys": ("buying_journey", 1),
        "/api/buying/journeys?outcome=all": ("buying_journey", 1),
    }
    for url, (table, expected) in lists.items():
        count, statements = _get(alice_api, url)
        assert count == expected, url
        assert not [s for s in statements if "COUNT(" in s.upper() and table in s], statements
        assert [s for s in statements if tallies.TABLE in s], url
        # Another team's caller gets its own (empty) list.
        assert _get(charlie_api, url)[0] == 0
    # A filter the tallies do not keep is counted as before.
    count, statements = _get(alice_api, f"/api/conversations?account_id={account.pk}")
    assert count == 3
    assert [s for s in statements if "COUNT(" in s.upper()]
    # The record itself is the team's only.
    conversation = Conversation.objects.filter(team=team_a).first()
    assert charlie_api.get(f"/api/conversations/{conversation.pk}").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_postgresql_writers_never_wait_on_each_others_tallies(team_a: Any) -> None:
    """A transaction that has written a tally's delta and not committed (a long import)
    holds no writer of the same team up: the other's fold skips the held rows."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time")
    from django.db import connections, transaction

    account = AccountFactory(team=team_a)
    written, finish = threading.Event(), threading.Event()
    failed: list[BaseException] = []

    def long_writer() -> None:
        try:
            with transaction.atomic():
                AccountFactory(team=team_a)
                ConversationFactory(team=team_a, account=account)
                written.set()
                assert finish.wait(20)
        except BaseException as exc:  # noqa: BLE001 (reported by the main thread)
            failed.append(exc)
            written.set()
        finally:
            connections.close_all()

    thread = threading.Thread(target=long_writer)
    thread.start()
    assert written.wait(20)
    try:
        for _ in range(3):
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '2s'")
                # The other order too (conversations, then accounts): no deadlock.
                ConversationFactory(team=team_a, account=account)
                AccountFactory(team=team_a)
        # Meanwhile a reader sees the committed rows only, as a COUNT would.
        assert tallies.total(team_a, "accounts") == 4
        assert tallies.total(team_a, "conversations") == 3
    finally:
        finish.set()
        thread.join(20)
    assert not failed, failed
    _same(team_a)
    assert tallies.total(team_a, "accounts") == 5
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {tallies.TABLE} WHERE team_id = %s", [team_a.pk])
        rows = cursor.fetchone()[0]
    # A row a key for each writer open at once (two here), not one a statement.
    assert rows <= 2 * len(tallies.kept(team_a))


@pytest.mark.django_db
def test_the_web_lists_take_their_unfiltered_totals_from_the_tallies(
    team_a: Any, alice_client: Client, charlie_client: Client
) -> None:
    account = AccountFactory(team=team_a)
    for kind in ("call", "call", "meeting"):
        ConversationFactory(team=team_a, account=account, kind=kind)
    PersonFactory(team=team_a)
    pages = {
        "/conversations/": ("conversations_conversation", 3, True),
        "/conversations/?kind=call": ("conversations_conversation", 2, True),
        "/conversations/?q=zzz-nothing": ("conversations_conversation", 0, False),
        "/accounts/": ("customers_account", 1, True),
        "/accounts/?q=zzz-nothing": ("customers_account", 0, False),
        "/people/": ("customers_person", 1, True),
        "/people/?q=zzz-nothing": ("customers_person", 0, False),
    }
    for url, (table, expected, tallied) in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = alice_client.get(url)
        assert response.status_code == 200
        assert response.context["page_obj"].paginator.count == expected, url
        counts = [
            q["sql"]
            for q in captured.captured_queries
            if q["sql"].startswith("SELECT COUNT(*)") and f'FROM "{table}"' in q["sql"]
        ]
        assert bool(counts) != tallied, (url, counts)
        # Another team's user sees their own list: empty.
        assert charlie_client.get(url).context["page_obj"].paginator.count == 0
    conversation = Conversation.objects.filter(team=team_a).first()
    assert charlie_client.get(f"/conversations/{conversation.pk}/").status_code == 404
