"""Dates, times and numbers for people, in the active language's one format
(``fasit/formats``). Templates use the filters built on these (``fasit`` builtins:
``day``, ``moment``, ``day_month``, ``number``, ``money``, ``pct``); Python code that writes
text for a person (e-mails, messages, chart tooltips, choice labels) calls them
directly. Machine-facing output stays ISO 8601."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import formats, timezone, translation

NBSP = "\xa0"


def _local_date(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def format_date(value: dt.date | dt.datetime | None) -> str:
    """5 Dec 2026 · 2026-12-05 · 05.12.2026 (en · sv · nb/da)."""
    if value is None:
        return ""
    return formats.date_format(_local_date(value), "SHORT_DATE_FORMAT")


def format_datetime(value: dt.datetime | None) -> str:
    """The date as ``format_date`` and the 24-hour time, in the user's time zone."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "SHORT_DATETIME_FORMAT")


def format_day_month(value: dt.date | dt.datetime | None) -> str:
    """A day without its year (birthdays, name days): 5 Dec · 5 dec · 5. des."""
    if value is None:
        return ""
    return formats.date_format(_local_date(value), "MONTH_DAY_FORMAT")


def format_month(value: dt.date | None) -> str:
    """December 2026 (chart axes and monthly tables)."""
    if value is None:
        return ""
    return formats.date_format(value, "YEAR_MONTH_FORMAT")


# A month on a chart axis, where "December 2026" does not fit: Dec 26 · dec 26. Not one of
# Django's named formats, so kept here per language.
AXIS_MONTH = {"en": "M y"}
AXIS_MONTH_DEFAULT = "b y"  # sv, nb, da write month abbreviations in lower case


def format_axis_month(value: dt.date | None) -> str:
    if value is None:
        return ""
    language = (translation.get_language() or "en").split("-")[0]
    return formats.date_format(value, AXIS_MONTH.get(language, AXIS_MONTH_DEFAULT))


def format_number(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """7,000,000 · 7 000 000 · 7.000.000; ``decimals`` places, rounded."""
    if value is None:
        return ""
    rounded = round(Decimal(str(value)), decimals)
    return formats.number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)


#: Languages that set a space before the per cent sign (Språkrådet, Språkrådet (NO),
#: Dansk Sprognævn); English writes it straight after the number.
PERCENT_SPACED = frozenset({"sv", "nb", "da"})


def format_percent(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """43% · 43 % (a no-break space in sv, nb and da, so the sign never wraps alone)."""
    if value is None:
        return ""
    language = (translation.get_language() or "en").split("-")[0]
    space = NBSP if language in PERCENT_SPACED else ""
    return f"{format_number(value, decimals)}{space}%"


def format_money(value: int | float | Decimal | None, currency: str = "") -> str:
    """A whole amount and its currency code, kept on one line: 7,000,000 NOK."""
    if value is None:
        return ""
    number = format_number(value)
    return f"{number}{NBSP}{currency}" if currency else number
