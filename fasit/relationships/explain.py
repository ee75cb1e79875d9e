"""Sentences: every alert, gap and next step in words a seller can act on.

The engine returns codes and numbers; the words live here so they are translated."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from fasit.core.formatting import format_day_month
from fasit.customers.models import BuyingRole
from fasit.engine.relationships.cadence import Alert
from fasit.engine.relationships.knowledge import PersonKnowledge

PART_LABELS = {
    "family": gettext_lazy("family"),
    "interests": gettext_lazy("interests"),
    "what_matters": gettext_lazy("what matters to them"),
    "dates": gettext_lazy("important dates"),
    "recent_note": gettext_lazy("a recent personal note"),
    "meeting": gettext_lazy("preferred way to meet"),
}
KIND_LABELS = {
    "birthday": gettext_lazy("Birthday"),
    "work_anniversary": gettext_lazy("Work anniversary"),
    "name_day": gettext_lazy("Name day"),
    "other": gettext_lazy("Special day"),
    "life_event": gettext_lazy("Life event"),
}
TREND_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
COMPONENT_LABELS = {
    "recency": gettext_lazy("Recency against the norm"),
    "frequency": gettext_lazy("Frequency and its trend"),
    "reciprocity": gettext_lazy("Reciprocity (who initiates)"),
    "breadth": gettext_lazy("Breadth across buying roles"),
    "listening": gettext_lazy("Listening quality"),
}


#: built once: ``BuyingRole.choices`` walks the enum on every call, and key accounts
#: label some 300 roles per page
_ROLE_LABELS = dict(BuyingRole.choices)


def role_label(role: str) -> str:
    label = _ROLE_LABELS.get(role)
    return str(label) if label is not None else _("no buying role")


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


def _missing_sentence(part: str, name: str) -> str:
    sentences = {
        "family": _("You know nothing about %(name)s's family."),
        "interests": _("You know nothing about %(name)s's interests."),
        "what_matters": _("You don't know what matters to %(name)s."),
        "dates": _("You know no birthday or other important date of %(name)s."),
        "recent_note": _("No personal note about %(name)s in the last year."),
        "meeting": _("You don't know how %(name)s prefers to meet."),
    }
    return sentences[part] % {"name": name}


def knowledge_gaps(knowledge: PersonKnowledge, first_name: str) -> list[str]:
    """What is missing, heaviest first, then what has grown stale."""
    parts = sorted(knowledge.parts, key=lambda p: -p.weight)
    gaps = [_missing_sentence(p.part, first_name) for p in parts if not p.known]
    gaps += [
        _("What you know about %(name)s's %(part)s is more than a year old.")
        % {"name": first_name, "part": PART_LABELS[p.part]}
        for p in parts
        if p.stale
    ]
    return gaps


def _date(value: Any) -> str:
    return date_format(value, "SHORT_DATE_FORMAT") if value else ""


def alert_sentence(alert: Alert, account_name: str, booked: Any = None) -> str:
    """``booked``: when the next meeting with the account starts, if one is in a
    captured calendar (fasit/capture): going dark is then already being acted on."""
    if alert.code == "going_dark":
        sentence = _(
            "%(account)s is going dark: we last took the initiative (a real contact we "
            "started) %(days)s days ago against a norm of %(norm)s days, %(behind)s days "
            "behind since %(since)s."
        ) % {
            "account": account_name,
            "days": alert.days,
            "norm": alert.norm_days,
            "behind": (alert.days or 0) - (alert.norm_days or 0),
            "since": _date(alert.since),
        }
        if alert.count:
            sentence += " " + ngettext(
                "Meanwhile %(count)s of its %(total)s people still reached out to us — they "
                "are busy with us, we are not with them.",
                "Meanwhile %(count)s of its %(total)s people still reached out to us — they "
                "are busy with us, we are not with them.",
                alert.count,
            ) % {"count": alert.count, "total": alert.total}
        if booked is not None:
            sentence += " " + _("A meeting is booked on %(day)s.") % {
                "day": format_day_month(timezone.localtime(booked))
            }
        return sentence
    if alert.code == "never_contacted":
        return _(
            "We have never reached out to %(account)s ourselves (norm: every %(norm)s days)."
        ) % {"account": account_name, "norm": alert.norm_days}
    if alert.code == "one_sided":
        return _(
            "Only %(ours)s of the last %(total)s real contacts in %(days)s days were our "
            "initiative; the customer is keeping this relationship going."
        ) % {"ours": alert.count, "total": alert.total, "days": alert.days}
    if alert.code == "role_silent":
        return ngettext(
            "No real contact with the %(role)s (%(count)s person) in %(days)s days.",
            "No real contact with anyone in the %(role)s role (%(count)s people) in %(days)s days.",
            alert.count or 0,
        ) % {"role": role_label(alert.role).lower(), "count": alert.count, "days": alert.days}
    if alert.code == "declining":
        return _("Health fell from %(before)s to %(now)s in the last %(days)s days.") % {
            "before": alert.count,
            "now": alert.total,
            "days": alert.days,
        }
    return alert.code


def next_step_sentence(code: str, person_name: str = "", role: str = "") -> str:
    if code == "reach_out":
        if person_name:
            return _("Reach out this week — start with %(name)s.") % {"name": person_name}
        return _("Reach out this week.")
    if code == "make_first_contact":
        if person_name:
            return _("Make the first contact — start with %(name)s.") % {"name": person_name}
        return _("Make the first contact and add the people you meet.")
    if code == "meet_role":
        return _("Meet the %(role)s%(who)s.") % {
            "role": role_label(role).lower(),
            "who": f" ({person_name})" if person_name else "",
        }
    if code == "take_initiative":
        return _("Take the initiative: propose the next meeting yourself.")
    if code == "keep_rhythm":
        return _("Keep the rhythm: book the next contact before the norm runs out.")
    return _("Keep going.")


def loyalty_prompt(segment: str, years: int) -> str:
    if segment == "loyal":
        return _(
            "A customer for %(years)s years: thank them in person, invite them to shape what "
            "comes next, and don't treat them like a new lead."
        ) % {"years": years}
    if segment == "established":
        return _("Established: widen the relationship beyond your first contacts.")
    return _("New: make the first year count — check in on how the start went.")
