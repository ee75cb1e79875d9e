"""Fill ``parent_type``/``parent_id`` and ``person_ref`` on audit entries written before
entries named them (``0007_audit_parent``, ``0008_audit_person_ref``), from what the
entries themselves hold, where that determines them:

- the row still exists: its parent and person are read from the row (its id is the
  entry's ``object_id``);
- the row was deleted: the entries' snapshots name the parent and the person as text
  (``str()`` of the record at the time: a person's or account's name, a journey's
  "title (account)", a conversation's "kind account date"). When every entry of the
  row that names one names the same, and exactly one record of the team reads so,
  that record is the one. Otherwise (a namesake, a renamed or erased record) the
  entry is left as it is: a wrong parent would put a row into another record's
  history, a wrong person would blank another person's history on erasure.

Set-based: a few UPDATE … FROM statements per kind of entry, joined to the kind's
table (rows that exist) or to temporary tables of the texts and the records they
resolve to (rows deleted), so the database does the work, not Python row by row (the
Python path it replaced took 147.6 s of CPU per 100,000 padded old entries). The
statements over rows that exist go through the audit table in ranges of ``BATCH`` ids,
each committed on its own, so no transaction holds a large table's rows for long and
a stopped run resumes (it only fills what is blank, so it can run again). This
migration was edited after it shipped (it only fills blanks; the result is the same,
``core/tests/test_audit_links_filled.py`` compares it with the Python path). The kinds
are those of the models when this migration was written: a migration does not follow
later models."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, migrations

BATCH = 100_000

# child label -> (parent field, parent label): the models' SYNC_PARENTS/HISTORY_PARENTS.
PARENTS = {
    "customers.accountrevenue": ("account", "customers.account"),
    "customers.personrole": ("person", "customers.person"),
    "customers.consent": ("person", "customers.person"),
    "customers.familymember": ("person", "customers.person"),
    "customers.interest": ("person", "customers.person"),
    "customers.lifeevent": ("person", "customers.person"),
    "customers.importantdate": ("person", "customers.person"),
    "conversations.transcriptfile": ("conversation", "conversations.conversation"),
    "conversations.followup": ("conversation", "conversations.conversation"),
    "buying.stage": ("process", "buying.buyingprocess"),
    "buying.stagechange": ("journey", "buying.journey"),
    "buying.buyinggroupmember": ("journey", "buying.journey"),
    "buying.motive": ("journey", "buying.journey"),
    "buying.suggestiondismissal": ("journey", "buying.journey"),
}

# label -> its foreign key to a person (core/audit.py ``person_of``).
PERSONS = {
    "customers.personrole": "person",
    "customers.consent": "person",
    "customers.familymember": "person",
    "customers.interest": "person",
    "customers.lifeevent": "person",
    "customers.importantdate": "person",
    "conversations.transcriptspeaker": "person",
    "market_signals.statement": "person",
    "market_signals.proposal": "person",
    "relationships.personcadence": "person",
    "relationships.personknowledgesnapshot": "person",
    "buying.buyinggroupmember": "person",
    "buying.motive": "person",
    "transfer.externalkey": "person",
    "privacy.erasurecandidate": "person",
    "privacy.informationnotice": "person",
    "privacy.accesslog": "person",
}

PERSON = "customers.person"
# Records found by their name (``str()`` is the name).
BY_NAME = {"customers.person", "customers.account", "buying.buyingprocess"}

# Temporary tables: the texts deleted rows' entries give a field, the records those
# texts resolve to, the journeys' and conversations' texts.
TEXTS, TARGETS, LABELS, DAYS = (
    "fill_links_text",
    "fill_links_target",
    "fill_links_label",
    "fill_links_day",
)
# The rows whose person changed, and the persons found for their entries.
MOVED = "fill_links_moved"
FOUND = "fill_links_moved_found"
NUMBERED = "fill_links_moved_numbered"
# Moved rows per read of their entries, and ids or names per read of their persons.
ROWS = 5000
CHUNK = 500


class _Sql:
    """The few spellings SQLite and PostgreSQL do not share."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.postgres = connection.vendor == "postgresql"
        self.q = connection.ops.quote_name

    def row_of(self, entry: str, row: str, pk: str) -> str:
        """``row`` is the row whose id the entry's ``object_id`` holds. Both ways by
        index; PostgreSQL would refuse to cast a non-number, so it is only cast once
        it reads as one (CASE is evaluated row by row)."""
        if self.postgres:
            return (
                f"{row}.{pk} = CASE WHEN {entry}.object_id ~ '^[0-9]{{1,18}}$'"
                f" THEN CAST({entry}.object_id AS BIGINT) END"
            )
        # SQLite casts '12x' to 12: the text must read back the same.
        return (
            f"{row}.{pk} = CAST({entry}.object_id AS INTEGER)"
            f" AND CAST({row}.{pk} AS TEXT) = {entry}.object_id"
        )

    def number(self, entry: str) -> str:
        """The entry's ``object_id`` is a row's id (digits), not a key of another kind."""
        if self.postgres:
            return f"{entry}.object_id ~ '^[0-9]+$'"
        return f"{entry}.object_id <> '' AND {entry}.object_id NOT GLOB '*[^0-9]*'"

    def pair(self, entry: str, field: str) -> str:
        """The entry's change of ``field`` is an [old, new] pair."""
        if self.postgres:
            return (
                f"(CASE WHEN jsonb_typeof({entry}.changes -> '{field}') = 'array'"
                f" THEN jsonb_array_length({entry}.changes -> '{field}') END) = 2"
            )
        return (
            f"json_type({entry}.changes, '$.{field}') = 'array'"
            f" AND json_array_length({entry}.changes, '$.{field}') = 2"
        )

    def text(self, entry: str, field: str, index: int) -> str:
        """Element ``index`` of the pair when it is a string, else NULL."""
        if self.postgres:
            return (
                f"CASE WHEN jsonb_typeof({entry}.changes -> '{field}' -> {index}) = 'string'"
                f" THEN {entry}.changes -> '{field}' ->> {index} END"
            )
        return (
            f"CASE WHEN json_type({entry}.changes, '$.{field}[{index}]') = 'text'"
            f" THEN json_extract({entry}.changes, '$.{field}[{index}]') END"
        )


def _fields(label: str) -> list[tuple[str, str, str]]:
    """(field, target label, audit column) for each link a kind's entries carry."""
    fields = []
    if label in PARENTS:
        field, target = PARENTS[label]
        fields.append((field, target, "parent_id"))
    if label in PERSONS:
        fields.append((PERSONS[label], PERSON, "person_ref"))
    return fields


def _unchanged(sql: _Sql, events: str, column: str, field: str, entry: str = "e") -> str:
    """For ``person_ref``: the row's person never changed (no update names it), so
    today's or the one agreed text is the person of every entry. Rows whose person
    changed (``MOVED``, few) are read entry by entry (``_fill_moved``)."""
    if column != "person_ref":
        return ""
    return (
        f" AND NOT EXISTS (SELECT 1 FROM {MOVED} AS c WHERE c.team_id = {entry}.team_id"
        f" AND c.object_type = {entry}.object_type AND c.object_id = {entry}.object_id)"
    )


def _find_moved(cursor: Any, sql: _Sql, events: str) -> None:
    # A table, not a correlated look-up per entry: without statistics PostgreSQL read
    # every entry of the kind for each entry.
    cursor.execute(f"DROP TABLE IF EXISTS {MOVED}")
    cursor.execute(
        f"CREATE TEMPORARY TABLE {MOVED} (team_id BIGINT, object_type VARCHAR(60),"
        " object_id VARCHAR(40))"
    )
    for label, field in sorted(PERSONS.items()):
        cursor.execute(
            f"INSERT INTO {MOVED} SELECT DISTINCT c.team_id, c.object_type, c.object_id"  # noqa: S608
            f" FROM {events} AS c WHERE c.object_type = '{label}' AND c.action = 'update'"
            f" AND {sql.pair('c', field)}"
        )
    cursor.execute(f"CREATE INDEX {MOVED}_key ON {MOVED} (team_id, object_type, object_id)")


def _set(column: str, target: str, value: str) -> str:
    if column == "parent_id":
        return f"parent_type = '{target}', parent_id = {value}"
    return f"person_ref = {value}"


def _fill_existing(cursor: Any, sql: _Sql, apps: Any, events: str, batch: int) -> None:
    """Entries of rows that still exist: the link is the row's, in ranges of ids."""
    cursor.execute(f"SELECT MIN(id), MAX(id) FROM {events}")  # noqa: S608
    low, high = cursor.fetchone()
    if low is None:
        return
    statements = []
    for label in sorted({*PARENTS, *PERSONS}):
        model = apps.get_model(label)
        table, pk = sql.q(model._meta.db_table), sql.q(model._meta.pk.column)
        for field, target, column in _fields(label):
            fk = sql.q(model._meta.get_field(field).column)
            statements.append(
                f"UPDATE {events} AS e SET {_set(column, target, f'CAST(m.{fk} AS TEXT)')}"  # noqa: S608
                f" FROM {table} AS m"
                f" WHERE e.object_type = '{label}' AND e.{column} = ''"
                f" AND e.id >= %s AND e.id < %s"
                f" AND {sql.row_of('e', 'm', pk)} AND m.{fk} IS NOT NULL"
                f"{_unchanged(sql, events, column, field)}"
            )
    for start in range(low, high + 1, batch):
        # Each range commits on its own (the migration is not atomic).
        for statement in statements:
            cursor.execute(statement, [start, start + batch])


def _fill_deleted(cursor: Any, sql: _Sql, apps: Any, events: str) -> None:
    """Entries of deleted rows: the one text all the row's entries give a field, when
    exactly one record of the team reads so."""
    q = sql.q
    for name in (TEXTS, TARGETS, LABELS, DAYS):
        cursor.execute(f"DROP TABLE IF EXISTS {name}")
    cursor.execute(
        f"CREATE TEMPORARY TABLE {TEXTS} (team_id BIGINT, object_type VARCHAR(60),"
        " object_id VARCHAR(40), field VARCHAR(60), target VARCHAR(60), text TEXT)"
    )
    for label in sorted({*PARENTS, *PERSONS}):
        model = apps.get_model(label)
        table, pk = q(model._meta.db_table), q(model._meta.pk.column)
        for field, target, column in _fields(label):
            values = " UNION ALL ".join(
                f"SELECT e.team_id, e.object_id, {sql.text('e', field, i)} AS v"  # noqa: S608
                f" FROM {events} AS e WHERE e.object_type = '{label}' AND {sql.pair('e', field)}"
                for i in (0, 1)
            )
            cursor.execute(
                f"INSERT INTO {TEXTS} SELECT d.team_id, '{label}', d.object_id, '{field}',"  # noqa: S608
                f" '{target}', MIN(d.v) FROM ({values}) AS d"
                f" WHERE d.v <> '' AND {sql.number('d')}"
                # Only rows deleted, whose entries still miss the link.
                f" AND NOT EXISTS (SELECT 1 FROM {table} AS m WHERE {sql.row_of('d', 'm', pk)})"
                f" AND EXISTS (SELECT 1 FROM {events} AS b WHERE b.team_id = d.team_id"
                f" AND b.object_type = '{label}' AND b.object_id = d.object_id"
                f" AND b.{column} = ''{_unchanged(sql, events, column, field, 'b')})"
                " GROUP BY d.team_id, d.object_id HAVING COUNT(DISTINCT d.v) = 1"
            )
    cursor.execute(f"CREATE INDEX {TEXTS}_key ON {TEXTS} (target, team_id, text)")
    cursor.execute(
        f"CREATE TEMPORARY TABLE {TARGETS} (team_id BIGINT, target VARCHAR(60), text TEXT,"
        " found VARCHAR(40))"
    )
    texts = f"SELECT DISTINCT team_id, text FROM {TEXTS} WHERE target = %s"  # noqa: S608
    for target in sorted(BY_NAME):
        model = apps.get_model(target)
        cursor.execute(
            f"INSERT INTO {TARGETS} SELECT t.team_id, %s, t.text, CAST(MIN(r.id) AS TEXT)"  # noqa: S608
            f" FROM ({texts}) AS t JOIN {q(model._meta.db_table)} AS r"
            " ON r.team_id = t.team_id AND r.name = t.text"
            " GROUP BY t.team_id, t.text HAVING COUNT(*) = 1",
            [target, target],
        )
    _resolve_journeys(cursor, apps, texts)
    _resolve_conversations(cursor, sql, apps, texts)
    cursor.execute(f"CREATE INDEX {TARGETS}_key ON {TARGETS} (target, team_id, text)")
    for label in sorted({*PARENTS, *PERSONS}):
        for field, target, column in _fields(label):
            cursor.execute(
                f"UPDATE {events} AS e SET {_set(column, target, 'g.found')}"  # noqa: S608
                f" FROM {TEXTS} AS t JOIN {TARGETS} AS g ON g.target = t.target"
                " AND g.team_id = t.team_id AND g.text = t.text"
                f" WHERE t.object_type = '{label}' AND t.field = '{field}'"
                " AND e.team_id = t.team_id AND e.object_type = t.object_type"
                f" AND e.object_id = t.object_id AND e.{column} = ''"
            )
    for name in (TEXTS, TARGETS, LABELS, DAYS):
        cursor.execute(f"DROP TABLE IF EXISTS {name}")


def _resolve_journeys(cursor: Any, apps: Any, texts: str) -> None:
    # A journey reads "<title> (<account>)": the texts of the teams' journeys, by index.
    journey = apps.get_model("buying", "Journey")
    account = apps.get_model("customers", "Account")
    cursor.execute(
        f"CREATE TEMPORARY TABLE {LABELS} AS SELECT j.team_id AS team_id,"  # noqa: S608
        " j.title || ' (' || a.name || ')' AS text, j.id AS id"
        f" FROM {journey._meta.db_table} AS j JOIN {account._meta.db_table} AS a"
        " ON a.id = j.account_id"
        f" WHERE j.team_id IN (SELECT team_id FROM {TEXTS} WHERE target = 'buying.journey')"
    )
    cursor.execute(f"CREATE INDEX {LABELS}_key ON {LABELS} (team_id, text)")
    cursor.execute(
        f"INSERT INTO {TARGETS} SELECT t.team_id, %s, t.text, CAST(MIN(r.id) AS TEXT)"  # noqa: S608
        f" FROM ({texts}) AS t JOIN {LABELS} AS r ON r.team_id = t.team_id AND r.text = t.text"
        " GROUP BY t.team_id, t.text HAVING COUNT(*) = 1",
        ["buying.journey", "buying.journey"],
    )


def _resolve_conversations(cursor: Any, sql: _Sql, apps: Any, texts: str) -> None:
    # "<kind> <account> <YYYY-MM-DD>": the kind in the language of whoever made the
    # change; the date of ``occurred_at`` as it was formatted (UTC from the database,
    # or the local time of a form), so a day either side is looked at. The dates are
    # read here (few distinct texts), the conversations found by the database.
    label = "conversations.conversation"
    cursor.execute(texts, [label])
    days = []
    for team_id, text in cursor.fetchall():
        try:
            day = dt.date.fromisoformat(text[-10:])
        except ValueError:
            continue
        start = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
        adapt = sql.connection.ops.adapt_datetimefield_value
        days.append(
            (team_id, text, day.isoformat(), adapt(start), adapt(start + dt.timedelta(days=3)))
        )
    if not days:
        return
    cursor.execute(
        f"CREATE TEMPORARY TABLE {DAYS} (team_id BIGINT, text TEXT, day VARCHAR(10),"
        " start_at VARCHAR(40), end_at VARCHAR(40))"
    )
    cursor.executemany(f"INSERT INTO {DAYS} VALUES (%s, %s, %s, %s, %s)", days)  # noqa: S608
    conversation = apps.get_model("conversations", "Conversation")
    account = apps.get_model("customers", "Account")
    cast = "CAST(d.{} AS TIMESTAMPTZ)" if sql.postgres else "d.{}"
    cursor.execute(
        f"INSERT INTO {TARGETS} SELECT d.team_id, %s, d.text, CAST(MIN(c.id) AS TEXT)"  # noqa: S608
        f" FROM {DAYS} AS d JOIN {conversation._meta.db_table} AS c ON c.team_id = d.team_id"
        f" AND c.occurred_at >= {cast.format('start_at')} AND c.occurred_at < {cast.format('end_at')}"
        f" JOIN {account._meta.db_table} AS a ON a.id = c.account_id"
        # The text ends with " <account> <day>".
        " WHERE substr(d.text, length(d.text) - length(a.name) - length(d.day) - 1)"
        " = ' ' || a.name || ' ' || d.day"
        " GROUP BY d.team_id, d.text HAVING COUNT(*) = 1",
        [label],
    )


def _persons_as_of(
    entries: list[tuple[int, str, str, Any]], field: str, today: str, named: Any
) -> dict[int, str]:
    """core/audit.py ``persons_as_of`` as it was when this migration was written (a
    migration keeps its own code): the person one row named when each of its entries
    was written, read back from the newest."""
    found: dict[int, str] = {}
    after = today
    for pk, action, ref, changes in reversed(entries):
        pair = (changes or {}).get(field) if isinstance(changes, dict) else None
        pair = pair if isinstance(pair, list) and len(pair) == 2 else None
        if ref:
            now = ref
        elif pair and action == "delete":
            now = named(pair[0])
        elif pair and not after:
            now = named(pair[1])
        else:
            now = after
        if now:
            found[pk] = now
        if pair and action == "update":
            after = named(pair[0])
        elif action != "create":
            after = now
        else:
            after = ""
    return found


def _changes(value: Any) -> Any:
    # A raw cursor gives JSON as text on SQLite, and may on PostgreSQL.
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _found_moved(
    apps: Any, label: str, field: str, rows: dict[tuple[int, str], list[Any]]
) -> list[tuple[int, str]]:
    """(entry id, person) for the blank entries of ``rows`` ((team, object id) -> the
    row's entries, oldest first), with today's persons and the names' persons read in
    reads of ``CHUNK``."""
    model = apps.get_model(label)
    Person = apps.get_model(*PERSON.split("."))
    ids = sorted({int(o) for _t, o in rows if o.isdigit()})
    today: dict[str, str] = {}
    for start in range(0, len(ids), CHUNK):
        for pk, person in model.objects.filter(pk__in=ids[start : start + CHUNK]).values_list(
            "pk", f"{field}_id"
        ):
            if person is not None:
                today[str(pk)] = str(person)
    texts: dict[int, set[str]] = {}
    for (team_id, _o), entries in rows.items():
        for _pk, _a, _r, changes in entries:
            pair = changes.get(field) if isinstance(changes, dict) else None
            if isinstance(pair, list) and len(pair) == 2:
                texts.setdefault(team_id, set()).update(t for t in pair if isinstance(t, str) and t)
    names: dict[tuple[int, str], str] = {}
    for team_id, wanted in texts.items():
        listed = sorted(wanted)
        for start in range(0, len(listed), CHUNK):
            counted: dict[str, list[int]] = {}
            for name, pk in Person.objects.filter(
                team_id=team_id, name__in=listed[start : start + CHUNK]
            ).values_list("name", "pk"):
                counted.setdefault(name, []).append(pk)
            for name, pks in counted.items():
                if len(pks) == 1:
                    names[(team_id, name)] = str(pks[0])
    found_rows = []
    for (team_id, object_id), entries in rows.items():
        found = _persons_as_of(
            entries,
            field,
            today.get(object_id, "") if object_id.isdigit() else "",
            lambda t, team=team_id: names.get((team, t), "") if isinstance(t, str) else "",
        )
        blank = {pk for pk, _a, ref, _c in entries if not ref}
        found_rows += [(pk, person) for pk, person in found.items() if pk in blank]
    return found_rows


def _fill_moved(cursor: Any, sql: _Sql, apps: Any, events: str) -> None:
    """Rows whose person changed (an update names it: a statement given to another
    person): each entry gets the person the row named when it was written, read from
    the updates' [old, new] names back from today's person (or, for a deleted row, the
    person its deletion names). A name that is not one person's of the team leaves the
    entries before it blank.

    Kind by kind, ``ROWS`` moved rows at a time (numbered in a temporary table, so
    memory stays flat however many there are), in a fixed number of statements per
    read: the rows' entries in one, today's persons and the names' persons in reads of
    ``CHUNK``; the persons found are written by one UPDATE … FROM a temporary table per
    kind. Only the walk back through one row's entries is Python's (it depends on
    their order). ``core/tests/audit_fill_reference.py`` keeps the row-by-row path
    this replaced; a test compares the two."""
    cursor.execute(f"DROP TABLE IF EXISTS {FOUND}")
    cursor.execute(f"CREATE TEMPORARY TABLE {FOUND} (id BIGINT, person VARCHAR(40))")
    for label, field in sorted(PERSONS.items()):
        cursor.execute(f"DROP TABLE IF EXISTS {NUMBERED}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {NUMBERED} AS SELECT c.team_id AS team_id,"  # noqa: S608
            " c.object_type AS object_type, c.object_id AS object_id,"
            " ROW_NUMBER() OVER (ORDER BY c.team_id, c.object_id) AS n"
            f" FROM {MOVED} AS c WHERE c.object_type = '{label}'"
        )
        cursor.execute(f"CREATE INDEX {NUMBERED}_n ON {NUMBERED} (n)")
        cursor.execute(f"SELECT COUNT(*) FROM {NUMBERED}")  # noqa: S608
        total = cursor.fetchone()[0]
        cursor.execute(f"DELETE FROM {FOUND}")  # noqa: S608
        for start in range(1, total + 1, ROWS):
            cursor.execute(
                "SELECT e.id, e.team_id, e.object_id, e.action, e.person_ref, e.changes"  # noqa: S608
                f" FROM {NUMBERED} AS c JOIN {events} AS e ON e.team_id = c.team_id"
                " AND e.object_type = c.object_type AND e.object_id = c.object_id"
                " WHERE c.n >= %s AND c.n < %s ORDER BY e.team_id, e.object_id, e.id",
                [start, start + ROWS],
            )
            rows: dict[tuple[int, str], list[Any]] = {}
            for pk, team_id, object_id, action, ref, changes in cursor.fetchall():
                rows.setdefault((team_id, object_id), []).append(
                    (pk, action, ref, _changes(changes))
                )
            # Only rows with an entry still blank (as the row-by-row path chose them).
            rows = {key: entries for key, entries in rows.items() if any(not e[2] for e in entries)}
            found = _found_moved(apps, label, field, rows) if rows else []
            if found:
                cursor.executemany(f"INSERT INTO {FOUND} VALUES (%s, %s)", found)  # noqa: S608
        if total:
            cursor.execute(
                f"UPDATE {events} AS e SET person_ref = f.person FROM {FOUND} AS f"  # noqa: S608
                " WHERE e.id = f.id AND e.person_ref = ''"
            )
    for name in (FOUND, NUMBERED):
        cursor.execute(f"DROP TABLE IF EXISTS {name}")


def fill_links(apps: Any, schema_editor: Any, batch: int = BATCH) -> None:
    connection = schema_editor.connection if schema_editor else connections[DEFAULT_DB_ALIAS]
    sql = _Sql(connection)
    events = sql.q(apps.get_model("core", "AuditEvent")._meta.db_table)
    with connection.cursor() as cursor:
        if sql.postgres:
            # Without statistics (entries just written, no autovacuum yet) PostgreSQL
            # looked entries of a row up through the (team, kind, id) index, reading
            # every entry of the kind per entry: minutes at 100,000.
            cursor.execute(f"ANALYZE {events}")
        _find_moved(cursor, sql, events)
        _fill_existing(cursor, sql, apps, events, batch)
        _fill_deleted(cursor, sql, apps, events)
        _fill_moved(cursor, sql, apps, events)
        cursor.execute(f"DROP TABLE IF EXISTS {MOVED}")


class Migration(migrations.Migration):
    # Each range of ids commits on its own (``fill_links``).
    atomic = False

    dependencies = [
        ("core", "0008_audit_person_ref"),
        ("buying", "0005_stage_visit_count"),
        ("conversations", "0005_followup_updated_at"),
        ("customers", "0006_import_entry"),
        ("market_signals", "0009_statement_weak_index"),
        ("relationships", "0006_account_knowledge_snapshot"),
        ("privacy", "0001_privacy_records"),
        ("transfer", "0002_external_key_team_index_covered"),
    ]

    operations = [
        migrations.RunPython(fill_links, migrations.RunPython.noop, elidable=True),
    ]
