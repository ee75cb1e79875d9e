"""Session lifetime: signed out after an idle period and, however active, after an
absolute lifetime (docs/operations.md#sessions)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

SIGNED_IN_AT = "fasit_signed_in_at"
SEEN_AT = "fasit_seen_at"
# Activity is written back at most this often, so an active user costs one session
# write a minute rather than one per request (SQLite has one writer at a time).
SEEN_RESOLUTION_SECONDS = 60


def start_session_clock(request: HttpRequest) -> None:
    now = timezone.now().timestamp()
    request.session[SIGNED_IN_AT] = now
    request.session[SEEN_AT] = now


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            expired = self._check(request)
            if expired:
                return expired
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> HttpResponse | None:
        session = request.session
        now = timezone.now().timestamp()
        signed_in = session.get(SIGNED_IN_AT)
        seen = session.get(SEEN_AT)
        if signed_in is None or seen is None:
            # A session from before these limits: its clock starts now.
            start_session_clock(request)
            return None
        idle = settings.FASIT_SESSION_IDLE_MINUTES * 60
        lifetime = settings.FASIT_SESSION_MAX_HOURS * 3600
        if now - seen > idle:
            message = _("You were signed out after %(minutes)d minutes without activity.") % {
                "minutes": settings.FASIT_SESSION_IDLE_MINUTES
            }
        elif now - signed_in > lifetime:
            message = _("You were signed out: a session lasts at most %(hours)d hours.") % {
                "hours": settings.FASIT_SESSION_MAX_HOURS
            }
        else:
            if now - seen >= SEEN_RESOLUTION_SECONDS:
                session[SEEN_AT] = now
            return None
        logout(request)
        if request.path.startswith("/api/"):
            return None  # the API answers 401 to the now anonymous request
        messages.info(request, message)
        login = redirect_to_login(request.get_full_path())
        if getattr(request, "htmx", False):
            # A fragment request must not swap the login page into part of a page.
            return HttpResponse(headers={"HX-Redirect": login["Location"]})
        return login


# Where a member whose team requires two-step sign-in may still go before setting it up.
SETUP_ALLOWED = ("signin:two_factor", "logout", "set_language", "team_switch")


def _requires_two_factor(team: Any) -> bool:
    """Read with the request's user in the same statement when it was signed in by
    session (tenancy.selectors.signed_in_user), else looked up."""
    from fasit.signin.services import team_requires_two_factor

    known = getattr(team, "_fasit_requires_two_factor", None)
    return bool(known) if known is not None else team_requires_two_factor(team)


class TwoFactorRequiredMiddleware:
    """Members of a team that requires two-step sign-in and have not set it up are sent
    to the set-up before anything else (the API refuses them with 403)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._allowed: tuple[str, ...] | None = None

    def allowed_paths(self) -> tuple[str, ...]:
        if self._allowed is None:
            from django.urls import reverse

            self._allowed = (*(reverse(name) for name in SETUP_ALLOWED), settings.STATIC_URL)
        return self._allowed

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from fasit.signin.services import device_for

        team = getattr(request, "team", None)
        if (
            team is not None
            and not request.path.startswith(self.allowed_paths())
            and _requires_two_factor(team)
            and device_for(request.user) is None
        ):
            message = _("Your team requires two-step sign-in. Set it up to go on using Fasit.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=403)
            from django.shortcuts import redirect

            messages.info(request, message)
            target = redirect("signin:two_factor")
            if getattr(request, "htmx", False):
                return HttpResponse(headers={"HX-Redirect": target["Location"]})
            return target
        return self.get_response(request)
