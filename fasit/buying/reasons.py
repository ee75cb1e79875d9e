"""The engine's reason codes as translated sentences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from fasit.engine.buying import Reason


def _date(value: object) -> str:
    if not value:
        return ""
    return date_format(dt.date.fromisoformat(str(value)), "SHORT_DATE_FORMAT")


def reason_text(reason: Reason, *, date: Callable[[object], str] = _date) -> str:
    """The reason as a sentence in the active language; ``date`` writes its dates."""
    p = reason.as_dict()
    code = reason.code
    if code == "stalled":
        if p["from_history"]:
            return (
                _(
                    "In “%(stage)s” for %(days)s days; buyers in this category usually move on "
                    "after %(median)s days (median)."
                )
                % p
            )
        return (
            _(
                "In “%(stage)s” for %(days)s days; the template expects about %(median)s days "
                "(too little history in this category for a median yet)."
            )
            % p
        )
    if code == "no_motive":
        return _("No buying motive recorded: we do not know why they would change.")
    if code == "no_consensus":
        return (
            _(
                "A buying group of %(size)s people without consensus: %(in_favour)s for, "
                "%(against)s against."
            )
            % p
        )
    if code == "no_decision_maker":
        return _("Nobody in the buying group is known to be the decision maker.")
    if code == "decision_maker_silent":
        if p["last_contact"]:
            return _(
                "No conversation with the decision maker (%(names)s) in the last %(days)s "
                "days; the last was on %(date)s."
            ) % {**p, "date": date(p["last_contact"])}
        return _("No conversation with the decision maker (%(names)s) yet.") % p
    if code == "conflicting_stances":
        return _("The buying group is split: %(in_favour)s for, %(against)s against.") % p
    if code == "conflicting_motives":
        return _(
            "Motives pull both ways: some people want change, others want to keep things "
            "as they are."
        )
    if code == "probability_ahead":
        return (
            _(
                "The forecast says %(probability)s%%, %(ahead)s points above the "
                "%(supported)s%% that the customer's stage “%(stage)s” (stage %(number)s of "
                "%(total)s) supports; a forecast more than %(margin)s points ahead is a gap."
            )
            % p
        )
    if code == "close_passed":
        return ngettext(
            "The expected close date %(close)s has passed, and the customer still has "
            "%(stages_left)s stage to go from “%(stage)s”.",
            "The expected close date %(close)s has passed, and the customer still has "
            "%(stages_left)s stages to go from “%(stage)s”.",
            int(p["stages_left"]),
        ) % {**p, "close": date(p["close"])}
    if code == "close_too_soon":
        return ngettext(
            "The forecast closes on %(close)s, but the %(stages_left)s stage left from "
            "“%(stage)s” usually takes %(median_days)s days (median); not plausible before "
            "%(earliest)s.",
            "The forecast closes on %(close)s, but the %(stages_left)s stages left from "
            "“%(stage)s” usually take %(median_days)s days (medians); not plausible before "
            "%(earliest)s.",
            int(p["stages_left"]),
        ) % {**p, "close": date(p["close"]), "earliest": date(p["earliest"])}
    return code


class ReasonTexts:
    """``reason_text`` for the many reasons of one report, in the language active while
    it is used: each distinct reason's sentence and each date is made once. At scale
    100 a report has ~6,000 reasons, ~2,400 of them distinct, with ~1,300 dates (last
    contacts, close dates) of far fewer days; a date's localised format cost more than
    the rest of its sentence."""

    def __init__(self) -> None:
        self._texts: dict[Reason, str] = {}
        self._dates: dict[object, str] = {}

    def _date(self, value: object) -> str:
        found = self._dates.get(value)
        if found is None:
            found = self._dates[value] = _date(value)
        return found

    def __call__(self, reason: Reason) -> str:
        found = self._texts.get(reason)
        if found is None:
            found = self._texts[reason] = reason_text(reason, date=self._date)
        return found
