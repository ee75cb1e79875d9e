"""Search over the API: the same selector as the search page (``search.selectors``),
team-scoped, best first."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from fasit.search.selectors import search
from fasit.search.views import MAX_QUERY, PAGE_RESULTS

router = Router(tags=["search"])


class SearchQuery(Schema):
    q: str = Field(..., max_length=MAX_QUERY, description="Every word must match")
    kind: Literal["", "account", "person", "conversation", "theme", "journey"] = Field(
        "", description="Only this kind of record"
    )
    limit: int = Field(PAGE_RESULTS, ge=1, le=PAGE_RESULTS, description="Best matches to return")


class SearchHitOut(Schema):
    kind: str
    kind_label: str
    id: int
    title: str


class SearchOut(Schema):
    q: str
    items: list[SearchHitOut]


def _title(kind: str, record: Any) -> str:
    # As the search page shows it: conversations and journeys by their title.
    if kind in ("conversation", "journey"):
        return str(record.title)
    return str(record)


@router.get("", response=SearchOut)
def search_records(request: HttpRequest, params: Query[SearchQuery]) -> Any:
    """The team's accounts, people, conversations (notes and transcripts), themes and
    journeys matching every word of ``q`` (stemmed, accents and case ignored), best
    first; at most ``limit`` (the page shows the best 50)."""
    q = params.q.strip()
    results = search(request.team, q, kind=params.kind, limit=params.limit) if q else []  # type: ignore[attr-defined]
    return {
        "q": q,
        "items": [
            {
                "kind": r.kind,
                "kind_label": r.kind_label,
                "id": r.record.pk,
                "title": _title(r.kind, r.record),
            }
            for r in results
        ],
    }
