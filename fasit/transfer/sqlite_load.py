"""SQLite: a large first import of people builds their scattered indexes once, at the end.

Each imported person goes into the (team, e-mail) index at a random place, and into
the (team, name) and (team, name day) indexes at one of a few thousand places; each
role into its account's place in the ``account_id`` index, each birthday into its
(month, day). Row by row that touches a different page of each index for almost every
row, and the further a million-row import gets, the larger those indexes and the more
it costs per row (stop 32 traced the people's insert from 9 to 18 s of SQL per
100,000 rows). Built at the end with ``CREATE INDEX`` the same index is one sort of
rows already written.

So while a large file of people is written into a team with none (the import then
matches people in memory, ``PersonWriter.fresh``, and asks no query that would want
these indexes), they are dropped, and created again from their own stored SQL before
the file's end. All of it happens inside the import's one transaction: SQLite's DDL is
transactional, so an error, a refused file, a dry run or a ``kill -9`` rolls the drop
back with everything else and the old schema is what is left; connections reading
meanwhile keep their snapshot with the indexes, and none can write (the import holds
SQLite's one write lock). Unique indexes are never dropped: they are constraints (a
role's (person, account), a search entry's (kind, object)), and none of these is
unique. Only a file at least as large as what the tables hold already is loaded this
way, so rebuilding costs less than the file's own inserts would.

PostgreSQL is left alone (its import writes with ``COPY`` from a second thread; dropping
an index there would lock every team's readers out for the import).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import connection

# Tables and the column lists of the indexes built at the end (found by their columns,
# not their names, which Django derives from a hash).
DEFERRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "customers_person": (("team_id", "name"), ("team_id", "email"), ("team_id", "name_day")),
    "customers_personrole": (("account_id",),),
    "customers_importantdate": (("month", "day"),),
}
# Below this many rows the indexes still fit the page cache and cost little per row;
# rebuilding them would cost more than it saves.
DEFER_FROM_ROWS = 50_000


def _deferrable(cursor: object, table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of ``table``'s indexes in ``DEFERRED``: plain (not
    unique, not partial) indexes created by SQL (not a constraint's own)."""
    wanted = set(DEFERRED[table])
    found = []
    cursor.execute(f'PRAGMA index_list("{table}")')  # type: ignore[attr-defined]
    for _seq, name, unique, origin, partial in cursor.fetchall():  # type: ignore[attr-defined]
        if unique or partial or origin != "c":
            continue
        cursor.execute(f'PRAGMA index_info("{name}")')  # type: ignore[attr-defined]
        columns = tuple(row[2] for row in cursor.fetchall())  # type: ignore[attr-defined]
        if columns not in wanted:
            continue
        cursor.execute(  # type: ignore[attr-defined]
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = %s", [name]
        )
        found.append((name, cursor.fetchone()[0]))  # type: ignore[attr-defined]
    return found


def should_defer(rows: int, fresh: bool) -> bool:
    """Whether a file of ``rows`` people into a team with none (``fresh``) is loaded with
    the indexes built at the end."""
    if connection.vendor != "sqlite" or not fresh or rows < DEFER_FROM_ROWS:
        return False
    with connection.cursor() as cursor:
        # The largest table's rows (every team's): the rebuild reads all of them.
        cursor.execute("SELECT MAX(id) FROM customers_person")
        held = cursor.fetchone()[0] or 0
    return rows >= held


@contextlib.contextmanager
def indexes_built_at_end(rows: int, fresh: bool) -> Iterator[None]:
    """Within the import's transaction: the people's scattered indexes are dropped while
    the block runs and created again when it ends without an error (on an error the
    transaction rolls back, and the drop with it)."""
    if not should_defer(rows, fresh):
        yield
        return
    with connection.cursor() as cursor:
        dropped = [found for table in DEFERRED for found in _deferrable(cursor, table)]
        for name, _sql in dropped:
            cursor.execute(f'DROP INDEX "{name}"')
    yield
    with connection.cursor() as cursor:
        for _name, sql in dropped:
            cursor.execute(sql)
