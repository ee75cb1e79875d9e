from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from fasit.tenancy.selectors import user_teams


def team(request: HttpRequest) -> dict[str, Any]:
    membership = getattr(request, "membership", None)
    if membership is None:
        return {
            "team": None,
            "membership": None,
            "can_write": False,
            "can_shape": False,
            "user_teams": [],
        }
    return {
        "team": membership.team,
        "membership": membership,
        "can_write": membership.can_write,
        "can_shape": membership.can_shape,
        "user_teams": user_teams(request.user),
    }
