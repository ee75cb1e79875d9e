from __future__ import annotations

import random

import phonenumbers
import pytest

from fasit.engine.transfer.identifiers import (
    IdentifierError,
    OrgNumber,
    _calling_code_rules,
    _normalised,
    _parsed_plainly,
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


def _by_phonenumbers(value: str, country: str) -> tuple[str, str]:
    """The answer through ``phonenumbers.parse`` alone (what every number took before
    the plain-number path)."""
    try:
        number = phonenumbers.parse(value, country or None)
    except phonenumbers.NumberParseException:
        return "", "not_a_phone"
    if not phonenumbers.is_valid_number(number):
        return "", "invalid_phone"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL), ""


_WRITTEN = [
    # As real exports and address books write them (valid and not).
    "+47 22 33 44 55", "+4722334455", "+47-22-33-44-55", "22 33 44 55", "22334455",
    "+47 (0) 22 33 44 55", "(+47) 22 33 44 55", "0047 22 33 44 55", "004722334455",
    "47 22 33 44 55", "4722334455", "+47 412 34 567", "412 34 567", "47 12 34 56",
    "4712345678", "+47 79 02 34 56", "79 02 34 56", "+47 0 22334455", "+47 800 12 345",
    "800 12 345", "02800", "+46 8 123 456 78", "08-123 456 78", "08-12345678", "(08) 123 456 78",
    "070-123 45 67", "0701234567", "+46 70 123 45 67", "+46 (0)70 123 45 67",
    "+46070-1234567", "0046 70 123 45 67", "46701234567", "031-123456", "031 12 34 56",
    "+46 31 123456", "020-123 456", "0771-123 456", "+45 33 12 34 56", "33 12 34 56",
    "33123456", "+45 40 12 34 56", "4540123456", "45 40 12 34 56", "0045 40123456",
    "+358 9 1234567", "09 1234567", "09-123 4567", "+358 40 123 4567", "040 123 4567",
    "0401234567", "+358 18 12345", "018 12345", "358401234567", "00358 40 1234567",
    "99 12 34 56", "990 123 456", "9951 123 4567", "+358 (0)40 1234567", "+358 0401234567",
    "+44 20 7946 0958", "+1 212 555 0100", "+49 30 123456", "+354 551 2345", "+372 512 3456",
    "+4", "+47", "+47 2", "+47 22", "123", "1234", "12345", "+", "-", "--", "0", "00", "000000",
    "22 33 44 55 ext 12", "22334455 x12", "22334455#12", "tel:+47-22-33-44-55",
    "tel:22334455;phone-context=+47", "Tel: 22 33 44 55", "Mobil 412 34 567",
    "22.33.44.55", "22/33 44 55", "+47 22 33 44 55 / 99 88 77 66", "22 33 44 55, 99 88 77 66",
    "٢٢٣٣٤٤٥٥", "２２３３４４５５", "+47 22 33 44 55 ", " 22334455", "22  33  44  55",
    "22 - 33 - 44 - 55", "+47 - 22334455", "+ 47 22334455", "++47 22334455",
    "+47 22 33 44 55 66 77 88 99 00 11", "1" * 18, "+47" + "1" * 17, "+47 FJORDEN",
    "22 33 44 5A", "-22334455", "22334455-",
]  # fmt: skip


def _generated(rng: random.Random, count: int) -> list[str]:
    """Digits in every length, after every prefix and with every separator people use."""
    prefixes = ["", "", "+", "+45", "+46", "+47", "+358", "+354", "+44", "+4", "+35", "0",
                "00", "0047", "0046", "00358", "45", "46", "47", "358", "990", "9951", "99"]  # fmt: skip
    separators = ["", " ", "-", "  ", " - "]
    found = []
    for _ in range(count):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 14)))
        if rng.random() < 0.5:
            digits = rng.choice("123456789") + digits[1:]
        cuts = sorted(rng.sample(range(1, len(digits)), min(len(digits) - 1, rng.randint(0, 4))))
        sep = rng.choice(separators)
        parts = [digits[a:b] for a, b in zip([0, *cuts], [*cuts, len(digits)], strict=True)]
        prefix = rng.choice(prefixes)
        found.append(prefix + (rng.choice(["", " ", "-"]) if prefix else "") + sep.join(parts))
    return found


def _bench_shaped(rng: random.Random) -> list[str]:
    patterns = ["+47 22{:06d}", "+47 55{:06d}", "22 {:06d}", "+47 9{:07d}", "9{:07d}",
                "4{:07d}", "08-{:07d}", "031-{:06d}", "+46 40 {:06d}", "070-{:07d}",
                "+46 76 {:07d}", "+45 33{:06d}", "+45 40{:06d}", "+358 9 {:07d}",
                "+358 40 {:07d}", "040 {:07d}", "09 {:07d}"]  # fmt: skip
    found = []
    for pattern in patterns:
        width = int(pattern.split(":")[1][1:3].rstrip("d}"))
        found += [pattern.format(rng.randrange(10**width)) for _ in range(300)]
    return found


@pytest.mark.clock_free  # phone numbers only
def test_plainly_written_numbers_get_exactly_what_phonenumbers_gives() -> None:
    """The plain-number path must answer as ``phonenumbers.parse`` would for every input:
    the same number, the same validity, the same format, the same error."""
    rng = random.Random(14)
    values = _WRITTEN + _generated(rng, 8_000) + _bench_shaped(rng)
    plain = 0
    for value in values:
        for country in ("NO", "SE", "DK", "FI", "", "GB", "no"):
            parsed = _parsed_plainly(value.strip(), country)
            if parsed is not None:
                plain += 1
                assert parsed == phonenumbers.parse(value.strip(), country), (value, country)
            got = _normalised.__wrapped__(value.strip(), country)
            assert got == _by_phonenumbers(value.strip(), country), (value, country)
    # The path is taken for most numbers (else it would prove nothing).
    assert plain > len(values) * 2


def test_validity_and_format_from_the_metadata_are_phonenumbers_own() -> None:
    """Every national number of every length under each Nordic calling code (including
    the regions that share one: Svalbard under +47, Åland under +358) is valid and
    formatted exactly as ``is_valid_number`` and ``format_number`` say."""
    rng = random.Random(19)
    international = phonenumbers.PhoneNumberFormat.INTERNATIONAL
    for code in (45, 46, 47, 358):
        rules = _calling_code_rules(code)
        valid = 0
        for _ in range(6_000):
            national = rng.choice("123456789") + "".join(
                rng.choice("0123456789") for _ in range(rng.randint(1, 13))
            )
            if rng.random() < 0.5:
                # Prefixes real numbers start with, so the valid side is well covered.
                national = (
                    rng.choice(["2", "4", "7", "8", "9", "18", "40", "50", "79", "3"])
                    + national[1:]
                )
            number = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
            expected = (
                (phonenumbers.format_number(number, international), "")
                if phonenumbers.is_valid_number(number)
                else ("", "invalid_phone")
            )
            assert rules.international(national) == expected, (code, national)
            valid += expected[1] == ""
        assert valid > 200, code
