from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja.security import SessionAuth


class TeamSessionAuth(SessionAuth):
    """Django's session, and the user must have an active team (request.team)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None or getattr(request, "team", None) is None:
            return None
        return user


def require_write(request: HttpRequest) -> None:
    if not request.membership.can_write:  # type: ignore[attr-defined]
        raise PermissionDenied("Viewers cannot change team data.")


def error_detail(exc: ValidationError) -> dict[str, list[str]]:
    """A service's ValidationError as the API's 400 body: field -> messages."""
    if hasattr(exc, "error_dict"):
        return exc.message_dict
    return {"__all__": exc.messages}
