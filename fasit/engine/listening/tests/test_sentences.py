import pytest

from fasit.engine.listening.sentences import split_sentences


def test_splits_on_question_and_exclamation_marks() -> None:
    assert split_sentences("Hej! Hur mår du? Bra.") == ["Hej!", "Hur mår du?", "Bra."]


def test_question_mark_splits_even_before_lower_case() -> None:
    assert split_sentences("Eller hur? jo") == ["Eller hur?", "jo"]


def test_ellipsis_before_lower_case_continues_the_sentence() -> None:
    assert split_sentences("Vi har… hur ska jag säga… tre system.") == [
        "Vi har… hur ska jag säga… tre system."
    ]


def test_ellipsis_before_capital_ends_the_sentence() -> None:
    assert split_sentences("So... What do you think?") == ["So...", "What do you think?"]


def test_abbreviations_do_not_end_sentences() -> None:
    assert split_sentences("Vi har t.ex. tre lager. Dr. Berg vet.") == [
        "Vi har t.ex. tre lager.",
        "Dr. Berg vet.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    assert split_sentences('Han sa "nej." Sen gick han.') == ['Han sa "nej."', "Sen gick han."]


@pytest.mark.parametrize(
    "text",
    [
        "Hvorfor starter møtet først kl. 10?",
        "Hvor mange selgere er dere totalt, ca. 40?",
        "Vilka system använder ni, t.ex. Visma eller Fortnox?",
        "Hvilke systemer bruger I, f.eks. Navision?",
        "What tools do you use, e.g. Salesforce or HubSpot?",
        "Hur ofta pratar ni med Lars E. Johansson?",
    ],
)
def test_abbreviation_or_initial_before_a_capital_or_digit_does_not_end_a_sentence(
    text: str,
) -> None:
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No. What do you mean?", ["No.", "What do you mean?"]),
        ("So do I. What about you?", ["So do I.", "What about you?"]),
        ("Det koster 200 kr. Hvad synes du?", ["Det koster 200 kr.", "Hvad synes du?"]),
        ("Mødet er kl. 10. Passer det?", ["Mødet er kl. 10.", "Passer det?"]),
    ],
)
def test_sentences_still_end_after_words_that_look_like_abbreviations(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected
