"""Bulk actions: tick accounts (or follow-ups) in a list and change them at once,
through the services (validated, audited, all or nothing, team-scoped)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from fasit.conversations.models import FollowUp
from fasit.core.models import AuditEvent
from fasit.customers.models import Account
from fasit.testing import AccountFactory, CategoryFactory, ConversationFactory

pytestmark = pytest.mark.django_db
BULK = "/accounts/bulk/"


@pytest.fixture
def three(team_a: Any, alice: Any) -> list[Any]:
    return [AccountFactory(team=team_a, owner=alice, tier="customer") for _ in range(3)]


def _state(accounts: list[Any]) -> list[tuple[Any, ...]]:
    return [
        tuple(Account.objects.filter(pk=a.pk).values_list("owner_id", "tier", "category_id")[0])
        for a in accounts
    ]


def test_reassign_owner_set_tier_and_category_of_the_ticked_accounts(
    three: Any, team_a: Any, alice_client: Any, bob: Any
) -> None:
    ids = [three[0].pk, three[1].pk]
    before = AuditEvent.objects.count()
    response = alice_client.post(
        BULK,
        {"ids": ids, "bulk-action": "owner", "bulk-owner": bob.pk, "next": "/accounts/?sort=-tier"},
    )
    assert response.status_code == 302 and response.url == "/accounts/?sort=-tier"
    assert [s[0] for s in _state(three)] == [bob.pk, bob.pk, three[2].owner_id]
    # Each change is audited as if made one by one.
    assert AuditEvent.objects.count() == before + 2
    alice_client.post(BULK, {"ids": ids, "bulk-action": "tier", "bulk-tier": "key"})
    assert [s[1] for s in _state(three)] == ["key", "key", "customer"]
    category = CategoryFactory(team=team_a, name="Energi")
    alice_client.post(
        BULK, {"ids": [three[2].pk], "bulk-action": "category", "bulk-category": category.pk}
    )
    assert _state(three)[2][2] == category.pk
    page = alice_client.get("/accounts/").content.decode()
    assert 'name="ids"' in page and 'id="bulk-form"' in page


def test_nothing_changes_without_a_value_or_with_a_viewer_as_owner(
    three: Any, alice_client: Any, victor: Any
) -> None:
    before = _state(three)
    response = alice_client.post(BULK, {"ids": [three[0].pk], "bulk-action": "tier"}, follow=True)
    assert "Choose the new value first." in response.content.decode()
    response = alice_client.post(
        BULK, {"ids": [three[0].pk], "bulk-action": "owner", "bulk-owner": victor.pk}, follow=True
    )
    assert _state(three) == before


def test_a_foreign_id_is_a_404_and_changes_nothing(
    three: Any, team_b: Any, charlie_client: Any, alice_client: Any, charlie: Any
) -> None:
    before = _state(three)
    # Charlie posts team A's ids (with one of his own): 404, nothing changes.
    own = AccountFactory(team=team_b, owner=charlie)
    response = charlie_client.post(
        BULK, {"ids": [own.pk, three[0].pk], "bulk-action": "tier", "bulk-tier": "key"}
    )
    assert response.status_code == 404
    assert _state(three) == before
    assert Account.objects.get(pk=own.pk).tier == "customer"
    # Alice slipping in a foreign id changes none of hers either.
    response = alice_client.post(
        BULK, {"ids": [three[0].pk, own.pk], "bulk-action": "tier", "bulk-tier": "key"}
    )
    assert response.status_code == 404
    assert _state(three) == before
    assert alice_client.post(BULK, {"ids": ["x"], "bulk-action": "tier"}).status_code == 404


def test_a_viewer_is_refused_and_sees_no_checkboxes(three: Any, victor_client: Any) -> None:
    before = _state(three)
    response = victor_client.post(
        BULK, {"ids": [three[0].pk], "bulk-action": "tier", "bulk-tier": "key"}
    )
    assert response.status_code == 403
    assert _state(three) == before
    assert 'name="ids"' not in victor_client.get("/accounts/").content.decode()


def test_follow_ups_are_marked_done_together(
    team_a: Any, team_b: Any, alice_client: Any, charlie_client: Any, victor_client: Any
) -> None:
    conversation = ConversationFactory(team=team_a)
    due = timezone.localdate() + dt.timedelta(days=2)
    a, b, c = (
        FollowUp.objects.create(conversation=conversation, task=t, due_date=due) for t in "abc"
    )
    url = reverse("conversations:followups_done")
    assert victor_client.post(url, {"ids": [a.pk]}).status_code == 403
    assert charlie_client.post(url, {"ids": [a.pk]}).status_code == 404
    theirs = FollowUp.objects.create(conversation=ConversationFactory(team=team_b), task="d")
    assert alice_client.post(url, {"ids": [a.pk, theirs.pk]}).status_code == 404
    assert not FollowUp.objects.filter(done=True).exists()
    before = AuditEvent.objects.count()
    response = alice_client.post(url, {"ids": [a.pk, b.pk]}, follow=True)
    assert "2 follow-ups done." in response.content.decode()
    assert set(FollowUp.objects.filter(done=True).values_list("task", flat=True)) == {"a", "b"}
    assert AuditEvent.objects.count() == before + 2
    assert (
        f'value="{c.pk}"' in alice_client.get(reverse("conversations:follow_ups")).content.decode()
    )
