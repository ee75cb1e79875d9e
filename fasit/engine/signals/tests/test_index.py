import pytest

from fasit.engine.signals.grouping import ThemeIndex, build_index, group_all
from fasit.engine.signals.model import Decisions
from fasit.engine.signals.tests.helpers import st

BASE = [
    st("i1", "Luleå Bygg AB", "Vi vill ha en samlingsfaktura varje månad."),
    st("i2", "Bodø Havn AS", "Vi ønsker én samlefaktura i måneden."),
    st("i3", "Umeå Trä AB", "Vi behöver en tekniker på plats inom fyra timmar."),
    st("i4", "Odense Plast A/S", "Vi har brug for en servicetekniker samme dag."),
    st("i5", "Aalborg VVS A/S", "Kaffemaskinen i receptionen är trasig igen."),
]


def _theme_of(index: ThemeIndex, sid: str) -> set[str]:
    return set(index.theme(index.theme_of(sid)).statement_ids)


def test_add_joins_the_existing_theme_that_means_the_same() -> None:
    index = build_index(BASE)
    theme_id = index.add(st("i6", "Trondheim Mek AS", "Kan vi få samlefaktura hver måned?"))
    assert theme_id == index.theme_of("i1")
    assert index.theme(theme_id).level == "confirmed"


def test_add_starts_a_new_theme_for_something_new() -> None:
    index = build_index(BASE)
    before = {t.id for t in index.themes()}
    theme_id = index.add(st("i7", "Kiruna Gruv AB", "Vi vill ha manualerna på svenska."))
    assert theme_id not in before
    assert index.theme(theme_id).statement_ids == ("i7",)


def test_add_rejects_a_statement_already_indexed() -> None:
    index = build_index(BASE)
    with pytest.raises(ValueError, match="already"):
        index.add(BASE[0])


def test_restore_keeps_stored_themes_without_regrouping() -> None:
    assignments = {
        "i1": "T-invoice",
        "i2": "T-invoice",
        "i3": "T-odd",
        "i4": "T-tech",
        "i5": "T-odd",
    }
    index = ThemeIndex.restore(BASE, assignments)
    assert index.assignments() == assignments


def test_merged_themes_stay_merged_when_grouped_again() -> None:
    index = build_index(BASE)
    decisions = index.merge(index.theme_of("i1"), index.theme_of("i5"))
    regrouped = group_all(BASE, decisions=decisions)
    together = [t for t in regrouped if "i1" in t.statement_ids]
    assert set(together[0].statement_ids) == {"i1", "i2", "i5"}


def test_merge_decision_survives_restore_and_new_adds() -> None:
    index = build_index(BASE)
    decisions = index.merge(index.theme_of("i3"), index.theme_of("i5"))
    restored = build_index(BASE, decisions=decisions)
    restored.add(st("i8", "Gävle Energi AB", "Tekniker på plats inom några timmar, tack."))
    assert _theme_of(restored, "i5") == {"i3", "i4", "i5", "i8"}


def test_moved_statement_teaches_the_theme_its_wording() -> None:
    index = build_index(BASE)
    target = index.theme_of("i3")
    decisions = index.move("i5", target)
    assert index.theme_of("i5") == target
    assert ("kaffemaskin", "service.onsite") in decisions.taught
    later = index.add(st("i9", "Kiruna Gruv AB", "Kaffemaskinen står still igen."))
    assert later == target


def test_teaching_is_remembered_by_a_new_index() -> None:
    index = build_index(BASE)
    decisions = index.move("i5", index.theme_of("i3"))
    fresh = build_index(BASE, decisions=decisions)
    theme_id = fresh.add(st("i9", "Kiruna Gruv AB", "Kaffemaskinen står still igen."))
    assert theme_id == fresh.theme_of("i3") == fresh.theme_of("i5")


def test_moving_to_a_new_theme_creates_it() -> None:
    index = build_index(BASE)
    decisions = index.move("i5", "T-coffee")
    assert (index.theme("T-coffee").statement_ids, decisions.placement_map()["i5"]) == (
        ("i5",),
        "T-coffee",
    )


def test_dismissed_theme_keeps_absorbing_but_is_flagged() -> None:
    index = build_index(BASE)
    theme_id = index.theme_of("i1")
    decisions = index.dismiss(theme_id)
    fresh = build_index(BASE, decisions=Decisions(dismissed=decisions.dismissed))
    again = fresh.add(st("i6", "Trondheim Mek AS", "Kan vi få samlefaktura hver måned?"))
    assert (again, fresh.theme(again).dismissed) == (theme_id, True)


def test_language_is_detected_when_missing() -> None:
    index = build_index([st("l1", "A", "Vi trenger levering neste dag.")])
    assert index.statement("l1").language == "nb"


def test_insert_places_a_statement_as_restore_does() -> None:
    assignments = {"i1": "T-invoice", "i2": "T-invoice", "i3": "T-tech", "i4": "T-tech"}
    replayed = ThemeIndex.restore(BASE[:3], assignments)
    replayed.insert(BASE[3], "T-tech")
    replayed.insert(BASE[4], "T-new")
    restored = ThemeIndex.restore(BASE, {**assignments, "i5": "T-new"})
    assert replayed.assignments() == restored.assignments()
    assert replayed.theme("T-tech") == restored.theme("T-tech")


def test_the_kept_account_count_follows_joins_moves_and_merges() -> None:
    index = build_index(BASE)
    index.add(st("i6", "Trondheim Mek AS", "Kan vi få samlefaktura hver måned?"))
    index.add(st("i7", "Luleå Bygg AB", "Samlingsfaktura en gång i månaden, tack."))
    index.move("i5", index.theme_of("i3"))
    index.move("i2", "T-own")
    index.merge(index.theme_of("i1"), index.theme_of("i3"))
    for theme in index.themes():
        assert index.account_count(theme.id) == theme.accounts
