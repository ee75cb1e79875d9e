"""Organisation numbers and phone numbers as real exports and invoices write them.

An organisation number arrives in many forms: the plain national number
(``923 609 016``), the VAT number of the same company (``NO 923 609 016 MVA``,
``SE556012579001``, ``DK24256790``, ``FI01120389``), the 12-digit Swedish form with
the century prefix (``16556012-5790``) or with the register's name in front
(``CVR 24256790``, ``Org.nr. 923609016``). All of them name the same company, so
all are accepted and stored in the country's usual national format.

Errors are codes with parameters, not sentences: the Django layer words them in the
user's language.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

import phonenumbers
from stdnum import exceptions as stdnum_exceptions
from stdnum.dk import cvr
from stdnum.fi import ytunnus
from stdnum.no import orgnr as no_orgnr
from stdnum.se import orgnr as se_orgnr

COUNTRIES = ("NO", "SE", "DK", "FI")

# The register's own name for the number, in the kind of error message users see.
ORG_NUMBER_NAMES = {
    "NO": "organisasjonsnummer",
    "SE": "organisationsnummer",
    "DK": "CVR-nummer",
    "FI": "Y-tunnus",
}

_MODULES = {"NO": no_orgnr, "SE": se_orgnr, "DK": cvr, "FI": ytunnus}

# Words that may stand before the number ("Org.nr. 923 609 016", "CVR-nr: 24256790").
_LABEL = re.compile(
    r"^(?:org\.?\s*-?\s*n(?:umme)?r\.?|organisa(?:tion|sjon)snummer|organisationsnr\.?|"
    r"cvr(?:-?nr\.?|-?nummer)?|se-?nr\.?|y-?tunnus|fo-?nummer|vat(?:\s*no\.?|\s*number)?|"
    r"momsnr\.?|mva-?nr\.?)\s*:?\s*",
    re.IGNORECASE,
)
_VAT_PREFIX = re.compile(r"^(NO|SE|DK|FI)\s*", re.IGNORECASE)
_MVA_SUFFIX = re.compile(r"\s*MVA\.?$", re.IGNORECASE)


class IdentifierError(ValueError):
    """``code`` is one of: ``checksum``, ``length``, ``invalid``, ``country_mismatch``,
    ``unknown_country``, ``ambiguous``, ``not_a_phone``, ``invalid_phone``."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class OrgNumber:
    country: str
    number: str  # the national number in its country's usual format


def _strip_forms(value: str) -> tuple[str, str | None]:
    """The bare digits (and dash) of a number, and the country its VAT form names."""
    text = _LABEL.sub("", value.strip())
    country = None
    prefix = _VAT_PREFIX.match(text)
    if prefix:
        country = prefix.group(1).upper()
        text = text[prefix.end() :]
    if _MVA_SUFFIX.search(text):
        text = _MVA_SUFFIX.sub("", text)
        if country not in (None, "NO"):
            raise IdentifierError("invalid", value=value)
        country = "NO"
    elif value.strip().lower().startswith("cvr") and country is None:
        country = "DK"
    return text.strip(), country


def _national(country: str, text: str, vat: bool = False) -> str:
    digits = re.sub(r"[\s.\-/]", "", text)
    if country == "SE":
        if vat and len(digits) == 12 and digits.endswith("01"):
            digits = digits[:10]  # SE + organisationsnummer + 01
        elif len(digits) == 12 and digits.isdigit():
            # "16" is the century prefix the Swedish register gives companies; 19/20 is a
            # sole trader's personnummer written with its century.
            if digits[:2] in {"16", "19", "20"}:
                digits = digits[2:]
            elif digits.endswith("01"):  # the VAT number: organisationsnummer + 01
                digits = digits[:10]
        elif len(digits) == 14 and digits.endswith("01") and digits.startswith("16"):
            digits = digits[2:12]
    elif country == "FI" and "-" not in text and len(digits) == 8 and digits.isdigit():
        # FI VAT (ALV) numbers are the Y-tunnus without its dash.
        digits = digits[:7] + "-" + digits[7:]
    return digits


def parse_org_number(value: str, country: str | None) -> OrgNumber | None:
    """The organisation number in ``value`` for ``country`` (or the country its VAT form
    names when ``country`` is None). None for an empty value; IdentifierError if the
    number is not valid."""
    value = (value or "").strip()
    if not value:
        return None
    text, named = _strip_forms(value)
    if country and named and named != country:
        raise IdentifierError("country_mismatch", value=value, named=named, country=country)
    target = country or named
    if target is None:
        return _guess(value, text)
    module = _MODULES.get(target)
    if module is None:
        raise IdentifierError("unknown_country", value=value, country=target)
    kind = ORG_NUMBER_NAMES[target]
    try:
        compact = module.validate(_national(target, text, vat=named is not None))
    except stdnum_exceptions.InvalidChecksum:
        raise IdentifierError("checksum", value=value, kind=kind) from None
    except stdnum_exceptions.InvalidLength:
        raise IdentifierError("length", value=value, kind=kind) from None
    except stdnum_exceptions.ValidationError:
        raise IdentifierError("invalid", value=value, kind=kind) from None
    formatted = module.format(compact) if hasattr(module, "format") else compact
    return OrgNumber(country=target, number=str(formatted))


def _guess(value: str, text: str) -> OrgNumber:
    """A bare number with no country: the one country whose register it fits."""
    found = []
    for country in COUNTRIES:
        try:
            compact = _MODULES[country].validate(_national(country, text))
        except stdnum_exceptions.ValidationError:
            continue
        module = _MODULES[country]
        found.append(
            OrgNumber(
                country, str(module.format(compact) if hasattr(module, "format") else compact)
            )
        )
    if len(found) == 1:
        return found[0]
    if found:
        raise IdentifierError("ambiguous", value=value)
    raise IdentifierError("invalid", value=value, kind="organisation number")


def normalise_phone(value: str, country: str) -> str:
    """``value`` in international format (``+47 912 34 567``), or IdentifierError."""
    value = (value or "").strip()
    if not value:
        return ""
    found, code = _normalised(value, country)
    if code == "not_a_phone":
        raise IdentifierError(code, value=value)
    if code:
        raise IdentifierError(code, value=value, country=country)
    return found


# Parsing and validating a number costs about 100 µs, and the same number comes back
# often in a large file (a company's switchboard on every contact there, the same
# mobile in two columns): each (value, country) is worked out once. The answer is a
# plain (number, error code) pair, so a cached failure raises a fresh error each time.
@functools.lru_cache(maxsize=1 << 16)
def _normalised(value: str, country: str) -> tuple[str, str]:
    number = _parsed_plainly(value, country)
    if number is not None:
        return _calling_code_rules(number.country_code).international(str(number.national_number))
    try:
        number = phonenumbers.parse(value, country or None)
    except phonenumbers.NumberParseException:
        return "", "not_a_phone"
    if not phonenumbers.is_valid_number(number):
        return "", "invalid_phone"
    international = phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return str(phonenumbers.format_number(number, international)), ""


# ``phonenumbers.parse`` is about half of a number's cost (30 of 57 µs): it looks for a
# number in free text (RFC 3966 URIs, extensions, letters, any punctuation). Most
# numbers in a file are plainly written — digits with spaces or hyphens, ``+`` and a
# Nordic country code or a number of the row's Nordic country — and for those the
# ``PhoneNumber`` it returns is worked out here by its own rules (the national prefix
# from the region's metadata, as ``parse`` strips it); validity and format below. Any
# other form (another country code, an international or carrier prefix, a number that
# starts with its own country code, a leading zero left, letters, brackets, dots, an
# extension) goes to ``phonenumbers.parse``. A test compares both for many thousands of
# written forms, valid and not.
_PLAIN_NUMBER = re.compile(r"(\+?)([0-9][0-9 \-]{3,40}[0-9])")
_NORDIC_CODES = {"45": "DK", "46": "SE", "47": "NO", "358": "FI"}
_NORDIC_REGIONS = {region: code for code, region in _NORDIC_CODES.items()}


class _NationalPrefix(NamedTuple):
    """What parsing needs to strip a region's national prefix (``0`` in Sweden and
    Finland; Norway and Denmark have none), compiled once."""

    idd: re.Pattern[str]
    prefix: re.Pattern[str] | None
    general: re.Pattern[str] | None
    lengths: tuple[int, ...]
    local_lengths: frozenset[int]

    def strip(self, national: str) -> str:
        """``national`` without its national prefix, as ``parse`` strips it: only when
        the rest is still a number of the region (or the whole was none) and long
        enough (``_maybe_strip_national_prefix_carrier_code`` and
        ``_test_number_length`` for a region with no prefix transform rule)."""
        if self.prefix is None:
            return national
        found = self.prefix.match(national)
        if found is None:
            return national
        stripped = national[found.end() :]
        general = self.general
        if general is not None and general.fullmatch(national) and not general.fullmatch(stripped):
            return national
        length = len(stripped)
        if not self.lengths or self.lengths[0] == -1 or length in self.local_lengths:
            return national
        if length in self.lengths or length > self.lengths[-1]:
            return stripped
        return national


@functools.cache
def _region_rules(region: str) -> _NationalPrefix:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    assert metadata is not None and metadata.international_prefix
    # A prefix transform rule (Argentina, Mexico…) is not handled here; no Nordic
    # region has one.
    assert not metadata.national_prefix_transform_rule, region
    general = metadata.general_desc
    assert general is not None  # every region has one
    prefix = metadata.national_prefix_for_parsing
    return _NationalPrefix(
        idd=re.compile(metadata.international_prefix),
        prefix=re.compile(prefix) if prefix else None,
        general=re.compile(general.national_number_pattern)
        if general.national_number_pattern
        else None,
        lengths=tuple(general.possible_length),
        local_lengths=frozenset(general.possible_length_local_only or ()),
    )


def _parsed_plainly(value: str, country: str) -> phonenumbers.PhoneNumber | None:
    """What ``phonenumbers.parse(value, country)`` returns for a plainly written Nordic
    number, or None to leave ``value`` to it."""
    found = _PLAIN_NUMBER.fullmatch(value)
    if found is None:
        return None
    digits = found.group(2).replace(" ", "").replace("-", "")
    if len(digits) < 6:  # parse weighs short ones differently
        return None
    if found.group(1):
        code = digits[:3] if digits.startswith("358") else digits[:2]
        region = _NORDIC_CODES.get(code)
        if region is None:
            return None
        national = digits[len(code) :]
        rules = _region_rules(region)
    else:
        region = country
        code = _NORDIC_REGIONS.get(region, "")
        if not code:
            return None
        rules = _region_rules(region)
        # An international (or carrier) prefix, or the country's own code written
        # without ``+``: parse weighs those.
        if rules.idd.match(digits) or digits.startswith(code):
            return None
        national = digits
    national = rules.strip(national)
    if not 2 <= len(national) <= 17 or national[0] == "0":
        return None
    return phonenumbers.PhoneNumber(country_code=int(code), national_number=int(national))


# ``is_valid_number`` and ``format_number`` were most of what remained of a plain
# number's cost (about 45 of 80 µs): every call looks up its metadata and compiles (from
# ``re``'s cache) a dozen patterns by their text. For the plainly written numbers above,
# whose national number has no leading zero, both answers are worked out here from the
# same metadata with the patterns compiled once, by the same rules: valid when the
# number fits the region's general description and one of its number types (the
# region chosen among those sharing the calling code as ``region_code_for_number``
# chooses it); formatted by the first international (else national) format whose
# leading digits and pattern fit. The differential test in test_identifiers.py holds
# both to phonenumbers' own answers.
# Validity asks only whether some type fits, not which one, so the order is free: the
# types most numbers are come first.
_NUMBER_TYPES = (
    "fixed_line",
    "mobile",
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
)


class _Desc(NamedTuple):
    lengths: frozenset[int]
    pattern: re.Pattern[str]

    def fits(self, national: str) -> bool:
        if self.lengths and len(national) not in self.lengths:
            return False
        return self.pattern.fullmatch(national) is not None


def _desc(desc: Any) -> _Desc | None:
    # A missing description or an empty pattern fits nothing (``_is_number_matching_desc``).
    if desc is None or not desc.national_number_pattern:
        return None
    return _Desc(frozenset(desc.possible_length or ()), re.compile(desc.national_number_pattern))


class _RegionRules(NamedTuple):
    leading: re.Pattern[str] | None
    general: _Desc | None
    types: tuple[_Desc, ...]

    def known(self, national: str) -> bool:
        """``number_type`` is not UNKNOWN."""
        if self.general is None or not self.general.fits(national):
            return False
        return any(desc.fits(national) for desc in self.types)


class _CallingCodeRules(NamedTuple):
    code: int
    regions: tuple[_RegionRules, ...]
    formats: tuple[tuple[re.Pattern[str] | None, re.Pattern[str], str], ...]

    def valid(self, national: str) -> bool:
        if len(self.regions) == 1:
            return self.regions[0].known(national)
        for region in self.regions:
            if region.leading is not None:
                if region.leading.match(national):
                    return region.known(national)
            elif region.known(national):
                return True
        return False

    def international(self, national: str) -> tuple[str, str]:
        if not self.valid(national):
            return "", "invalid_phone"
        formatted = national
        for leading, pattern, rule in self.formats:
            if (leading is None or leading.match(national)) and pattern.fullmatch(national):
                formatted = pattern.sub(rule, national)
                break
        return f"+{self.code} {formatted}", ""


@functools.cache
def _calling_code_rules(code: int) -> _CallingCodeRules:
    regions = []
    for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[code]:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
        if metadata is None:
            continue
        names: tuple[str, ...] = _NUMBER_TYPES
        if metadata.same_mobile_and_fixed_line_pattern:
            # phonenumbers then asks only the fixed-line description.
            names = tuple(n for n in names if n != "mobile")
        types = tuple(d for d in (_desc(getattr(metadata, n)) for n in names) if d is not None)
        leading = None if metadata.leading_digits is None else re.compile(metadata.leading_digits)
        regions.append(_RegionRules(leading, _desc(metadata.general_desc), types))
    main = phonenumbers.region_code_for_country_code(code)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(code, main.upper())
    assert metadata is not None
    formats = []
    for number_format in metadata.intl_number_format or metadata.number_format:
        ld, pattern, rule = (
            number_format.leading_digits_pattern,
            number_format.pattern,
            number_format.format,
        )
        assert pattern is not None and rule is not None  # every format has both
        formats.append((re.compile(ld[-1]) if ld else None, re.compile(pattern), rule))
    return _CallingCodeRules(code, tuple(regions), tuple(formats))
