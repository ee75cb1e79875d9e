"""The team's currency and the exchange rates its owner sets.

Revenue at risk is ranked and summed in the team's currency, so 1,462,000 SEK no
longer outranks 1,068,000 DKK (about 1,550,000 SEK). Rates are kept as units per euro,
the way central banks publish them, so changing the team's currency needs no new
table. Until an owner sets their own, ``DEFAULT_RATES`` applies, with its date shown.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CURRENCIES = ("NOK", "SEK", "DKK", "EUR", "USD", "GBP")

#: Units per euro: the European Central Bank's euro foreign exchange reference rates of
#: 8 May 2026, as published in https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml
#: (Cube time='2026-05-08'), unrounded. A default to start from, not a quote: owners set
#: their own in Settings, and the pages say which date's rates they used.
DEFAULT_RATES: dict[str, Decimal] = {
    "EUR": Decimal("1"),
    "NOK": Decimal("10.8215"),
    "SEK": Decimal("10.8420"),
    "DKK": Decimal("7.4726"),
    "USD": Decimal("1.1761"),
    "GBP": Decimal("0.86410"),
}
DEFAULT_RATES_DATE = dt.date(2026, 5, 8)


def team_rates(team: Any) -> dict[str, Decimal]:
    """Units per euro for every known currency: the team's own where set."""
    rates = dict(DEFAULT_RATES)
    for code, value in (getattr(team, "exchange_rates", None) or {}).items():
        rates[code] = Decimal(str(value))
    return rates


def rates_date(team: Any) -> dt.date:
    return getattr(team, "exchange_rates_on", None) or DEFAULT_RATES_DATE


def convert(
    amount: Decimal | None, currency: str, to: str, rates: dict[str, Decimal]
) -> Decimal | None:
    """``amount`` in ``currency`` as whole units of ``to``; None when either rate is
    unknown (such an amount is ranked by its own figure, and said to be)."""
    if amount is None:
        return None
    if currency == to or not currency:
        return amount
    if currency not in rates or to not in rates:
        return None
    value = Decimal(amount) / rates[currency] * rates[to]
    return value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)
