"""Per-team results that are costly to compute and change only when the team's data
changes: computed once, then served from Django's cache until the team's next change.

Every change to team data goes through a service that writes an audit record in the
same transaction (DESIGN.md), so the team's newest audit id is a version of all its
data: a key that carries it is never stale after a write, and no service needs to know
which cached results its change touches. The day and the language are in the key too
(results say "today" and are translated). A TTL bounds what a change made outside
the services (a bulk load, a database edit) can leave stale: past it, the first request
computes the result again while the others are served the kept one (``_refresh``).

Results live in two places: this process' memory (the ``default`` cache) and the
``team`` cache that every process of the server shares (by default files under
``FASIT_DATA_DIR/cache``; ``FASIT_TEAM_CACHE`` in docs/operations.md). With one cache
per process, each gunicorn worker computed every page again after each change. One
process computes a missing result while the others wait on a lock file and then read
what it stored ("one computes, others wait" across processes, on one host).

A result that reads only some of the team's data can be keyed by the version of that
*area* instead (``area=``): the newest audit id among the record kinds of the apps in
``AREAS[area]``. A seller's logged conversation then leaves the home page's dates card,
the key accounts' knowledge ranking, buying insight and the signals board as they
were, where it used to make each of them read the whole team again. The map lists the
apps a result reads, so a write in any of them (and only those) gives a new key; an
app missing from an area's list would leave its result stale until the next write in
the area or the TTL, so each area's tests write in each of its apps
(``core/tests/test_area_versions.py``). Results that read conversations (home's other
cards, being on, the key accounts' health column, listening) stay on the team's
version, or on a ``kept_version``: the oldest team version this process knows to give
the same result, found from the kinds of the audit records written since (home's
cards, ``core/home.py``).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection
from django.utils import timezone, translation

from fasit.core.models import AuditEvent

T = TypeVar("T")

VERSION_SQL = f"SELECT MAX(id) FROM {AuditEvent._meta.db_table} WHERE team_id = %s"


#: The apps whose audited records can change a result of each area. Every area has
#: the team's settings (``tenancy``: currency, rates, members), the people and
#: accounts (``customers``), and the apps that write into them without being them
#: (imports, privacy erasures and merges).
_BASE = ("tenancy", "auth", "customers", "transfer", "privacy")
AREAS: dict[str, tuple[str, ...]] = {
    # People, their dates and profiles, roles and accounts: the home page's dates
    # card and the key accounts' knowledge ranking (``relationships``: cadence norms
    # and snapshots, read by neither, kept in to be safe).
    "people": (*_BASE, "relationships"),
    # Buying processes, journeys, stage changes, motives: buying insight.
    "buying": (*_BASE, "buying"),
    # Statements, themes, groups: the signals board (its quotes link a conversation by
    # id only).
    "signals": (*_BASE, "market_signals"),
}

# (database, team, area) -> (team version it was read at, area version): the area's
# version cannot have moved while the team's did not, so a warm request reads nothing.
_area_versions: dict[tuple[str, int, str], tuple[int, int]] = {}
_area_sql: dict[str, tuple[str, list[str]]] = {}


def _area_statement(area: str) -> tuple[str, list[str]]:
    """One statement for an area's version: the newest id of each record kind, each an
    index probe on (team, object_type, id), and the largest of them."""
    if area not in _area_sql:
        from django.apps import apps

        labels = []
        for app in AREAS[area]:
            try:
                config = apps.get_app_config(app)
            except LookupError:  # an app this installation leaves out
                continue
            labels += [model._meta.label_lower for model in config.get_models()]
        labels.sort()
        table = AuditEvent._meta.db_table
        probes = " UNION ALL ".join(
            f"SELECT MAX(id) AS v FROM {table} WHERE team_id = %s AND object_type = %s"
            for _label in labels
        )
        _area_sql[area] = (f"SELECT MAX(v) FROM ({probes}) AS area_probes", labels)  # noqa: S608
    return _area_sql[area]


def forget_area_versions() -> None:
    """Drop the remembered area versions, kept versions and audit records read (tests:
    ids come again after a rollback)."""
    _area_versions.clear()
    _kept.clear()
    _events.clear()


def area_version(team: Any, area: str, *, version: int | None = None) -> int:
    """The id of the team's newest audit record of a kind in ``AREAS[area]``.
    ``version``: the team's version, when the request read it already."""
    if team is None:
        return 0
    version = team_data_version(team) if version is None else version
    memo_key = (_database_tag(), int(team.pk), area)
    known = _area_versions.get(memo_key)
    if known is not None and known[0] == version:
        return known[1]
    sql, labels = _area_statement(area)
    params: list[Any] = []
    for label in labels:
        params += [team.pk, label]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    result = int(row[0] or 0)
    _area_versions[memo_key] = (version, result)
    return result


def team_data_version(team: Any) -> int:
    """The id of the team's newest audit record (an index lookup on (team, id)).

    Plain SQL: it runs on every API list and cached page, and building the same
    aggregate through the ORM cost ten times the lookup itself."""
    if team is None:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL, [team.pk])
        row = cursor.fetchone()
    return int(row[0] or 0)


def team_cached(
    team: Any,
    name: str,
    compute: Callable[[], T],
    *,
    version: int | None = None,
    area: str | None = None,
) -> T:
    """``compute()``'s result for ``team``, cached under ``name`` until the team's data,
    the local day or the language change. Pass ``version`` when a request reads several
    cached results, to look it up once. ``area``: keep it until the data of that area
    (``AREAS``) changes instead of any of the team's."""
    if team is None:
        return compute()
    version = team_data_version(team) if version is None else version
    if area is not None:
        version = area_version(team, area, version=version)
        name = f"{name}@{area}"
    key = ":".join(
        [
            # Entries are (fresh until, result) since "fasit-team2"; results kept in
            # the shared cache by an older version are never read as one.
            "fasit-team2",
            # Two databases served from one data directory (a copy, the test
            # databases of parallel test workers) must not read each other's results.
            _database_tag(),
            str(team.pk),
            name,
            str(version),
            timezone.localdate().isoformat(),
            translation.get_language() or "",
        ]
    )
    now = time.time()
    entry: tuple[float, T] | None = cache.get(key)
    if entry is None:
        entry = caches["team"].get(key)
        if entry is not None:
            cache.set(key, entry, timeout=_lifetime())
    if entry is not None:
        fresh_until, value = entry
        if now < fresh_until:
            return value
        # Past the TTL at the same version: right for every change made through Fasit,
        # and the TTL is only there for changes made outside it. One request computes it
        # again and the others are served the kept result meanwhile, instead of all
        # waiting on it: a being-on that expired cost 2 s of CPU at --scale 100, and
        # every request that arrived in those 2 s waited (p99 2.3 s at 64 connections).
        return _refresh(key, compute, value)
    # One thread of this process computes a missing result; the others wait for it and
    # read what it stored. Without this every request that arrived after a change of
    # the team's data computed the same page at once (at 16 connections being-on cost
    # 470 ms of CPU a request instead of 39: bench/bench_http.py). The lock file does
    # the same between the server's processes.
    lock = _computing_lock(key)
    try:
        with lock, _process_lock(key):
            entry = caches["team"].get(key)
            if entry is None or time.time() >= entry[0]:
                entry = _store(key, compute())
            cache.set(key, entry, timeout=_lifetime())
    finally:
        _drop_computing_lock(key, lock)
    return entry[1]


def _lifetime() -> int:
    """How long a result stays in the caches: fresh for ``FASIT_TEAM_CACHE_SECONDS``, then
    served while one request computes it again for as long again (``team_cached``)."""
    return 2 * settings.FASIT_TEAM_CACHE_SECONDS


def _store(key: str, value: T) -> tuple[float, T]:
    entry = (time.time() + settings.FASIT_TEAM_CACHE_SECONDS, value)
    caches["team"].set(key, entry, timeout=_lifetime())
    return entry


def _refresh(key: str, compute: Callable[[], T], kept: T) -> T:
    """``compute()`` again for a result past its TTL, in the one thread of the server
    that gets both locks at once; any other request is given ``kept``."""
    lock = _computing_lock(key)
    if not lock.acquire(blocking=False):
        return kept
    try:
        with _process_lock(key, wait=False) as mine:
            if not mine:
                return kept
            entry = caches["team"].get(key)
            if entry is None or time.time() >= entry[0]:
                entry = _store(key, compute())
            cache.set(key, entry, timeout=_lifetime())
            return entry[1]
    finally:
        lock.release()
        _drop_computing_lock(key, lock)


def _drop_computing_lock(key: str, lock: threading.Lock) -> None:
    with _computing_guard:
        if _computing.get(key) is lock:
            del _computing[key]


def _database_tag() -> str:
    return hashlib.sha1(
        f"{connection.vendor}:{connection.settings_dict.get('HOST')}:"
        f"{connection.settings_dict.get('NAME')}".encode()
    ).hexdigest()[:10]


@contextlib.contextmanager
def _process_lock(key: str, *, wait: bool = True) -> Iterator[bool]:
    """An exclusive lock on a file named after ``key``, held by one process at a time;
    yields whether this process holds it (always, unless ``wait=False`` and another
    process has it).

    The file is removed when released, so lock files do not pile up with each version;
    a process that waited on a file removed meanwhile locks the new one instead."""
    directory = settings.FASIT_TEAM_LOCK_DIR
    if not directory:
        yield True
        return
    path = Path(directory) / (hashlib.sha1(key.encode()).hexdigest() + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                same = os.fstat(fd).st_ino == os.stat(path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                try:
                    yield True
                finally:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(path)
                return
        finally:
            os.close(fd)


# A lock per key being computed, not a fixed set of striped locks: a computation may
# read another cached result, and two stripes taken in opposite orders would deadlock.
_computing: dict[str, threading.Lock] = {}
_computing_guard = threading.Lock()


def _computing_lock(key: str) -> threading.Lock:
    with _computing_guard:
        return _computing.setdefault(key, threading.Lock())


#: More audit records than this between two versions: count them as a change of
#: everything (a bulk load) rather than read them all.
MAX_EVENTS = 200

AuditRow = tuple[str, str, str, Any]

# (database, team, since, until) -> the records: the memos and the cards of one
# request (and the other threads at the same version) read them once.
_events: dict[tuple[str, int, int, int], list[AuditRow] | None] = {}


def audit_events_between(team: Any, since: int, until: int) -> list[AuditRow] | None:
    """The team's audit records after ``since`` up to ``until`` as (object type, object
    id, action, changes), in one index range; None when there are more than
    ``MAX_EVENTS``."""
    if until <= since:
        return []
    key = (_database_tag(), int(team.pk), since, until)
    if key in _events:
        return _events[key]
    rows = list(
        AuditEvent.objects.filter(team=team, id__gt=since, id__lte=until)
        .order_by()
        .values_list("object_type", "object_id", "action", "changes")[: MAX_EVENTS + 1]
    )
    result = None if len(rows) > MAX_EVENTS else rows
    if len(_events) >= 64:
        _events.clear()
    _events[key] = result
    return result


# (database, team, name) -> (the team's version last checked, the kept version)
_kept: dict[tuple[str, int, str], tuple[int, int]] = {}


def kept_version(team: Any, name: str, affects: Callable[[AuditRow], bool], *, version: int) -> int:
    """The version to key a result by that only records for which ``affects`` is true
    can change: the oldest team version this process knows to give the same result as
    ``version``. A result kept under it is reused after records that do not affect it
    (a logged conversation leaves a card of accounts' names as it was), where the
    team's version would compute it again after every write.

    Any version is a correct key for the result computed at it; a process that knows
    nothing yet uses the team's present version, so processes may differ in the key
    they use but never store different results under one key. ``affects`` must say
    True for any record it does not know (a new kind of record fails safe)."""
    if team is None:
        return version
    memo_key = (_database_tag(), int(team.pk), name)
    known = _kept.get(memo_key)
    if known is not None:
        checked, kept = known
        if checked == version:
            return kept
        if checked < version:
            events = audit_events_between(team, checked, version)
            if events is not None and not any(affects(e) for e in events):
                _kept[memo_key] = (version, kept)
                return kept
        else:  # a request that read an older version: say nothing about it
            return version
    _kept[memo_key] = (version, version)
    return version
