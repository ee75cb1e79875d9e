"""Rows <-> engine types, and one cached ``ThemeIndex`` per team and process.

Rebuilding an index from the database costs a pass over every statement of the
team; adding one statement to a live index costs milliseconds. So each process
keeps the index of the teams it served, tagged with the team's ``SignalState``
version, and rebuilds only when another process (or a rollback) has moved the
version on. A writer takes the index out of the cache while it changes it and
puts it back only after its transaction commits, so a failed write can never
leave a cached index that disagrees with the database.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from typing import Any

from django.conf import settings
from django.db import transaction

from fasit.customers.models import Account
from fasit.engine.signals import Decisions, Embedder, ThemeIndex, load_embedder
from fasit.engine.signals import Statement as EngineStatement
from fasit.signals.models import SignalState, Statement, TaughtTerm, Theme
from fasit.tenancy.models import Team

logger = logging.getLogger(__name__)

_cache: dict[int, tuple[int, ThemeIndex]] = {}
_cache_lock = threading.Lock()


@cache
def embedder() -> Embedder | None:
    """The optional local embedding model named by FASIT_EMBEDDING_MODEL, once per process."""
    path = getattr(settings, "FASIT_EMBEDDING_MODEL", "")
    if not path:
        return None
    # A configured but unusable model is a configuration error worth stopping for.
    return load_embedder(path)


def group_roots(team: Team) -> dict[int, int]:
    """account id -> the id at the top of its corporate group, for accounts that have a
    parent; any account missing from the map is its own group (use ``.get(a, a)``)."""
    parents = dict(
        Account.objects.for_team(team).filter(parent__isnull=False).values_list("id", "parent_id")
    )
    roots: dict[int, int] = {}
    for account_id in parents:
        node, seen = account_id, {account_id}
        while node in parents and parents[node] not in seen:
            node = parents[node]
            seen.add(node)
        roots[account_id] = node
    return roots


def group_members(team: Team, root_id: int) -> set[int]:
    """The accounts of the corporate group whose top is ``root_id`` (itself included),
    found down the tree from the top by the indexed parent column: a few small queries
    for one group, where ``group_roots`` reads every account of the team that has a
    parent (a cost that grows with the team, paid on every statement added)."""
    members, frontier = {root_id}, [root_id]
    while frontier:
        children = set(
            Account.objects.for_team(team)
            .filter(parent_id__in=frontier)
            .values_list("id", flat=True)
        )
        frontier = list(children - members)  # a parent loop ends here
        members |= children
    return members


def independent_key(account_id: int, roots: dict[int, int]) -> str:
    """The one definition of an independent customer: the top of the account's
    corporate group (an account without a parent is its own top). The board, the theme
    page, the merge list, notifications and the engine all count these keys."""
    return f"group-{roots.get(account_id, account_id)}"


def engine_statement(row: dict[str, Any], roots: dict[int, int]) -> EngineStatement:
    # The group key is set for every account, also for the top of a group: a parent
    # and its subsidiary must share one key, or the parent counts apart.
    return EngineStatement(
        id=str(row["id"]),
        account=str(row["account_id"]),
        conversation=str(row["conversation_id"]),
        date=row["said_on"],
        text=f"{row['question']} {row['text']}" if row.get("question") else row["text"],
        group=independent_key(row["account_id"], roots),
        language=row["language"] or None,
    )


STATEMENT_FIELDS = (
    "id",
    "account_id",
    "conversation_id",
    "said_on",
    "text",
    "question",
    "language",
)


def team_statements(team: Team) -> list[EngineStatement]:
    roots = group_roots(team)
    rows = Statement.objects.for_team(team).order_by("id").values(*STATEMENT_FIELDS)
    return [engine_statement(row, roots) for row in rows.iterator(chunk_size=5000)]


def team_decisions(team: Team) -> Decisions:
    pinned = Statement.objects.for_team(team).filter(pinned=True, theme__isnull=False)
    return Decisions(
        placements=tuple(
            sorted((str(pk), key) for pk, key in pinned.values_list("id", "theme__key"))
        ),
        taught=tuple(
            TaughtTerm.objects.for_team(team).order_by("id").values_list("term", "concept")
        ),
        dismissed=frozenset(
            Theme.objects.for_team(team).filter(dismissed=True).values_list("key", flat=True)
        ),
    )


def restore_index(team: Team) -> ThemeIndex:
    assignments = {
        str(pk): key
        for pk, key in Statement.objects.for_team(team)
        .filter(theme__isnull=False)
        .values_list("id", "theme__key")
    }
    return ThemeIndex.restore(
        team_statements(team), assignments, team_decisions(team), embedder=embedder()
    )


def locked_state(team: Team) -> SignalState:
    """The team's signal state, locked for this transaction (writers queue here)."""
    SignalState.objects.get_or_create(team=team)
    return SignalState.objects.select_for_update().get(team=team)


def checkout(team: Team, state: SignalState) -> ThemeIndex:
    """Take the team's index for changing it inside the current transaction."""
    with _cache_lock:
        cached = _cache.pop(team.pk, None)
    if cached is not None and cached[0] == state.version:
        return cached[1]
    return restore_index(team)


def checkin(team: Team, state: SignalState, index: ThemeIndex, *, keep: bool = True) -> None:
    """Bump the version and cache the changed index once the transaction commits.
    ``keep=False`` only bumps the version: the next writer rebuilds the index from the
    rows (a bulk load that must not hold a large index until its long transaction
    ends)."""
    state.version += 1
    state.save(update_fields=["version"])
    version = state.version
    if not keep:
        return

    def remember() -> None:
        with _cache_lock:
            _cache[team.pk] = (version, index)

    transaction.on_commit(remember)


def forget(team: Team) -> None:
    with _cache_lock:
        _cache.pop(team.pk, None)
