from collections import defaultdict

import pytest

from fasit.engine.signals.proposals import classify, propose, sentences
from fasit.engine.signals.tests.helpers import DATA


def _rows(name: str) -> list[tuple[str, str, str]]:
    """(language, kind or "none", sentence) from either file format.

    ``proposals_labelled.tsv`` and ``proposals_unseen.tsv``: language, kind or none,
    sentence. ``proposals_blind*.tsv``: language, 1/0, kind or "-", sentence.
    """
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) == 4:
                lang, flag, kind, text = fields
                label = kind if flag == "1" else "none"
            else:
                lang, label, text = fields
            rows.append((lang, label, text))
    return rows


def _figures(name: str) -> dict[str, tuple[float, float, float]]:
    """Per language (and "all"): precision and recall of proposing, and kind accuracy."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for lang, label, text in _rows(name):
        found = classify(text, lang)
        predicted = found[0] if found else "none"
        for key in (lang, "all"):
            c = counts[key]
            c[0] += label != "none" and predicted != "none"
            c[1] += label == "none" and predicted != "none"
            c[2] += label != "none" and predicted == "none"
            c[3] += label != "none" and predicted == label
    return {
        key: (tp / max(1, tp + fp), tp / max(1, tp + fn), kind / max(1, tp))
        for key, (tp, fp, fn, kind) in counts.items()
    }


def test_labelled_set_is_large_enough() -> None:
    rows = _rows("proposals_labelled.tsv")
    per_lang = {lang: sum(1 for r in rows if r[0] == lang) for lang in ("sv", "nb", "da", "en")}
    assert len(rows) >= 300
    assert min(per_lang.values()) >= 60


def test_blind_sets_are_large_enough() -> None:
    rows = _rows("proposals_blind.tsv")
    per_lang = {lang: sum(1 for r in rows if r[0] == lang) for lang in ("sv", "nb", "da", "en")}
    assert len(rows) >= 320
    assert min(per_lang.values()) >= 80
    assert len(_rows("proposals_blind2.tsv")) >= 80
    assert len(_rows("proposals_blind3.tsv")) >= 40
    assert len(_rows("proposals_blind4.tsv")) >= 100


@pytest.mark.parametrize(
    "name",
    [
        "proposals_labelled.tsv",
        "proposals_unseen.tsv",
        "proposals_blind.tsv",
        "proposals_blind2.tsv",
        "proposals_blind3.tsv",
        "proposals_blind4.tsv",
    ],
)
def test_precision_and_recall_per_language(name: str) -> None:
    figures = _figures(name)
    for key in ("sv", "nb", "da", "en", "all"):
        p, r, k = figures[key]
        print(f"{name} {key}: precision={p:.3f} recall={r:.3f} kind-accuracy={k:.3f}")
    assert min(p for p, _, _ in figures.values()) >= 0.85
    assert min(r for _, r, _ in figures.values()) >= 0.85


def test_propose_splits_notes_and_keeps_only_statements() -> None:
    notes = (
        "Möte med Luleå Bygg.\n"
        "- Vi behöver leverans dagen efter beställning.\n"
        "- De har 40 anställda. Kan ni fakturera via Peppol?\n"
        "• Jag skickar offert på fredag."
    )
    found = [(p.text, p.kind) for p in propose(notes, "sv")]
    assert found == [
        ("Vi behöver leverans dagen efter beställning.", "need"),
        ("Kan ni fakturera via Peppol?", "how_to_buy"),
    ]


def test_proposal_spans_point_into_the_text() -> None:
    text = "Vi har lige fået ny chef. Det er for dyrt for os!"
    proposal = propose(text, "da")[0]
    assert (text[proposal.start : proposal.end], proposal.kind) == (
        "Det er for dyrt for os!",
        "objection",
    )


def test_sentences_skip_empty_lines_and_bullets() -> None:
    text = "- first one.\n\n* second one?"
    assert [text[a:b] for a, b in sentences(text)] == ["first one.", "second one?"]


def test_verbs_of_wanting_and_needing_take_any_subject_but_the_sellers() -> None:
    assert classify("Våra operatörer behöver utbildning på svenska.", "sv") is not None
    assert classify("Ledelsen vil ha en månedlig rapport.", "nb") is not None
    assert classify("Trenger levering senest uke 34.", "nb") is not None
    assert classify("Behöver ni hjälp med något mer?", "sv") is None
    assert classify("Kaffet är klart om någon vill ha.", "sv") is None
    assert classify("Behöver uppdatera CRM efter mötet.", "sv") is None
    assert classify("Vi må få ut tilbudet før påske.", "nb") is None


def test_kinds_of_new_forms() -> None:
    assert classify("Vi vil hellere lease udstyret og betale efter forbrug.", "da") == (
        "how_to_buy",
        "vil hellere",
    )
    found = classify(
        "Vi må rapportere klimaavtrykket fra innkjøpene våre, kan dere levere tallene?", "nb"
    )
    assert found is not None and found[0] == "need"
    assert classify("Det tar alldeles för lång tid att få svar.", "sv") == (
        "need",
        "tar alldeles för lång",
    )
    assert classify("Vi behöver inte någon installation.", "sv") == ("objection", "Vi behöver inte")
    assert classify("We're locked into a contract until 2027.", "en") == (
        "objection",
        "locked into",
    )


def test_seller_talk_is_not_proposed() -> None:
    assert classify("Kan dere starte med å fortelle litt om teamet?", "nb") is None
    assert classify("Och vilket av dem har flest problem med leveranserna?", "sv") is None
    assert classify("Så det du sier er at ledelsen mangler oversikt.", "nb") is None
    assert classify("Men jeg vil heller vise det enn å snakke om det.", "nb") is None
    assert classify("Hur gör vi när vi behöver reservdelar på helgen?", "sv") is not None


def test_an_abbreviation_does_not_cut_a_proposal_in_two() -> None:
    # "pr." once cut this into "Vi skal have en betaling pr." (a theme of its own).
    text = "Vi skal have en betaling pr. driftstime i stedet for at købe maskinen. Tak for kaffe."
    assert [p.text for p in propose(text, "da")] == [
        "Vi skal have en betaling pr. driftstime i stedet for at købe maskinen."
    ]


@pytest.mark.parametrize(
    ("answer", "language"),
    [
        ("Nei, ikke ennå.", "nb"),
        ("Nej, inte än.", "sv"),
        ("Ja, det gør vi.", "da"),
        ("Yes, we do.", "en"),
    ],
)
def test_a_bare_answer_alone_is_not_a_statement(answer: str, language: str) -> None:
    assert classify(answer, language) is None
    assert propose(answer, language) == []


def test_a_bare_answer_is_proposed_with_the_question_it_answers() -> None:
    no = propose("Nei, ikke ennå. Vi ser på det.", "nb", question="Har dere e-faktura i dag?")
    assert (no[0].question, no[0].text, no[0].kind, no[0].trigger) == (
        "Har dere e-faktura i dag?",
        "Nei, ikke ennå.",
        "objection",
        "answer",
    )
    assert no[0].statement_text == "Har dere e-faktura i dag? Nei, ikke ennå."
    yes = propose("Yes, we do.", "en", question="Do you need support at weekends?")
    assert [(p.text, p.kind) for p in yes] == [("Yes, we do.", "need")]
    # A question about nothing in particular makes no statement of its answer.
    assert propose("Yes.", "en", question="Does that make sense?") == []


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Vi vil ikke lenger ha papirfakturaer.", "nb"),
        ("We no longer need the weekly reports.", "en"),
        ("Vi vill inte längre ha pappersfakturor.", "sv"),
        ("Vi har ikke længere brug for kurset.", "da"),
    ],
)
def test_a_negated_want_is_an_objection(sentence: str, language: str) -> None:
    found = classify(sentence, language)
    assert found is not None and found[0] == "objection"


def test_notes_not_in_the_customers_voice_are_the_sellers_summary() -> None:
    notes = "Wants pay-per-hour.\nKunden vill ha e-faktura.\nVi vill ha leverans på lördagar."
    assert [(p.text, p.summary) for p in propose(notes, "sv", notes=True)] == [
        ("Wants pay-per-hour.", True),
        ("Kunden vill ha e-faktura.", True),
        ("Vi vill ha leverans på lördagar.", False),
    ]
    # A customer's turn in a transcript is their own words.
    assert not propose("Wants pay-per-hour.", "en")[0].summary
