"""What the home page's cards show, for the page and the API alike."""

from __future__ import annotations

from typing import Any

from fasit.conversations.selectors import open_follow_ups, recent_conversations
from fasit.customers.models import Account
from fasit.customers.selectors import key_accounts

HOME_FOLLOW_UPS = 10
HOME_KEY_ACCOUNTS = 12
HOME_RECENT = 10


def home_cards(team: Any, user: Any) -> dict[str, Any]:
    # A seller sees their own key accounts, like the other cards; someone who owns
    # none (a sales manager, a viewer) sees the team's.
    mine = Account.objects.for_team(team).filter(owner=user).exists()
    follow_ups = open_follow_ups(team, owner=user).select_related("conversation__account")
    shown = list(follow_ups[:HOME_FOLLOW_UPS])
    # Counted only when the card is full: the link then says how many the list adds.
    more = follow_ups.count() - len(shown) if len(shown) == HOME_FOLLOW_UPS else 0
    return {
        "key_accounts": key_accounts(team, owner=user if mine else None)[:HOME_KEY_ACCOUNTS],
        "key_accounts_mine": mine,
        "follow_ups": shown,
        "follow_ups_more": more,
        "recent": recent_conversations(team)[:HOME_RECENT],
    }
