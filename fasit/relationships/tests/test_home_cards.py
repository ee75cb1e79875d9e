from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from fasit.testing import AccountFactory, ConversationFactory


def test_home_cards_show_the_team_to_someone_without_accounts(
    team_a: Any, alice_client: Any, bob: Any, bob_client: Any
) -> None:
    account = AccountFactory(team=team_a, name="Stille Kunde AS", tier="key", owner=bob)
    ConversationFactory(
        team=team_a, account=account, occurred_at=timezone.now() - dt.timedelta(days=60)
    )
    manager = alice_client.get(reverse("home")).content.decode()
    seller = bob_client.get(reverse("home")).content.decode()
    assert "Stille Kunde AS" in manager
    assert "the team" in manager
    assert "Stille Kunde AS" in seller
    assert "the team" not in seller
