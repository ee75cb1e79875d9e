"""A theme's search entry follows what happens to the theme: its quotes after a
regrouping, a merge or a split, its new name, and out of search when dismissed."""

from __future__ import annotations

from typing import Any

import pytest

from fasit.search.models import Kind, SearchEntry
from fasit.search.selectors import search
from fasit.signals import services
from fasit.signals.models import Statement, Theme
from fasit.testing import AccountFactory, ConversationFactory

pytestmark = pytest.mark.django_db

MANUAL = "Vi trenger en norsk brukermanual for operatørene."
PARTS = "Leveringstiden på reservedeler må ned til én uke."


def _say(team: Any, actor: Any, text: str) -> Statement:
    conversation = ConversationFactory(team=team, account=AccountFactory(team=team))
    return services.statement_create(team=team, actor=actor, conversation=conversation, text=text)


def _themes_found(team: Any, query: str) -> set[int]:
    return {r.record.pk for r in search(team, query) if r.kind == Kind.THEME}


def test_a_regrouping_indexes_every_theme_with_its_quotes(
    team_a: Any, team_b: Any, alice: Any
) -> None:
    manual, parts = _say(team_a, alice, MANUAL), _say(team_a, alice, PARTS)
    services.signals_regroup(team=team_a, actor=alice)
    manual.refresh_from_db()
    parts.refresh_from_db()
    # The rows were saved before their statements were assigned again: without the
    # event their entries had no quotes until the next save.
    assert _themes_found(team_a, "brukermanual") == {manual.theme_id}
    assert _themes_found(team_a, "reservedeler") == {parts.theme_id}
    assert SearchEntry.objects.filter(kind=Kind.THEME, team=team_a).count() == 2
    assert _themes_found(team_b, "reservedeler") == set()


def test_a_merge_moves_the_quotes_and_drops_the_merged_theme(team_a: Any, alice: Any) -> None:
    manual, parts = _say(team_a, alice, MANUAL), _say(team_a, alice, PARTS)
    into, other = manual.theme, parts.theme
    assert into is not None and other is not None and into.pk != other.pk
    services.theme_merge(into=into, other=other, actor=alice)
    assert _themes_found(team_a, "reservedeler") == {into.pk}
    assert _themes_found(team_a, "brukermanual") == {into.pk}
    assert not SearchEntry.objects.filter(kind=Kind.THEME, object_id=other.pk).exists()


def test_a_split_takes_the_quotes_to_the_new_theme(team_a: Any, alice: Any) -> None:
    manual, parts = _say(team_a, alice, MANUAL), _say(team_a, alice, PARTS)
    assert manual.theme is not None and parts.theme is not None
    merged = services.theme_merge(into=manual.theme, other=parts.theme, actor=alice)
    parts.refresh_from_db()
    new = services.theme_split(theme=merged, actor=alice, statements=[parts])
    assert new.pk != merged.pk
    assert _themes_found(team_a, "reservedeler") == {new.pk}
    assert _themes_found(team_a, "brukermanual") == {merged.pk}


def test_a_rename_and_a_dismissal_reach_search(team_a: Any, alice: Any) -> None:
    theme = _say(team_a, alice, MANUAL).theme
    assert theme is not None
    services.theme_rename(theme=theme, actor=alice, name="Opplæring på norsk")
    assert _themes_found(team_a, "opplæring") == {theme.pk}
    services.theme_dismiss(theme=Theme.objects.get(pk=theme.pk), actor=alice)
    assert _themes_found(team_a, "opplæring") == set()
    assert _themes_found(team_a, "brukermanual") == set()
    # The next regrouping keeps the dismissal, and search keeps it out.
    services.signals_regroup(team=team_a, actor=alice)
    assert _themes_found(team_a, "brukermanual") == set()


# Said by different customers, grouped into one theme; each brings its own words.
LEAD_TIME = [
    "Vi trenger kortere leveringstid på reservedeler.",
    "Vi behöver kortare leveranstid på reservdelar.",
    "We need spare parts delivered faster, the lead time is too long.",
]


def _entry(theme_id: int) -> SearchEntry:
    return SearchEntry.objects.get(kind=Kind.THEME, object_id=theme_id)


def test_each_added_statement_adds_its_words_and_matches_a_full_rebuild(
    team_a: Any, team_b: Any, alice: Any
) -> None:
    from fasit.search.documents import index_records

    said = [_say(team_a, alice, text) for text in LEAD_TIME]
    theme_id = said[0].theme_id
    assert theme_id is not None and {s.theme_id for s in said} == {theme_id}
    for word in ("leveringstid", "leveranstid", "faster"):
        assert _themes_found(team_a, word) == {theme_id}
        assert _themes_found(team_b, word) == set()
    # Added one statement at a time, the entry holds what a rebuild from all its
    # statements gives: every word once.
    added = _entry(theme_id)
    assert len(added.body_index.split()) == len(set(added.body_index.split()))
    index_records(Kind.THEME, [theme_id])
    rebuilt = _entry(theme_id)
    assert set(added.body_index.split()) == set(rebuilt.body_index.split())
    assert added.title_index == rebuilt.title_index


def test_a_statement_that_brings_no_new_word_leaves_the_entry_as_it_was(
    team_a: Any, alice: Any
) -> None:
    first = _say(team_a, alice, LEAD_TIME[0])
    before = _entry(first.theme_id)
    again = _say(team_a, alice, LEAD_TIME[0])
    assert again.theme_id == first.theme_id
    assert _entry(first.theme_id).body_index == before.body_index


def test_words_leave_the_entry_with_a_deleted_or_moved_statement(team_a: Any, alice: Any) -> None:
    # Words no theme label holds (a label is indexed as the title).
    said = [_say(team_a, alice, text) for text in [*LEAD_TIME, f"{LEAD_TIME[1]} Kiruna."]]
    theme_id = said[0].theme_id
    assert {s.theme_id for s in said} == {theme_id}
    services.statement_delete(statement=Statement.objects.get(pk=said[2].pk), actor=alice)
    assert _themes_found(team_a, "faster") == set()
    assert _themes_found(team_a, "kiruna") == {theme_id}
    moved = services.theme_split(
        theme=Theme.objects.get(pk=theme_id),
        actor=alice,
        statements=[Statement.objects.get(pk=said[3].pk)],
    )
    assert moved.pk != theme_id
    assert _themes_found(team_a, "kiruna") == {moved.pk}
    # The next statement of the old theme adds to its entry; the moved words stay away.
    _say(team_a, alice, "Vi trenger kortere leveringstid på reservedeler til Bodø.")
    assert _themes_found(team_a, "kiruna") == {moved.pk}
    assert _themes_found(team_a, "bodo") <= {theme_id, moved.pk}
    assert _themes_found(team_a, "bodo")


def test_an_erased_or_rewritten_quote_leaves_the_entry(team_a: Any, alice: Any) -> None:
    said = [_say(team_a, alice, text) for text in [*LEAD_TIME, f"{LEAD_TIME[1]} Kiruna."]]
    Statement.objects.filter(pk=said[3].pk).update(text=LEAD_TIME[1])  # an erasure's rewrite
    services.statements_forget(team=team_a, statement_ids=[said[2].pk], rewritten_ids=[said[3].pk])
    assert _themes_found(team_a, "faster") == set()
    assert _themes_found(team_a, "kiruna") == set()
    assert _themes_found(team_a, "reservedeler") == {said[0].theme_id}


def test_a_dismissed_theme_stays_out_when_a_statement_joins_it(team_a: Any, alice: Any) -> None:
    first = _say(team_a, alice, LEAD_TIME[0])
    services.theme_dismiss(theme=Theme.objects.get(pk=first.theme_id), actor=alice)
    later = _say(team_a, alice, LEAD_TIME[1])
    if later.theme_id == first.theme_id:
        assert _themes_found(team_a, "leveranstid") == set()
    assert not SearchEntry.objects.filter(kind=Kind.THEME, object_id=first.theme_id).exists()
