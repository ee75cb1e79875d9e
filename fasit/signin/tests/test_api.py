"""The caller's two-step sign-in status over the API (read-only by design: see
fasit/signin/api.py), per user and per token's team."""

from __future__ import annotations

from typing import Any

import pytest

from fasit.signin.services import team_set_two_factor
from fasit.signin.tests.test_two_factor import turn_on

pytestmark = pytest.mark.django_db


def test_each_caller_reads_their_own_two_step_status(
    team_a: Any, alice: Any, alice_api: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    off = bob_api.get("/api/me/two-step").json()
    assert off == {
        "enabled": False,
        "enabled_at": None,
        "recovery_codes_left": 0,
        "required_by_team": False,
        "required": False,
    }
    _secret, codes = turn_on(alice)
    team_set_two_factor(team=team_a, actor=alice, required=True)
    mine = alice_api.get("/api/me/two-step").json()
    assert (mine["enabled"], mine["recovery_codes_left"], mine["required"]) == (
        True,
        len(codes),
        True,
    )
    assert mine["enabled_at"] is not None
    # bob's is still off, his team now requires it; a viewer reads their own too.
    assert bob_api.get("/api/me/two-step").json()["required_by_team"] is True
    assert victor_api.get("/api/me/two-step").json()["enabled"] is False
    # charlie's team (B) requires nothing.
    theirs = charlie_api.get("/api/me/two-step").json()
    assert (theirs["required_by_team"], theirs["required"]) == (False, False)


def test_no_operation_changes_two_step_sign_in_or_tokens(client: Any) -> None:
    """Enrolling, disabling, recovery codes and tokens stay on the settings page."""
    paths = client.get("/api/openapi.json").json()["paths"]
    writes = [
        path
        for path, methods in paths.items()
        if {"post", "put", "patch", "delete"} & set(methods)
        and any(word in path for word in ("two-step", "two-factor", "recovery", "token"))
    ]
    assert writes == []
