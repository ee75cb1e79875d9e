from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from fasit.search.models import Kind
from fasit.search.selectors import KIND_ORDER, search
from fasit.tenancy.access import team_required

PAGE_RESULTS = 50
DROPDOWN_RESULTS = 8
MAX_QUERY = 200


def _query(request: HttpRequest) -> tuple[str, str]:
    q = request.GET.get("q", "").strip()[:MAX_QUERY]
    kind = request.GET.get("kind", "")
    return q, kind if kind in Kind.values else ""


@team_required
def search_page(request: HttpRequest) -> HttpResponse:
    q, kind = _query(request)
    results = search(request.team, q, kind=kind, limit=PAGE_RESULTS) if q else []  # type: ignore[attr-defined]
    return render(
        request,
        "search/search.html",
        {
            "q": q,
            "kind": kind,
            "kinds": [(k.value, k.label) for k in KIND_ORDER],
            "results": results,
            "limit": PAGE_RESULTS,
        },
    )


@team_required
def search_dropdown(request: HttpRequest) -> HttpResponse:
    """The few best results as you type (Ctrl/⌘-K or the bar's search), for htmx."""
    q, _kind = _query(request)
    results = search(request.team, q, limit=DROPDOWN_RESULTS) if q else []  # type: ignore[attr-defined]
    return render(request, "search/_dropdown.html", {"q": q, "results": results})
