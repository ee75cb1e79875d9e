import pytest

from fasit.engine.signals.analysis import (
    Lexicon,
    analyse,
    default_lexicon,
    fold,
    split_compound,
)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("betalingsfrist", ["betaling", "frist"]),
        ("betalningsvillkoren", ["betalning", "villkoren"]),
        ("reservdelslager", ["reservdel", "lager"]),
        ("fjernovervågning", ["fjern", "overvågning"]),
        ("leveranstidsgaranti", ["leveranstid", "garanti"]),
        ("energiforbrug", ["energi", "forbrug"]),
        ("innkjøpssystemet", ["innkjøp", "systemet"]),
    ],
)
def test_compounds_split_into_known_parts(word: str, parts: list[str]) -> None:
    assert split_compound(word) == parts


@pytest.mark.parametrize("word", ["kontor", "maskinen", "fantastisk", "xylofon"])
def test_words_that_are_not_compounds_stay_whole(word: str) -> None:
    assert split_compound(word) == [word]


@pytest.mark.parametrize(
    ("text", "language", "concept"),
    [
        ("Leveranstiden är för lång.", "sv", "delivery.lead_time"),
        ("Leveringstiden er for lang.", "nb", "delivery.lead_time"),
        ("The lead time is too long.", "en", "delivery.lead_time"),
        ("Vi har brug for et reservedelslager i Danmark.", "da", "stock"),
        ("Vi har brug for et reservedelslager i Danmark.", "da", "spare_parts"),
        ("Vi vill ha längre betalningsvillkor.", "sv", "payment.terms"),
        ("Betalingsfristen må være 60 dager.", "nb", "payment.terms"),
        ("Vi ønsker fjernovervågning af anlægget.", "da", "remote_monitoring"),
        ("Fakturaen skal sendes som EHF.", "nb", "invoice.electronic"),
        ("We want to pay per use.", "en", "price.usage"),
    ],
)
def test_concepts_are_found_across_languages_and_compounds(
    text: str, language: str, concept: str
) -> None:
    assert concept in analyse(text, language).concepts


def test_small_talk_has_no_concepts() -> None:
    assert analyse("Vädret har varit fint hela veckan.", "sv").concepts == frozenset()


def test_fold_lets_swedish_and_danish_spellings_meet() -> None:
    assert fold("Säkerhet") == fold("Sækerhet") == "sekerhet"


# Taxonomy concepts: one sentence per language, written for the test (not from any
# evaluation file), so that every area of the lexicon is exercised in sv, nb, da and en.
TAXONOMY = [
    ("Vi behöver veta resthållbarheten på mjölken.", "sv", "shelf_life"),
    ("Yoghurten har for kort holdbarhet.", "nb", "shelf_life"),
    ("Bedst før-datoen er for tæt på.", "da", "shelf_life"),
    ("The shelf life on arrival is too short.", "en", "shelf_life"),
    ("Bränsletillägget går upp varje månad.", "sv", "price.fuel_surcharge"),
    ("Drivstofftillegget er for høyt.", "nb", "price.fuel_surcharge"),
    ("Brændstoftillægget skal følge et indeks.", "da", "price.fuel_surcharge"),
    ("The fuel surcharge is a mystery to us.", "en", "price.fuel_surcharge"),
    ("Användarna ska logga in med SSO.", "sv", "digital.sso"),
    ("Vi krever tofaktor ved innlogging.", "nb", "digital.sso"),
    ("Medarbejderne skal logge ind med MitID.", "da", "digital.sso"),
    ("We need single sign-on with Entra ID.", "en", "digital.sso"),
    ("Över tröskelvärdet måste vi annonsera.", "sv", "procurement.public"),
    ("Vi må lyse ut konkurranse etter anskaffelsesloven.", "nb", "procurement.public"),
    ("Det skal i udbud efter udbudsloven.", "da", "procurement.public"),
    ("Public procurement rules apply above the threshold.", "en", "procurement.public"),
    ("Vi vill ha flergångsrockar i stället för engångsförkläden.", "sv", "reuse"),
    ("Vi trenger en restordreliste hver uke.", "nb", "stock.shortage"),
    ("Kølekæden må ikke brydes.", "da", "cold_chain"),
    ("We need a calibration certificate for every scale.", "en", "calibration"),
    ("Arbetskläderna måste vara Svanenmärkta.", "sv", "ecolabel"),
    ("Alle underentreprenører må ha tariffavtale.", "nb", "labour.conditions"),
    ("Leverancen skal komme med kranbil.", "da", "delivery.unloading"),
    ("The software must be validated under GxP.", "en", "validation"),
]


@pytest.mark.parametrize(("text", "language", "concept"), TAXONOMY)
def test_taxonomy_concepts_are_found_in_every_language(
    text: str, language: str, concept: str
) -> None:
    assert concept in analyse(text, language).concepts


@pytest.mark.parametrize(
    ("text", "concept", "not_concept"),
    [
        # the longer term is the more specific reading
        ("We want a marketing budget from you.", "trade.marketing", "budget"),
        ("Pallet labels must follow GS1.", "labelling", "pallets"),
        ("Vi vill ha kort hållbarhet angiven på etiketten.", "shelf_life", "sustainability"),
    ],
)
def test_longest_match_picks_the_specific_concept(
    text: str, concept: str, not_concept: str
) -> None:
    concepts = analyse(text, "en").concepts
    assert concept in concepts
    assert not_concept not in concepts


def test_every_concept_has_names_and_terms_in_all_four_languages() -> None:
    from fasit.engine.signals.lexicon import CONCEPTS, LANGS

    ids = [c.id for c in CONCEPTS]
    assert len(ids) == len(set(ids))
    for concept in CONCEPTS:
        assert all(concept.names.get(lang) for lang in LANGS), concept.id
        assert all(concept.terms.get(lang) for lang in LANGS), concept.id
        assert set(concept.broader) <= set(ids), concept.id


# --- the pivot vocabulary ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "pivot"),
    [
        ("Vattnet är brunt.", "sv", "water"),
        ("Vannet er brunt.", "nb", "water"),
        ("Vandet er brunt.", "da", "water"),
        ("The water is brown.", "en", "water"),
        ("Nycklarna försvann.", "sv", "key"),
        ("Nøklene forsvant.", "nb", "key"),
        ("Nøglerne forsvandt.", "da", "key"),
        ("Det ligger snö på trappan.", "sv", "snow"),
        ("Kaffemaskinen er i stykker.", "nb", "coffee"),
    ],
)
def test_words_without_a_concept_get_a_pivot_in_every_language(
    text: str, language: str, pivot: str
) -> None:
    assert "p:" + pivot in analyse(text, language).vector


def test_compound_parts_get_pivots_tail_first() -> None:
    lex = default_lexicon()
    assert lex.pivots_of("kaffemaskinen", "da")[:2] == ("machine", "coffee")
    # English closed compounds too, into two words of four letters or more.
    assert lex.pivots_of("coffeemachine", "en")[:2] == ("machine", "coffee")


def test_english_compounds_end_in_a_noun_and_not_in_a_suffix() -> None:
    lex = default_lexicon()
    weights = dict(lex.pivot_weights("wristbands", "en"))
    assert weights["band"] > weights["wrist"]
    # "well" is only a property in the vocabulary (healthy): no noun tail, no split.
    assert lex.pivots_of("stairwell", "en") == ()
    # "-less" is a derivational ending, not the word "less".
    assert lex.pivots_of("fingerless", "en") == ()


def test_the_pivot_vocabulary_is_large_and_covers_every_nordic_language() -> None:
    from fasit.engine.signals.lexicon.vocabulary import PIVOTS

    assert len(PIVOTS) >= 700
    assert all(forms[lang] for _, forms in PIVOTS for lang in ("sv", "nb", "da"))


def test_definite_forms_get_their_pivot_and_members_of_a_field_share_its_group() -> None:
    snow = analyse("Snön ligger kvar", "sv").vector
    assert "p:snow" in snow
    assert "h:winter maintenance" in snow
    assert "h:pests" in analyse("Vi fant kakerlakker", "nb").vector
    assert "h:pests" in analyse("We keep seeing rats", "en").vector


def test_the_pivot_groups_name_only_known_pivots() -> None:
    from fasit.engine.signals.lexicon.vocabulary import GROUPS, PIVOTS

    known = {p for p, _ in PIVOTS}
    assert set(GROUPS) <= known
    assert len(set(GROUPS.values())) >= 30


def test_a_phrase_pivot_also_stands_for_its_words() -> None:
    lex = default_lexicon()
    assert lex.phrase_words("snow clearing") == ("snow", "clear")
    assert lex.phrase_words("snow") == ()
    vector = analyse("Vi trenger brøyting før klokka seks.", "nb").vector
    assert {"p:snow clearing", "p:snow"} <= set(vector)
    assert vector["p:snow"] < vector["p:snow clearing"]


def test_a_concept_named_only_as_the_setting_is_incidental() -> None:
    # "i kølerummet" beside words about a fall: the cold room is where, not what.
    fall = analyse("Hvis en chauffør falder alene i kølerummet, opdager ingen det.", "da")
    assert "c:cold_chain" in fall.vector
    assert "c:cold_chain" in fall.incidental
    # About the cold chain itself, the concept is the matter.
    chain = analyse("Kølekæden må ikke brydes under transporten.", "da")
    assert "c:cold_chain" in chain.vector
    assert not chain.incidental


def test_a_compound_tail_remembers_its_head() -> None:
    coffee = analyse("Kaffemaskinen i kantinen lekker vann.", "nb")
    assert coffee.headed == {"p:machine": frozenset({"p:coffee"})}
    # Named as a word of its own, the machine is not only a tail.
    both = analyse("Kaffemaskinen lekker, og maskinen er ny.", "nb")
    assert "p:machine" not in both.headed


def test_a_pivot_of_several_words_is_found_in_running_text() -> None:
    # What a Nordic compound says in one word ("omklädningsrum", "passerkort"), English
    # says in two: both reach the same pivot.
    english = analyse("The changing rooms need more hairdryers.", "en").vector
    swedish = analyse("Det saknas hårtorkar i omklädningsrummet.", "sv").vector
    assert "p:changing room" in english
    assert "p:changing room" in swedish
    assert "p:key card" in analyse("We keep losing our key cards.", "en").vector
    # Verbs of several words are left to their single words: "skriver under" is not
    # matched as a phrase ("under" is as often a place).
    assert "p:sign" not in analyse("Vi skriver under i morgen.", "da").vector


def test_an_english_translation_stands_for_its_lemma() -> None:
    # The Danish dictionary gives "siblings" for "søskende"; the English "sibling" and
    # the Norwegian "søsken" meet it under the lemma.
    lex = default_lexicon()
    assert "sibling" in lex.pivots_of("søskende", "da")
    assert "siblings" not in lex.pivots_of("søskende", "da")


def _match_uncached(lex: Lexicon, units: list[str]) -> list[tuple[str, int, int]]:
    """``Lexicon.match`` as it was before its per-word cache: every candidate term
    tried from its second word on."""
    from fasit.engine.signals.analysis import _match_from, word_keys

    found: set[tuple[str, int, int]] = set()
    keys = [word_keys(u) for u in units]
    for i, unit in enumerate(units):
        for term in lex._candidates(unit, keys[i]):
            end = _match_from(term.toks, 1, units, keys, i + 1)
            if end is not None and end > i:
                found.add((term.concept, i, end))
    return [
        (c, s, e)
        for c, s, e in sorted(found, key=lambda m: (m[1], m[2], m[0]))
        if not any(c2 != c and s2 <= s and e <= e2 and e2 - s2 > e - s for c2, s2, e2 in found)
    ]


def test_match_cache_finds_what_every_term_tried_finds() -> None:
    # The per-word cache splits longer terms by their second word's keys: the same
    # matches as trying each term, on every evaluation statement, words and compound
    # parts, and again once the cache is warm.
    from fasit.engine.signals.analysis import _cached_parts, normalise
    from fasit.engine.signals.tests.helpers import DATA, load_eval
    from fasit.engine.text.tokens import WORD_RE

    lex = default_lexicon()
    texts = [
        s.text
        for path in sorted(DATA.glob("*.jsonl"))
        if not path.name.endswith("_gold.jsonl")
        for s in load_eval(path.name)[0]
    ]
    texts += ["vi vil ha support på helger", "support outside office hours please", "a"]
    assert len(texts) > 1000
    for _ in range(2):
        for text in texts:
            tokens = [normalise(m.group(0)) for m in WORD_RE.finditer(text)]
            units = [p for t in tokens for p in _cached_parts(t)]
            for seq in (tokens, units):
                assert lex.match(seq) == _match_uncached(lex, seq)
