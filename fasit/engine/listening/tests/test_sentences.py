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
