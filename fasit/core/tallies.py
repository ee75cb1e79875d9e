"""Each team's row counts of the big lists, kept by the database itself.

The API gives every list's ``count``. Counted with ``COUNT(*)`` over the team's rows
after each audited write (the kept totals follow the team's data version), that first
total cost 17-25 ms of database time at 100k conversations and grew with the team
(``bench/explain_requests.py --after-write``). These tallies make it one indexed read
of a few rows, whatever the team's size.

Triggers keep them, in the same transaction as the rows' inserts and deletes, so every
path is counted: the services, the bulk paths (imports' COPY and bulk_create, merges,
erasure, team import, the demo seed), Django's cascades and the database's own. Keeping
them in the services would have needed every one of those paths to remember.

- **SQLite**: row triggers add or subtract one in the key's single row (SQLite has one
  writer at a time, so nothing waits on that row).
- **PostgreSQL**: statement triggers with transition tables add each key's change once
  per statement (a COPY of 100,000 rows is one grouped update, not 100,000), to a row of
  the key that no other open transaction holds (``FOR UPDATE SKIP LOCKED``), or to a
  new row if all are held. A writer never waits on another's tally row, so a long
  import does not hold up the team's other writers, and no two writers can deadlock on
  tallies. A key has at most as many rows as writers were ever open on it at once; a
  read sums them.

A key is ``<list>`` or ``<list>:<bucket>`` (a bucketed list keeps one key per value of a
column that its unfiltered view or a common filter selects on: a conversation's kind, a
journey's outcome); a bucket's change of value moves the row between keys. Rows never
move between teams (no service changes a row's team), so that needs no trigger.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from fasit.core.db import savepoint

TABLE = "core_teamtally"


@dataclass(frozen=True)
class Tallied:
    """A table whose rows are tallied per team under ``name`` (``bucket``: the column
    whose value is appended to the key)."""

    table: str
    name: str
    bucket: str | None = None

    def key_sql(self, alias: str) -> str:
        if self.bucket is None:
            return f"'{self.name}'"
        return f"'{self.name}:' || {alias}.{self.bucket}"


TALLIED = (
    Tallied("conversations_conversation", "conversations", "kind"),
    Tallied("customers_account", "accounts"),
    Tallied("customers_person", "people"),
    Tallied("buying_journey", "journeys", "outcome"),
)


def total(team: Any, name: str, bucket: str | None = None) -> int:
    """The team's rows of list ``name`` (of one ``bucket`` if given; of all buckets if
    the list is bucketed and none is given)."""
    team_id = getattr(team, "pk", team)
    with connection.cursor() as cursor:
        if bucket is not None:
            cursor.execute(
                f"SELECT SUM(n) FROM {TABLE} WHERE team_id = %s AND name = %s",  # noqa: S608
                [team_id, f"{name}:{bucket}"],
            )
        else:
            # The key's rows and its buckets' (``name:…``): a range of the index.
            cursor.execute(
                f"SELECT SUM(n) FROM {TABLE} WHERE team_id = %s"  # noqa: S608
                " AND (name = %s OR (name >= %s AND name < %s))",
                [team_id, name, f"{name}:", f"{name};"],
            )
        row = cursor.fetchone()
    return int(row[0] or 0)


def recount(team: Any) -> dict[str, int]:
    """Every tallied key of the team counted from the rows (the tests' reference)."""
    team_id = getattr(team, "pk", team)
    found: dict[str, int] = {}
    with connection.cursor() as cursor:
        for tallied in TALLIED:
            cursor.execute(
                f"SELECT {tallied.key_sql('x')}, COUNT(*) FROM {tallied.table} x"  # noqa: S608
                " WHERE x.team_id = %s GROUP BY 1",
                [team_id],
            )
            found.update({key: int(n) for key, n in cursor.fetchall() if n})
    return found


def kept(team: Any) -> dict[str, int]:
    """Every key the tallies keep for the team (non-zero ones)."""
    team_id = getattr(team, "pk", team)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT name, SUM(n) FROM {TABLE} WHERE team_id = %s GROUP BY name",  # noqa: S608
            [team_id],
        )
        return {name: int(n) for name, n in cursor.fetchall() if n}


# The SQL of the migration that installs the triggers (core 0005): kept here, beside
# the reads, so both say the same keys.


def backfill_sql(tallied: Tallied) -> str:
    return (
        f"INSERT INTO {TABLE} (team_id, name, n)"  # noqa: S608
        f" SELECT x.team_id, {tallied.key_sql('x')}, COUNT(*) FROM {tallied.table} x"
        " GROUP BY 1, 2"
    )


SQLITE_UNIQUE = f"CREATE UNIQUE INDEX IF NOT EXISTS core_tally_one_key ON {TABLE} (team_id, name)"


def sqlite_triggers(tallied: Tallied) -> list[str]:
    def add(row: str, step: str) -> str:
        # One upsert a row (on SQLite's unique key: ``SQLITE_UNIQUE``), the cheapest
        # write a row trigger can make; an import pays it for each row it inserts.
        return (
            f"INSERT INTO {TABLE} (team_id, name, n)"
            f" VALUES ({row}.team_id, {tallied.key_sql(row)}, {step}1)"
            f" ON CONFLICT (team_id, name) DO UPDATE SET n = n {step} 1;"
        )

    prefix = f"tally_{tallied.table}"
    statements = [
        f"CREATE TRIGGER {prefix}_ai AFTER INSERT ON {tallied.table} BEGIN {add('NEW', '+')} END",
        f"CREATE TRIGGER {prefix}_ad AFTER DELETE ON {tallied.table} BEGIN {add('OLD', '-')} END",
    ]
    if tallied.bucket is not None:
        statements.append(
            f"CREATE TRIGGER {prefix}_au AFTER UPDATE OF {tallied.bucket}, team_id"
            f" ON {tallied.table} WHEN OLD.{tallied.bucket} IS NOT NEW.{tallied.bucket}"
            " OR OLD.team_id IS NOT NEW.team_id"
            f" BEGIN {add('OLD', '-')} {add('NEW', '+')} END"
        )
    return statements


def sqlite_drop(tallied: Tallied) -> list[str]:
    prefix = f"tally_{tallied.table}"
    return [f"DROP TRIGGER IF EXISTS {prefix}_{end}" for end in ("ai", "ad", "au")]


def _pg_fold(deltas: str) -> str:
    """Adds each of the ``deltas`` (team_id, name, n) to a row of its key that no other
    open transaction holds (an update of ``n`` alone, which PostgreSQL makes in place),
    or, when every row of the key is held, to a new row. A key therefore has at most as
    many rows as writers of it were ever open at once."""
    return (
        f"FOR d IN {deltas} LOOP"
        f" UPDATE {TABLE} SET n = n + d.n WHERE id = (SELECT t.id FROM {TABLE} t"
        " WHERE t.team_id = d.team_id AND t.name = d.name LIMIT 1 FOR UPDATE SKIP LOCKED);"
        f" IF NOT FOUND THEN INSERT INTO {TABLE} (team_id, name, n)"
        " VALUES (d.team_id, d.name, d.n); END IF;"
        " END LOOP;"
    )


def postgresql_triggers(tallied: Tallied) -> list[str]:
    prefix = f"tally_{tallied.table}"
    new_key, old_key = tallied.key_sql("r"), tallied.key_sql("r")
    inserted = f"SELECT r.team_id, {new_key} AS name, COUNT(*) AS n FROM new_rows r GROUP BY 1, 2"
    deleted = f"SELECT r.team_id, {old_key} AS name, -COUNT(*) AS n FROM old_rows r GROUP BY 1, 2"
    statements = []
    for end, event, transition, deltas in (
        ("ai", "INSERT", "NEW TABLE AS new_rows", inserted),
        ("ad", "DELETE", "OLD TABLE AS old_rows", deleted),
    ):
        statements += [
            f"CREATE FUNCTION {prefix}_{end}() RETURNS trigger LANGUAGE plpgsql AS $$"
            f" DECLARE d record; BEGIN {_pg_fold(deltas)} RETURN NULL; END $$",
            f"CREATE TRIGGER {prefix}_{end} AFTER {event} ON {tallied.table}"
            f" REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION {prefix}_{end}()",
        ]
    if tallied.bucket is not None:
        column = tallied.bucket
        moved = (
            "SELECT team_id, name, SUM(n) AS n FROM ("
            f"SELECT r.team_id, {tallied.key_sql('r')} AS name, 1 AS n FROM new_rows r"
            " JOIN old_rows o ON o.id = r.id"
            f" WHERE o.{column} IS DISTINCT FROM r.{column} OR o.team_id <> r.team_id"
            f" UNION ALL SELECT o.team_id, {tallied.key_sql('o')}, -1 FROM new_rows r"
            " JOIN old_rows o ON o.id = r.id"
            f" WHERE o.{column} IS DISTINCT FROM r.{column} OR o.team_id <> r.team_id"
            ") m GROUP BY 1, 2"
        )
        # Transition tables cannot go with UPDATE OF <columns>: every update statement
        # fires it, and returns at once unless a row changed its key.
        statements += [
            f"CREATE FUNCTION {prefix}_au() RETURNS trigger LANGUAGE plpgsql AS $$"
            " DECLARE d record; BEGIN IF EXISTS (SELECT 1 FROM new_rows r JOIN old_rows o ON o.id = r.id"
            f" WHERE o.{column} IS DISTINCT FROM r.{column} OR o.team_id <> r.team_id)"
            f" THEN {_pg_fold(moved)} END IF; RETURN NULL; END $$",
            f"CREATE TRIGGER {prefix}_au AFTER UPDATE ON {tallied.table}"
            " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
            f" FOR EACH STATEMENT EXECUTE FUNCTION {prefix}_au()",
        ]
    return statements


def postgresql_add_sql(table: str, counts: dict[Any, int]) -> str | None:
    """PostgreSQL: what ``table``'s insert trigger would do for a statement that
    inserted ``counts`` rows per team, as one ``DO`` block (for a ``COPY`` made with
    the table's triggers off: transfer/bulk.py). None for a table this does not cover:
    one not tallied, or a bucketed one (its keys come from the rows' values)."""
    tallied = next((t for t in TALLIED if t.table == table), None)
    if tallied is None or tallied.bucket is not None:
        return None
    # (A row without a team is refused by the COPY itself: the column is NOT NULL.)
    rows = ", ".join(
        f"({int(team)}, {int(n)})" for team, n in counts.items() if n and team is not None
    )
    if not rows:
        return ""
    deltas = (
        f"SELECT v.team_id, {tallied.key_sql('v')} AS name, v.n FROM (VALUES {rows}) v(team_id, n)"
    )
    return f"DO $$ DECLARE d record; BEGIN {_pg_fold(deltas)} END $$"


def postgresql_tally_triggers(table: str) -> set[str]:
    """The names of the tallies' triggers on ``table`` (none if it is not tallied)."""
    if not any(t.table == table for t in TALLIED):
        return set()
    return {f"tally_{table}_{end}" for end in ("ai", "ad", "au")}


def postgresql_drop(tallied: Tallied) -> list[str]:
    prefix = f"tally_{tallied.table}"
    return [f"DROP FUNCTION IF EXISTS {prefix}_{end}() CASCADE" for end in ("ai", "ad", "au")]


def sqlite_bulk_insert(cursor: Any, table: str, insert: Any, ids: list[int]) -> None:
    """Run ``insert()`` (a bulk insert into ``table`` of the rows ``ids``, on SQLite) with
    the table's row trigger dropped, then add the rows to the tallies in one grouped
    upsert. The row trigger's upsert was about a sixth of an import's CPU (17 µs a
    row). As search's ``insert_indexed``: the drop and the new trigger are inside the
    caller's transaction (a failure rolls both back), and SQLite has one writer, so no
    other connection inserts while the trigger is away."""
    tallied = next((t for t in TALLIED if t.table == table), None)
    if tallied is None or not ids:
        insert()
        return
    name = f"tally_{table}_ai"
    cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s", [name])
    found = cursor.fetchone()
    if found is None:  # not this schema: leave the tallies to whoever keeps them
        insert()
        return
    # No savepoint inside an import (``core.db.whole_transaction``): its statement
    # journal copied every index page the insert changed.
    with transaction.atomic(using=cursor.db.alias, savepoint=savepoint()):
        cursor.execute(f"DROP TRIGGER {name}")
        try:
            insert()
            # The ids are one run (transfer/bulk.py reserves them so on SQLite).
            # ``WHERE`` before ``ON CONFLICT``: SQLite's parser needs it after a SELECT.
            cursor.execute(
                f"INSERT INTO {TABLE} (team_id, name, n)"  # noqa: S608
                f" SELECT x.team_id, {tallied.key_sql('x')}, COUNT(*) FROM {table} x"
                " WHERE x.id BETWEEN %s AND %s GROUP BY 1, 2"
                " ON CONFLICT (team_id, name) DO UPDATE SET n = n + excluded.n",
                [min(ids), max(ids)],
            )
        finally:
            cursor.execute(found[0])
