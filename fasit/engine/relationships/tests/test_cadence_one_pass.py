"""``assess_account`` reads an account's contacts once (``_account_components``); here is
the assessment as it was built before, from the parts each walking the contacts again
(``_components`` at today and a trend earlier, ``coverage``, ``our_share``,
``monthly_counts``), and the two must agree on every field for any facts."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from fasit.engine.relationships.cadence import (
    BREADTH_NORMS,
    KEY_ROLES,
    RECIPROCITY_DAYS,
    STILL_ACTIVE_DAYS,
    TREND_DAYS,
    TREND_STEP,
    AccountAssessment,
    AccountFacts,
    Alert,
    Components,
    Contact,
    GoingDark,
    PersonOnRecord,
    _at_risk,
    _contact_people,
    _last_ours,
    _next_step,
    _roles,
    assess_account,
    breadth,
    coverage,
    frequency,
    health_score,
    listening,
    monthly_counts,
    our_share,
    recency,
    reciprocity,
    trend_of,
)
from fasit.engine.relationships.tests.test_cadence import TODAY, _random_facts


def _reference_components(facts: AccountFacts, today: dt.date) -> tuple[Components, dt.date | None]:
    last = _last_ours(facts.contacts, today, facts.last_our_contact)
    days = (today - last).days if last else None
    return (
        Components(
            recency=recency(days, facts.norm_days),
            frequency=frequency(facts.contacts, today=today, norm_days=facts.norm_days),
            reciprocity=reciprocity(facts.contacts, today=today),
            breadth=breadth(facts, today=today),
            listening=listening(facts.contacts, today=today),
        ),
        last,
    )


def reference_assess_account(facts: AccountFacts, *, today: dt.date) -> AccountAssessment:
    components, last = _reference_components(facts, today)
    score = health_score(components)
    before_components, _ = _reference_components(facts, today - dt.timedelta(days=TREND_DAYS))
    before = health_score(before_components)
    days = (today - last).days if last else None
    roles = _roles(facts.people)

    going_dark = None
    if days is None or days > facts.norm_days:
        window_start = today - dt.timedelta(days=STILL_ACTIVE_DAYS)
        if last is not None and last > window_start:
            window_start = last
        still = {
            p
            for c in facts.contacts
            if c.theirs and window_start <= c.on <= today
            for p in c.people
            if p in roles
        }
        going_dark = GoingDark(
            days_since_our_contact=days,
            norm_days=facts.norm_days,
            days_behind=days - facts.norm_days if days is not None else None,
            since=last + dt.timedelta(days=facts.norm_days) if last else None,
            people_still_in_contact=len(still),
            people_on_record=len(roles),
        )

    cov = coverage(facts, today=today)
    alerts: list[Alert] = []
    if going_dark is not None:
        if going_dark.days_since_our_contact is None:
            alerts.append(
                Alert(
                    "never_contacted",
                    norm_days=facts.norm_days,
                    count=going_dark.people_still_in_contact,
                    total=len(roles),
                )
            )
        else:
            alerts.append(
                Alert(
                    "going_dark",
                    days=going_dark.days_since_our_contact,
                    norm_days=facts.norm_days,
                    count=going_dark.people_still_in_contact,
                    total=len(roles),
                    since=going_dark.since,
                )
            )
    ours, total = our_share(facts.contacts, today=today)
    if total >= 3 and ours / total < 0.3:
        alerts.append(Alert("one_sided", count=ours, total=total, days=RECIPROCITY_DAYS))
    window = BREADTH_NORMS * facts.norm_days
    reached = _contact_people(facts.contacts, today - dt.timedelta(days=window), today)
    silent_roles = []
    for role in KEY_ROLES:
        holders = [p for p, r in roles.items() if r == role]
        if holders and not any(p in reached for p in holders):
            silent_roles.append(role)
            alerts.append(Alert("role_silent", role=role, days=window, count=len(holders)))
    if score <= before - TREND_STEP and going_dark is None:
        alerts.append(Alert("declining", count=before, total=score, days=TREND_DAYS))

    next_step = _next_step(facts, going_dark, silent_roles, alerts, today)
    risk = round((100 - score) / 100, 2)
    at_risk = _at_risk(facts.revenue, risk)
    ours_m, theirs_m = monthly_counts(facts.contacts, today=today)
    their_dates = [c.on for c in facts.contacts if c.theirs and c.on <= today]
    return AccountAssessment(
        account_id=facts.account_id,
        norm_days=facts.norm_days,
        last_our_contact=last,
        days_since_our_contact=days,
        last_their_contact=max(their_dates) if their_dates else None,
        going_dark=going_dark,
        coverage=cov,
        components=components,
        health=score,
        health_before=before,
        trend=trend_of(score, before),
        risk=risk,
        revenue_at_risk=at_risk,
        monthly_ours=ours_m,
        monthly_theirs=theirs_m,
        alerts=tuple(alerts),
        next_step=next_step,
    )


def _edge_facts() -> list[AccountFacts]:
    """Contacts on the exact edges of each window (today, a trend back, the norm,
    three norms, 90, 180 and 180+30 days, the months), ahead of today, and the
    fallback last contact on and around the trend's day."""
    edges = sorted(
        {0, 1, 13, 14, 15, 29, 30, 31, 41, 42, 43, 44, 45, 46, 89, 90, 91, 119, 120, 121}
        | {134, 135, 136, 179, 180, 181, 209, 210, 211, 269, 270, 271, 300, 365, 366, -1, -30}
    )
    result: list[AccountFacts] = []
    for norm in (14, 45, 90):
        for kind, by, replied in (
            ("call", "us", False),
            ("coffee", "customer", False),
            ("email", "us", True),
            ("email", "customer", False),
        ):
            for fallback in (None, 29, 30, 31, 400):
                people = (
                    PersonOnRecord(1, "decision_maker"),
                    PersonOnRecord(2, "champion"),
                    PersonOnRecord(3, ""),
                )
                contacts = tuple(
                    Contact(
                        TODAY - dt.timedelta(days=d),
                        kind,
                        by,
                        replied,
                        people=(1 + d % 3,),
                        listening=(d % 5) / 5 if d % 2 else None,
                    )
                    for d in edges
                )
                result.append(
                    AccountFacts(
                        len(result),
                        "customer",
                        norm,
                        people,
                        contacts,
                        last_our_contact=TODAY - dt.timedelta(days=fallback) if fallback else None,
                    )
                )
    return result


@pytest.mark.parametrize("today", [TODAY, dt.date(2028, 2, 29), dt.date(2027, 1, 3)])
def test_one_pass_assessment_equals_the_parts(today: dt.date) -> None:
    rng = random.Random(18)
    shift = today - TODAY
    facts = [_random_facts(rng, i) for i in range(2000)] + _edge_facts()
    facts = [
        AccountFacts(
            f.account_id,
            f.tier,
            f.norm_days,
            f.people,
            tuple(
                Contact(
                    c.on + shift, c.kind, c.initiated_by, c.customer_replied, c.people, c.listening
                )
                for c in f.contacts
            ),
            f.last_our_contact + shift if f.last_our_contact else None,
            f.revenue,
        )
        for f in facts
    ]
    got = [assess_account(f, today=today) for f in facts]
    assert got == [reference_assess_account(f, today=today) for f in facts]
    # The draw reaches the cases that take branches of their own.
    codes = {a.code for r in got for a in r.alerts}
    assert codes == {"never_contacted", "going_dark", "one_sided", "role_silent", "declining"}
    assert {r.trend for r in got} == {"up", "down", "flat"}
    assert any(r.components.listening is not None for r in got)
    assert any(r.last_their_contact is not None for r in got)
