"""Finding a person's name, e-mail and phone in text however people typed them."""

from __future__ import annotations

import pytest

from fasit.privacy.redaction import Redactor, redact_spoken

REDACTOR = Redactor.for_person(
    name="Ingrid Bergström",
    email="ingrid.b@fjord.example",
    phone="+47 912 34 567",
    other_names=["Alva Bergström"],
    placeholder="[x]",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Met Ingrid Bergström today", "Met [x] today"),
        ("met ingrid   BERGSTRÖM today", "met [x] today"),
        ("Ingrid Bergstrom and Ingrid Bergstroem", "[x] and [x]"),
        ("Ingrid Bergstrøm", "[x]"),
        ("Write to INGRID.B@fjord.example.", "Write to [x]."),
        ("Alva Bergström plays handball", "[x] plays handball"),
        ("Ingrid Bergströms kontor", "Ingrid Bergströms kontor"),
        ("Ingrid Lund came too", "Ingrid Lund came too"),
    ],
)
def test_names_and_e_mail(text: str, expected: str) -> None:
    assert REDACTOR.scrub(text) == expected


@pytest.mark.parametrize(
    "typed",
    ["+47 912 34 567", "+4791234567", "0047 91234567", "912 34 567", "91 23 45 67", "912-34-567"],
)
def test_phone_in_any_format(typed: str) -> None:
    assert REDACTOR.scrub(f"Ring {typed} i dag") == "Ring [x] i dag"


def test_a_longer_number_holding_the_digits_is_not_the_phone() -> None:
    assert REDACTOR.scrub("Order 1912345670") == "Order 1912345670"


def test_swedish_number_with_trunk_zero() -> None:
    redactor = Redactor.for_person(name="Sven Ek", phone="+46 70 123 45 67", placeholder="[x]")
    assert redactor.scrub("Mobil 070-123 45 67.") == "Mobil [x]."


def test_name_parts_in_the_room_keep_other_peoples_names() -> None:
    wide = REDACTOR.with_name_parts("Ingrid Bergström", "Sigurd", protect=["Ingrid Lund"])
    assert wide.scrub("Thanks, Ingrid. Ingrid Lund agreed; Sigurd starts school.") == (
        "Thanks, [x]. Ingrid Lund agreed; [x] starts school."
    )
    # A name as a plain word, written small, stays: "berg" is a mountain.
    berg = Redactor.for_person(name="Kari Berg", placeholder="[x]").with_name_parts("Kari Berg")
    assert berg.scrub("Vi gikk på berg; Berg kom.") == "Vi gikk på berg; [x] kom."


def test_json_values_and_keys() -> None:
    value = {"speakers": [{"name": "Ingrid Bergström", "words": 3}], "Ingrid Bergström": 1}
    assert REDACTOR.scrub_value(value) == {"speakers": [{"name": "[x]", "words": 3}], "[x]": 1}


def test_spoken_words_keep_count_and_punctuation() -> None:
    assert redact_spoken("Ja. Hvorfor tar det tre uker?") == "xxx. xxx xxx xxx xxx xxx?"


def test_database_patterns_find_a_superset() -> None:
    import re

    for pattern in REDACTOR.database_patterns():
        re.compile(pattern)
    assert any(
        re.search(p, "ingrid bergstroem", re.IGNORECASE) for p in REDACTOR.database_patterns()
    )


def test_one_word_names_and_longer_addresses_are_left_alone() -> None:
    anna = Redactor.for_person(name="Anna", email="anna@x.no", placeholder="[x]")
    assert anna.scrub("Anna and li_customer; joanna@x.no, anna@x.no.uk") == (
        "Anna and li_customer; joanna@x.no, anna@x.no.uk"
    )
    assert anna.scrub("Mail anna@x.no.") == "Mail [x]."
    assert anna.with_name_parts("Anna").scrub("Thanks, Anna.") == "Thanks, [x]."
    li = Redactor.for_person(name="Li Wu", placeholder="[x]")
    assert li.scrub("li_customer, Li Wu") == "li_customer, [x]"
