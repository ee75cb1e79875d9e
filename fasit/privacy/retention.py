"""Retention: who is due for erasure under the team's rules, and the daily run that
lists them for an owner (or erases them, if the team chose so).

A person is due when, for their legal basis, there has been no real contact with them
(a meeting, call, visit…, or an e-mail the customer answered) for the rule's number
of months, counted from their last real contact or, if there never was one, from
when their legal basis was recorded. A person whose consent was their basis and who
withdrew it is due the team's number of days after the withdrawal (by default at
once), whatever their contact.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from fasit.core.db import id_slices
from fasit.customers.models import Consent, LegalBasis, Person
from fasit.engine.relationships.cadence import REAL_KINDS
from fasit.privacy.models import DueReason, ErasureCandidate, PrivacySettings, RetentionRule
from fasit.tenancy.models import Team

# What a team has until it sets its own rules: prospects who never became customers
# go first; people the team has a contract with stay longest.
DEFAULT_MONTHS: dict[str, int | None] = {
    LegalBasis.LEGITIMATE_PROSPECT: 24,
    LegalBasis.LEGITIMATE_CUSTOMER: 36,
    LegalBasis.CONSENT: 24,
    LegalBasis.CONTRACT: 60,
}

REAL_CONTACT = Q(conversations__kind__in=sorted(REAL_KINDS)) | Q(
    conversations__kind="email", conversations__customer_replied=True
)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier (the month's last day where it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def team_settings(team: Team) -> PrivacySettings:
    """The team's settings; an unsaved default row until an owner saves them."""
    return PrivacySettings.objects.for_team(team).first() or PrivacySettings(team=team)


def team_rules(team: Team) -> dict[str, int | None]:
    """Months without real contact per legal basis, defaults filled in."""
    rules = dict(DEFAULT_MONTHS)
    rules.update(RetentionRule.objects.for_team(team).values_list("legal_basis", "months"))
    return rules


@dataclass(frozen=True)
class Due:
    person_id: int
    reason: str
    since: dt.date
    detail: str


def people_due(team: Team, *, today: dt.date) -> list[Due]:
    """Everyone the rules say should be erased on ``today``, oldest first."""
    due: dict[int, Due] = {}
    settings = team_settings(team)
    live = Consent.objects.filter(person=OuterRef("pk"), withdrawn_on__isnull=True)
    withdrawn = (
        Person.objects.for_team(team)
        .filter(legal_basis=LegalBasis.CONSENT, consents__withdrawn_on__isnull=False)
        .exclude(Exists(live))
        .annotate(withdrawn=Max("consents__withdrawn_on"))
        .values_list("pk", "withdrawn")
    )
    for pk, withdrawn_on in withdrawn:
        since = withdrawn_on + dt.timedelta(days=settings.withdrawn_consent_days)
        if since <= today:
            due[pk] = Due(pk, DueReason.CONSENT_WITHDRAWN, since, str(withdrawn_on))
    for basis, months in team_rules(team).items():
        if not months:
            continue
        cutoff = months_before(today, months)
        rows = (
            Person.objects.for_team(team)
            .filter(legal_basis=basis, legal_basis_recorded_on__lte=cutoff)
            .annotate(last=Max("conversations__occurred_at", filter=REAL_CONTACT))
            .filter(Q(last__isnull=True) | Q(last__date__lte=cutoff))
            .values_list("pk", "last", "legal_basis_recorded_on")
        )
        for pk, last, recorded_on in rows:
            if pk in due:
                continue
            since_day = timezone.localdate(last) if last else recorded_on
            due[pk] = Due(
                pk,
                DueReason.RETENTION,
                months_after(since_day, months),
                f"{basis}:{months}:{since_day.isoformat()}",
            )
    return sorted(due.values(), key=lambda d: (d.since, d.person_id))


def months_after(day: dt.date, months: int) -> dt.date:
    """The day ``months`` after ``day``: when the rule made the person due."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def describe(candidate: ErasureCandidate) -> str:
    """Why a person is due, in words."""
    if candidate.reason == DueReason.CONSENT_WITHDRAWN:
        return _("Consent withdrawn on %(date)s.") % {"date": candidate.detail}
    if candidate.reason == DueReason.REQUESTED:
        return _("Erasure requested: %(detail)s") % {"detail": candidate.detail or "—"}
    basis, months, since = (candidate.detail.split(":") + ["", "", ""])[:3]
    return ngettext(
        "%(basis)s: no real contact since %(since)s (the rule is %(months)s month).",
        "%(basis)s: no real contact since %(since)s (the rule is %(months)s months).",
        int(months or 0),
    ) % {"basis": LegalBasis(basis).label if basis else "—", "since": since, "months": months}


@dataclass(frozen=True)
class RunResult:
    due: int
    new: int
    erased: int


def retention_run(*, team: Team, today: dt.date, actor: Any = None) -> RunResult:
    """Bring the team's review queue in line with the rules: add people newly due,
    drop those no longer due (new contact, a new consent) unless someone asked for
    their erasure, and, if the team chose automatic erasure, erase everyone due.

    Who is due is worked out before the write transaction (on SQLite it would hold the
    one write lock while reading the whole team); each erasure is its own transaction.
    """
    due = {d.person_id: d for d in people_due(team, today=today)}
    with transaction.atomic():
        new = _queue_sync(team, today=today, due=due)
    erased = 0
    if team_settings(team).auto_erase:
        from fasit.privacy.erasure import person_erase

        # A request someone made by hand waits for an owner even then.
        pending = (
            ErasureCandidate.objects.for_team(team)
            .filter(status=ErasureCandidate.Status.PENDING)
            .exclude(reason=DueReason.REQUESTED)
        )
        for candidate in pending.select_related("person"):
            person_erase(
                person=candidate.person,
                actor=actor,
                channel="retention",
                reason=describe(candidate),
            )
            erased += 1
    return RunResult(due=len(due), new=new, erased=erased)


def _queue_sync(team: Team, *, today: dt.date, due: dict[int, Any]) -> int:
    queue = {c.person_id: c for c in ErasureCandidate.objects.for_team(team)}
    stale = [c.pk for pid, c in queue.items() if pid not in due and c.reason != DueReason.REQUESTED]
    # Ids a slice at a time: a whole team's people can be due or stale at once (a rule
    # tightened), and one statement binds at most 65,535 ids on PostgreSQL.
    for ids in id_slices(stale):
        ErasureCandidate.objects.filter(pk__in=ids).delete()
    new = [
        ErasureCandidate(
            team=team, person_id=pid, reason=d.reason, detail=d.detail[:200], due_since=d.since
        )
        for pid, d in due.items()
        if pid not in queue
    ]
    ErasureCandidate.objects.bulk_create(new)
    # Kept people come back when their time is up.
    returning = [
        c.pk
        for pid, c in queue.items()
        if pid in due
        and c.status == ErasureCandidate.Status.KEPT
        and c.kept_until is not None
        and c.kept_until < today
    ]
    for ids in id_slices(returning):
        ErasureCandidate.objects.filter(pk__in=ids).update(
            status=ErasureCandidate.Status.PENDING, kept_until=None
        )
    return len(new)
