from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from fasit.conversations.selectors import open_follow_ups, recent_conversations
from fasit.customers.models import Account
from fasit.customers.selectors import key_accounts
from fasit.tenancy.access import team_required

PAGE_SIZE = 25


def paginate(request: HttpRequest, queryset: QuerySet[Any], per_page: int = PAGE_SIZE) -> Any:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def detached_page(items: Sequence[Any], per_page: int, number: Any) -> Any:
    """The page of ``items`` that ``number`` asks for, holding only its own rows: the
    paginator behind it counts a range, so the page is cheap to keep in the cache
    however long ``items`` was."""
    page = Paginator(items, per_page).get_page(number)
    detached = Paginator(range(page.paginator.count), per_page).get_page(page.number)
    detached.object_list = list(page.object_list)
    return detached


def list_template(request: HttpRequest, template: str) -> str:
    """The full page, or only its rows partial for htmx (search as you type)."""
    return f"{template}#rows" if getattr(request, "htmx", False) else template


@team_required
def home(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    # A seller sees their own key accounts, like the other cards; someone who owns
    # none (a sales manager, a viewer) sees the team's.
    mine = Account.objects.for_team(team).filter(owner=request.user).exists()
    return render(
        request,
        "core/home.html",
        {
            "key_accounts": key_accounts(team, owner=request.user if mine else None)[:12],
            "key_accounts_mine": mine,
            "follow_ups": open_follow_ups(team, owner=request.user).select_related(
                "conversation__account"
            )[:10],
            "recent": recent_conversations(team)[:10],
        },
    )


def flash_form_errors(request: HttpRequest, form: Any) -> None:
    """For forms posted from a detail page that redirects back: show what was wrong
    as messages on the page the user lands on."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 403 page: says which role the user has in which team, whom to ask, and
    offers the way back (the page they came from when it is ours, else home)."""
    referer = request.headers.get("referer", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    back_url = referer if safe and referer != request.build_absolute_uri() else ""
    return render(request, "403.html", {"back_url": back_url}, status=403)
