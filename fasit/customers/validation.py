"""Normalising and validating identifiers with maintained libraries."""

from __future__ import annotations

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.dk import cvr
from stdnum.fi import ytunnus
from stdnum.no import orgnr as no_orgnr
from stdnum.se import orgnr as se_orgnr

_ORG_VALIDATORS = {"NO": no_orgnr, "SE": se_orgnr, "DK": cvr, "FI": ytunnus}
_ORG_NAMES = {
    "NO": "organisasjonsnummer",
    "SE": "organisationsnummer",
    "DK": "CVR-nummer",
    "FI": "Y-tunnus",
}


def clean_org_number(value: str, country: str) -> str:
    """Return the number in its country's usual format, or raise a clear error."""
    value = (value or "").strip()
    if not value:
        return ""
    module = _ORG_VALIDATORS.get(country)
    if module is None:
        raise ValidationError(_("Organisation numbers can be checked for NO, SE, DK and FI only."))
    try:
        compact = module.validate(value)
    except stdnum_exceptions.InvalidChecksum:
        raise ValidationError(
            _("%(value)s is not a valid %(kind)s: the check digit is wrong.")
            % {"value": value, "kind": _ORG_NAMES[country]}
        ) from None
    except stdnum_exceptions.InvalidLength:
        raise ValidationError(
            _("%(value)s is not a valid %(kind)s: it has the wrong number of digits.")
            % {"value": value, "kind": _ORG_NAMES[country]}
        ) from None
    except stdnum_exceptions.ValidationError:
        raise ValidationError(
            _("%(value)s is not a valid %(kind)s.") % {"value": value, "kind": _ORG_NAMES[country]}
        ) from None
    return str(module.format(compact)) if hasattr(module, "format") else str(compact)


def clean_phone(value: str, country: str) -> str:
    """Normalise to international format (+47 22 33 44 55), or raise a clear error."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, country or None)
    except phonenumbers.NumberParseException:
        raise ValidationError(_("%(value)s is not a phone number.") % {"value": value}) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("%(value)s is not a valid phone number for %(country)s.")
            % {"value": value, "country": country}
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
