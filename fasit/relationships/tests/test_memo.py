"""What ``memo.py`` keeps from one version of a team's data to the next equals a
recompute, after every kind of write through the services, and a logged conversation
recomputes its own account only."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fasit.conversations.models import Conversation
from fasit.conversations.services import conversation_delete, conversation_log, conversation_update
from fasit.core.cache import forget_area_versions, team_data_version
from fasit.customers import services as customers
from fasit.customers.models import Account, Person
from fasit.privacy.erasure import person_erase
from fasit.relationships import memo, services, snapshots
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory
from fasit.transfer.importing import ImportOptions, open_import_file, run_import
from fasit.transfer.merging import record_merge

NOW = dt.datetime(2026, 11, 18, 10, 30, tzinfo=dt.UTC)

COMPANIES = "Record ID,Company name,Country/Region\n9001,Fjord Energi AS,Norway\n"
CONTACTS = (
    "Record ID,First Name,Last Name,Email,Associated Company\n"
    "101,Kari,Nordmann,kari@fjord.no,Fjord Energi AS\n"
)

PAGES = (
    "relationships:being_on",
    "relationships:key_accounts",
    "home",
)
QUERIES = ("", "?dark=on", "?sort=account", "?mine=on", "?page=2")

#: CSRF tokens (in forms and the htmx header): masked anew for each request
CSRF = re.compile(r"\b[A-Za-z0-9]{64}\b")


def _pages(client: Client) -> dict[str, str]:
    out = {}
    for name in PAGES:
        for query in QUERIES:
            response = client.get(reverse(name) + query)
            assert response.status_code == 200
            out[name + query] = CSRF.sub("TOKEN", response.content.decode())
    return out


def _fresh(client: Client) -> dict[str, str]:
    """The pages computed from nothing kept, leaving the memos as they were."""
    saved = dict(memo._memos)
    memo.clear()
    for cache in caches.all():
        cache.clear()
    forget_area_versions()
    try:
        return _pages(client)
    finally:
        memo.clear()
        memo._memos.update(saved)


def _same(team: Any, client: Client, owner: Any) -> None:
    today = timezone.localdate()
    kept = _pages(client)
    for scope in (None, owner):
        for dark in (False, True):
            assert snapshots.kept_ranking(
                team, today=today, owner=scope, going_dark=dark
            ) == snapshots.ranking(team, today=today, owner=scope, going_dark=dark)
    fresh = _fresh(client)
    for page, html in kept.items():
        assert html == fresh[page], page


def _seed(team: Any, owner: Any, n: int, prefix: str = "Konto") -> list[Account]:
    accounts = []
    for i in range(n):
        account = AccountFactory(
            team=team, name=f"{prefix} {i:02}", tier="key", owner=owner if i % 2 else None
        )
        person = PersonFactory(team=team, name=f"Person {i:02}")
        PersonRoleFactory(person=person, account=account)
        conversation = ConversationFactory(
            team=team, account=account, occurred_at=NOW - dt.timedelta(days=10 + 3 * i)
        )
        conversation.people.add(person)
        accounts.append(account)
    return accounts


@pytest.mark.django_db
def test_what_is_kept_equals_a_recompute_after_each_kind_of_write(
    team_a: Any,
    team_b: Any,
    alice: Any,
    alice_client: Client,
    charlie_client: Client,
    tmp_path: Path,
) -> None:
    with time_machine.travel(NOW, tick=False):
        accounts = _seed(team_a, alice, 55)
        _seed(team_b, None, 3, prefix="Annan")
        first = accounts[0]
        _same(team_a, alice_client, alice)

        # A logged conversation changes its own account only.
        version = team_data_version(team_a)
        person = Person.objects.get(team=team_a, name="Person 00")
        logged = conversation_log(
            team=team_a, actor=alice, account=first, people=[person], kind="call"
        )
        assert memo.changed_accounts(team_a, version, team_data_version(team_a)) == {first.pk}
        _same(team_a, alice_client, alice)

        # Edits of a conversation: its kind, its account (both accounts change), deletes.
        conversation_update(conversation=logged, actor=alice, data={"kind": "meeting"})
        _same(team_a, alice_client, alice)
        version = team_data_version(team_a)
        conversation_update(conversation=logged, actor=alice, data={"account": accounts[3]})
        assert memo.changed_accounts(team_a, version, team_data_version(team_a)) is None
        _same(team_a, alice_client, alice)
        conversation_delete(conversation=logged, actor=alice)
        _same(team_a, alice_client, alice)

        # Accounts, people, roles, revenue and norms.
        customers.account_update(account=accounts[4], actor=alice, data={"name": "Aaa Først"})
        customers.account_update(account=accounts[5], actor=alice, data={"owner": None})
        customers.person_update(
            person=Person.objects.get(team=team_a, name="Person 06"),
            actor=alice,
            data={"name": "Zed"},
        )
        _same(team_a, alice_client, alice)
        customers.person_role_set(
            person=Person.objects.get(team=team_a, name="Person 07"),
            actor=alice,
            account=accounts[8],
        )
        customers.account_revenue_set(
            account=accounts[9], actor=alice, year=2026, amount=Decimal("1000000")
        )
        services.account_cadence_set(account=accounts[10], actor=alice, days=90)
        _same(team_a, alice_client, alice)
        services.cadence_norm_set(team=team_a, actor=alice, tier="key", days=60)
        customers.account_create(team=team_a, actor=alice, name="Ny kund", tier="key")
        _same(team_a, alice_client, alice)
        customers.account_delete(account=accounts[11], actor=alice)
        _same(team_a, alice_client, alice)

        # A merge of two accounts, an erasure, an import.
        record_merge(keep=accounts[12], drop=accounts[13], actor=alice, choices={})
        _same(team_a, alice_client, alice)
        person_erase(
            person=Person.objects.get(team=team_a, name="Person 14"), actor=alice, channel="web"
        )
        _same(team_a, alice_client, alice)
        files = []
        for name, text in (("companies", COMPANIES), ("contacts", CONTACTS)):
            path = tmp_path / f"{name}.csv"
            path.write_text(text, encoding="utf-8")
            files.append(open_import_file(path, path.name, team=team_a)[0])
        run_import(team=team_a, actor=alice, files=files, options=ImportOptions())
        _same(team_a, alice_client, alice)

        # Another team's user sees none of it; their own pages equal a recompute too.
        html = charlie_client.get(reverse("relationships:being_on")).content.decode()
        assert "Konto 0" not in html and "Aaa Først" not in html and "Annan 00" in html
        assert charlie_client.get(reverse("accounts:detail", args=[first.pk])).status_code == 404
        assert Conversation.objects.filter(team=team_b).count() == 3


@pytest.mark.django_db
def test_a_logged_conversation_assesses_its_account_only(
    team_a: Any, alice: Any, alice_client: Client, monkeypatch: Any
) -> None:
    with time_machine.travel(NOW, tick=False):
        accounts = _seed(team_a, alice, 6)
        url = reverse("relationships:being_on")
        alice_client.get(url)
        assessed: list[list[int]] = []
        real = snapshots.selectors.being_on

        def counting(team: Any, **kwargs: Any) -> Any:
            rows = real(team, **kwargs)
            assessed.append(sorted(r.account.pk for r in rows))
            return rows

        monkeypatch.setattr(snapshots.selectors, "being_on", counting)
        conversation_log(team=team_a, actor=alice, account=accounts[2], kind="call")
        assert alice_client.get(url).status_code == 200
        assert assessed and all(ids == [accounts[2].pk] for ids in assessed)
