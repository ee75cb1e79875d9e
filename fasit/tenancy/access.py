"""Access checks for views and API handlers.

Another team's record is a 404, never a 403 that would confirm it exists. Inside
one's own team, a viewer asking to change something gets a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

M = TypeVar("M", bound=Model)
View = Callable[..., HttpResponse]


def team_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if getattr(request, "team", None) is None:
            return render(request, "tenancy/no_team.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def write_required(view: View) -> View:
    @team_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.membership.can_write:  # type: ignore[attr-defined]
            raise PermissionDenied("Viewers cannot change team data.")
        return view(request, *args, **kwargs)

    return wrapper


def shape_required(view: View) -> View:
    """Shaping buying processes and themes: owners, members and the product role."""

    @team_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.membership.can_shape:  # type: ignore[attr-defined]
            raise PermissionDenied("This role cannot shape buying processes or themes.")
        return view(request, *args, **kwargs)

    return wrapper


def owner_required(view: View) -> View:
    @team_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.membership.is_owner:  # type: ignore[attr-defined]
            raise PermissionDenied("Only the team's owners can do this.")
        return view(request, *args, **kwargs)

    return wrapper


def get_for_team_or_404(queryset: QuerySet[M], team: Any, **lookup: Any) -> M:
    """Fetch one record of ``team``; anything else (absent, other team) is a 404."""
    try:
        return queryset.for_team(team).get(**lookup)  # type: ignore[attr-defined]
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
