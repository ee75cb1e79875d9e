"""Names of the languages a transcript or a statement can be in, in Fasit's own
catalogs. Django's names are not used for these: it calls bokmål "Norwegian Bokmal"
and leaves it untranslated in sv, nb and da."""

from __future__ import annotations

from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {
    "nb": _("Norwegian (bokmål)"),
    "nn": _("Norwegian (nynorsk)"),
    "no": _("Norwegian"),
    "sv": _("Swedish"),
    "da": _("Danish"),
    "en": _("English"),
    "fi": _("Finnish"),
    "is": _("Icelandic"),
    "fo": _("Faroese"),
    "de": _("German"),
    "nl": _("Dutch"),
    "fr": _("French"),
    "es": _("Spanish"),
    "it": _("Italian"),
    "pl": _("Polish"),
    "et": _("Estonian"),
    "lv": _("Latvian"),
    "lt": _("Lithuanian"),
    "ru": _("Russian"),
    "uk": _("Ukrainian"),
}


def language_name(code: str) -> str:
    """The language's name in the active language; Django's name for a language Fasit
    does not list, the code itself for one nobody knows."""
    if code in LANGUAGE_NAMES:
        return str(LANGUAGE_NAMES[code])
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
