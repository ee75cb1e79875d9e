"""Search a team's records: one interface over SQLite FTS5 and PostgreSQL full-text
search, the same tokens on both (``fasit.engine.text.search``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection

from fasit.buying.models import Journey
from fasit.conversations.models import Conversation
from fasit.customers.models import Account, Person
from fasit.engine.text.search import fts5_query, tsquery
from fasit.search.models import Kind
from fasit.signals.models import Theme
from fasit.tenancy.models import Team

KIND_ORDER = [Kind.ACCOUNT, Kind.PERSON, Kind.CONVERSATION, Kind.THEME, Kind.JOURNEY]


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: int
    rank: float


@dataclass(frozen=True)
class Result:
    kind: str
    kind_label: str
    record: Any


def search_hits(team: Team | None, query: str, *, kind: str = "", limit: int = 20) -> list[Hit]:
    """The best ``limit`` entries of ``team`` matching every word of ``query`` (each in
    any language's stem, the last also as a prefix), best first; ties by kind and id
    so the order is stable."""
    if team is None:
        return []
    kind_filter = "AND e.kind = %s" if kind else ""
    kind_params = [kind] if kind else []
    if connection.vendor == "postgresql":
        expression = tsquery(query)
        if not expression:
            return []
        sql = f"""
            SELECT e.kind, e.object_id, ts_rank(e.vector, q) AS rank
            FROM search_searchentry e, to_tsquery('simple', %s) q
            WHERE e.team_id = %s AND e.vector @@ q {kind_filter}
            ORDER BY rank DESC, e.kind, e.object_id LIMIT %s"""
        params: list[Any] = [expression, team.pk, *kind_params, limit]
    else:
        expression = fts5_query(query)
        if not expression:
            return []
        # bm25 is lower for better matches; a word in the title weighs as ten in the body.
        sql = f"""
            SELECT e.kind, e.object_id, -bm25(search_fts, 10.0, 1.0) AS rank
            FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid
            WHERE search_fts MATCH %s AND e.team_id = %s {kind_filter}
            ORDER BY rank DESC, e.kind, e.object_id LIMIT %s"""
        params = [expression, team.pk, *kind_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Hit(kind, int(object_id), float(rank)) for kind, object_id, rank in cursor]


_LOADERS: dict[str, Any] = {
    Kind.ACCOUNT: lambda team: Account.objects.for_team(team).select_related("category", "owner"),
    Kind.PERSON: lambda team: Person.objects.for_team(team).prefetch_related("roles__account"),
    Kind.CONVERSATION: lambda team: Conversation.objects.for_team(team).select_related("account"),
    Kind.THEME: lambda team: Theme.objects.for_team(team),
    Kind.JOURNEY: lambda team: Journey.objects.for_team(team).select_related("account", "stage"),
}


def search(team: Team | None, query: str, *, kind: str = "", limit: int = 20) -> list[Result]:
    """The records behind the best hits, in rank order, loaded through each model's
    team-scoped manager (a stale entry of a deleted or foreign record shows nothing)."""
    hits = search_hits(team, query, kind=kind, limit=limit)
    by_kind: dict[str, dict[int, Any]] = {}
    for k in {h.kind for h in hits}:
        ids = [h.object_id for h in hits if h.kind == k]
        by_kind[k] = {r.pk: r for r in _LOADERS[k](team).filter(pk__in=ids)}
    results = []
    for h in hits:
        record = by_kind.get(h.kind, {}).get(h.object_id)
        if record is not None:
            results.append(Result(h.kind, str(Kind(h.kind).label), record))
    return results
