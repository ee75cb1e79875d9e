"""Questions without question marks, found from word order (``wordorder``)."""

from __future__ import annotations

import pytest

from fasit.engine.listening.wordorder import infer_question

CASES = [
    # sv
    ("sv", "hur hanterar ni returer idag", "open"),
    ("sv", "hur länge har ni haft systemet", "open"),
    ("sv", "vilka kunder har ni", "open"),
    ("sv", "vem bestämmer om ni byter system", "open"),
    ("sv", "vad händer sen", "open"),
    ("sv", "har ni ett gemensamt system", "closed"),
    ("sv", "finns det något mer", "closed"),
    ("sv", "tycker du att det är bra", "closed"),
    ("sv", "ni har väl ett system eller hur", "closed"),
    ("sv", "hur ni gör det är upp till er", "none"),
    ("sv", "vilka kunder vi har är hemligt", "none"),
    ("sv", "vad systemet gör för er", "none"),
    ("sv", "hur mycket ni betalar vet jag inte", "none"),
    ("sv", "platser vi besöker och vad vi läser", "none"),
    ("sv", "låt mig förklara lite utförligare", "none"),
    ("sv", "vi har tre lager", "none"),
    ("sv", "men inte om du använder tor!", "none"),
    # nb
    ("nb", "hvorfor valgte dere den leverandøren", "open"),
    ("nb", "hvor mange selgere har dere", "open"),
    ("nb", "bruker dere noe system i dag", "closed"),
    ("nb", "det fungerer bra ikke sant", "closed"),
    ("nb", "hvordan vi gjør det kommer an på kunden", "none"),
    ("nb", "vi ringer rundt til teknikerne", "none"),
    # da
    ("da", "hvad synes I om det", "open"),
    ("da", "hvornår skal I bruge det", "open"),
    ("da", "har I et system til det", "closed"),
    ("da", "er i gang med det", "none"),
    ("da", "hvad vi gør er at ringe", "none"),
    # en
    ("en", "how do you handle returns today", "open"),
    ("en", "how many users do you have", "open"),
    ("en", "who decides", "open"),
    ("en", "Pronathy, how are things on the design side.", "open"),
    ("en", "can you send a few things in the chat, too.", "closed"),
    ("en", "is it ready", "closed"),
    ("en", "that is fine, isn't it", "closed"),
    ("en", "what we did was simple", "none"),
    ("en", "where we are with token prices is this", "none"),
    ("en", "why hello there, yuri.", "none"),
    ("en", "i think so", "none"),
    ("en", "Tell me about it!", "none"),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_infer_question(language: str, text: str, expected: str) -> None:
    assert infer_question(text, language) == expected


def test_other_languages_get_no_guess() -> None:
    assert infer_question("cómo están ustedes", "es") == "none"
