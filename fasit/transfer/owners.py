"""Owners named in a source file (HubSpot's *Contact owner*, Salesforce's *OwnerId*)
matched to the team's users."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth import get_user_model

from fasit.engine.transfer.records import fold
from fasit.tenancy.selectors import team_users


def owner_key(value: str) -> str:
    return fold(value)


class OwnerIndex:
    """Finds a team user by e-mail, full name, username or an explicit choice."""

    def __init__(self, team: Any, chosen: Mapping[str, Any] | None = None) -> None:
        self.by_key: dict[str, int] = {}
        member_ids = set()
        for user in team_users(team):
            member_ids.add(user.pk)
            for key in (user.email, user.get_full_name(), user.username):
                if key:
                    self.by_key.setdefault(owner_key(key), user.pk)
        # Choices made in the preview win; "" or None there means "nobody".
        self.chosen: dict[str, int | None] = {}
        for value, user_id in (chosen or {}).items():
            try:
                parsed = int(user_id) if user_id not in (None, "") else None
            except (TypeError, ValueError):
                parsed = None
            self.chosen[owner_key(value)] = parsed if parsed in member_ids else None
        self.unmatched: set[str] = set()
        # A file names the same few owners on a million lines: each value is folded once.
        self._found: dict[str, int | None] = {}

    def find(self, value: str) -> int | None:
        if not value:
            return None
        if value in self._found:
            return self._found[value]
        key = owner_key(value)
        if key in self.chosen:
            found = self.chosen[key]
        else:
            found = self.by_key.get(key)
            if found is None:
                self.unmatched.add(value)
        if len(self._found) < 10_000:
            self._found[value] = found
        return found

    def suggest(self, value: str) -> int | None:
        """The user an owner value matches without asking (for the preview)."""
        key = owner_key(value)
        return self.chosen.get(key, self.by_key.get(key))


def user_names(ids: set[int]) -> dict[int, str]:
    users = get_user_model().objects.filter(pk__in=ids)
    return {u.pk: u.get_full_name() or u.username for u in users}
