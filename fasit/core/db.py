"""Database housekeeping shared by the bulk loaders (the demo seed, imports), and
slices for statements that must name many ids."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterable, Iterator
from typing import TypeVar

from django.db import connection

T = TypeVar("T")

# Set while a transaction runs that is rolled back as a whole on any error (an import).
_WHOLE = contextvars.ContextVar("fasit_whole_transaction", default=False)


@contextlib.contextmanager
def whole_transaction() -> Iterator[None]:
    """Inside a transaction that nothing inside catches an error of, and that is rolled
    back as a whole (an import: all or nothing): the bulk helpers below it write
    without a savepoint of their own (``savepoint()``).

    On SQLite a savepoint copies the original of every page first changed inside it
    to a statement journal, so that the savepoint alone can be rolled back. A batch of
    5,000 imported people changes a page of their name and e-mail indexes for almost
    every row, and the further the import gets, the more of those pages there are: at
    a million contacts the copies were about 800 MB per 100,000 rows (7 GB in all) and
    the importer's CPU per row rose by a quarter from the first rows to the last. When
    the whole transaction goes on an error, rolling back a part of it is never needed:
    Django then marks the outer transaction for rollback instead."""
    token = _WHOLE.set(True)
    try:
        yield
    finally:
        _WHOLE.reset(token)


def savepoint() -> bool:
    """The ``savepoint`` argument for ``transaction.atomic`` in a bulk helper: False
    within ``whole_transaction``."""
    return not _WHOLE.get()


# Below this many rows written, the planner's statistics are still good enough and
# ANALYZE (which samples every table) would cost more than it saves.
ANALYZE_AFTER_ROWS = 1000


def refresh_statistics(*, vacuum: bool = False) -> None:
    """Let PostgreSQL's planner see the data a bulk load just wrote.

    PostgreSQL plans from the statistics ANALYZE collects, and autovacuum gets to a
    freshly loaded table only later: right after the demo seed the signals board for
    one country took 719 ms instead of 104 ms at scale 100, planned as if the tables
    were empty. SQLite is left alone on purpose: without ``sqlite_stat1`` it plans
    from its index heuristics, which the pages' indexes were chosen and measured
    against (docs/development.md).

    ``vacuum`` (the demo seed) also marks the loaded pages all-visible, so counts and
    lists are answered from the indexes alone (index-only scans) from the first
    request: an API list's total over a team's 104,000 conversations took a scan of
    the table, 70-150 ms, until autovacuum got there (which it never does when the
    server's activity statistics are lost, e.g. after a crash); 26-29 ms after
    (docs/operations.md, "The demo at scale"). VACUUM cannot run in a transaction:
    inside one (tests, a caller's atomic block) this is ANALYZE only.
    """
    if connection.vendor != "postgresql":
        return
    statement = "VACUUM (ANALYZE)" if vacuum and not connection.in_atomic_block else "ANALYZE"
    # Fasit's own tables, named: a bare ANALYZE also samples the cluster's shared
    # catalogs, and inside a transaction (the demo seed's, an import's) keeps them
    # locked until it ends, so every other database's ANALYZE on the server waited for
    # it (a test run's waited 5 minutes beside a `--scale 1000` seed).
    tables = sorted(connection.introspection.django_table_names(only_existing=True))
    if not tables:
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"{statement} {', '.join(quote(t) for t in tables)}")


#: How many ids one statement names when a list of a whole team's ids must be named
#: (deleting what a nightly run found stale, updating a queue): PostgreSQL binds at most
#: 65,535 parameters a statement and SQLite 32,766 by default, and a `--scale 1000` team
#: has 40,000 accounts and 200,000 people. Where the database can find the ids itself,
#: a subquery is better than any slice.
ID_SLICE = 5_000


def id_slices(ids: Iterable[T]) -> Iterator[list[T]]:
    """``ids`` in lists of at most ``ID_SLICE`` (read at call time: tests lower it)."""
    items = list(ids)
    for start in range(0, len(items), ID_SLICE):
        yield items[start : start + ID_SLICE]
