from __future__ import annotations

import pytest

from fasit.engine.transfer.identifiers import (
    IdentifierError,
    OrgNumber,
    normalise_phone,
    parse_org_number,
)


@pytest.mark.parametrize(
    ("value", "country", "expected"),
    [
        ("923609016", "NO", OrgNumber("NO", "923 609 016")),
        ("NO 923 609 016 MVA", "NO", OrgNumber("NO", "923 609 016")),
        ("NO923609016MVA", None, OrgNumber("NO", "923 609 016")),
        ("923 609 016 MVA", None, OrgNumber("NO", "923 609 016")),
        ("Org.nr. 923 609 016", "NO", OrgNumber("NO", "923 609 016")),
        ("556012-5790", "SE", OrgNumber("SE", "556012-5790")),
        ("SE556012579001", None, OrgNumber("SE", "556012-5790")),
        ("SE 5560125790 01", "SE", OrgNumber("SE", "556012-5790")),
        ("16556012-5790", "SE", OrgNumber("SE", "556012-5790")),
        ("165560125790", "SE", OrgNumber("SE", "556012-5790")),
        ("SE202100548901", "SE", OrgNumber("SE", "202100-5489")),
        ("DK24256790", None, OrgNumber("DK", "24256790")),
        ("CVR 24256790", None, OrgNumber("DK", "24256790")),
        ("CVR-nr. 24 25 67 90", "DK", OrgNumber("DK", "24256790")),
        ("FI01120389", None, OrgNumber("FI", "0112038-9")),
        ("0112038-9", "FI", OrgNumber("FI", "0112038-9")),
        ("5560125790", None, OrgNumber("SE", "556012-5790")),
        ("", "NO", None),
    ],
)
def test_org_numbers_in_the_forms_exports_and_invoices_use(
    value: str, country: str | None, expected: OrgNumber | None
) -> None:
    assert parse_org_number(value, country) == expected


@pytest.mark.parametrize(
    ("value", "country", "code"),
    [
        ("923609017", "NO", "checksum"),
        ("92360901", "NO", "length"),
        ("SE556012579001", "NO", "country_mismatch"),
        ("NO 923 609 016 MVA", "SE", "country_mismatch"),
        ("DE123456789", None, "invalid"),
        ("hello", "NO", "invalid"),
    ],
)
def test_bad_org_numbers_say_why(value: str, country: str | None, code: str) -> None:
    with pytest.raises(IdentifierError) as caught:
        parse_org_number(value, country)
    assert caught.value.code == code


def test_phones_are_international() -> None:
    assert normalise_phone("912 34 567", "NO") == "+47 91 23 45 67"
    assert normalise_phone("0046 70 123 45 67", "NO") == "+46 70 123 45 67"
    assert normalise_phone("", "NO") == ""
    with pytest.raises(IdentifierError) as caught:
        normalise_phone("123", "NO")
    assert caught.value.code == "invalid_phone"
    with pytest.raises(IdentifierError) as caught:
        normalise_phone("call me", "NO")
    assert caught.value.code == "not_a_phone"


def test_a_repeated_phone_is_worked_out_once_and_fails_the_same_each_time() -> None:
    """Numbers are cached by (value, country): the same answer, and a fresh error with
    the row's own parameters every time (a cached exception would share its state)."""
    assert normalise_phone("22 12 34 56", "NO") == normalise_phone("22 12 34 56", "NO")
    assert normalise_phone("070-123 45 67", "SE") == "+46 70 123 45 67"
    # The same digits read in another country are another number.
    assert normalise_phone("40 12 34 56", "DK") == "+45 40 12 34 56"
    assert normalise_phone("40 12 34 56", "NO") == "+47 40 12 34 56"
    errors = []
    for _ in range(2):
        with pytest.raises(IdentifierError) as caught:
            normalise_phone("123", "DK")
        errors.append(caught.value)
    assert errors[0] is not errors[1]
    assert [(e.code, e.params) for e in errors] == [
        ("invalid_phone", {"value": "123", "country": "DK"}),
    ] * 2
