import pytest

from fasit.engine.signals.analysis import analyse, fold, split_compound


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
