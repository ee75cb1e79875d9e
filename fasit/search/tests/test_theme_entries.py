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
