from collections import Counter

import pytest

from fasit.engine.signals.grouping import GroupingConfig, build_index, group_all
from fasit.engine.signals.model import Theme
from fasit.engine.signals.tests.helpers import load_eval, st
from fasit.engine.signals.tests.scoring import bcubed, confirmed

CROSS_LINGUAL = [
    st("x1", "A1", "Vi behöver kortare leveranstider, sex veckor är för länge."),
    st("x2", "A2", "Leveringstiden deres er altfor lang for oss."),
    st("x3", "A3", "Jeres leveringstid på otte uger er et problem."),
    st("x4", "A4", "Your lead times are killing our production planning."),
    st("y1", "A1", "Kan ni ha reservdelar på lager i Sverige?"),
    st("y2", "A5", "Vi trenger et reservedelslager i Norge."),
    st("y3", "A6", "Spare parts must be in stock locally, not in Germany."),
    st("z1", "A2", "Vi vill att utbildningen av operatörerna ingår."),
    st("z2", "A6", "Opplæring av de nye operatørene er viktig for oss."),
    st("z3", "A3", "Vi har brug for et kursus til vores nye medarbejdere."),
    st("n1", "A4", "Vår vd fyller femtio i helgen."),
]


def _clusters() -> Counter[tuple[str, ...]]:
    themes = group_all(CROSS_LINGUAL)
    return Counter(tuple(sorted(sid[0] for sid in t.statement_ids)) for t in themes)


def test_cross_lingual_statements_meaning_the_same_form_one_theme() -> None:
    assert _clusters() == Counter(
        {("x", "x", "x", "x"): 1, ("y", "y", "y"): 1, ("z", "z", "z"): 1, ("n",): 1}
    )


def test_every_statement_is_in_exactly_one_theme() -> None:
    themes = group_all(CROSS_LINGUAL)
    ids = [sid for t in themes for sid in t.statement_ids]
    assert sorted(ids) == sorted(s.id for s in CROSS_LINGUAL)


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("sv", "Kortare leveranstid"),
        ("nb", "Kortere leveringstid"),
        ("da", "Kortere leveringstid"),
        ("en", "Shorter lead times"),
    ],
)
def test_labels_come_in_the_requested_language(language: str, label: str) -> None:
    themes = group_all(CROSS_LINGUAL[:4], language=language)
    assert [t.label for t in themes] == [label]


def test_themes_without_concepts_are_labelled_by_their_words() -> None:
    themes = group_all([st("k1", "A", "Kantinen er under oppussing hele høsten.")])
    assert themes[0].label == "Kantinen oppussing høsten"


OWN_SETS = [
    "heldout.jsonl",
    "heldout2.jsonl",
    "heldout3.jsonl",
    "blind1.jsonl",
    "blind2.jsonl",
    "blind3.jsonl",
    "blind4.jsonl",
    "blind5.jsonl",
    "blind6.jsonl",
    "blind7.jsonl",
    "blind8.jsonl",
]


@pytest.mark.parametrize("name", OWN_SETS)
def test_own_evaluation_sets_score_well(name: str) -> None:
    statements, gold = load_eval(name)
    themes = group_all(statements)
    accounts = {s.id: s.account_key for s in statements}
    p, r, f1 = bcubed(gold, themes)
    cp, cr = confirmed(gold, accounts, themes)
    print(f"{name}: b-cubed P={p:.3f} R={r:.3f} F1={f1:.3f}  confirmed P={cp:.3f} R={cr:.3f}")
    assert f1 >= 0.9
    assert cp >= 0.85
    assert cr >= 0.85


def test_the_last_blind_set_does_not_fall_below_its_first_run() -> None:
    # blind9 was written after the taxonomy work and is kept out of sample: nothing is
    # tuned on it. Half its themes lie outside the lexicon on purpose (water use,
    # background checks, e-signing, quote validity, go-live support), so it only guards
    # against regressions from its first run (B-cubed F1 0.648, confirmed P 1.00).
    # With IDF-weighted shared evidence and pivot groups it scores 0.692; with place and
    # people pivots weighted lower and lone short concept cues discounted, 0.718.
    statements, gold = load_eval("blind9.jsonl")
    themes = group_all(statements)
    accounts = {s.id: s.account_key for s in statements}
    p, _, f1 = bcubed(gold, themes)
    cp, _ = confirmed(gold, accounts, themes)
    print(f"blind9.jsonl: b-cubed P={p:.3f} F1={f1:.3f}  confirmed P={cp:.3f}")
    assert f1 >= 0.70
    assert cp >= 0.85


@pytest.mark.parametrize(
    ("name", "floor", "precision"),
    [
        ("blind10.jsonl", 0.60, 0.85),
        ("blind11.jsonl", 0.64, 0.85),
        ("blind12.jsonl", 0.76, 0.85),
        ("blind14.jsonl", 0.70, 0.85),
        ("blind15.jsonl", 0.67, 0.85),
        ("blind16.jsonl", 0.53, 0.75),
        ("blind17.jsonl", 0.75, 0.85),
        ("blind18.jsonl", 0.74, 0.80),
        ("blind19.jsonl", 0.85, 0.85),
        ("blind20.jsonl", 0.64, 0.75),
        ("blind21.jsonl", 0.68, 0.75),
        ("blind22.jsonl", 0.72, 0.80),
        ("blind23.jsonl", 0.59, 0.68),
        ("blind24.jsonl", 0.66, 0.75),
        ("blind25.jsonl", 0.60, 0.59),
        ("blind26.jsonl", 0.78, 0.84),
        ("blind27.jsonl", 0.82, 0.83),
        ("blind28.jsonl", 0.75, 0.84),
        ("blind29.jsonl", 0.70, 0.73),
        ("blind30.jsonl", 0.58, 0.55),
        ("blind31.jsonl", 0.73, 0.77),
        ("blind32.jsonl", 0.38, 0.25),
        ("blind33.jsonl", 0.60, 0.49),
        ("blind34.jsonl", 0.70, 0.70),
        ("blind35.jsonl", 0.64, 0.67),
    ],
)
def test_blind_sets_outside_the_lexicon_do_not_fall_below_their_first_run(
    name: str, floor: float, precision: float
) -> None:
    # blind10/11 were written before the pivot vocabulary, on themes no concept covers
    # (parking, keys, snow, pests, lifts, lockers ...). First runs: 0.428 and 0.491;
    # blind12 (written after the vocabulary) 0.559. With IDF-weighted shared evidence,
    # pivot groups and the definite-form fallback: 0.530, 0.630 and 0.713; with place
    # and people pivots weighted lower and lone short concept cues discounted: 0.630,
    # 0.663 and 0.785. blind14 was written after that and committed before its first
    # run: 0.714. blind15-17 were written before the bilingual dictionary and the
    # setting rules (first runs 0.670, 0.535, 0.757), blind18-19 after them, committed
    # before their first run (0.747, 0.858); blind20-22 before the corroboration rule
    # (0.648, 0.688, 0.727); blind23 after the dictionary senses were ordered by
    # agreement (0.599, B-cubed precision 0.688); blind24 before the common-words rule
    # of corroboration (0.672, 0.782); blind25 (car workshops, car hire, driving schools)
    # before English compounds were split (0.602, 0.598); blind26 (dental clinics,
    # opticians, pharmacies) before the spelling rules of the eighth part (0.787, 0.844);
    # blind27 (cinemas, bowling, trampoline parks, escape rooms, amusement parks) before
    # the own-language reading rules of the ninth part (0.821, 0.839); blind28 (music
    # schools, rehearsal studios, instrument shops) before the tenth part (0.756, 0.854);
    # blind29 (funeral homes, crematoria, cemeteries) before the derivation rule of the
    # eleventh part (0.700, 0.731); blind30 (dry cleaners, tailors, shoe repairers, key
    # cutters) before the twelfth part (0.586, 0.554); blind31 (removal firms,
    # self-storage, move-out cleaning) before the thirteenth part (0.735, 0.779); blind32
    # (photo studios, photo labs, picture framers) before the fourteenth part (0.389,
    # 0.258: one theme of 43 statements gathered on the business's subject, *photo*);
    # blind33 (bicycle shops, workshops, rentals) before the fifteenth part (0.601,
    # 0.500: 21 statements gathered on *bike/cykel/sykkel*); blind34 (bakeries, cafés,
    # ice-cream bars) before the sixteenth part (0.707, 0.704); blind35 (estate agents,
    # letting agencies) before the seventeenth part (0.641, 0.674). The
    # floors are the first runs, except blind24 (0.667, 0.753) and blind28's precision
    # (0.849): the one-sided overlap of the thirteenth part lets a statement with a
    # concept join statements without one on shared words, and there the shared words
    # are the salon's and the studio's subject (docs/signals.md, thirteenth part).
    statements, gold = load_eval(name)
    themes = group_all(statements)
    p, _, f1 = bcubed(gold, themes)
    print(f"{name}: b-cubed P={p:.3f} F1={f1:.3f}")
    assert f1 >= floor
    assert p >= precision


def test_shared_words_count_in_full_where_only_one_side_names_a_concept() -> None:
    # blind30's new zips for old jackets: the English statement reads as transport
    # damage (*replacing*), the Swedish as renting instead of owning, the Norwegian and
    # Danish ones name no concept. Only their words (zip, jacket) can tell they are one
    # matter; the concept block alone keeps them apart.
    statements, gold = load_eval("blind30.jsonl")
    zips = [s.id for s in statements if gold[s.id] == "ZIP"]
    on = build_index(statements).assignments()
    off = build_index(statements, config=GroupingConfig(one_sided_overlap=False)).assignments()
    assert len({on[s] for s in zips}) == 1
    assert len({off[s] for s in zips}) > 1


def test_themes_do_not_merge_on_the_business_s_subject() -> None:
    # blind32 (photo studios and labs): "bild", "billede", "photo" are in most
    # statements. Merging themes on such common words gathered printing from the phone
    # at the kiosk with passport photos, frames and scanned slides into one theme; left
    # out of the merge, the kiosk statements stay a theme of their own.
    statements, gold = load_eval("blind32.jsonl")
    kiosk = [s.id for s in statements if gold[s.id] == "KIOSK"]

    def themes_of_kiosk(on: bool) -> set[frozenset[str]]:
        config = GroupingConfig(merge_without_common_words=on)
        themes = group_all(statements, config=config)
        return {
            frozenset(gold[i] for i in t.statement_ids)
            for t in themes
            if kiosk[0] in t.statement_ids
        }

    assert themes_of_kiosk(True) == {frozenset({"KIOSK"})}
    assert len(next(iter(themes_of_kiosk(False)))) > 1


def test_grouping_does_not_depend_much_on_input_order() -> None:
    statements, gold = load_eval("heldout.jsonl")
    themes = group_all(list(reversed(statements)))
    assert bcubed(gold, themes)[2] >= 0.9


def test_a_higher_threshold_splits_more() -> None:
    loose = group_all(CROSS_LINGUAL)
    strict = group_all(CROSS_LINGUAL, config=GroupingConfig(threshold=0.95, merge_threshold=0.99))
    assert len(strict) > len(loose)


NEGATED = [
    st("w1", "B1", "Vi vill ha pappersfakturor skickade med post."),
    st("w2", "B2", "Vi ønsker papirfakturaer sendt med posten."),
    st("w3", "B3", "We want paper invoices by post."),
    st("n1", "B4", "Vi vil ikke lenger ha papirfakturaer."),
    st("n2", "B5", "Vi vill inte längre ha pappersfakturor."),
    st("n3", "B6", "We no longer need paper invoices."),
    st("n4", "B7", "Vi har ikke længere brug for papirfakturaer."),
]


def test_a_negated_want_does_not_group_with_the_want() -> None:
    themes = group_all(NEGATED)
    clusters = Counter(tuple(sorted(sid[0] for sid in t.statement_ids)) for t in themes)
    assert clusters == Counter({("w", "w", "w"): 1, ("n", "n", "n", "n"): 1})


def test_a_negated_want_is_labelled_as_not_wanted() -> None:
    themes = group_all(NEGATED[3:], language="en")
    assert themes[0].label.startswith("Not wanted: ")


def test_statements_do_not_join_a_theme_on_the_business_s_subject_alone() -> None:
    # blind32 again: after merging left the subject out, one theme still grew to 35
    # statements a join at a time, each new statement sharing nothing with it but
    # words and pivots most statements carry (*bild*, *photo*, *customer*). A statement
    # whose only shared matters with a theme are such common ones no longer joins it.
    # (Measured with the merge leaving out common words only, as it did then; leaving
    # out common pivots too, the default since the seventeenth part, the largest theme
    # has 8 statements.)
    statements, _ = load_eval("blind32.jsonl")

    def largest(kinds: str, merge: str = "w") -> int:
        config = GroupingConfig(join_without_common_only=kinds, merge_common_kinds=merge)
        return max(len(t.statement_ids) for t in group_all(statements, config=config))

    assert largest("") == 35
    assert largest("wp") <= 24
    assert largest("", merge="wp") <= 8


def test_an_account_counts_toward_confirmed_by_what_it_mainly_says() -> None:
    # blind35 (estate agents): six English statements of six matters meet on "buyers
    # ... whether ... before they offer". With two statements examined per account, one
    # agency counted through its bid-log statement while another linked only to that
    # agency's fibre statement: a padded theme claimed "confirmed". Examined by its most
    # typical statement alone, each account must be close to the others by what it
    # mainly says, and the theme is held at alarm.
    statements, gold = load_eval("blind35.jsonl")
    shed = next(s.id for s in statements if gold[s.id] == "SHED")

    def theme_of_shed(per_key: int) -> Theme:
        config = GroupingConfig(corroboration_per_key=per_key)
        return next(t for t in group_all(statements, config=config) if shed in t.statement_ids)

    assert len({gold[s] for s in theme_of_shed(1).statement_ids}) > 3
    assert theme_of_shed(1).level == "alarm"
    assert theme_of_shed(2).level == "confirmed"
