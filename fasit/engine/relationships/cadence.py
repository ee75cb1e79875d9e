"""Being on: real contact, cadence norms, going dark, coverage, relationship health,
its trend, revenue at risk and the alerts that explain them.

Everything here is measured on *real contact*: a two-way conversation (meeting, coffee,
call, video call, visit, event; an e-mail only when the customer answered). Our own
activity (initiated by us) and the customer's are counted apart, because going dark is
about what *we* do: an account whose people still call us is not a relationship we
are keeping. See docs/relationships.md for the formulas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

REAL_KINDS = frozenset({"meeting", "coffee", "call", "video", "visit", "event"})
DEFAULT_NORMS: dict[str, int] = {"key": 14, "customer": 45, "prospect": 90}
MIN_NORM, MAX_NORM = 1, 730

#: component -> weight; listening is optional and the others re-weight without it.
HEALTH_WEIGHTS: dict[str, int] = {
    "recency": 35,
    "frequency": 20,
    "reciprocity": 15,
    "breadth": 15,
    "listening": 15,
}
FREQUENCY_DAYS = 90  # frequency compares the last 90 days with the 90 before
RECIPROCITY_DAYS = 180
IDEAL_OUR_SHARE = 0.6  # we start a little more than half of the real contacts
BREADTH_NORMS = 3  # a buying role is covered with real contact within 3 norms
STILL_ACTIVE_DAYS = 180  # the longest look-back for "their people still contact us"
TREND_DAYS = 30
TREND_STEP = 5
MONTHS = 12
#: roles whose silence is worth an alert of its own
KEY_ROLES = ("decision_maker", "economic_buyer")
ROLE_ORDER = ("decision_maker", "economic_buyer", "champion", "influencer", "user", "gatekeeper")


def is_real_contact(kind: str, customer_replied: bool) -> bool:
    return kind in REAL_KINDS or (kind == "email" and customer_replied)


def resolve_norm(
    tier: str,
    *,
    team_norms: Mapping[str, int] | None = None,
    account_days: int | None = None,
    person_days: int | None = None,
) -> int:
    """Person override, else account override, else the team's norm for the tier,
    else the default for the tier (key 14, customer 45, prospect 90)."""
    for days in (person_days, account_days, (team_norms or {}).get(tier)):
        if days is not None:
            return days
    return DEFAULT_NORMS.get(tier, DEFAULT_NORMS["customer"])


@dataclass(frozen=True)
class Contact:
    on: dt.date
    kind: str
    initiated_by: str  # "us" or "customer"
    customer_replied: bool = False
    people: tuple[int, ...] = ()
    #: 0..1 once the transcript's listening has been analysed, else None
    listening: float | None = None

    # Worked out once, when the contact is made: one account's assessment asks each
    # contact a dozen times (components, trend, months), which was a third of the
    # being-on rows' CPU. Not compared, hashed or shown: they follow from the fields.
    # (``cached_property`` did the same lazily, but took a lock on each first read:
    # three per contact, a tenth of assessing a page's accounts.)
    real: bool = field(init=False, repr=False, compare=False)
    ours: bool = field(init=False, repr=False, compare=False)
    theirs: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        real = is_real_contact(self.kind, self.customer_replied)
        object.__setattr__(self, "real", real)
        object.__setattr__(self, "ours", real and self.initiated_by == "us")
        object.__setattr__(self, "theirs", real and self.initiated_by == "customer")


@dataclass(frozen=True)
class PersonOnRecord:
    person_id: int
    buying_role: str = ""


@dataclass(frozen=True)
class AccountFacts:
    account_id: int
    tier: str
    norm_days: int
    people: tuple[PersonOnRecord, ...]
    #: contacts of the last year or more (enough for trend, frequency and sparkline)
    contacts: tuple[Contact, ...]
    #: our last real contact ever, which may lie before ``contacts``
    last_our_contact: dt.date | None = None
    revenue: Decimal | None = None


@dataclass(frozen=True)
class PersonFacts:
    person_id: int
    norm_days: int
    contacts: tuple[Contact, ...]
    last_our_contact: dt.date | None = None


@dataclass(frozen=True)
class GoingDark:
    days_since_our_contact: int | None  # None: we never reached out
    norm_days: int
    days_behind: int | None
    since: dt.date | None  # the day we fell behind the norm
    people_still_in_contact: int  # their people with real contact while we were quiet
    people_on_record: int


@dataclass(frozen=True)
class RoleCoverage:
    role: str
    on_record: int
    in_contact: int


@dataclass(frozen=True)
class Coverage:
    on_record: int
    in_contact: int
    roles: tuple[RoleCoverage, ...]

    @property
    def share(self) -> float:
        return self.in_contact / self.on_record if self.on_record else 0.0


@dataclass(frozen=True)
class Components:
    recency: float
    frequency: float
    reciprocity: float
    breadth: float | None = None
    listening: float | None = None

    def present(self) -> dict[str, float]:
        values = {
            "recency": self.recency,
            "frequency": self.frequency,
            "reciprocity": self.reciprocity,
            "breadth": self.breadth,
            "listening": self.listening,
        }
        return {k: v for k, v in values.items() if v is not None}


@dataclass(frozen=True)
class Alert:
    """One reason for concern; the app turns code and values into a sentence."""

    code: str
    days: int | None = None
    norm_days: int | None = None
    count: int | None = None
    total: int | None = None
    role: str = ""
    since: dt.date | None = None


@dataclass(frozen=True)
class NextStep:
    code: str  # make_first_contact, reach_out, meet_role, take_initiative, keep_rhythm, keep_going
    person_id: int | None = None
    role: str = ""


@dataclass(frozen=True)
class AccountAssessment:
    account_id: int
    norm_days: int
    last_our_contact: dt.date | None
    days_since_our_contact: int | None
    last_their_contact: dt.date | None
    going_dark: GoingDark | None
    coverage: Coverage
    components: Components
    health: int
    health_before: int
    trend: str  # "up", "down" or "flat"
    risk: float
    revenue_at_risk: Decimal | None
    monthly_ours: tuple[int, ...]
    monthly_theirs: tuple[int, ...]
    alerts: tuple[Alert, ...]
    next_step: NextStep

    @property
    def last_contact(self) -> dt.date | None:
        """The last real contact, whoever took the initiative: going dark is about
        ours, but a customer who called last week must not look forgotten."""
        dates = [d for d in (self.last_our_contact, self.last_their_contact) if d is not None]
        return max(dates) if dates else None

    @property
    def last_contact_theirs(self) -> bool:
        """Whether that last real contact was the customer's initiative."""
        last = self.last_contact
        return (
            last is not None and last == self.last_their_contact and last != self.last_our_contact
        )


@dataclass(frozen=True)
class PersonAssessment:
    person_id: int
    norm_days: int
    last_our_contact: dt.date | None
    days_since_our_contact: int | None
    behind: bool
    components: Components
    health: int
    trend: str


# -- the parts -------------------------------------------------------------------


def recency(days_since: int | None, norm_days: int) -> float:
    """1 within the norm, then linearly down to 0 at three norms; 0 for never."""
    if days_since is None:
        return 0.0
    if days_since <= norm_days:
        return 1.0
    return max(0.0, 1.0 - (days_since - norm_days) / (2 * norm_days))


def frequency(contacts: Iterable[Contact], *, today: dt.date, norm_days: int) -> float:
    """Half volume (our real contacts in the last 90 days against the 90/norm the norm
    asks for), half trend (the last 90 days against the 90 before)."""
    recent = previous = 0
    for c in contacts:
        if not c.ours or c.on > today:
            continue
        age = (today - c.on).days
        if age < FREQUENCY_DAYS:
            recent += 1
        elif age < 2 * FREQUENCY_DAYS:
            previous += 1
    return _frequency(recent, previous, norm_days)


def _frequency(recent: int, previous: int, norm_days: int) -> float:
    expected = FREQUENCY_DAYS / norm_days
    volume = min(1.0, recent / expected)
    trend = min(1.0, recent / previous) if previous else float(recent > 0)
    return (volume + trend) / 2


def our_share(contacts: Iterable[Contact], *, today: dt.date) -> tuple[int, int]:
    """(ours, all) real contacts of the last 180 days."""
    ours = total = 0
    for c in contacts:
        if c.real and c.on <= today and (today - c.on).days < RECIPROCITY_DAYS:
            total += 1
            ours += c.initiated_by == "us"
    return ours, total


def reciprocity(contacts: Iterable[Contact], *, today: dt.date) -> float:
    """1 when we start 60% of the real contacts; down to 0 when we start none, and to
    1/3 when the customer never does."""
    ours, total = our_share(contacts, today=today)
    return _reciprocity(ours, total)


def _reciprocity(ours: int, total: int) -> float:
    if not total:
        return 0.0
    return max(0.0, 1.0 - abs(ours / total - IDEAL_OUR_SHARE) / IDEAL_OUR_SHARE)


def listening(contacts: Iterable[Contact], *, today: dt.date) -> float | None:
    values = [
        c.listening
        for c in contacts
        if c.listening is not None and c.on <= today and (today - c.on).days < RECIPROCITY_DAYS
    ]
    return sum(values) / len(values) if values else None


TALK_SHARE_GOOD, TALK_SHARE_BAD = 0.43, 0.65  # Gong Labs: top performers talk ~43%
OPEN_QUESTIONS_GOOD = 11  # 11-14 questions in a discovery call
SUMMARIES_GOOD = 2


def listening_quality(
    seller_talk_share: float, open_questions: int | None = None, summaries: int | None = None
) -> float:
    """One conversation's listening quality, 0..1: half talk share (full at 43% or
    less, none from 65%), 30% open questions (full at 11), 20% summaries (full at 2).
    Missing counts are left out and the rest re-weights."""
    talk = min(
        1.0, max(0.0, (TALK_SHARE_BAD - seller_talk_share) / (TALK_SHARE_BAD - TALK_SHARE_GOOD))
    )
    parts = [(0.5, talk)]
    if open_questions is not None:
        parts.append((0.3, min(1.0, open_questions / OPEN_QUESTIONS_GOOD)))
    if summaries is not None:
        parts.append((0.2, min(1.0, summaries / SUMMARIES_GOOD)))
    return sum(w * v for w, v in parts) / sum(w for w, _v in parts)


def health_score(components: Components) -> int:
    """The weighted mean of the components that are present, 0..100."""
    present = components.present()
    weights = sum(HEALTH_WEIGHTS[k] for k in present)
    if not weights:
        return 0
    return round(100 * sum(HEALTH_WEIGHTS[k] * v for k, v in present.items()) / weights)


def trend_of(now: int, before: int) -> str:
    if now - before >= TREND_STEP:
        return "up"
    if before - now >= TREND_STEP:
        return "down"
    return "flat"


def _last_ours(
    contacts: Iterable[Contact], as_of: dt.date, fallback: dt.date | None
) -> dt.date | None:
    dates = [c.on for c in contacts if c.ours and c.on <= as_of]
    if dates:
        return max(dates)
    return fallback if fallback is not None and fallback <= as_of else None


def _roles(people: Iterable[PersonOnRecord]) -> dict[int, str]:
    return {p.person_id: p.buying_role for p in people}


def _contact_people(contacts: Iterable[Contact], since: dt.date, today: dt.date) -> set[int]:
    return {p for c in contacts if c.real and since <= c.on <= today for p in c.people}


def coverage(facts: AccountFacts, *, today: dt.date) -> Coverage:
    """People on record and people in real contact (either side) within the norm, per
    buying role."""
    since = today - dt.timedelta(days=facts.norm_days)
    return _coverage(_roles(facts.people), _contact_people(facts.contacts, since, today))


def _coverage(roles: Mapping[int, str], in_contact: Collection[int]) -> Coverage:
    counts: dict[str, list[int]] = {}
    for person_id, role in roles.items():
        entry = counts.setdefault(role, [0, 0])
        entry[0] += 1
        entry[1] += person_id in in_contact
    order = {r: i for i, r in enumerate(ROLE_ORDER)}
    role_rows = tuple(
        RoleCoverage(role, on, cont)
        for role, (on, cont) in sorted(counts.items(), key=lambda kv: order.get(kv[0], 99))
    )
    return Coverage(len(roles), sum(1 for p in roles if p in in_contact), role_rows)


def breadth(facts: AccountFacts, *, today: dt.date) -> float:
    """Buying roles with real contact within three norms / buying roles on record
    (people without a buying role count as one role)."""
    roles = _roles(facts.people)
    if not roles:
        return 0.0
    since = today - dt.timedelta(days=BREADTH_NORMS * facts.norm_days)
    reached = _contact_people(facts.contacts, since, today)
    on_record = set(roles.values())
    covered = {roles[p] for p in reached if p in roles}
    return len(covered) / len(on_record)


def monthly_counts(
    contacts: Iterable[Contact], *, today: dt.date, months: int = MONTHS
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Our and their real contacts per calendar month, oldest first, ending this month."""
    keys = []
    year, month = today.year, today.month
    for _ in range(months):
        keys.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    keys.reverse()
    index = {k: i for i, k in enumerate(keys)}
    ours, theirs = [0] * months, [0] * months
    for c in contacts:
        i = index.get((c.on.year, c.on.month))
        if i is None or not c.real or c.on > today:
            continue
        if c.initiated_by == "us":
            ours[i] += 1
        else:
            theirs[i] += 1
    return tuple(ours), tuple(theirs)


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def _at_risk(revenue: Decimal | None, risk: float) -> Decimal | None:
    return _money(revenue * Decimal(str(risk))) if revenue is not None else None


@dataclass(frozen=True)
class _Pass:
    """What ``_account_components`` reads from an account's contacts in one pass."""

    now: Components
    before: Components
    last: dt.date | None  # our last real contact up to today, else the fallback
    share: tuple[int, int]  # ``our_share`` today
    reached: set[int]  # people in real contact within ``BREADTH_NORMS`` norms
    in_contact: set[int]  # people in real contact within the norm (coverage)
    monthly: tuple[tuple[int, ...], tuple[int, ...]]  # ``monthly_counts``
    last_theirs: dt.date | None


def _account_components(
    facts: AccountFacts, *, today: dt.date, before: dt.date, roles: Mapping[int, str]
) -> _Pass:
    """The components at ``today`` and at ``before`` (a trend's days earlier) and what the
    rest of the assessment reads, from one pass over the contacts: ``_components`` at
    both days, ``coverage``, ``our_share``, ``monthly_counts`` and the people reached
    each walked them again (most of assessing an account). Each value is worked out as
    those functions work it out (the same comparisons, counts and sums in the contacts'
    order), so the results are equal (``test_cadence.py`` compares them)."""
    norm = facts.norm_days
    day, earlier = today.toordinal(), before.toordinal()
    reached_since = day - BREADTH_NORMS * norm
    reached_since_before = earlier - BREADTH_NORMS * norm
    cover_since = day - norm
    month_keys = []
    year, month = today.year, today.month
    for _ in range(MONTHS):
        month_keys.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    month_keys.reverse()
    month_index = {k: i for i, k in enumerate(month_keys)}
    ours_m, theirs_m = [0] * MONTHS, [0] * MONTHS
    last = last_before = None
    recent = previous = recent_before = previous_before = 0
    share_ours = share_all = share_ours_before = share_all_before = 0
    reached: set[int] = set()
    reached_before: set[int] = set()
    in_contact: set[int] = set()
    heard: list[float] = []
    heard_before: list[float] = []
    last_theirs = None
    for c in facts.contacts:
        on = c.on.toordinal()
        if on > day:
            continue  # ahead of today: no component or count reads it
        age = day - on
        real = c.real
        if c.ours:
            if last is None or on > last:
                last = on
            if age < FREQUENCY_DAYS:
                recent += 1
            elif age < 2 * FREQUENCY_DAYS:
                previous += 1
        if real:
            if age < RECIPROCITY_DAYS:
                share_all += 1
                share_ours += c.initiated_by == "us"
            if on >= reached_since:
                reached.update(c.people)
            if on >= cover_since:
                in_contact.update(c.people)
            i = month_index.get((c.on.year, c.on.month))
            if i is not None:
                if c.initiated_by == "us":
                    ours_m[i] += 1
                else:
                    theirs_m[i] += 1
            if c.theirs and (last_theirs is None or c.on > last_theirs):
                last_theirs = c.on
        if c.listening is not None and age < RECIPROCITY_DAYS:
            heard.append(c.listening)
        if on > earlier:
            continue
        age = earlier - on
        if c.ours:
            if last_before is None or on > last_before:
                last_before = on
            if age < FREQUENCY_DAYS:
                recent_before += 1
            elif age < 2 * FREQUENCY_DAYS:
                previous_before += 1
        if real:
            if age < RECIPROCITY_DAYS:
                share_all_before += 1
                share_ours_before += c.initiated_by == "us"
            if on >= reached_since_before:
                reached_before.update(c.people)
        if c.listening is not None and age < RECIPROCITY_DAYS:
            heard_before.append(c.listening)
    fallback = facts.last_our_contact
    if fallback is not None:
        if last is None and fallback <= today:
            last = fallback.toordinal()
        if last_before is None and fallback <= before:
            last_before = fallback.toordinal()
    on_record = set(roles.values())

    def components(
        last: int | None,
        as_of: int,
        recent: int,
        previous: int,
        ours: int,
        total: int,
        reached: set[int],
        heard: list[float],
    ) -> Components:
        if roles:
            breadth_value = len({roles[p] for p in reached if p in roles}) / len(on_record)
        else:
            breadth_value = 0.0
        return Components(
            recency=recency(as_of - last if last is not None else None, norm),
            frequency=_frequency(recent, previous, norm),
            reciprocity=_reciprocity(ours, total),
            breadth=breadth_value,
            listening=sum(heard) / len(heard) if heard else None,
        )

    return _Pass(
        now=components(last, day, recent, previous, share_ours, share_all, reached, heard),
        before=components(
            last_before,
            earlier,
            recent_before,
            previous_before,
            share_ours_before,
            share_all_before,
            reached_before,
            heard_before,
        ),
        last=dt.date.fromordinal(last) if last is not None else None,
        share=(share_ours, share_all),
        reached=reached,
        in_contact=in_contact,
        monthly=(tuple(ours_m), tuple(theirs_m)),
        last_theirs=last_theirs,
    )


def assess_account(facts: AccountFacts, *, today: dt.date) -> AccountAssessment:
    roles = _roles(facts.people)
    seen = _account_components(
        facts, today=today, before=today - dt.timedelta(days=TREND_DAYS), roles=roles
    )
    components, last = seen.now, seen.last
    score = health_score(components)
    before = health_score(seen.before)
    days = (today - last).days if last else None

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

    cov = _coverage(roles, seen.in_contact)
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
    ours, total = seen.share
    if total >= 3 and ours / total < 0.3:
        alerts.append(Alert("one_sided", count=ours, total=total, days=RECIPROCITY_DAYS))
    window = BREADTH_NORMS * facts.norm_days
    reached = seen.reached
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
    ours_m, theirs_m = seen.monthly
    return AccountAssessment(
        account_id=facts.account_id,
        norm_days=facts.norm_days,
        last_our_contact=last,
        days_since_our_contact=days,
        last_their_contact=seen.last_theirs,
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


def _next_step(
    facts: AccountFacts,
    going_dark: GoingDark | None,
    silent_roles: list[str],
    alerts: list[Alert],
    today: dt.date,
) -> NextStep:
    roles = _roles(facts.people)
    rank = {r: i for i, r in enumerate(ROLE_ORDER)}

    def best(candidates: Iterable[int]) -> int | None:
        ordered = sorted(set(candidates), key=lambda p: (rank.get(roles.get(p, ""), 99), p))
        return ordered[0] if ordered else None

    if going_dark is not None:
        # Reach out first to whoever is still talking to us, highest buying role first.
        recent_theirs = [
            p for c in facts.contacts if c.theirs and c.on <= today for p in c.people if p in roles
        ]
        person = best(recent_theirs) or best(roles)
        code = "make_first_contact" if going_dark.days_since_our_contact is None else "reach_out"
        return NextStep(code, person_id=person)
    if silent_roles:
        role = silent_roles[0]
        return NextStep(
            "meet_role", person_id=best(p for p, r in roles.items() if r == role), role=role
        )
    if any(a.code == "one_sided" for a in alerts):
        return NextStep("take_initiative")
    if any(a.code == "declining" for a in alerts):
        return NextStep("keep_rhythm")
    return NextStep("keep_going")


def assess_person(facts: PersonFacts, *, today: dt.date) -> PersonAssessment:
    """Health of one relationship: as the account's, without breadth."""

    def components_at(day: dt.date) -> tuple[Components, dt.date | None]:
        last = _last_ours(facts.contacts, day, facts.last_our_contact)
        days = (day - last).days if last else None
        return (
            Components(
                recency=recency(days, facts.norm_days),
                frequency=frequency(facts.contacts, today=day, norm_days=facts.norm_days),
                reciprocity=reciprocity(facts.contacts, today=day),
                listening=listening(facts.contacts, today=day),
            ),
            last,
        )

    now, last = components_at(today)
    before, _ = components_at(today - dt.timedelta(days=TREND_DAYS))
    days = (today - last).days if last else None
    score = health_score(now)
    return PersonAssessment(
        person_id=facts.person_id,
        norm_days=facts.norm_days,
        last_our_contact=last,
        days_since_our_contact=days,
        behind=days is None or days > facts.norm_days,
        components=now,
        health=score,
        trend=trend_of(score, health_score(before)),
    )


#: One contact as ``standing`` reads it: (local day as a proleptic ordinal, real
#: contact, real and ours, the people in it, listening quality or None).
ContactRow = tuple[int, bool, bool, Collection[int], "float | None"]


@dataclass(frozen=True)
class Standing:
    """What ranks an account (``assess_account``'s health, going dark and revenue at
    risk), without the rest of its assessment."""

    health: int
    going_dark: bool
    revenue_at_risk: Decimal | None


def standing(
    *,
    norm_days: int,
    roles: Mapping[int, str],
    contacts: Iterable[ContactRow],
    last_our_contact: dt.date | None,
    revenue: Decimal | None,
    today: dt.date,
) -> Standing:
    """``assess_account(facts, today=today)``'s ``health``, ``going_dark is not None``
    and ``revenue_at_risk``, equal to it for the same facts, in one pass over plain
    contact rows. Ranking every account of a team by revenue at risk needs only these;
    the full assessment (two sets of components, coverage, alerts, months, the next
    step) over thousands of accounts cost seconds. ``roles``: person id -> buying role
    (the account's people on record); ``contacts``: in ``AccountFacts.contacts``'s
    order (the listening mean adds them in it)."""
    day = today.toordinal()
    breadth_since = day - BREADTH_NORMS * norm_days
    last: int | None = None
    recent = previous = ours_recent = real_recent = 0
    reached: set[int] = set()
    heard: list[float] = []
    for on, real, ours, people, heard_quality in contacts:
        if on > day:
            continue
        age = day - on
        if ours:
            if last is None or on > last:
                last = on
            if age < FREQUENCY_DAYS:
                recent += 1
            elif age < 2 * FREQUENCY_DAYS:
                previous += 1
        if real:
            if age < RECIPROCITY_DAYS:
                real_recent += 1
                ours_recent += ours
            if on >= breadth_since:
                reached.update(people)
        if heard_quality is not None and age < RECIPROCITY_DAYS:
            heard.append(heard_quality)
    if last is not None:
        days: int | None = day - last
    elif last_our_contact is not None and last_our_contact <= today:
        days = (today - last_our_contact).days
    else:
        days = None
    if roles:
        covered = {roles[p] for p in reached if p in roles}
        breadth_value = len(covered) / len(set(roles.values()))
    else:
        breadth_value = 0.0
    score = health_score(
        Components(
            recency=recency(days, norm_days),
            frequency=_frequency(recent, previous, norm_days),
            reciprocity=_reciprocity(ours_recent, real_recent),
            breadth=breadth_value,
            listening=sum(heard) / len(heard) if heard else None,
        )
    )
    risk = round((100 - score) / 100, 2)
    return Standing(
        health=score,
        going_dark=days is None or days > norm_days,
        revenue_at_risk=_at_risk(revenue, risk),
    )


def sparkline_points(values: tuple[int, ...], *, width: int = 120, height: int = 24) -> str:
    """SVG polyline points for ``values`` scaled into width x height (y grows down)."""
    if not values:
        return ""
    top = max(values) or 1
    step = width / (len(values) - 1) if len(values) > 1 else 0
    pad = 2
    return " ".join(
        f"{round(i * step, 1)},{round(height - pad - (v / top) * (height - 2 * pad), 1)}"
        for i, v in enumerate(values)
    )
