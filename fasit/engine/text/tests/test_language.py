import pytest

from fasit.engine.text.language import detect_language, language_scores

CASES = [
    ("sv", "Vad tycker ni om det nya upplägget?"),
    ("sv", "Jag förstår inte riktigt hur ni jobbar med det i dag."),
    ("sv", "Tack."),
    ("sv", "Det låter bra."),
    ("sv", "Berätta mer om era kunder."),
    ("nb", "Hva synes dere om det nye opplegget?"),
    ("nb", "Jeg forstår ikke helt hvordan dere jobber med det i dag."),
    ("nb", "Takk."),
    ("nb", "Nei, det tror jeg ikke."),
    ("nb", "Fortell litt om kundene deres."),
    ("nb", "Det høres bra ut."),
    ("da", "Hvad synes I om det nye setup?"),
    ("da", "Jeg forstår ikke helt hvordan I arbejder med det i dag."),
    ("da", "Tak."),
    ("da", "Nej, det tror jeg ikke."),
    ("da", "Fortæl lidt om jeres kunder."),
    ("da", "Det lyder godt."),
    ("en", "What do you think about the new setup?"),
    ("en", "Okay, that makes sense."),
    ("en", "Walk me through your process."),
]


@pytest.mark.parametrize(("expected", "text"), CASES)
def test_detect_language(expected: str, text: str) -> None:
    assert detect_language(text) == expected


def test_long_danish_text_with_shared_words_is_danish() -> None:
    text = (
        "Jeg har arbejdet med det her i mange år, og vi har altid haft nogle udfordringer "
        "med at få overblik over kunderne. Det er ikke fordi vi ikke vil, men vi har ikke "
        "haft værktøjerne til det. Hvad gør I andre steder?"
    )
    assert detect_language(text) == "da"


def test_long_norwegian_text_with_shared_words_is_bokmal() -> None:
    text = (
        "Jeg har jobbet med dette i mange år, og vi har alltid hatt noen utfordringer "
        "med å få oversikt over kundene. Det er ikke fordi vi ikke vil, men vi har ikke "
        "hatt verktøyene til det. Hva gjør dere andre steder?"
    )
    assert detect_language(text) == "nb"


def test_empty_text_falls_back_to_english() -> None:
    assert detect_language("  ... ") == "en"


def test_scores_cover_the_four_languages() -> None:
    assert sorted(language_scores("Hej")) == ["da", "en", "nb", "sv"]
