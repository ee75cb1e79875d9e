"""The knowledge score: how well we know a person, and an account's people.

Person (0-100): the sum of the weights of the parts of the human profile we know,
each multiplied by its freshness. Account (0-100): per buying role, 70% the mean of
the best two person scores in that role (depth) and 30% the share of the role's people
known well (breadth), weighted by the role's weight; the decision maker and the
economic buyer always count (0 when nobody is on record), other roles only when
someone holds them. See docs/relationships.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: part -> weight; the weights add up to 100.
PERSON_PARTS: dict[str, int] = {
    "family": 20,
    "interests": 20,
    "what_matters": 20,
    "dates": 15,
    "recent_note": 15,
    "meeting": 10,
}
FRESH_DAYS = 365  # full credit up to a year old
STALE_DAYS = 3 * 365  # half credit from three years on
STALE_FACTOR = 0.5
RECENT_NOTE_DAYS = 365
KNOWN_WELL = 60  # a person scoring this much counts as "known well"

ROLE_WEIGHTS: dict[str, int] = {
    "decision_maker": 30,
    "economic_buyer": 25,
    "champion": 15,
    "influencer": 15,
    "user": 10,
    "gatekeeper": 5,
}
ESSENTIAL_ROLES = ("decision_maker", "economic_buyer")
BEST_PER_ROLE = 2
DEPTH_SHARE = 0.7  # the rest of a role's score is the share of its people known well


def freshness(recorded: dt.date | None, today: dt.date) -> float:
    """1.0 up to a year old, falling linearly to 0.5 at three years, 0.5 after.
    An unknown age counts as fresh: we cannot tell, and knowing beats not knowing."""
    if recorded is None:
        return 1.0
    age = (today - recorded).days
    if age <= FRESH_DAYS:
        return 1.0
    if age >= STALE_DAYS:
        return STALE_FACTOR
    return 1.0 - (1.0 - STALE_FACTOR) * (age - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS)


@dataclass(frozen=True)
class PersonProfile:
    """What we know about one person; each ``*_on`` is when that part was last recorded."""

    person_id: int
    first_name: str
    family: int = 0
    family_on: dt.date | None = None
    interests: int = 0
    interests_on: dt.date | None = None
    dates: int = 0
    dates_on: dt.date | None = None
    what_matters: bool = False
    meeting: bool = False
    profile_on: dt.date | None = None
    #: the newest personal note: a life event or the personal notes field
    last_note_on: dt.date | None = None


@dataclass(frozen=True)
class PartScore:
    part: str
    weight: int
    known: bool
    freshness: float
    points: float

    @property
    def stale(self) -> bool:
        return self.known and self.freshness < 1.0


@dataclass(frozen=True)
class PersonKnowledge:
    person_id: int
    score: int
    parts: tuple[PartScore, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(p.part for p in self.parts if not p.known)

    @property
    def stale(self) -> tuple[str, ...]:
        return tuple(p.part for p in self.parts if p.stale)

    @property
    def known_well(self) -> bool:
        return self.score >= KNOWN_WELL


def person_knowledge(profile: PersonProfile, *, today: dt.date) -> PersonKnowledge:
    recent_note = (
        profile.last_note_on is not None and (today - profile.last_note_on).days <= RECENT_NOTE_DAYS
    )
    known: dict[str, tuple[bool, dt.date | None]] = {
        "family": (profile.family > 0, profile.family_on),
        "interests": (profile.interests > 0, profile.interests_on),
        "what_matters": (profile.what_matters, profile.profile_on),
        "dates": (profile.dates > 0, profile.dates_on),
        # Recent by definition: its freshness is the window itself.
        "recent_note": (recent_note, None),
        "meeting": (profile.meeting, profile.profile_on),
    }
    parts = []
    for part, weight in PERSON_PARTS.items():
        is_known, recorded = known[part]
        fresh = freshness(recorded, today) if is_known else 0.0
        parts.append(PartScore(part, weight, is_known, fresh, weight * fresh))
    score = round(sum(p.points for p in parts))
    return PersonKnowledge(profile.person_id, min(100, max(0, score)), tuple(parts))


@dataclass(frozen=True)
class RoleKnowledge:
    role: str
    weight: int
    people: int
    known_well: int
    best: int  # mean of the best BEST_PER_ROLE person scores, 0 with nobody
    score: int  # DEPTH_SHARE * best + (1 - DEPTH_SHARE) * 100 * known_well / people


@dataclass(frozen=True)
class AccountKnowledge:
    score: int
    roles: tuple[RoleKnowledge, ...]
    people: int
    known_well: int

    @property
    def missing_roles(self) -> tuple[str, ...]:
        return tuple(r.role for r in self.roles if r.people == 0)

    @property
    def roles_not_known_well(self) -> tuple[str, ...]:
        return tuple(r.role for r in self.roles if r.people > 0 and r.known_well == 0)


def account_knowledge(
    people: Iterable[tuple[str, PersonKnowledge]],
) -> AccountKnowledge:
    """``people``: (buying role or "", knowledge) per person at the account."""
    by_role: dict[str, list[int]] = {}
    total = well = 0
    for role, knowledge in people:
        total += 1
        well += knowledge.known_well
        if role in ROLE_WEIGHTS:
            by_role.setdefault(role, []).append(knowledge.score)
    roles = []
    for role, weight in ROLE_WEIGHTS.items():
        scores: Sequence[int] = sorted(by_role.get(role, []), reverse=True)
        if not scores and role not in ESSENTIAL_ROLES:
            continue
        best = scores[:BEST_PER_ROLE]
        mean = round(sum(best) / len(best)) if best else 0
        well_count = sum(s >= KNOWN_WELL for s in scores)
        share = well_count / len(scores) if scores else 0.0
        score = round(DEPTH_SHARE * mean + (1 - DEPTH_SHARE) * 100 * share)
        roles.append(RoleKnowledge(role, weight, len(scores), well_count, mean, score))
    weights = sum(r.weight for r in roles)
    score = round(sum(r.weight * r.score for r in roles) / weights) if weights else 0
    return AccountKnowledge(score, tuple(roles), total, well)
