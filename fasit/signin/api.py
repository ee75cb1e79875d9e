"""The caller's two-step sign-in, read-only over the API.

Turning it on, confirming it, renewing recovery codes and turning it off stay on the
settings page, deliberately: a personal access token is a bearer secret that skips
two-step sign-in, and a stolen one must not be able to take over the user's
interactive sign-in (enrol an authenticator the user does not hold, so the user is
locked out and the thief is not) or read fresh recovery codes. The same reason keeps
token management off the API. The team's requirement is read here too; owners change
it on the settings page, with a signed-in session that passed two-step sign-in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from fasit.signin.services import (
    device_for,
    recovery_codes_left,
    team_requires_two_factor,
    two_factor_required,
)

router = Router(tags=["me"])


class TwoStepOut(Schema):
    """``enabled``: the caller signs in with a code from an authenticator app (since
    ``enabled_at``); ``recovery_codes_left``: unused recovery codes;
    ``required_by_team``: this team requires it of every member; ``required``: some
    team of the caller's does (then it cannot be turned off)."""

    enabled: bool
    enabled_at: dt.datetime | None
    recovery_codes_left: int
    required_by_team: bool
    required: bool


@router.get("/two-step", response=TwoStepOut)
def two_step_status(request: HttpRequest) -> Any:
    user = request.user
    device = device_for(user)
    return {
        "enabled": device is not None,
        "enabled_at": device.confirmed_at if device else None,
        "recovery_codes_left": recovery_codes_left(user) if device else 0,
        "required_by_team": team_requires_two_factor(request.team),  # type: ignore[attr-defined]
        "required": two_factor_required(user),
    }
