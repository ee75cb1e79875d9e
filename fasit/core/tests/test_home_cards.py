"""Home's cards kept from one version of the team's data to the next (``core/home.py``)
equal a recompute after each kind of write, for two users and a viewer, and a logged
conversation renders neither the key accounts nor the follow-ups again."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from fasit.conversations.models import FollowUp
from fasit.conversations.services import (
    conversation_delete,
    conversation_log,
    conversation_update,
    followup_create,
    followup_set_done,
)
from fasit.core import cache as core_cache
from fasit.core import home
from fasit.customers import services as customers
from fasit.relationships import memo
from fasit.tenancy.models import UserProfile
from fasit.testing import AccountFactory, ConversationFactory, FollowUpFactory

NOW = dt.datetime(2026, 11, 18, 10, 30, tzinfo=dt.UTC)

#: CSRF tokens (in forms and the htmx header): masked anew for each request
CSRF = re.compile(r"\b[A-Za-z0-9]{64}\b")

_fresh_tags = itertools.count()


def _home(client: Client) -> str:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return CSRF.sub("TOKEN", response.content.decode())


def _pages(clients: dict[str, Client]) -> dict[str, str]:
    return {name: _home(client) for name, client in clients.items()}


def _fresh(clients: dict[str, Client], monkeypatch: Any) -> dict[str, str]:
    """The pages computed from nothing kept: under another database tag every cache key,
    memo, kept version and area version is new, and what the real tag keeps stays."""
    tag = f"fresh{next(_fresh_tags)}"
    with monkeypatch.context() as patch:
        patch.setattr(core_cache, "_database_tag", lambda: tag)
        patch.setattr(memo, "_database_tag", lambda: tag)
        return _pages(clients)


def _same(clients: dict[str, Client], monkeypatch: Any) -> dict[str, str]:
    kept = _pages(clients)
    fresh = _fresh(clients, monkeypatch)
    for name, html in kept.items():
        assert html == fresh[name], name
    return kept


@pytest.mark.django_db
def test_kept_cards_equal_a_recompute_after_each_kind_of_write(
    team_a: Any,
    team_b: Any,
    alice: Any,
    bob: Any,
    victor: Any,
    alice_client: Client,
    victor_client: Client,
    charlie_client: Client,
    monkeypatch: Any,
) -> None:
    with time_machine.travel(NOW, tick=False):
        # Bob reads Swedish in Nuuk: another language, time zone and "today" (the
        # session takes them at sign-in).
        UserProfile.objects.create(user=bob, language="sv", time_zone="America/Nuuk")
        bob_client = Client()
        bob_client.force_login(bob)
        accounts = [
            AccountFactory(
                team=team_a,
                name=f"Konto {i:02}",
                tier="key",
                owner=(alice, bob, None)[i % 3],
            )
            for i in range(15)
        ]
        for i, account in enumerate(accounts[:12]):
            conversation = ConversationFactory(
                team=team_a, account=account, occurred_at=NOW - dt.timedelta(days=2 + 5 * i)
            )
            FollowUpFactory(
                conversation=conversation,
                task=f"Oppgave {i:02}",
                owner=(alice, bob)[i % 2],
                due_date=(NOW - dt.timedelta(days=i - 4)).date(),
            )
        other = AccountFactory(team=team_b, name="Annan kund", tier="key")
        ConversationFactory(team=team_b, account=other, occurred_at=NOW)
        clients = {"alice": alice_client, "bob": bob_client, "victor": victor_client}
        pages = _same(clients, monkeypatch)
        assert "Oppgave 00" in pages["alice"] and "Oppgave 01" in pages["bob"]
        assert "Mina nyckelkunder" in pages["bob"] and "Konto 01" in pages["bob"]
        assert "/toggle/" in pages["alice"] and "/toggle/" not in pages["victor"]
        assert "no conversation yet" in pages["alice"]  # Konto 12

        # A logged conversation: the key accounts and the follow-ups are kept, and the
        # account without a conversation yet now has one.
        rendered: list[str] = []
        real_keys, real_follow_ups = home.key_accounts, home._follow_ups

        def keys(*args: Any, **kwargs: Any) -> Any:
            rendered.append("keys")
            return real_keys(*args, **kwargs)

        def follow_ups(*args: Any, **kwargs: Any) -> Any:
            rendered.append("follow-ups")
            return real_follow_ups(*args, **kwargs)

        monkeypatch.setattr(home, "key_accounts", keys)
        monkeypatch.setattr(home, "_follow_ups", follow_ups)
        logged = conversation_log(team=team_a, actor=alice, account=accounts[12], kind="call")
        kept = _pages(clients)
        assert rendered == []
        assert "no conversation yet" not in kept["alice"]
        assert kept == _fresh(clients, monkeypatch)
        monkeypatch.undo()
        # Two new follow-ups with a conversation, an edit that keeps the account.
        conversation_log(
            team=team_a,
            actor=alice,
            account=accounts[0],
            follow_ups=[{"task": "Ring igjen", "owner": alice}, {"task": "Møte", "owner": bob}],
        )
        conversation_update(conversation=logged, actor=alice, data={"subject": "Ny rubrik"})
        pages = _same(clients, monkeypatch)
        assert "Ring igjen" in pages["alice"] and "Møte" in pages["bob"]

        # A follow-up done, one reopened and one added to an older conversation.
        done = FollowUp.objects.get(task="Oppgave 00")
        followup_set_done(follow_up=done, actor=alice, done=True)
        _same(clients, monkeypatch)
        followup_set_done(follow_up=done, actor=alice, done=False)
        followup_create(conversation=done.conversation, actor=bob, task="Nytt", owner=bob)
        _same(clients, monkeypatch)

        # An account renamed, made a key account and no longer one, given another owner.
        customers.account_update(account=accounts[2], actor=alice, data={"name": "Aaa Først"})
        _same(clients, monkeypatch)
        customers.account_update(account=accounts[4], actor=alice, data={"tier": "customer"})
        customers.account_create(team=team_a, actor=alice, name="Abc Ny", tier="key", owner=bob)
        _same(clients, monkeypatch)
        customers.account_update(account=accounts[1], actor=alice, data={"owner": alice})
        _same(clients, monkeypatch)

        # A conversation moved to another account takes its follow-up along.
        moved = FollowUp.objects.get(task="Oppgave 03").conversation
        conversation_update(conversation=moved, actor=alice, data={"account": accounts[14]})
        pages = _same(clients, monkeypatch)
        assert "Konto 14" in pages["bob"]

        # Deletes: a conversation with its follow-up, an account with its conversations.
        conversation_delete(
            conversation=FollowUp.objects.get(task="Oppgave 05").conversation, actor=alice
        )
        _same(clients, monkeypatch)
        customers.account_delete(account=accounts[6], actor=alice)
        pages = _same(clients, monkeypatch)
        assert "Oppgave 05" not in pages["bob"] and "Oppgave 06" not in pages["alice"]

        # Another team sees none of it, its records are not found, a viewer writes nothing.
        html = _home(charlie_client)
        assert "Konto" not in html and "Oppgave" not in html and "Annan kund" in html
        assert (
            charlie_client.get(reverse("accounts:detail", args=[accounts[0].pk])).status_code == 404
        )
        toggle = reverse("conversations:followup_toggle", args=[done.pk])
        assert charlie_client.post(toggle).status_code == 404
        assert victor_client.post(toggle).status_code == 403
        assert not FollowUp.objects.get(pk=done.pk).done


@pytest.mark.django_db
def test_what_changes_a_card(team_a: Any) -> None:
    create, update, delete = "create", "update", "delete"
    # The key accounts follow accounts and settings, not conversations or follow-ups.
    assert not home.keys_affected(("conversations.conversation", "1", create, {}))
    assert not home.keys_affected(("conversations.followup", "1", update, {"done": [0, 1]}))
    assert home.keys_affected(("customers.account", "1", update, {"name": ["A", "B"]}))
    assert home.keys_affected(("transfer.importjob", "1", create, {}))
    assert home.keys_affected(("newapp.thing", "1", create, {}))
    # The follow-ups: not a new conversation or one edited in place; a moved or deleted one.
    assert not home.follow_ups_affected(("conversations.conversation", "1", create, {}))
    assert not home.follow_ups_affected(
        ("conversations.conversation", "1", update, {"subject": ["", "x"]})
    )
    assert home.follow_ups_affected(
        ("conversations.conversation", "1", update, {"account": [1, 2]})
    )
    assert home.follow_ups_affected(("conversations.conversation", "1", delete, {}))
    assert home.follow_ups_affected(("conversations.followup", "1", create, {}))
    assert home.follow_ups_affected(("customers.account", "1", update, {"name": ["A", "B"]}))
    assert home.follow_ups_affected(("newapp.thing", "1", create, {}))
