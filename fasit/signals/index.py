"""Rows <-> engine types, and one cached ``ThemeIndex`` per team and process.

Rebuilding an index from the database costs a pass over every statement of the
team (analysing each: about 0.2 ms CPU a statement, 20 s at 100,000); adding one
statement to a live index costs milliseconds. So each process keeps the index of
the teams it served, tagged with the team's ``SignalState`` version:

- a writer takes the index out of the cache while it changes it and puts it back
  only after its transaction commits, so a failed write can never leave a cached
  index that disagrees with the database;
- every add through ``statement_create`` is logged (``IndexAdd``: version, statement,
  theme), so a process whose index is a few versions behind (another gunicorn worker
  added) replays those adds in place of rebuilding; any other change (a delete, move,
  merge, regroup, recount) leaves a gap in the log and the next writer rebuilds;
- ``warm`` builds a team's index outside any transaction (no write lock held): a web
  worker warms every team with statements in a background thread when it starts
  (``warm_all``), and ``statement_create`` waits for a warm in progress instead of
  building a second index inside its transaction;
- a built index is kept on disk, one signed file per team (``save_index``; see "the
  index on disk" below): the first process to warm a team builds and writes it, the
  others (and every process after a restart) load it and replay the logged adds.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from fasit.customers.models import Account
from fasit.engine.signals import Decisions, Embedder, ThemeIndex, load_embedder
from fasit.engine.signals import Statement as EngineStatement
from fasit.engine.signals.grouping import engine_fingerprint
from fasit.signals.models import IndexAdd, SignalState, Statement, TaughtTerm, Theme
from fasit.tenancy.models import Team

logger = logging.getLogger(__name__)

# Keyed by ``team_key``: (team id, the team's creation time). An id alone can come
# again for another team (SQLite hands out an id again when the transaction that took
# it rolled back, a database restored from a backup starts its sequences where the
# backup left them), and an index kept under a reused id would then be served, or
# brought up to date with the new team's logged adds, for a team it never belonged to.
TeamKey = tuple[int, Any]
_cache: dict[TeamKey, tuple[int, ThemeIndex]] = {}
_cache_lock = threading.Lock()
# Signalled when an index comes back to the cache after its writer committed.
_returned = threading.Condition(_cache_lock)
# team key -> (when, thread) a writer of this process took its index out (a rollback
# never puts it back, so the mark only counts for OUT_STALE seconds).
_out: dict[TeamKey, tuple[float, int]] = {}
OUT_STALE = 60.0
# A writer holding the team's row lock knows the previous writer has committed; its
# index comes back within microseconds of that commit, so wait this long for it.
CHECKIN_WAIT = 0.5
# One builder per team and process (``warm``).
_builders: dict[TeamKey, threading.Lock] = {}
# Adds kept in the log for other processes to replay; a process further behind rebuilds.
LOG_KEEP = 1000
LOG_PRUNE_EVERY = 100


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


def independent_key(account_id: int, roots: dict[int, int]) -> str:
    """The one definition of an independent customer: the top of the account's
    corporate group (an account without a parent is its own top). The board, the theme
    page, the merge list, notifications and the engine all count these keys."""
    return f"group-{roots.get(account_id, account_id)}"


def engine_statement(
    row: dict[str, Any], roots: dict[int, int], group: str | None = None
) -> EngineStatement:
    # The group key is set for every account, also for the top of a group: a parent
    # and its subsidiary must share one key, or the parent counts apart.
    return EngineStatement(
        id=str(row["id"]),
        account=str(row["account_id"]),
        conversation=str(row["conversation_id"]),
        date=row["said_on"],
        text=f"{row['question']} {row['text']}" if row.get("question") else row["text"],
        group=group or independent_key(row["account_id"], roots),
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


def stored_assignments(team: Team) -> dict[str, str]:
    """statement id -> theme key of the team's statements that have a theme."""
    return {
        str(pk): key
        for pk, key in Statement.objects.for_team(team)
        .filter(theme__isnull=False)
        .values_list("id", "theme__key")
    }


def restore_index(team: Team) -> ThemeIndex:
    assignments = stored_assignments(team)
    return ThemeIndex.restore(
        team_statements(team), assignments, team_decisions(team), embedder=embedder()
    )


def team_key(team: Team) -> TeamKey:
    """The key of the team's index in this process (see ``_cache``)."""
    return (team.pk, team.created_at)


def _bump_sql(reserve: bool) -> str:
    table = connection.ops.quote_name(SignalState._meta.db_table)
    returning = "id, version"
    if reserve:
        statements = Statement._meta.db_table
        if connection.vendor == "postgresql":
            returning += f", nextval(pg_get_serial_sequence('{statements}', 'id'))"
        else:
            # The write lock is held from BEGIN IMMEDIATE on, so no other connection
            # inserts a statement before this transaction does; AUTOINCREMENT hands out
            # the larger of the highest id ever used and the highest id present, plus one.
            quoted = connection.ops.quote_name(statements)
            returning += (
                ", MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name ="
                f" '{statements}'), 0), COALESCE((SELECT MAX(id) FROM {quoted}), 0)) + 1"
            )
    return f"UPDATE {table} SET version = version + 1 WHERE team_id = %s RETURNING {returning}"


def locked_state(team: Team, *, reserve_statement_id: bool = False) -> SignalState:
    """The team's signal state, locked for this transaction (writers queue here) and
    moved on to the version this write makes, in one query: ``UPDATE … RETURNING``
    takes the row's lock as ``SELECT … FOR UPDATE`` did and saves the bump that used
    to be a second query. The write must end with ``checkin``.

    ``reserve_statement_id`` also returns the id the next statement row gets
    (``state.statement_id``), so an add inserts its statement once, already in its
    theme, instead of inserting it and then setting its theme (SQLite and PostgreSQL;
    ``None`` on other databases)."""
    reserve = reserve_statement_id and connection.vendor in ("sqlite", "postgresql")
    sql = _bump_sql(reserve)
    with connection.cursor() as cursor:
        cursor.execute(sql, [team.pk])
        row = cursor.fetchone()
        if row is None:  # the team's first change: make the row, then lock and bump it
            SignalState.objects.get_or_create(team=team)
            cursor.execute(sql, [team.pk])
            row = cursor.fetchone()
    state = SignalState(id=row[0], team=team, version=row[1])
    state.statement_id = row[2] if reserve else None  # type: ignore[attr-defined]
    return state


def _recently_out(key: TeamKey, *, by_other: bool = False) -> bool:
    taken = _out.get(key)
    if taken is None or time.monotonic() - taken[0] >= OUT_STALE:
        return False
    return not by_other or taken[1] != threading.get_ident()


def _mark_out(key: TeamKey) -> None:
    _out[key] = (time.monotonic(), threading.get_ident())


def reset() -> None:
    """Forget every cached index (tests: ids come again after a test's rollback)."""
    with _cache_lock:
        _cache.clear()
        _out.clear()
        _builders.clear()


def _drop_former(team: Team) -> None:
    """Let go of an index kept under this id for a team that no longer exists (call
    with the cache's lock held)."""
    for former in [k for k in _cache if k[0] == team.pk and k != team_key(team)]:
        del _cache[former]


def cached(team: Team) -> tuple[int, ThemeIndex] | None:
    """(version, index) this process holds for the team, if any."""
    return _cache.get(team_key(team))


def checkout(team: Team, state: SignalState) -> ThemeIndex:
    """Take the team's index for changing it inside the current transaction: the
    cached one if current, or brought up to date by replaying the logged adds of other
    processes, else rebuilt from the rows. ``state`` comes from ``locked_state``,
    already at the version this write makes."""
    key = team_key(team)
    before = state.version - 1
    with _returned:
        if key not in _cache and _recently_out(key, by_other=True):
            _returned.wait_for(lambda: key in _cache, timeout=CHECKIN_WAIT)
        cached = _cache.pop(key, None)
        _mark_out(key)
        _drop_former(team)
    if cached is not None:
        version, index = cached
        if version == before:
            return index
        if version < before and _catch_up(team, index, version, before):
            return index
    return restore_index(team)


def _catch_up(team: Team, index: ThemeIndex, since: int, version: int) -> bool:
    """Replay the adds logged after ``since`` up to ``version``; False (the index is
    then half changed and must be dropped) when anything else changed in between."""
    if version - since > LOG_KEEP:
        return False
    adds = list(
        IndexAdd.objects.filter(team=team, version__gt=since, version__lte=version)
        .order_by("version")
        .values_list("version", "statement_id", "theme_key", "group")
    )
    if [a[0] for a in adds] != list(range(since + 1, version + 1)):
        return False
    rows = {
        row["id"]: row
        for row in Statement.objects.for_team(team)
        .filter(pk__in=[a[1] for a in adds])
        .values(*STATEMENT_FIELDS)
    }
    try:
        for _version, statement_id, key, group in adds:
            index.insert(engine_statement(rows[statement_id], {}, group), key)
    except (KeyError, ValueError):
        logger.warning("signal index of team %s: replay failed, rebuilding", team.pk)
        return False
    return True


def log_add(
    team: Team,
    state: SignalState,
    statement: Statement,
    key: str,
    group: str,
    audit: tuple[str, list[Any]] | None = None,
) -> None:
    """Record the add that made ``state.version``; with ``audit`` (``audit_create_sql``)
    write the add's audit record too, on PostgreSQL in the same statement."""
    # Written out (no model save: nothing listens to this log's rows, and the ORM's
    # INSERT … RETURNING is built anew each time). The statement is the team's: the add
    # made it, and the team guard checked it when it was saved.
    quote = connection.ops.quote_name
    table = IndexAdd._meta.db_table
    sql = (
        f"INSERT INTO {quote(table)} ({quote('team_id')}, {quote('version')},"
        f" {quote('statement_id')}, {quote('theme_key')}, {quote('group')})"
        " VALUES (%s, %s, %s, %s, %s)"
    )
    params: list[Any] = [team.pk, state.version, statement.pk, key, group]
    with connection.cursor() as cursor:
        if audit is not None and connection.vendor == "postgresql":
            # One round trip: a data-modifying WITH runs whether or not it is read.
            cursor.execute(f"WITH logged AS ({sql}) {audit[0]}", [*params, *audit[1]])
        else:
            cursor.execute(sql, params)
            if audit is not None:
                cursor.execute(*audit)
    if state.version % LOG_PRUNE_EVERY == 0:
        IndexAdd.objects.filter(team=team, version__lte=state.version - LOG_KEEP).delete()


def checkin(team: Team, state: SignalState, index: ThemeIndex, *, keep: bool = True) -> None:
    """Cache the changed index at the state's version once the transaction commits
    (``locked_state`` saved the version). ``keep=False`` does not: the next writer
    rebuilds the index from the rows (a bulk load that must not hold a large index
    until its long transaction ends)."""
    version = state.version
    if not keep:
        return
    key = team_key(team)

    def remember() -> None:
        with _returned:
            current = _cache.get(key)
            if current is None or current[0] < version:
                _cache[key] = (version, index)
            _out.pop(key, None)
            _returned.notify_all()

    transaction.on_commit(remember)


def forget(team: Team) -> None:
    """Drop the team's cached index: the caller rebuilds it and checks it in. Its file
    goes too, now and again when the change commits (``discard_file``): a delete or an
    erasure must leave no copy of the statements it removed on disk."""
    key = team_key(team)
    with _cache_lock:
        _cache.pop(key, None)
        _mark_out(key)
    discard_file(team)
    transaction.on_commit(lambda: discard_file(team))


def _version(team: Team) -> int:
    return SignalState.objects.filter(team=team).values_list("version", flat=True).first() or 0


# --- the index on disk ------------------------------------------------------------------
#
# A build analyses every statement again (36-39 s of CPU at 242,000 statements); loading
# the index a build dumped costs a fraction of that. So after a build ``warm`` writes the
# team's index to ``FASIT_SIGNALS_INDEX_DIR`` (one file per team, 0600), and a process
# that starts loads it and replays the adds logged since, as it would from its own cache.
# A lock file per team makes the processes of one machine take turns: the first builds,
# the others wait and load what it wrote. Whatever does not match exactly is not used:
# a file of another team (the name and the header carry the team key, with the team's
# creation time), of another engine (``engine_fingerprint``: format, Python, every
# source and lexicon file) or embedding model, a changed or truncated file (an HMAC
# keyed by SECRET_KEY, checked before anything is unpickled), a version the log cannot
# bring up to date (a delete, erasure, move or regrouping since: a gap in the log), or
# statements and themes that differ from the rows once brought up to date: the process
# builds from the rows instead and writes a new file. A change that is not an add
# (``forget``) deletes the file.

FILE_MAGIC = b"FASIT-SIGNAL-INDEX 1\n"


def _store() -> Path | None:
    folder = getattr(settings, "FASIT_SIGNALS_INDEX_DIR", "")
    return Path(folder) if folder else None


def _team_tag(team: Team) -> str:
    return f"{team.pk}|{team.created_at.isoformat()}"


def index_file(team: Team) -> Path | None:
    """Where the team's index is kept on disk (None: not kept)."""
    store = _store()
    if store is None:
        return None
    digest = hashlib.sha256(_team_tag(team).encode()).hexdigest()[:16]
    return store / f"team-{team.pk}-{digest}.index"


def _signing_key() -> bytes:
    return hashlib.sha256(b"fasit.signals.index|" + settings.SECRET_KEY.encode()).digest()


def _header(team: Team, version: int) -> dict[str, Any]:
    return {
        "team": _team_tag(team),
        "version": version,
        "engine": engine_fingerprint(),
        "embedding": str(getattr(settings, "FASIT_EMBEDDING_MODEL", "") or ""),
    }


@contextlib.contextmanager
def _file_lock(team: Team) -> Iterator[None]:
    """Hold the team's lock file: one process at a time loads, builds or writes the
    team's index file (a no-op when no files are kept)."""
    path = index_file(team)
    if path is None:
        yield
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with _held(path.with_suffix(".lock")):
        yield


@contextlib.contextmanager
def _held(lock: Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold the lock file ``lock`` (``flock``), and delete it before letting go, so no
    empty file stays behind per team. Safe with a process waiting: it waits on the file
    it opened, which is gone from the folder once it gets it; it sees so (the name no
    longer leads to the file it holds) and opens the name again, queueing behind
    whoever created the new file. So at most one process holds the file the name leads
    to, and only that one works. Yields whether it is held (``wait=False``: not when
    another holds it)."""
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
            try:
                named = os.stat(lock)
            except FileNotFoundError:
                continue  # deleted by the holder before us: open the name again
            held = os.fstat(fd)
            if (named.st_dev, named.st_ino) != (held.st_dev, held.st_ino):
                continue  # deleted, and made again by another that now queues on it
            try:
                yield True
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(lock)  # still held: no one else can have this name's file
            return
        finally:
            os.close(fd)  # closing lets go of the lock


def discard_lock_file(path: Path) -> None:
    """Delete a lock file left behind (a process killed while it held it), unless a
    process holds it (it deletes it when it lets go)."""
    if path.exists():
        with _held(path, wait=False):
            pass


def discard_file(team: Team) -> None:
    """Delete the team's index file, if any."""
    path = index_file(team)
    if path is not None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def save_index(team: Team, version: int, index: ThemeIndex) -> None:
    """Write the team's index at ``version`` to its file: a temporary file (0600) in the
    same folder, renamed over the old one, so a reader sees a whole file or none."""
    path = index_file(team)
    if path is None:
        return
    header = json.dumps(_header(team, version), sort_keys=True).encode()
    payload = index.dumps()
    mac = hmac.new(_signing_key(), header + b"\n" + payload, hashlib.sha256).digest()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".index")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(FILE_MAGIC)
            out.write(len(header).to_bytes(4, "big") + header)
            out.write(mac)
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    # A delete or erasure that committed while this index was built deleted the file
    # before it was written: what changed since must be adds the log can replay, or
    # the file goes (the next start builds).
    now = _version(team)
    if now != version and not _log_covers(team, version, now):
        discard_file(team)


def _read_file(team: Team) -> tuple[int, ThemeIndex] | None:
    """(version, index) from the team's file if it is whole, signed with this
    installation's key, and made for this team by this engine; else None."""
    path = index_file(team)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        if not data.startswith(FILE_MAGIC):
            raise ValueError("not an index file")
        at = len(FILE_MAGIC)
        size = int.from_bytes(data[at : at + 4], "big")
        header_bytes = data[at + 4 : at + 4 + size]
        mac = data[at + 4 + size : at + 36 + size]
        payload = data[at + 36 + size :]
        expected = hmac.new(_signing_key(), header_bytes + b"\n" + payload, hashlib.sha256)
        if not hmac.compare_digest(mac, expected.digest()):
            raise ValueError("the signature does not match (changed, truncated or foreign)")
        header = json.loads(header_bytes)
        version = header.pop("version")
        if header != {k: v for k, v in _header(team, 0).items() if k != "version"}:
            raise ValueError("made for another team, engine or embedding model")
        return version, ThemeIndex.loads(payload, embedder=embedder())
    except Exception as error:  # noqa: BLE001 (never serve it; build instead)
        logger.warning("signal index file of team %s not used: %s", team.pk, error)
        return None


def _matches_rows(team: Team, index: ThemeIndex) -> bool:
    """Whether the index holds exactly the team's statements, each in its stored theme,
    with the team's decisions (cheap next to a build: no statement is analysed)."""
    stored = stored_assignments(team)
    ids = {str(pk) for pk in Statement.objects.for_team(team).values_list("id", flat=True)}
    held = index.assignments()
    if set(held) != ids:
        return False
    if any(held[sid] != key for sid, key in stored.items()):
        return False
    return index.decisions == team_decisions(team)


def _load_file(team: Team) -> tuple[int, ThemeIndex, bool] | None:
    """(version, index, whether adds were replayed) from the team's file brought up to
    the team's version, checked against the rows; None when it cannot be used."""
    found = _read_file(team)
    if found is None:
        return None
    saved, index = found
    before = _version(team)
    if saved > before:  # the database went back (a restore): never trust it
        logger.warning("signal index file of team %s is ahead of the database", team.pk)
        discard_file(team)
        return None
    if saved < before and not _catch_up(team, index, saved, before):
        return None
    if not _matches_rows(team, index) or _version(team) != before:
        if _version(team) == before:
            logger.warning("signal index file of team %s differs from the rows", team.pk)
        return None
    return before, index, saved != before


def _log_covers(team: Team, since: int, version: int) -> bool:
    if version - since > LOG_KEEP:
        return False
    logged = IndexAdd.objects.filter(team=team, version__gt=since, version__lte=version)
    return logged.count() == version - since


def warm(team: Team) -> None:
    """Have the team's index in this process's cache, built from the rows outside any
    transaction (no write lock held while it builds). Returns at once when an index is
    cached (even an older version: the writer replays the log) or a writer of this
    process has it out; waits for a build of the same team already under way, in this
    process or (with index files) in another. Loads the team's index file when it can
    be used, else builds and writes it."""
    key = team_key(team)
    with _cache_lock:
        if key in _cache or _recently_out(key):
            return
        builder = _builders.setdefault(key, threading.Lock())
    with builder, _file_lock(team):
        with _cache_lock:
            if key in _cache or _recently_out(key):
                return
        loaded = _load_file(team)
        if loaded is not None:
            version, index, replayed = loaded
            index.check_corroboration()
            _keep(team, version, index)
            if replayed:  # the next start replays nothing
                save_index(team, version, index)
            return
        # The rows are read by several statements; the version read before and after
        # says whether a writer committed in between (then read again).
        for _attempt in range(3):
            before = _version(team)
            index = restore_index(team)
            if _version(team) != before:
                continue
            # Each theme's first corroboration check is a pass over up to 600 of its
            # statements: made here, in the background, rather than in the first add
            # to each theme after a restart.
            index.check_corroboration()
            _keep(team, before, index)
            save_index(team, before, index)
            return


def _keep(team: Team, version: int, index: ThemeIndex) -> None:
    key = team_key(team)
    with _cache_lock:
        current = _cache.get(key)
        if (current is None or current[0] < version) and not _recently_out(key):
            _cache[key] = (version, index)
            _drop_former(team)


def warm_all() -> None:
    """Warm every team that has statements, the largest first (a web worker's
    background thread at start; see ``fasit serve``, which closes the thread's
    database connection after it)."""
    from django.db.models import Count

    try:
        sizes = Statement.objects.values("team_id").annotate(n=Count("id")).order_by("-n")
        ids = [row["team_id"] for row in sizes]
        teams = Team.objects.in_bulk(ids)
        for team_id in ids:
            warm(teams[team_id])
    except Exception:  # a failed warm-up must not take the worker down
        logger.exception("warming the signal indexes failed")
