"""Per-account results kept in this process from one version of a team's data to the next.

The pages that read conversations (being on, the key accounts' health column, home's
going-dark card) are cached by the team's data version (``core/cache.py``), so every
logged conversation made the next request rank all the team's accounts again and
assess and render the 50 it shows, although one account had changed. Here each
result is kept per account with the version it was computed at. At a newer version
the audit records written since (``AuditEvent`` ids above the old version, one index
range) name what changed; each kind of record an account's assessment reads is mapped
to its accounts, and only those accounts are computed again. A record of a kind that
may change any account (a team's settings or norms, an import, a merge, an erasure),
a delete, a record moved to another account, or more records than ``core.cache.MAX_EVENTS``
start the memo afresh, exactly as a full recompute would. Kinds listed in ``IGNORED``
never change an account's assessment (signals, buying, follow-ups, profile details).

Like the page caches, a memo follows the audit records: a change made outside the
services is seen when the memo expires (``FASIT_TEAM_CACHE_SECONDS``) or the day ends,
and so is, on PostgreSQL, an audit id committed after a larger one was read.
``relationships/tests/test_memo.py`` compares every kept result with a recompute after
logs, edits, deletes, merges, erasure and imports.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Model

from fasit.conversations.models import Conversation, ListeningAnalysis
from fasit.core.cache import _database_tag, audit_events_between, team_data_version
from fasit.core.models import AuditEvent
from fasit.customers.models import AccountRevenue, PersonRole
from fasit.relationships.models import AccountCadence

V = TypeVar("V")

#: Record kinds that change no account's health, assessment, row or ranking.
IGNORED_APPS = frozenset({"market_signals", "buying", "search", "webhooks", "signin"})
IGNORED = frozenset(
    {
        "conversations.followup",
        "conversations.transcriptfile",
        "conversations.transcriptspeaker",
        "conversations.transcriptturn",
        "customers.consent",
        "customers.customercategory",
        "customers.familymember",
        "customers.importantdate",
        "customers.interest",
        "customers.lifeevent",
        "relationships.personcadence",
        "relationships.calendarfeed",
        "relationships.digestsent",
        "relationships.remindersetting",
        "tenancy.apitoken",
        "tenancy.invitation",
    }
)


def _through(model: type[Model], path: str) -> Callable[[set[int]], set[int] | None]:
    """The accounts of records of ``model`` (by ``path`` to the account id); None when
    a record is gone (its account cannot be told)."""

    def accounts(ids: set[int]) -> set[int] | None:
        rows = list(model._default_manager.filter(pk__in=ids).values_list("pk", path))
        if len(rows) != len(ids):
            return None
        return {a for _pk, a in rows if a is not None}

    return accounts


def _people(ids: set[int]) -> set[int] | None:
    # A person's name is shown with the accounts they have a role at.
    return set(PersonRole.objects.filter(person_id__in=ids).values_list("account_id", flat=True))


#: Record kinds an account's assessment reads, and how to find their accounts.
MAPPED: dict[str, Callable[[set[int]], set[int] | None]] = {
    "customers.account": lambda ids: set(ids),
    "customers.accountrevenue": _through(AccountRevenue, "account_id"),
    "customers.personrole": _through(PersonRole, "account_id"),
    "customers.person": _people,
    "conversations.conversation": _through(Conversation, "account_id"),
    "conversations.listeninganalysis": _through(ListeningAnalysis, "conversation__account_id"),
    "relationships.accountcadence": _through(AccountCadence, "account_id"),
}


def changed_accounts(team: Any, since: int, until: int) -> set[int] | None:
    """The accounts whose assessment records audited after ``since`` up to ``until``
    may have changed; None when any account's may have (start afresh)."""
    if until <= since:
        return set()
    # Read once for the memos and home's cards of a request (``core/cache.py``).
    rows = audit_events_between(team, since, until)
    if rows is None:
        return None
    by_kind: dict[str, set[int]] = {}
    for label, object_id, action, changes in rows:
        if label in IGNORED or label.split(".", 1)[0] in IGNORED_APPS:
            continue
        if label not in MAPPED or action == AuditEvent.Action.DELETE:
            return None
        if action == AuditEvent.Action.UPDATE and "account" in (changes or {}):
            return None  # moved from one account to another: the old one is not named
        try:
            by_kind.setdefault(label, set()).add(int(object_id))
        except ValueError:
            return None
    changed: set[int] = set()
    for label, ids in by_kind.items():
        accounts = MAPPED[label](ids)
        if accounts is None:
            return None
        changed |= accounts
    return changed


@dataclass
class _Memo:
    version: int
    born: float
    values: dict[int, Any] = field(default_factory=dict)
    #: whole-scope results (a ranking): complete once filled
    complete: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


_memos: dict[tuple[Hashable, ...], _Memo] = {}
_locks: dict[tuple[Hashable, ...], threading.Lock] = {}
_lock = threading.Lock()


def _full_key(team: Any, key: tuple[Hashable, ...]) -> tuple[Hashable, ...]:
    return (_database_tag(), int(team.pk), *key)


def _key_lock(full_key: tuple[Hashable, ...]) -> threading.Lock:
    """One lock per memo: one thread brings it up to date, the others wait for it."""
    with _lock:
        return _locks.setdefault(full_key, threading.Lock())


def _current(team: Any, full_key: tuple[Hashable, ...]) -> _Memo:
    """The memo of ``full_key`` brought to the team's present version (changed
    accounts dropped). Call with its ``_key_lock`` held."""
    version = team_data_version(team)
    memo = _memos.get(full_key)
    now = time.monotonic()
    if memo is not None and now - memo.born > settings.FASIT_TEAM_CACHE_SECONDS:
        memo = None
    if memo is not None and memo.version != version:
        changed = changed_accounts(team, memo.version, version) if version > memo.version else None
        if changed is None:
            memo = None
        else:
            for account_id in changed:
                memo.values.pop(account_id, None)
            if changed and memo.complete:
                memo.extra["changed"] = memo.extra.get("changed", set()) | changed
            memo.version = version
    if memo is None:
        # Yesterday's memos and those of expired versions go when a new one starts.
        with _lock:
            for stale in [
                k for k, m in _memos.items() if now - m.born > settings.FASIT_TEAM_CACHE_SECONDS
            ]:
                del _memos[stale]
                lock = _locks.get(stale)
                if lock is not None and not lock.locked():
                    del _locks[stale]
            memo = _memos[full_key] = _Memo(version=version, born=now)
    return memo


def per_account(
    team: Any,
    key: tuple[Hashable, ...],
    ids: Iterable[int],
    compute: Callable[[list[int]], dict[int, V]],
) -> dict[int, V]:
    """``compute(ids)``'s results for ``ids``, each kept until its account changes.
    ``compute`` returns a result for each id it can (an account gone has none)."""
    ids = list(ids)
    full_key = _full_key(team, key)
    with _key_lock(full_key):
        memo = _current(team, full_key)
        missing = [i for i in ids if i not in memo.values]
        if missing:
            fresh = compute(missing)
            memo.values.update(fresh)
        return {i: memo.values[i] for i in ids if i in memo.values}


def whole_scope(
    team: Any,
    key: tuple[Hashable, ...],
    compute: Callable[[list[int] | None], dict[int, V]],
) -> dict[int, V]:
    """``compute(None)``'s results (every account in a scope) kept; after a change only
    ``compute(changed ids)`` runs, and an id it returns nothing for leaves the scope."""
    full_key = _full_key(team, key)
    with _key_lock(full_key):
        memo = _current(team, full_key)
        if not memo.complete:
            memo.values = dict(compute(None))
            memo.complete = True
            memo.extra.pop("changed", None)
        else:
            changed = memo.extra.pop("changed", set())
            if changed:
                memo.values.update(compute(sorted(changed)))
        return dict(memo.values)


def clear() -> None:
    """Forget every memo of this process (tests, benchmarks' cold runs)."""
    with _lock:
        _memos.clear()
        _locks.clear()
