from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import BaseThrottle

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TeamSessionAuth(SessionAuth):
    """Django's session, and the user must have an active team (request.team).
    Writes need the CSRF token, as in the browser."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None or getattr(request, "team", None) is None:
            return None
        return user


class TokenMembership:
    """The token user's membership as the API sees it: a read token can neither write
    nor shape, whatever the user's role; a write token has exactly the role's rights."""

    def __init__(self, membership: Any, token: Any) -> None:
        self._membership = membership
        self.token = token
        self.team = membership.team
        self.role = membership.role

    @property
    def can_write(self) -> bool:
        return bool(self._membership.can_write and self.token.can_write)

    @property
    def can_shape(self) -> bool:
        return bool(self._membership.can_shape and self.token.can_write)

    @property
    def is_owner(self) -> bool:
        return bool(self._membership.is_owner)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <personal access token>``.

    The token is bound to one team: the request sees that team only, with the token
    user's current role there (a user who left the team loses the token's access).
    """

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from fasit.tenancy.models import ApiToken, Membership
        from fasit.tenancy.services import TOKEN_PREFIX, token_digest

        token = token.strip()
        if not token.startswith(TOKEN_PREFIX) or len(token) > 100:
            return None
        found = (
            ApiToken.objects.select_related("user", "team")
            .filter(digest=token_digest(token), revoked_at__isnull=True)
            .first()
        )
        now = timezone.now()
        if found is None or (found.expires_at is not None and found.expires_at <= now):
            return None
        if not found.user.is_active:
            return None
        membership = (
            Membership.objects.filter(team=found.team, user=found.user)
            .select_related("team")
            .first()
        )
        if membership is None:
            return None
        if request.method not in SAFE_METHODS and not found.can_write:
            raise PermissionDenied("This token may only read.")
        # One write a minute at most: "last used" to the minute is what the settings
        # page shows, and a write per request would cost every API call.
        if found.last_used_at is None or now - found.last_used_at > dt.timedelta(seconds=60):
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        request.team = found.team  # type: ignore[attr-defined]
        request.membership = TokenMembership(membership, found)  # type: ignore[attr-defined]
        request.api_token = found  # type: ignore[attr-defined]
        return found.user


class TokenRateThrottle(BaseThrottle):
    """``FASIT_API_RATE_LIMIT`` requests per ``FASIT_API_RATE_WINDOW`` seconds per token
    (a fixed window counted in Django's cache); more get 429 with ``Retry-After``.
    Browser sessions are not limited. With a per-process cache (the default) each web
    process counts on its own; configure a shared cache to count across processes."""

    def __init__(self) -> None:
        self.retry_after: float | None = None

    def allow_request(self, request: HttpRequest) -> bool:
        token = getattr(request, "api_token", None)
        limit = settings.FASIT_API_RATE_LIMIT
        if token is None or limit <= 0:
            return True
        window = settings.FASIT_API_RATE_WINDOW
        now = time.time()
        start = int(now // window)
        key = f"fasit:api-rate:{token.pk}:{start}"
        cache.add(key, 0, window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr: a new window
            cache.set(key, 1, window + 1)
            count = 1
        if count > limit:
            self.retry_after = (start + 1) * window - now
            return False
        return True

    def wait(self) -> float | None:
        return self.retry_after


def require_write(request: HttpRequest) -> None:
    if not request.membership.can_write:  # type: ignore[attr-defined]
        raise PermissionDenied("Viewers cannot change team data.")


def require_shape(request: HttpRequest) -> None:
    if not request.membership.can_shape:  # type: ignore[attr-defined]
        raise PermissionDenied("This role cannot shape buying processes or themes.")


def require_owner(request: HttpRequest) -> None:
    if not request.membership.is_owner:  # type: ignore[attr-defined]
        raise PermissionDenied("Only the team's owners can do this.")


def error_detail(exc: ValidationError) -> dict[str, list[str]]:
    """A service's ValidationError as the API's 400 body: field -> messages."""
    if hasattr(exc, "error_dict"):
        return exc.message_dict
    return {"__all__": exc.messages}
