"""The engine's problem codes in the user's language."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _

from fasit.customers.validation import identifier_message
from fasit.engine.transfer.reading import ReadError


def problem_message(code: str, params: Mapping[str, str]) -> str:
    values = dict(params)
    if code.startswith("org_"):
        return identifier_message(code[4:], values)
    if code in {"not_a_phone", "invalid_phone"}:
        return identifier_message(code, values)
    messages = {
        "required": _("A value is needed here."),
        "too_long": _("Longer than the %(limit)s characters allowed."),
        "email": _("%(value)s is not an e-mail address."),
        "country": _("%(value)s is not a country Fasit knows (Norway, Sweden, Denmark, Finland)."),
        "date": _("%(value)s is not a date (use 2024-05-17 or 17.05.2024)."),
        "amount": _("%(value)s is not an amount."),
        "control": _(
            "Remove the control characters (a NUL byte, line break, tab or similar) "
            "from this field."
        ),
        "future": _("%(value)s is in the future."),
        "birth_year": _("%(value)s: a year of birth is between %(first)s and %(last)s."),
        "domain": _("%(value)s is not a web domain."),
        "tier": _("%(value)s is not a tier (key account, customer or prospect)."),
        "buying_role": _("%(value)s is not a buying role."),
        "vcard_unreadable": _("This contact card cannot be read."),
        "vcard_unterminated": _("This contact card has no END:VCARD."),
        "account_not_found": _(
            "No account with the id %(value)s in this import or in the team; import the "
            "accounts first, or in the same run."
        ),
        "parent_not_found": _("No account %(value)s to be the corporate group."),
        "parent_cycle": _("%(value)s would be its own corporate group."),
    }
    template = messages.get(code)
    if template is None:
        return code
    try:
        return template % values
    except (KeyError, ValueError):
        return template


def read_error_message(error: ReadError) -> str:
    values = dict(error.params)
    messages = {
        "empty": _("The file is empty."),
        "no_header": _("The file has no header row with column names."),
        "encoding": _(
            "Line %(line)s has characters that are not %(encoding)s; save the file as UTF-8."
        ),
        "csv": _("Line %(line)s cannot be read as CSV: %(detail)s"),
        "sheet": _("The spreadsheet cannot be read: %(detail)s"),
        "duplicate_header": _("Two columns are called %(column)s; give each column its own name."),
        "unsupported": _(
            "Fasit reads CSV, Excel (.xlsx, .xls), OpenDocument (.ods) and vCard files."
        ),
    }
    values["line"] = str(error.line)
    template = messages.get(error.code, _("The file cannot be read."))
    try:
        return template % values
    except (KeyError, ValueError):
        return template
