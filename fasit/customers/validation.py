"""Normalising and validating identifiers with maintained libraries.

The parsing is the engine's (``fasit.engine.transfer.identifiers``), so forms, the API
and imports accept the same forms of a number — the national number, its VAT form
(``NO 923 609 016 MVA``, ``SE556012579001``, ``DK24256790``, ``FI01120389``), the
12-digit Swedish form (``16556012-5790``) or ``CVR 24256790`` — and store it the same
way. This module words the engine's error codes for people.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from fasit.engine.transfer.identifiers import (
    ORG_NUMBER_NAMES,
    IdentifierError,
    normalise_phone,
    parse_org_number,
)


def _country_name(code: str) -> str:
    from fasit.customers.models import Country

    return str(dict(Country.choices).get(code, code))


def identifier_message(code: str, params: Mapping[str, str]) -> str:
    """The sentence for an identifier error code of the engine."""
    values = dict(params)
    if "kind" not in values and "country" in values:
        values["kind"] = ORG_NUMBER_NAMES.get(values["country"], _("organisation number"))
    values.setdefault("kind", _("organisation number"))
    for key in ("country", "named"):
        if key in values:
            values[f"{key}_name"] = _country_name(values[key])
    messages = {
        "checksum": _("%(value)s is not a valid %(kind)s: the check digit is wrong."),
        "length": _("%(value)s is not a valid %(kind)s: it has the wrong number of digits."),
        "invalid": _("%(value)s is not a valid %(kind)s."),
        "country_mismatch": _(
            "%(value)s is an organisation number of %(named_name)s, but the country is "
            "%(country_name)s."
        ),
        "unknown_country": _("Organisation numbers can be checked for NO, SE, DK and FI only."),
        "ambiguous": _(
            "%(value)s fits the registers of more than one country; give the country."
        ),
        "not_a_phone": _("%(value)s is not a phone number."),
        "invalid_phone": _("%(value)s is not a valid phone number for %(country)s."),
    }
    return messages.get(code, _("%(value)s is not valid.")) % values


def clean_org_number(value: str, country: str) -> str:
    """Return the number in its country's usual format, or raise a clear error."""
    try:
        found = parse_org_number(value, country or None)
    except IdentifierError as exc:
        raise ValidationError(identifier_message(exc.code, exc.params)) from None
    return found.number if found else ""


def clean_phone(value: str, country: str) -> str:
    """Normalise to international format (+47 22 33 44 55), or raise a clear error."""
    try:
        return normalise_phone(value, country)
    except IdentifierError as exc:
        raise ValidationError(identifier_message(exc.code, exc.params)) from None
