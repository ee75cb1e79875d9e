from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.db.models.expressions import Combinable
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe

from fasit.core.audit import history_rows, record_events
from fasit.core.cache import team_cached, team_data_version
from fasit.core.home import CSRF_MARK, WHEN_MARK, cards_html
from fasit.tenancy.access import team_required
from fasit.tenancy.selectors import read_version

PAGE_SIZE = 25
T = TypeVar("T")


def paginate(
    request: HttpRequest,
    queryset: QuerySet[Any],
    per_page: int = PAGE_SIZE,
    count: int | None = None,
) -> Any:
    """The requested page of ``queryset``. ``count``: its number of rows when the caller
    knows it already (a list without filters, from the team's tallies: core/tallies.py),
    so the page costs no COUNT over the team."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached property: the paginator never counts
    return paginator.get_page(request.GET.get("page"))


def history_page(request: HttpRequest, instance: Any, *, title: str, back_url: str) -> HttpResponse:
    """A record's history (``core.audit.record_events``), newest first, 50 a page."""
    page = paginate(request, record_events(instance).order_by("-id"), per_page=50)
    page.object_list = history_rows(instance, list(page.object_list))
    context = {"page_obj": page, "title": title, "back_url": back_url, "record": instance}
    return render(request, "history.html", context)


def detached_page(items: Sequence[Any], per_page: int, number: Any) -> Any:
    """The page of ``items`` that ``number`` asks for, holding only its own rows: the
    paginator behind it counts a range, so the page is cheap to keep in the cache
    however long ``items`` was."""
    page = Paginator(items, per_page).get_page(number)
    detached = Paginator(range(page.paginator.count), per_page).get_page(page.number)
    detached.object_list = list(page.object_list)
    return detached


@dataclass(frozen=True)
class Sorting:
    """The order a list is shown in: ``key`` is one of the list's whitelisted sort keys
    and ``param`` what ``?sort=`` says (``name`` or ``-name``), for the headers, the
    filter form (a hidden field, so htmx filtering keeps the order) and the pages."""

    key: str
    descending: bool
    default: str

    @property
    def param(self) -> str:
        return f"-{self.key}" if self.descending else self.key

    def next_param(self, key: str) -> str:
        """The ``?sort=`` a click on ``key``'s header asks for: the other direction on
        the current column, ascending on any other."""
        return f"-{key}" if key == self.key and not self.descending else key

    def aria(self, key: str) -> str:
        if key != self.key:
            return ""
        return "descending" if self.descending else "ascending"


def requested_sort(request: HttpRequest, keys: Mapping[str, Any], default: str) -> Sorting:
    """The order ``?sort=key`` or ``?sort=-key`` asks for when ``key`` is one of
    ``keys``, else the default."""
    raw = request.GET.get("sort", "") or default
    key, descending = raw.lstrip("-"), raw.startswith("-")
    if key not in keys:
        key, descending = default.lstrip("-"), default.startswith("-")
    return Sorting(key=key, descending=descending, default=default)


def sort_rows(
    request: HttpRequest,
    rows: Sequence[T],
    keys: Mapping[str, Callable[[T], Any] | None],
    default: str,
) -> tuple[list[T], Sorting]:
    """``sort_list`` for rows computed in Python (ranked lists that are no queryset).
    A key's function gives a row's value; ``None`` is the list's own ranking, kept as
    given in the default's direction and reversed in the other. Empty values go last
    either way; equal values keep the ranking's order, so pages never repeat or skip a
    row."""
    sorting = requested_sort(request, keys, default)
    key, descending = sorting.key, sorting.descending
    value = keys[key]
    if value is None:
        # The ranking runs in the default's direction; the other reverses it.
        as_given = descending == default.startswith("-")
        ordered = list(rows) if as_given else list(reversed(rows))
    else:
        present = [r for r in rows if value(r) is not None]
        # Python's sort is stable with reverse=True too: ties stay in ranking order.
        present.sort(key=value, reverse=descending)
        ordered = present + [r for r in rows if value(r) is None]
    return ordered, sorting


def sort_list(
    request: HttpRequest,
    queryset: QuerySet[Any],
    keys: Mapping[str, str | Combinable],
    default: str,
) -> tuple[QuerySet[Any], Sorting]:
    """Order ``queryset`` by ``?sort=key`` or ``?sort=-key`` when ``key`` is one of
    ``keys`` (a field path, ``-path`` for a column shown in the field's reverse order,
    or an expression), else by ``default``.
    Empty values go last either way; ties are broken by id so pages never repeat or
    skip a row."""
    sorting = requested_sort(request, keys, default)
    key, descending = sorting.key, sorting.descending
    target, reverse = keys[key], descending
    if isinstance(target, str) and target.startswith("-"):
        # A column whose natural order runs against its field ("days in stage" grows
        # as the date it counts from gets older).
        target, reverse = target[1:], not descending
    expression = F(target) if isinstance(target, str) else target
    order = (
        expression.desc(nulls_last=True)  # type: ignore[union-attr]
        if reverse
        else expression.asc(nulls_last=True)  # type: ignore[union-attr]
    )
    queryset = queryset.order_by(order, "-pk" if descending else "pk")
    return queryset, sorting


# A bulk action changes at most this many records at once (a page or two of a list).
BULK_MAX = 200


def bulk_records(request: HttpRequest, queryset: QuerySet[Any]) -> list[Any]:
    """The records a bulk action was posted for (``ids``), through a team-scoped
    ``queryset``. Any id that is not one of them (another team's, gone, not a number)
    is a 404 for the whole request, so nothing changes."""
    raw = request.POST.getlist("ids")
    try:
        ids = {int(i) for i in raw}
    except ValueError:
        raise Http404 from None
    if len(ids) > BULK_MAX:
        raise Http404
    records = list(queryset.filter(pk__in=ids))
    if len(records) != len(ids):
        raise Http404
    return records


def back_to_list(request: HttpRequest, default: str) -> HttpResponseRedirect:
    """Back to the list the bulk form was on (its ``next``: page, filters and order),
    only when that is a path on this site."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return HttpResponseRedirect(target)
    return redirect(default)


def list_template(request: HttpRequest, template: str) -> str:
    """The full page, or only its rows partial for htmx (search as you type)."""
    return f"{template}#rows" if getattr(request, "htmx", False) else template


@team_required
def home(request: HttpRequest) -> HttpResponse:
    team, user = request.team, request.user  # type: ignore[attr-defined]
    membership = request.membership  # type: ignore[attr-defined]
    version = read_version(request)
    if version is None:
        version = team_data_version(team)

    # All cards are joined once per change of team data, with stand-ins for the CSRF
    # token and the key accounts' "last conversation 3 hours ago" (which changes by
    # the minute): rendering and querying them was most of a warm home page's CPU
    # (9.5 ms a request at --scale 100). Their scope is the user's own accounts, their
    # dates the user's time zone and their forms the user's role, so all three are in
    # the key; a change through any service (an audit record) gives a new version, and
    # each card is rendered again only when what it shows changed (core/home.py).
    name = f"home-cards:{user.pk}:{membership.role}:{timezone.get_current_timezone_name()}"
    html, whens = team_cached(
        team,
        name,
        lambda: cards_html(request, team, user, membership, version=version),
        version=version,
    )
    html = html.replace(CSRF_MARK, get_token(request))
    for i, when in enumerate(whens):
        if when is not None:
            html = html.replace(WHEN_MARK.format(i), conditional_escape(naturaltime(when)), 1)
    return render(request, "core/home.html", {"cards_html": mark_safe(html)})


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
