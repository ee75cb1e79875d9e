from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from fasit.tenancy.selectors import active_membership


class TeamMiddleware:
    """Puts the user's active team and membership on the request.

    ``request.team`` is None for anonymous users and users with no team, and every
    ``for_team(None)`` query is empty: losing the team fails closed.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership = None
        if request.user.is_authenticated:
            membership = active_membership(request.user, request.session.get("team_id"))
        request.membership = membership  # type: ignore[attr-defined]
        request.team = membership.team if membership else None  # type: ignore[attr-defined]
        return self.get_response(request)
