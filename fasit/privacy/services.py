"""Writes for the team's privacy records. Each is atomic and audited (the register
and the access log are records themselves and are not audited again)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.conversations.models import Conversation
from fasit.core.audit import audit_create, audit_update, snapshot
from fasit.core.services import model_update
from fasit.customers.models import LegalBasis, Person
from fasit.privacy.models import (
    AccessLog,
    DueReason,
    ErasureCandidate,
    InformationNotice,
    NoticeChannel,
    PrivacySettings,
    RegisterEntry,
    RetentionRule,
)
from fasit.tenancy.models import Team

SETTINGS_FIELDS = (
    "controller_name",
    "contact_email",
    "dpo_contact",
    "auto_erase",
    "withdrawn_consent_days",
)
# One read of a profile or transcript is one entry; reloading the page within this
# time is the same reading.
ACCESS_QUIET_MINUTES = 10
MAX_RETENTION_MONTHS = 240


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def privacy_settings_update(*, team: Team, actor: Any, data: dict[str, Any]) -> PrivacySettings:
    current = PrivacySettings.objects.for_team(team).first()
    if current is None:
        current = PrivacySettings(team=team)
        for field in SETTINGS_FIELDS:
            if field in data:
                setattr(current, field, data[field])
        current.full_clean()
        current.save()
        audit_create(team=team, actor=actor, instance=current)
        return current
    current, _changed = model_update(
        instance=current, fields=SETTINGS_FIELDS, data=data, team=team, actor=actor
    )
    return current


@transaction.atomic
def retention_rule_set(
    *, team: Team, actor: Any, legal_basis: str, months: int | None
) -> RetentionRule:
    """Set how many months without real contact people of a legal basis are kept
    (``None``: without a limit)."""
    if legal_basis not in LegalBasis.values:
        raise ValidationError({"legal_basis": _("Choose a legal basis.")})
    if months is not None and not 1 <= months <= MAX_RETENTION_MONTHS:
        raise ValidationError(
            {
                "months": _("Give from 1 to %(max)s months, or leave it empty.")
                % {"max": MAX_RETENTION_MONTHS}
            }
        )
    rule = RetentionRule.objects.for_team(team).filter(legal_basis=legal_basis).first()
    if rule is None:
        rule = RetentionRule.objects.create(team=team, legal_basis=legal_basis, months=months)
        audit_create(team=team, actor=actor, instance=rule)
        return rule
    rule, _changed = model_update(
        instance=rule, fields=("months",), data={"months": months}, team=team, actor=actor
    )
    return rule


@transaction.atomic
def retention_rules_set(
    *, team: Team, actor: Any, rules: dict[str, int | None]
) -> list[RetentionRule]:
    """Set several rules at once: all of them, or none if one is refused."""
    return [
        retention_rule_set(team=team, actor=actor, legal_basis=basis, months=months)
        for basis, months in rules.items()
    ]


@transaction.atomic
def notice_record(
    *,
    person: Person,
    actor: Any,
    language: str,
    sent_on: dt.date | None = None,
    channel: str = NoticeChannel.EMAIL,
) -> InformationNotice:
    """Record that the Art. 14 information notice was given to the person."""
    sent_on = sent_on or timezone.localdate()
    if sent_on > timezone.localdate():
        raise ValidationError({"sent_on": _("A notice cannot be sent in the future.")})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose English, Swedish, Norwegian or Danish.")})
    notice = InformationNotice(
        team=person.team,
        person=person,
        language=language,
        sent_on=sent_on,
        channel=channel,
        sent_by=_user(actor),
    )
    notice.full_clean()
    notice.save()
    audit_create(team=person.team, actor=actor, instance=notice)
    return notice


def access_record(
    *,
    team: Team,
    user: Any,
    what: str,
    person: Person | None = None,
    conversation: Conversation | None = None,
) -> AccessLog | None:
    """Log that ``user`` read a person's full profile or a transcript; a reading within
    ``ACCESS_QUIET_MINUTES`` of the same user's last one is the same reading."""
    recent = AccessLog.objects.for_team(team).filter(
        user=_user(user),
        what=what,
        person=person,
        conversation=conversation,
        created_at__gte=timezone.now() - dt.timedelta(minutes=ACCESS_QUIET_MINUTES),
    )
    if recent.exists():
        return None
    return AccessLog.objects.create(
        team=team, user=_user(user), what=what, person=person, conversation=conversation
    )


def export_record(*, person: Person, actor: Any, channel: str, detail: str) -> RegisterEntry:
    """Note in the register that the person's data was exported."""
    return RegisterEntry.objects.create(
        team=person.team,
        kind=RegisterEntry.Kind.EXPORT,
        person_ref=person.pk,
        person_label=person.name[:200],
        actor=_user(actor),
        channel=channel,
        detail=detail[:300],
    )


@transaction.atomic
def erasure_request(*, person: Person, actor: Any, detail: str = "") -> ErasureCandidate:
    """The person asked to be erased: put them first in the owners' queue. Raises
    ``Person.DoesNotExist`` when the person was erased meanwhile (the row is locked
    first, as the erasure locks it, so a request never refers to a person deleted
    before it commits: that was a foreign-key failure, a 500, found by schemathesis)."""
    Person.objects.select_for_update().only("pk").get(pk=person.pk)
    candidate = ErasureCandidate.objects.filter(person=person).first()
    if candidate is None:
        candidate = ErasureCandidate(team=person.team, person=person)
    before = snapshot(candidate) if candidate.pk else None
    candidate.reason = DueReason.REQUESTED
    candidate.detail = " ".join(detail.split())[:200]
    candidate.due_since = timezone.localdate()
    candidate.status = ErasureCandidate.Status.PENDING
    candidate.kept_until = None
    candidate.requested_by = _user(actor)
    candidate.save()
    if before is None:
        audit_create(team=person.team, actor=actor, instance=candidate)
    else:
        audit_update(team=person.team, actor=actor, instance=candidate, before=before)
    return candidate


@transaction.atomic
def candidate_keep(
    *, candidate: ErasureCandidate, actor: Any, until: dt.date, reason: str
) -> ErasureCandidate:
    """An owner decided to keep a person due for erasure, until a date, for a reason."""
    reason = " ".join(reason.split())
    errors = {}
    if not reason:
        errors["reason"] = _("Say why the person is kept: the register must show it.")
    if until <= timezone.localdate():
        errors["until"] = _("Keep until a day after today.")
    if errors:
        raise ValidationError(errors)
    before = snapshot(candidate)
    candidate.status = ErasureCandidate.Status.KEPT
    candidate.kept_until = until
    candidate.keep_reason = reason[:300]
    candidate.decided_by = _user(actor)
    candidate.save()
    audit_update(team=candidate.team, actor=actor, instance=candidate, before=before)
    return candidate
