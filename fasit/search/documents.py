"""What the search indexes for each kind of record, built in batches so the whole
team (``--scale 100``: 100,000 conversations) is indexed in bounded memory.

Kept in step with the records by ``receivers`` (a record saved or deleted through
the services) and rebuilt for a team by ``index_team`` (the demo, ``fasit manage
fasit_search_index``, an erasure).
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from django.db import connection, transaction

from fasit.buying.models import Journey
from fasit.conversations.models import Conversation, TranscriptTurn
from fasit.core.db import savepoint
from fasit.customers.models import Account, Person, PersonRole
from fasit.engine.text.search import index_text
from fasit.search.models import Kind, SearchEntry
from fasit.signals.models import Statement, Theme
from fasit.tenancy.models import Team

BATCH = 1000
# A transcript beyond this many characters is indexed by its beginning: the index
# stays small and an hour-long meeting still has thousands of words in it.
TRANSCRIPT_CHARS = 60_000

Builder = Callable[[list[int]], Iterator[SearchEntry]]


def _accounts(ids: list[int]) -> Iterator[SearchEntry]:
    for a in Account.objects.filter(pk__in=ids).select_related("category"):
        category = a.category.name if a.category else ""
        yield SearchEntry(
            team_id=a.team_id,
            kind=Kind.ACCOUNT,
            object_id=a.pk,
            title_index=index_text(a.name),
            body_index=index_text(a.org_number, category, a.notes),
        )


def _people(ids: list[int]) -> Iterator[SearchEntry]:
    roles: dict[int, list[PersonRole]] = defaultdict(list)
    for role in PersonRole.objects.filter(person_id__in=ids).select_related("account"):
        roles[role.person_id].append(role)
    for p in Person.objects.filter(pk__in=ids):
        places = [", ".join(x for x in (r.title, r.account.name) if x) for r in roles.get(p.pk, [])]
        yield SearchEntry(
            team_id=p.team_id,
            kind=Kind.PERSON,
            object_id=p.pk,
            title_index=index_text(p.name),
            body_index=index_text(p.email, *places, p.what_matters, p.notes),
        )


def _conversations(ids: list[int]) -> Iterator[SearchEntry]:
    transcripts: dict[int, list[str]] = defaultdict(list)
    for conversation_id, text in (
        TranscriptTurn.objects.filter(analysis__conversation_id__in=ids)
        .order_by("analysis_id", "index")
        .values_list("analysis__conversation_id", "text")
    ):
        transcripts[conversation_id].append(text)
    for c in Conversation.objects.filter(pk__in=ids).select_related("account"):
        transcript = " ".join(transcripts.get(c.pk, []))[:TRANSCRIPT_CHARS]
        yield SearchEntry(
            team_id=c.team_id,
            kind=Kind.CONVERSATION,
            object_id=c.pk,
            title_index=index_text(c.subject, c.account.name),
            body_index=index_text(c.notes, transcript),
        )


def _theme_title(theme: Theme) -> str:
    # Labels by language code: PostgreSQL's jsonb gives them back in its own order, and
    # the same title must give the same text (``theme_saved`` writes only a change).
    labels = [str(v) for _k, v in sorted(theme.labels.items())]
    return index_text(theme.custom_label, theme.label, *labels)


def _distinct(tokens: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(tokens))


def _themes(ids: list[int]) -> Iterator[SearchEntry]:
    # A theme's body holds each token of its quotes once: a theme of thousands of
    # statements repeats the same words, and a body the size of its vocabulary (not of
    # all its quotes) is what lets one added statement update it in bounded time
    # (``theme_statement_added``). Search only asks whether a word is there.
    quotes: dict[int, list[str]] = defaultdict(list)
    for theme_id, text in Statement.objects.filter(theme_id__in=ids).values_list(
        "theme_id", "text"
    ):
        quotes[theme_id].append(text)
    # A dismissed theme is off the board and out of search (its entry is dropped).
    for t in Theme.objects.filter(pk__in=ids, dismissed=False):
        body = _distinct(index_text(*quotes.get(t.pk, [])).split())
        yield SearchEntry(
            team_id=t.team_id,
            kind=Kind.THEME,
            object_id=t.pk,
            title_index=_theme_title(t),
            body_index=" ".join(body),
        )


def _journeys(ids: list[int]) -> Iterator[SearchEntry]:
    for j in Journey.objects.filter(pk__in=ids).select_related("account", "process", "stage"):
        yield SearchEntry(
            team_id=j.team_id,
            kind=Kind.JOURNEY,
            object_id=j.pk,
            title_index=index_text(j.title),
            body_index=index_text(j.account.name, j.process.name, j.stage.name),
        )


BUILDERS: dict[str, tuple[Any, Builder]] = {
    Kind.ACCOUNT: (Account, _accounts),
    Kind.PERSON: (Person, _people),
    Kind.CONVERSATION: (Conversation, _conversations),
    Kind.THEME: (Theme, _themes),
    Kind.JOURNEY: (Journey, _journeys),
}


@transaction.atomic
def index_records(kind: str, ids: Iterable[int]) -> int:
    """(Re)index these records of one kind; ids of records that are gone are dropped."""
    ids = list(ids)
    _model, build = BUILDERS[kind]
    entries = list(build(ids))
    SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
    return len(entries)


def theme_created(theme: Theme) -> None:
    """A theme's row was made: no statement can be in it yet (they point at the row),
    so its entry starts with its title alone, one insert where a build read its
    statements and the row again; each statement that joins adds its words
    (``theme_statement_added``). A theme made dismissed stays out of search."""
    if theme.dismissed:
        return
    SearchEntry.objects.create(
        team_id=theme.team_id,
        kind=Kind.THEME,
        object_id=theme.pk,
        title_index=_theme_title(theme),
        body_index="",
    )


def theme_saved(theme: Theme) -> None:
    """A theme's row was saved: its name may have changed, or it was dismissed or
    created. Its quotes did not change with the row (statements moving between themes
    send ``themes_changed``, a statement's own save reaches ``theme_statement_added``
    or a full rebuild), so an existing entry only has its title brought up to date,
    and only written when it changed: saving a large theme costs no pass over its
    statements."""
    if theme.dismissed:
        drop_records(Kind.THEME, [theme.pk])
        return
    title = _theme_title(theme)
    stored = (
        SearchEntry.objects.filter(kind=Kind.THEME, object_id=theme.pk)
        .values_list("title_index", flat=True)
        .first()
    )
    if stored is None:  # new, or back from dismissal: build it whole
        index_records(Kind.THEME, [theme.pk])
    elif stored != title:
        SearchEntry.objects.filter(kind=Kind.THEME, object_id=theme.pk).update(title_index=title)


def theme_statement_added(theme_id: int, text: str) -> None:
    """One statement was put into this theme: add the words of its text the theme's
    entry does not hold yet, in time bounded by the theme's vocabulary rather than by
    all its quotes; nothing is written when it brings no new word. A statement that
    leaves a theme or changes its text goes through ``index_records`` instead (a word
    may have to leave the entry)."""
    found = (
        SearchEntry.objects.filter(kind=Kind.THEME, object_id=theme_id)
        .values_list("body_index", flat=True)
        .first()
    )
    if found is None:
        # No entry: a dismissed theme stays out of search; any other is built whole.
        if Theme.objects.filter(pk=theme_id, dismissed=False).exists():
            index_records(Kind.THEME, [theme_id])
        return
    held = set(found.split())
    new = [t for t in _distinct(index_text(text).split()) if t not in held]
    if new:
        body = f"{found} {' '.join(new)}" if found else " ".join(new)
        SearchEntry.objects.filter(kind=Kind.THEME, object_id=theme_id).update(body_index=body)


def index_account_dependents(account: Account) -> None:
    """The account's conversations, people and journeys, found by its name too."""
    index_records(Kind.CONVERSATION, account.conversations.values_list("pk", flat=True))
    index_records(Kind.PERSON, account.roles.values_list("person_id", flat=True))
    index_records(Kind.JOURNEY, account.buying_journeys.values_list("pk", flat=True))


def drop_records(kind: str, ids: Iterable[int]) -> None:
    SearchEntry.objects.filter(kind=kind, object_id__in=list(ids)).delete()


def index_team(
    team: Team,
    *,
    kinds: Iterable[str] | None = None,
    log: Callable[[str], None] | None = None,
    merge: bool = True,
) -> dict[str, int]:
    """Rebuild the team's index (of ``kinds``, or all), batch by batch; returns counts
    per kind. ``merge=False`` leaves FTS5's segments to its own merging (an import:
    nothing erased, and merging the whole index costs seconds at scale)."""
    counts: dict[str, int] = {}
    kinds = list(kinds) if kinds is not None else list(BUILDERS)
    with transaction.atomic():
        SearchEntry.objects.filter(team=team, kind__in=kinds).delete()
        for kind in kinds:
            model, build = BUILDERS[kind]
            ids = list(model.objects.for_team(team).order_by("pk").values_list("pk", flat=True))
            counts[kind] = 0
            for start in range(0, len(ids), BATCH):
                entries = list(build(ids[start : start + BATCH]))
                SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
                counts[kind] += len(entries)
            if log:
                log(f"search: {counts[kind]} {kind}")
    if merge:
        optimise()
    return counts


def optimise() -> None:
    """Merge the index's segments: FTS5 keeps a deleted row's tokens in old segments
    until they are merged, and an erased person's words must leave the file."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")


# The SQLite trigger that copies each new entry into the FTS5 table (migration 0001).
_INSERT_TRIGGER = "search_entry_ai"

# FTS5 gathers the terms of new rows in memory and writes them out as a new segment of
# the full-text index whenever they pass ``hashsize`` bytes (1 MiB by default); the
# segments are then merged, level by level. A bulk load of a million entries wrote
# some hundreds of small segments and spent most of its FTS5 time merging them.
FTS5_DEFAULT_HASHSIZE = 1024 * 1024
BULK_HASHSIZE = 64 * 1024 * 1024


@contextlib.contextmanager
def large_fts_buffer() -> Iterator[None]:
    """Within a transaction that inserts many search entries (an import, SQLite): FTS5
    buffers up to 64 MiB of terms before writing a segment, so it writes and merges
    fewer of them (1,000,000 entries alone: about a quarter less CPU). The setting is
    stored in the index's own config table, so it is set back before the block's end;
    when the transaction is rolled back instead, it goes back with everything else."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_fts_config'"
        )
        if cursor.fetchone() is None:  # not this schema
            yield
            return
        cursor.execute("SELECT v FROM search_fts_config WHERE k = 'hashsize'")
        found = cursor.fetchone()
        cursor.execute(
            "INSERT INTO search_fts(search_fts, rank) VALUES('hashsize', %s)", [BULK_HASHSIZE]
        )
    failed = False
    try:
        yield
    except BaseException:
        failed = True
        raise
    finally:
        if not failed and not connection.needs_rollback:
            with connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO search_fts(search_fts, rank) VALUES('hashsize', %s)",
                    [found[0] if found else FTS5_DEFAULT_HASHSIZE],
                )
                if found is None:
                    # As it was: no row, FTS5's default.
                    cursor.execute("DELETE FROM search_fts_config WHERE k = 'hashsize'")


def insert_indexed(insert: Callable[[], Sequence[int]]) -> Sequence[int]:
    """Run ``insert`` (a bulk insert of search entries on the default connection, which
    returns the new ids) and bring them into the full-text index set-based.

    On SQLite the insert trigger feeds FTS5 one row at a time, which costs three times
    what one ``INSERT … SELECT`` of the same rows costs (an import of a million people
    writes a million entries). So the trigger is dropped for the insert and created
    again right after, from its own stored text, inside the caller's transaction: a
    failure or a ``kill -9`` rolls the drop back with everything else, and no other
    connection can write meanwhile (SQLite has one writer). PostgreSQL's generated
    column and GIN index need nothing."""
    if connection.vendor != "sqlite":
        return insert()
    # No savepoint inside an import (``core.db.whole_transaction``), whose error
    # rolls everything back: its statement journal copied every page changed.
    with transaction.atomic(savepoint=savepoint()), connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s",
            [_INSERT_TRIGGER],
        )
        found = cursor.fetchone()
        if found is None:  # not this schema: leave the index to whoever keeps it
            return insert()
        cursor.execute(f"DROP TRIGGER {_INSERT_TRIGGER}")
        try:
            ids = insert()
            if ids:
                select = (
                    "INSERT INTO search_fts(rowid, title_index, body_index) "
                    "SELECT id, title_index, body_index FROM search_searchentry WHERE "
                )
                low, high = min(ids), max(ids)
                if high - low + 1 == len(ids):  # reserved in one run (transfer/bulk.py)
                    cursor.execute(select + "id BETWEEN %s AND %s", [low, high])
                else:
                    for start in range(0, len(ids), 500):
                        chunk = list(ids[start : start + 500])
                        marks = ", ".join(["%s"] * len(chunk))
                        cursor.execute(select + f"id IN ({marks})", chunk)
        finally:
            cursor.execute(found[0])
        return ids
