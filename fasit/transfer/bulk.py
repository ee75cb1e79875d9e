"""Inserting many rows fast: plain rows in, primary keys out.

An import of a million people writes several million rows (people, roles, keys,
dates, audit). Building a model instance per row and letting the ORM compile each
value costs more than the database's own work, so rows here are plain dicts of
attname -> value, converted per column once and written with ``executemany`` (SQLite)
or ``COPY`` (PostgreSQL). Columns a row leaves out get the field's default, so a
field another app adds later (with a default) needs no change here; ``auto_now`` and
``auto_now_add`` fields get "now" unless the row gives a value (an imported *Create
Date*, or the original timestamps in a team export).

Primary keys are reserved before the write so no ``RETURNING`` is needed: on SQLite the
import's transaction holds the write lock, and the next ids come after both the
largest id and ``sqlite_sequence`` (AUTOINCREMENT never reuses a deleted row's id, and
the audit trail refers to ids); on PostgreSQL they are drawn from the sequence.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import operator
import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import repeat
from typing import Any

from django.db import IntegrityError, connections, models, router
from django.utils import timezone

from fasit.core import tallies
from fasit.core.guard import RowCheck

# Field types whose Python value is what the database driver takes as it is.
_PLAIN = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "CharField",
    "TextField",
    "EmailField",
    "SlugField",
    "URLField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
    "FloatField",
    "ForeignKey",
    "OneToOneField",
}


def _same(value: Any) -> Any:
    return value


class JSONText(str):
    """A JSON field's value given as its JSON text already (what the field's encoder
    would write): written as it is. An import writes a hundred thousand audit entries
    whose changes differ only in a line number; encoding each dict cost more than
    formatting the text."""

    __slots__ = ()


def _converter(field: Any, connection: Any) -> Callable[[Any], Any]:
    kind = field.get_internal_type()
    if kind in _PLAIN or (kind == "BooleanField" and connection.vendor == "postgresql"):
        return _same
    if kind == "JSONField":
        # What Django's adapt_json_value writes, without its per-value wrapping: the
        # JSON text (COPY's text format and SQLite both take it as it is).
        # One encoder for the whole insert: ``json.dumps(value, cls=...)`` builds a new
        # encoder per value (an audit entry per imported row), with the same output.
        encode = (field.encoder or json.JSONEncoder)().encode

        def dump(value: Any) -> Any:
            if value.__class__ is JSONText:
                return str.__str__(value)
            return None if value is None else encode(value)

        return dump
    if kind == "DateTimeField":
        # Imported create dates differ row by row: the shortcut for aware values is
        # Django's own conversion (UTC on SQLite, the value itself for psycopg).
        generic = _shared_converter(field, connection)
        if connection.vendor == "postgresql":
            return lambda value: value if getattr(value, "tzinfo", None) else generic(value)
        zone = connection.timezone
        last: list[Any] = [object(), None]

        def to_text(value: Any) -> Any:
            if value is last[0]:  # the import's "now" on every row of a batch
                return last[1]
            if isinstance(value, dt.datetime) and value.tzinfo is not None:
                text = str(value.astimezone(zone).replace(tzinfo=None))
            else:
                text = generic(value)
            last[0], last[1] = value, text
            return text

        return to_text
    return _shared_converter(field, connection)


def _shared_converter(field: Any, connection: Any) -> Callable[[Any], Any]:
    # Most rows of a batch share a value (the import's "now", the legal-basis date):
    # convert the same object once.
    last: list[Any] = [object(), None]

    def convert(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, field.get_db_prep_save(value, connection)
        return last[1]

    return convert


def _copy(cursor: Any, statement: str, types: list[int] | None, values: list[Any]) -> None:
    """``COPY`` ``values`` with a psycopg cursor (binary when ``types`` are given)."""
    with cursor.copy(statement) as copy:
        if types is not None:
            copy.set_types(types)
        write = copy.write_row
        for record in values:
            write(record)


# Ids a pipelined import draws from a sequence at a time (see ``CopyPipeline``).
ID_BLOCK = 20_000


class CopyPipeline:
    """PostgreSQL: the ``COPY`` of one batch's rows runs while the importing process
    prepares the next ones.

    Without it the importer and its database backend take turns: Python builds a
    table's rows, then waits while the backend parses them, checks their foreign keys
    and grows the indexes (the search entries' GIN index above all), then builds the
    next. Here ``insert_rows`` hands the rows to a thread that owns the ``COPY`` on the
    same connection, in the same transaction, in the order they were given; waiting
    for the backend releases the GIL, so the importer goes on meanwhile. Every other
    statement on the connection first waits until the queue is written (an execute
    wrapper), so queries see every row given before them, and errors surface there or
    at the end (the import's transaction then rolls back as before). Ids are drawn from
    the sequences in blocks and column types looked up once, so ``insert_rows`` itself
    sends no statement that would have to wait."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.jobs: queue.Queue[Any] = queue.Queue(maxsize=8)
        self.error: BaseException | None = None
        # What the caller counted when it had given the rows written so far (``mark``).
        self.marked = 0
        self.ids: dict[str, list[int]] = {}
        self.types: dict[tuple[str, tuple[str, ...]], list[int] | None] = {}
        # Tables whose foreign keys this import checks itself (``checked_here``): their
        # constrained foreign keys as (column, target table, target column).
        self.checked_here: dict[str, list[tuple[str, str, str]]] = {}
        # Per target table: ids known to exist until the commit (the import's own rows,
        # or rows it has locked against deletion).
        self.present: dict[str, set[Any]] = {}
        self.replication_role = "origin"
        # Tables of ``checked_here`` whose tallies the pipeline keeps (quoted -> name).
        self.tallied: dict[str, str] = {}
        self.thread = threading.Thread(target=self._run, name="fasit-copy", daemon=True)

    def _run(self) -> None:
        raw = self.connection.connection
        while True:
            job = self.jobs.get()
            try:
                if job is None:
                    return
                if isinstance(job, int):
                    self.marked = job
                elif self.error is None:
                    with raw.cursor() as cursor:
                        if job[0] == "lock":
                            _lock_present(cursor, *job[1:])
                        elif job[0] == "unchecked":
                            # Only this COPY skips the foreign-key triggers (see
                            # ``pipelined``); every other statement runs as before.
                            cursor.execute("SET LOCAL session_replication_role = replica")
                            _copy(cursor, *job[1:4])
                            cursor.execute(
                                f"SET LOCAL session_replication_role = {self.replication_role}"
                            )
                            if job[4]:  # the tallies' insert trigger, for the whole COPY
                                cursor.execute(job[4])
                        else:
                            _copy(cursor, *job)
            except BaseException as error:  # noqa: BLE001 - raised in the importer
                self.error = error
            finally:
                self.jobs.task_done()

    def copy(self, statement: str, types: list[int] | None, values: list[Any]) -> None:
        if self.error is not None:
            self.drain()
        self.jobs.put((statement, types, values))

    def copy_checked_here(
        self,
        table: str,
        rows: Sequence[dict[str, Any]],
        copy: tuple[str, list[int] | None, list[Any]],
    ) -> None:
        """``COPY`` rows of a ``checked_here`` table without its foreign-key triggers,
        after making sure, set-based, of what each trigger would have: that the row it
        names exists and stays until the commit. Ids of rows this import wrote are
        known; any other is read once ``FOR KEY SHARE`` (the lock the trigger takes, so
        a concurrent delete of that row waits for the import and then fails on the
        import's rows as before); one that is missing fails the import."""
        if self.error is not None:
            self.drain()
        for column, target, target_column in self.checked_here[table]:
            present = self.present.setdefault(target, set())
            try:
                values = {row[column] for row in rows}
            except KeyError:
                values = {row.get(column) for row in rows}
            values.discard(None)
            missing = values - present
            if missing:
                self.jobs.put(("lock", table, column, target, target_column, sorted(missing)))
                present |= missing
        tally = ""
        if self.tallied.get(table):
            tally = tallies.postgresql_add_sql(
                self.tallied[table], Counter(row.get("team_id") for row in rows)
            )
        self.jobs.put(("unchecked", *copy, tally))

    def wrote(self, table: str, ids: list[int]) -> None:
        """Ids of rows this import wrote into ``table``, if other rows it checks itself
        refer to that table."""
        present = self.present.get(table)
        if present is not None:
            present.update(ids)

    def mark(self, count: int) -> int:
        """Queue ``count`` (rows the caller has given so far) behind the rows given;
        return the count last reached by the writer, so progress counts rows whose
        ``COPY`` has finished, not rows still waiting in the queue."""
        self.jobs.put(count)
        return self.marked

    def drain(self) -> None:
        """Wait until every row given so far is written; raise the first error."""
        self.jobs.join()
        if self.error is not None:
            raise self.error

    def reserve_ids(self, model: type[models.Model], count: int) -> list[int]:
        table = model._meta.db_table
        if table not in self.ids:
            # A table's first rows get exactly their ids: a small import draws no more.
            self.ids[table] = []
            return _reserve_ids(model, count, self.connection)
        pool = self.ids[table]
        if len(pool) < count:
            pool.extend(_reserve_ids(model, max(count - len(pool), ID_BLOCK), self.connection))
        taken = pool[:count]
        del pool[:count]
        return taken

    def binary_types(self, cursor: Any, table: str, columns: list[str]) -> list[int] | None:
        key = (table, tuple(columns))
        if key not in self.types:
            self.types[key] = _binary_types(cursor, table, columns)
        return self.types[key]

    def _wait_first(self, execute: Any, sql: Any, params: Any, many: Any, context: Any) -> Any:
        self.drain()
        return execute(sql, params, many, context)


class _Local(threading.local):
    # Django's connections are the thread's own, and so are their pipelines.
    def __init__(self) -> None:
        self.pipelines: dict[str, CopyPipeline] = {}


_local = _Local()


def active_pipeline(using: str = "default") -> CopyPipeline | None:
    return _local.pipelines.get(using)


def written(count: int, using: str = "default", *, wait: bool = False) -> int:
    """Of ``count`` rows given so far, how many are written: all of them without a
    pipeline, else those whose ``COPY`` has finished (``CopyPipeline.mark``); with
    ``wait``, all of them once the queue is written (the end of a file)."""
    pipeline = _local.pipelines.get(using)
    if pipeline is None:
        return count
    if wait:
        pipeline.drain()
        return count
    return pipeline.mark(count)


# For the import's transaction only (``SET LOCAL``; see ``pipelined``).
#
# * ``synchronous_commit = off``: the commit does not wait for its WAL to reach the
#   disk. A crash in that short window loses the import as a whole, as a crash before
#   the commit would (the transaction is all or nothing either way); it can never
#   leave part of it, and every other transaction keeps the server's setting.
# * A larger GIN pending list (``gin_pending_list_limit``, in kB) and ``work_mem`` for
#   its clean-up: the search entries' new words are merged into the GIN index in a few
#   large batches instead of one every 4 MB (the default), and ``pipelined`` merges
#   what is left before the commit, so no later request pays for it.
IMPORT_SETTINGS = {
    "synchronous_commit": "off",
    "gin_pending_list_limit": "65536",
    "work_mem": "'64MB'",
}


@contextlib.contextmanager
def pipelined(
    using: str = "default", *, checked_here: Sequence[type[models.Model]] = ()
) -> Iterator[None]:
    """Within an import's transaction on PostgreSQL: ``insert_rows`` on ``using`` writes
    through a ``CopyPipeline``, and foreign keys are checked as rows arrive
    (``SET CONSTRAINTS ALL IMMEDIATE``) rather than all at the commit, where nothing
    else could run beside them. Elsewhere (SQLite, whose work is in process) nothing
    changes.

    ``checked_here``: tables whose rows refer mostly to rows the same import wrote (a
    million roles, keys and dates name the people and accounts just copied). Each of
    their rows fired one foreign-key trigger query per key, about a third of the
    backend's CPU; for these tables the pipeline checks the keys per batch instead
    (``CopyPipeline.copy_checked_here``) and copies with the triggers off
    (``session_replication_role = replica``, for that ``COPY`` only). Only when the
    database user may set that (a superuser, or ``GRANT SET ON PARAMETER``) and the
    table has no trigger of its own, which that mode would also skip; otherwise the
    table is copied with its triggers as before."""
    connection = connections[using]
    if connection.vendor != "postgresql" or using in _local.pipelines:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for name, value in IMPORT_SETTINGS.items():
            cursor.execute(f"SET LOCAL {name} = {value}")
        unchecked = _may_skip_triggers(cursor, checked_here)
        cursor.execute("SHOW session_replication_role")
        role = cursor.fetchone()[0]
    pipeline = CopyPipeline(connection)
    # Restored after each COPY without triggers (one of PostgreSQL's three names).
    assert role in ("origin", "replica", "local"), role
    pipeline.replication_role = role
    for model, keys in unchecked.items():
        quoted = connection.ops.quote_name(model._meta.db_table)
        pipeline.checked_here[quoted] = keys
        if tallies.postgresql_tally_triggers(model._meta.db_table):
            pipeline.tallied[quoted] = model._meta.db_table
        for _column, target, _target_column in keys:
            pipeline.present.setdefault(target, set())
    pipeline.thread.start()
    _local.pipelines[using] = pipeline
    failed = False
    try:
        with connection.execute_wrapper(pipeline._wait_first):
            yield
            pipeline.drain()
    except BaseException:
        failed = True
        raise
    finally:
        del _local.pipelines[using]
        pipeline.jobs.put(None)
        pipeline.thread.join()
        # Back to the modes Django's constraints declare for whatever the transaction
        # does next (nothing to do when it is rolled back).
        if not failed and not connection.needs_rollback:
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                _clean_gin_pending_lists(cursor)


def _may_skip_triggers(
    cursor: Any, models_: Sequence[type[models.Model]]
) -> dict[type[models.Model], list[tuple[str, str, str]]]:
    """Of ``models_``, those whose ``COPY`` may run without triggers, with their
    constrained foreign keys (column, quoted target table, target column)."""
    if not models_:
        return {}
    may = "current_setting('is_superuser') = 'on'"
    if cursor.db.pg_version >= 150000:  # the function (and the grant) is 15's
        may += " OR has_parameter_privilege('session_replication_role', 'SET')"
    cursor.execute(f"SELECT {may}")
    if not cursor.fetchone()[0]:
        return {}
    cursor.execute(
        "SELECT tgrelid::regclass::text, tgname FROM pg_trigger"
        " WHERE tgrelid = ANY(%s::regclass[]) AND NOT tgisinternal",
        [[m._meta.db_table for m in models_]],
    )
    triggers: dict[str, set[str]] = {}
    for name, trigger in cursor.fetchall():
        triggers.setdefault(name.strip('"'), set()).add(trigger)
    found = {}
    for model in models_:
        table = model._meta.db_table
        own = triggers.get(table, set())
        # A table with a trigger of its own keeps its triggers (that mode would skip them
        # too), unless they are the tallies' and the pipeline can do what their insert
        # trigger does (``tallies.postgresql_add_sql``).
        if own and (
            own - tallies.postgresql_tally_triggers(table)
            or tallies.postgresql_add_sql(table, {}) is None
        ):
            continue
        keys = []
        for field in model._meta.concrete_fields:
            if field.is_relation and field.db_constraint:  # type: ignore[attr-defined]
                target = field.related_model._meta  # type: ignore[union-attr]
                keys.append(
                    (
                        field.attname,
                        target.db_table,
                        field.target_field.column,  # type: ignore[attr-defined]
                    )
                )
        found[model] = keys
    return found


def _lock_present(
    cursor: Any, table: str, column: str, target: str, target_column: str, ids: list[Any]
) -> None:
    """What the foreign-key triggers of ``ids`` (``table.column`` -> ``target``) would
    check, for all of them in one statement: each row exists, and is locked as they
    lock it until the commit."""
    quoted = f'"{target}"'
    cursor.execute(
        f'SELECT "{target_column}" FROM {quoted} WHERE "{target_column}" = ANY(%s)'  # noqa: S608
        " FOR KEY SHARE",
        [ids],
    )
    if len(cursor.fetchall()) != len(ids):
        raise IntegrityError(
            f"insert or update on table {table} violates foreign key constraint:"
            f" {column} names a row not present in table {target}"
        )


def _clean_gin_pending_lists(cursor: Any) -> None:
    """Merge the GIN indexes' pending lists now, in the import's own time: with the
    import's larger limit they hold up to 64 MB, which the next ordinary insert (4 MB
    limit) would otherwise merge inside some user's request."""
    cursor.execute(
        "SELECT gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i"
        " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam"
        " WHERE a.amname = 'gin' AND c.relnamespace = current_schema()::regnamespace"
        # Only the index's owner may (as for VACUUM); others are left to autovacuum.
        " AND pg_has_role(c.relowner, 'USAGE')"
    )


def _reserve_ids(model: type[models.Model], count: int, connection: Any) -> list[int]:
    table = model._meta.db_table
    pk = model._meta.pk.column  # type: ignore[union-attr]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The sequence's name first, then ``nextval`` of that constant per row: with
            # ``pg_get_serial_sequence`` inside the select list PostgreSQL looked the
            # name up again for every id drawn (catalog scans; 8.7 % of the backend's
            # CPU in a profile of a 200k-row import).
            cursor.execute(
                "SELECT pg_get_serial_sequence(%s, %s)", [connection.ops.quote_name(table), pk]
            )
            sequence = cursor.fetchone()[0]
            cursor.execute(
                "SELECT nextval(%s::regclass) FROM generate_series(1, %s)", [sequence, count]
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(
            f"SELECT MAX({connection.ops.quote_name(pk)}) FROM {connection.ops.quote_name(table)}"
        )
        highest = cursor.fetchone()[0] or 0
        if connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            found = cursor.fetchone()
            highest = max(highest, found[0] if found else 0)
        return list(range(highest + 1, highest + 1 + count))


# PostgreSQL's built-in types whose binary form psycopg writes from the Python values
# the converters above give (int, str, bool, date, aware datetime, None): int2, int4,
# int8, bool, text, varchar, date, timestamptz. A COPY in binary format spares the
# importing process the text form of every value (timestamps above all: about three
# times less CPU for a person's row) and the database its parsing (about a tenth of
# the COPY). A table with any other column type (jsonb, numeric, …) is copied as text.
_BINARY_TYPE_OIDS = frozenset({21, 23, 20, 16, 25, 1043, 1082, 1184})


def _binary_types(cursor: Any, table: str, columns: list[str]) -> list[int] | None:
    """The type oids of ``columns`` for a binary COPY into ``table`` (quoted), or None when
    one of them is not a type that format takes from these values."""
    cursor.execute(
        "SELECT attname, atttypid FROM pg_attribute"
        " WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
        [table],
    )
    oids = dict(cursor.fetchall())
    types = [oids.get(column) for column in columns]
    if not all(oid in _BINARY_TYPE_OIDS for oid in types):
        return None
    return types  # type: ignore[return-value]


# The ranges of the two integer types narrower than Python's whole numbers. psycopg's
# binary dumpers pack a value into the column's width without checking it: 2**31 in an
# int4 column was stored as -2**31, 2**40 as 0 (psycopg 3.3, C implementation).
_INT_RANGES = {21: (-(2**15), 2**15 - 1), 23: (-(2**31), 2**31 - 1)}


def _ints_fit(types: list[int], by_column: Sequence[Sequence[Any]]) -> bool:
    """Whether every int2/int4 value of these columns fits its type; where one does not,
    the batch is copied as text so that PostgreSQL refuses it (out of range) instead of
    storing a wrapped number."""
    for oid, column in zip(types, by_column, strict=True):
        bounds = _INT_RANGES.get(oid)
        if bounds is None:
            continue
        present = [value for value in column if value is not None]
        if present and (min(present) < bounds[0] or max(present) > bounds[1]):
            return False
    return True


def _sqlite_literal(value: Any) -> str | None:
    """``value`` as an SQLite literal that stores what binding it would store, or None
    when it is not one of the plain values written so (an int that is not a bool, a
    string, None). ``%`` is doubled for Django's ``%s`` placeholders."""
    if value is None:
        return "NULL"
    kind = value.__class__
    if kind is int and -(2**63) <= value < 2**63:
        return str(value)
    if kind is str and "\x00" not in value:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: binding reports it as before
            return None
        return "'" + value.replace("'", "''").replace("%", "%%") + "'"
    return None


def _shared_literal(column: Sequence[Any]) -> str | None:
    """The literal of the value on every row of ``column`` (the same object), if any.
    Binding a value costs the driver about as much per row as SQLite's own insert of a
    short column; a person's row has about twenty that an import gives every row."""
    first = column[0]
    if len(column) < 2 or not all(map(operator.is_, column, repeat(first))):
        return None
    return _sqlite_literal(first)


def insert_rows(
    model: type[models.Model], rows: Sequence[dict[str, Any]], *, check: RowCheck
) -> list[int]:
    """Insert ``rows`` (attname -> value) into ``model``'s table; return their ids in order.

    This passes by the model layer's cross-team guard, so ``check`` applies the same
    rules to the rows first (every row must belong to its team) and raises
    CrossTeamReference before anything is written."""
    if not rows:
        return []
    check.check(model, rows)
    # Columns the model derives from others (``Person.name_day``), which ``save`` would
    # have set.
    derive = getattr(model, "derive_rows", None)
    if derive is not None:
        derive(rows)
    db = router.db_for_write(model)
    connection = connections[db]
    opts = model._meta
    now = timezone.now()
    pipeline = _local.pipelines.get(db)
    if pipeline is not None:
        ids = pipeline.reserve_ids(model, len(rows))
    else:
        ids = _reserve_ids(model, len(rows), connection)
    fields = [f for f in opts.concrete_fields if not f.generated]  # type: ignore[attr-defined]
    plan = []
    for field in fields:
        if field.primary_key:
            plan.append((field, None, _converter(field, connection)))
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            default: Any = now
        elif field.has_default():
            default = field.get_default()
        elif field.null:
            default = None
        else:
            default = "" if field.empty_strings_allowed else None
        plan.append((field, default, _converter(field, connection)))
    pk_name = opts.pk.attname  # type: ignore[union-attr]
    # Column by column: a comprehension per column costs far less than a Python loop
    # over every field of every row.
    by_column: list[Sequence[Any]] = []
    # Fields no row names (most of a person's, on an import) are one default for all.
    named = set().union(*rows)
    for field, default, convert in plan:
        name = field.attname
        if field.primary_key:
            column: list[Any] = ids
        elif name not in named:
            value = default if convert is _same else convert(default)
            by_column.append([value] * len(rows))
            continue
        else:
            try:
                # Most rows name every column: subscripting is about twice as fast as
                # ``dict.get`` over millions of values.
                column = [row[name] for row in rows]
            except KeyError:
                column = [row.get(name, default) for row in rows]
            if not field.null and default is not None and None in column:
                column = [default if value is None else value for value in column]
        if convert is not _same and not field.primary_key:
            first = column[0]
            if all(map(operator.is_, column, repeat(first))):
                # One object on every row (the import's "now", the team's date): converted
                # once, not once per row.
                column = [convert(first)] * len(column)
            else:
                column = list(map(convert, column))
        by_column.append(column)
    columns = [connection.ops.quote_name(f.column) for f in fields]
    table = connection.ops.quote_name(opts.db_table)
    if connection.vendor == "sqlite":
        # A value every row shares (the team, the import's entry, "now", a default) is
        # written into the statement once instead of bound on every row.
        marks_by_column = [_shared_literal(column) or "%s" for column in by_column]
        by_column = [c for c, m in zip(by_column, marks_by_column, strict=True) if m == "%s"]
    values = list(zip(*by_column, strict=True))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            names = [f.column for f in fields]
            if pipeline is not None:
                types = pipeline.binary_types(cursor, table, names)
            else:
                types = _binary_types(cursor, table, names)
            if types is not None and not _ints_fit(types, by_column):
                types = None
            statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            if types is not None:
                statement += " (FORMAT BINARY)"
            if pipeline is not None:
                pipeline.wrote(opts.db_table, ids)
                if table in pipeline.checked_here:
                    pipeline.copy_checked_here(table, rows, (statement, types, values))
                else:
                    pipeline.copy(statement, types, values)
            else:
                _copy(cursor.cursor, statement, types, values)
        else:
            marks = ", ".join(marks_by_column)
            # The team tallies' row trigger is replaced by one grouped upsert
            # (core/tallies.py); PostgreSQL's statement trigger counts the COPY once.
            tallies.sqlite_bulk_insert(
                cursor,
                opts.db_table,
                lambda: cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
                ),
                ids,
            )
    for pk, row in zip(ids, rows, strict=True):
        row[pk_name] = pk
    check.inserted(model, ids)
    return ids
