"""Cards from this app shown on other apps' pages (person, account, home), so their
views need no changes, and small helpers for the app's own templates."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from fasit.capture.selectors import next_meetings
from fasit.core.cache import team_cached
from fasit.core.formatting import format_number
from fasit.customers.models import Account, Person
from fasit.engine.relationships.cadence import HEALTH_WEIGHTS, sparkline_points
from fasit.relationships import explain, going_dark, selectors

register = template.Library()

HOME_DAYS = 14
HOME_LIMIT = 8


def _team(context: template.Context) -> Any:
    request = context.get("request")
    return getattr(request, "team", None)


@register.inclusion_tag("relationships/_person_knowledge.html", takes_context=True)
def person_knowledge_card(
    context: template.Context, person: Person, oob: bool = False
) -> dict[str, Any]:
    """``oob``: rendered after a change to the profile, as an htmx out-of-band swap
    that replaces the card on the page (the score and its gaps follow the change)."""
    today = timezone.localdate()
    team = _team(context)
    if team is None or person.team_id != team.pk:
        return {"hidden": True}
    knowledge = selectors.person_knowledge_for(person, today=today)
    norm, source = selectors.person_norm(person)
    return {
        "person": person,
        "knowledge": knowledge,
        "gaps": explain.knowledge_gaps(knowledge, selectors.mapping.first_name(person.name)),
        "health": selectors.person_being_on(person, today=today),
        "norm": norm,
        "norm_source": source,
        "dates": selectors.person_dates(person, today=today)[:4],
        "oob": oob,
        "can_write": context.get("can_write", False),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("relationships/_account_relationship.html", takes_context=True)
def account_relationship_card(context: template.Context, account: Account) -> dict[str, Any]:
    today = timezone.localdate()
    team = _team(context)
    if team is None or account.team_id != team.pk:
        return {"hidden": True}
    row = selectors.account_being_on(account, today=today)
    knowledge_row = selectors.account_knowledge_rows(team, [account], today=today)[0]
    norm, source = selectors.account_norm(account)
    a = row.assessment
    booked = next_meetings(team, [account.pk])
    gaps = [_role_gap(role) for role in knowledge_row.knowledge.missing_roles] + [
        _role_not_known(role) for role in knowledge_row.knowledge.roles_not_known_well
    ]
    return {
        "account": account,
        "row": row,
        "a": a,
        "knowledge": knowledge_row.knowledge,
        "gaps": gaps,
        "alerts": [
            explain.alert_sentence(alert, account.name, booked=booked.get(account.pk))
            for alert in a.alerts
        ],
        "next_step": explain.next_step_sentence(
            a.next_step.code, row.next_person_name, a.next_step.role
        ),
        "norm": norm,
        "norm_source": source,
        "can_write": context.get("can_write", False),
        "csrf_token": context.get("csrf_token"),
    }


def _role_gap(role: str) -> str:
    return _("No %(role)s on record.") % {"role": explain.role_label(role).lower()}


def _role_not_known(role: str) -> str:
    return _("Nobody in the %(role)s role is known well.") % {
        "role": explain.role_label(role).lower()
    }


def _home_owner(context: template.Context) -> Any:
    """Whose accounts the home cards are about: the user's own, or — for a sales
    manager or anyone who owns no accounts — the whole team's (None). The home view
    looks it up once for all its cards (``home_owner`` in the context)."""
    if "home_owner" in context:
        return context["home_owner"]
    user = getattr(context.get("request"), "user", None)
    team = _team(context)
    if user is None or not Account.objects.for_team(team).filter(owner=user).exists():
        return None
    return user


@register.inclusion_tag("relationships/_home_dates.html", takes_context=True)
def upcoming_dates_card(context: template.Context) -> dict[str, Any]:
    owner = _home_owner(context)
    team = _team(context)

    def card() -> dict[str, Any]:
        rows, total = selectors.upcoming_dates_head(
            team, today=timezone.localdate(), days=HOME_DAYS, user=owner, shown=HOME_LIMIT
        )
        return {
            "rows": rows,
            "more": max(0, total - HOME_LIMIT),
            "days": HOME_DAYS,
            "team_wide": owner is None,
        }

    # A team-wide card looks at every person's dates and name days: once per change of
    # the people's data (a logged conversation leaves it as it was).
    return team_cached(team, f"home-dates:{owner.pk if owner else 'team'}", card, area="people")


@register.inclusion_tag("relationships/_home_going_dark.html", takes_context=True)
def going_dark_card(context: template.Context) -> dict[str, Any]:
    owner = _home_owner(context)
    team = _team(context)
    today = timezone.localdate()

    def card() -> dict[str, Any]:
        if team is None:
            return {"rows": [], "more": 0, "team_wide": owner is None}
        # Ranked and counted by the database from today's stored snapshots
        # (``going_dark.DarkStandings``, Being on's ``Standings`` counting only what the
        # card shows): only the accounts shown are read. Ranking every going-dark
        # account in Python (~1,900 at --scale 100) was the largest part of a cold
        # home page.
        standings = going_dark.DarkStandings(team, today=today, owner=owner)
        shown = standings.window(0, HOME_LIMIT, going_dark=True)
        # Kept from one version of the team's data to the next (``memo.py``): a logged
        # conversation assesses its own account again, not the others shown.
        rows = sorted(
            going_dark.kept_card_rows(team, shown, today=today).values(),
            key=selectors.risk_order,
        )
        return {
            # Assessed again just now: keep those the fresh result still finds going dark.
            "rows": [r for r in rows if r.assessment.going_dark],
            "more": max(0, standings.going_dark - HOME_LIMIT),
            "team_wide": owner is None,
        }

    return team_cached(team, f"home-going-dark:{owner.pk if owner else 'team'}", card)


@register.simple_tag
def sparkline(
    ours: tuple[int, ...], theirs: tuple[int, ...], width: int = 120, height: int = 28
) -> SafeString:
    """Monthly real contacts as inline SVG: ours solid, the customer's dashed."""
    top = max(max(ours, default=0), max(theirs, default=0)) or 1
    scaled_ours = sparkline_points(tuple(ours) + (top,), width=width, height=height).split()[:-1]
    scaled_theirs = sparkline_points(tuple(theirs) + (top,), width=width, height=height).split()[
        :-1
    ]
    # The extra point pins both lines to one scale; it is dropped again, and the x
    # step is corrected by drawing in a viewBox one step wider.
    step = width / len(ours) if ours else width
    label = " / ".join(str(v) for v in ours)
    return format_html(
        '<svg class="sparkline" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{label}">'
        '<polyline fill="none" stroke="#98a2b3" stroke-width="1.5" stroke-dasharray="3 2" points="{theirs}"/>'
        '<polyline fill="none" stroke="#1f5eff" stroke-width="2" points="{ours}"/></svg>',
        w=round(width - step, 1),
        h=height,
        label=label,
        theirs=" ".join(scaled_theirs),
        ours=" ".join(scaled_ours),
    )


@register.simple_tag
def bar(part: int, whole: int, width: int = 100) -> SafeString:
    share = part / whole if whole else 0
    return format_html(
        '<span class="bar" style="width:{w}px" title="{p} / {t}"><span style="width:{f}%"></span></span>',
        w=width,
        p=part,
        t=whole,
        f=round(share * 100),
    )


@register.filter
def arrow(trend: str) -> str:
    return explain.TREND_ARROWS.get(trend, "")


@register.filter
def role_label(role: str) -> str:
    return explain.role_label(role)


@register.filter
def kind_label(kind: str) -> str:
    return explain.kind_label(kind)


@register.filter
def days_ago(day: Any) -> int | None:
    """Whole days from ``day`` to the user's today."""
    return None if day is None else (timezone.localdate() - day).days


@register.filter
def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}"


@register.filter
def health_class(score: int) -> str:
    return "good" if score >= 70 else "warn" if score >= 40 else "bad"


@register.filter
def money(value: Any) -> str:
    """A whole amount in the language's one number format (core.formatting)."""
    return "—" if value is None else format_number(value)


@register.simple_tag
def component_rows(components: Any) -> list[tuple[str, float | None, int]]:
    present = components.present()
    return [
        (str(explain.COMPONENT_LABELS[k]), present.get(k), w) for k, w in HEALTH_WEIGHTS.items()
    ]


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.filter
def part_label(part: str) -> str:
    return str(explain.PART_LABELS.get(part, part))


_PART_LISTS: dict[tuple[str, tuple[str, ...]], str] = {}


@register.filter
def part_labels(parts: tuple[str, ...]) -> str:
    """The parts' labels, comma-separated. Key accounts list the missing parts of some
    600 people per page, a few dozen distinct lists: each is translated once per
    language and process."""
    key = (translation.get_language() or "", tuple(parts))
    try:
        return _PART_LISTS[key]
    except KeyError:
        joined = _PART_LISTS[key] = ", ".join(part_label(p) for p in parts)
        return joined


@register.simple_tag
def next_step(row: Any) -> str:
    step = row.assessment.next_step
    return explain.next_step_sentence(step.code, row.next_person_name, step.role)
