"""Writes for cadence norms, reminder settings and calendar feeds, and sending the
digest. Each is atomic and writes its audit record in the same transaction."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.core.audit import audit_create, audit_delete, audit_update, snapshot
from fasit.core.services import require_member
from fasit.customers.models import Account, Person, Tier
from fasit.engine.relationships.cadence import MAX_NORM, MIN_NORM
from fasit.relationships.models import (
    AccountCadence,
    CadenceNorm,
    CalendarFeed,
    DigestSent,
    FeedKind,
    PersonCadence,
    ReminderSetting,
)
from fasit.tenancy.models import Team

MAX_DAYS_BEFORE = 60


def _check_days(days: Any, field: str = "days") -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not MIN_NORM <= days <= MAX_NORM:
        raise ValidationError(
            {
                field: _("Enter a whole number of days from %(min)s to %(max)s.")
                % {"min": MIN_NORM, "max": MAX_NORM}
            }
        )
    return days


@transaction.atomic
def cadence_norm_set(*, team: Team, actor: Any, tier: str, days: int) -> CadenceNorm:
    """Set the team's norm for a tier (days between real contacts)."""
    if tier not in Tier.values:
        raise ValidationError({"tier": _("Choose key account, customer or prospect.")})
    days = _check_days(days)
    norm = CadenceNorm.objects.for_team(team).filter(tier=tier).first()
    if norm is None:
        norm = CadenceNorm.objects.create(team=team, tier=tier, days=days)
        audit_create(team=team, actor=actor, instance=norm)
        return norm
    before = snapshot(norm)
    norm.days = days
    norm.save(update_fields=["days", "updated_at"])
    audit_update(team=team, actor=actor, instance=norm, before=before)
    return norm


@transaction.atomic
def account_cadence_set(*, account: Account, actor: Any, days: int | None) -> AccountCadence | None:
    """Override the account's norm; ``None`` goes back to the tier's."""
    return _override_set(AccountCadence, "account", account, actor, days)


@transaction.atomic
def person_cadence_set(*, person: Person, actor: Any, days: int | None) -> PersonCadence | None:
    """Override the person's norm; ``None`` goes back to their account's."""
    return _override_set(PersonCadence, "person", person, actor, days)


def _override_set(model: Any, field: str, owner: Any, actor: Any, days: int | None) -> Any:
    team = owner.team
    existing = model.objects.filter(**{field: owner}).first()
    if days is None:
        if existing is not None:
            audit_delete(team=team, actor=actor, instance=existing)
            existing.delete()
        return None
    days = _check_days(days)
    if existing is None:
        override = model.objects.create(**{field: owner, "days": days})
        audit_create(team=team, actor=actor, instance=override)
        return override
    before = snapshot(existing)
    existing.days = days
    existing.save()
    audit_update(team=team, actor=actor, instance=existing, before=before)
    return existing


@transaction.atomic
def reminder_setting_update(
    *, team: Team, user: Any, actor: Any, days_before: int, digest: bool
) -> ReminderSetting:
    require_member(team, user=user)
    if (
        isinstance(days_before, bool)
        or not isinstance(days_before, int)
        or not 0 <= days_before <= MAX_DAYS_BEFORE
    ):
        raise ValidationError(
            {
                "days_before": _("Enter a whole number of days from 0 to %(max)s.")
                % {"max": MAX_DAYS_BEFORE}
            }
        )
    setting = ReminderSetting.objects.for_team(team).filter(user=user).first()
    if setting is None:
        setting = ReminderSetting.objects.create(
            team=team, user=user, days_before=days_before, digest=digest
        )
        audit_create(team=team, actor=actor, instance=setting)
        return setting
    before = snapshot(setting)
    setting.days_before, setting.digest = days_before, digest
    setting.save()
    audit_update(team=team, actor=actor, instance=setting, before=before)
    return setting


def new_token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def reminder_feed_kinds_set(
    *, team: Team, user: Any, actor: Any, kinds: list[str]
) -> ReminderSetting:
    """Which kinds of dates go into the member's calendar feed."""
    require_member(team, user=user)
    unknown = [k for k in kinds if k not in FeedKind.values]
    if unknown:
        raise ValidationError(
            {"kinds": _("Unknown kind of date: %(kinds)s.") % {"kinds": ", ".join(unknown)}}
        )
    chosen = [k for k in FeedKind.values if k in kinds]
    setting = ReminderSetting.objects.for_team(team).filter(user=user).first()
    if setting is None:
        setting = ReminderSetting.objects.create(team=team, user=user, feed_kinds=chosen)
        audit_create(team=team, actor=actor, instance=setting)
        return setting
    before = snapshot(setting)
    setting.feed_kinds = chosen
    setting.save(update_fields=["feed_kinds"])
    audit_update(team=team, actor=actor, instance=setting, before=before)
    return setting


@transaction.atomic
def calendar_feed_regenerate(*, team: Team, user: Any, actor: Any) -> CalendarFeed:
    """A new secret address; the old one (if any) stops working at once. The returned
    feed carries the token (``feed.token``) for showing once; only its hash is kept."""
    require_member(team, user=user)
    _revoke_live(team, user, actor)
    token = new_token()
    feed = CalendarFeed.objects.create(
        team=team, user=user, token_hash=CalendarFeed.hash_token(token)
    )
    audit_create(team=team, actor=actor, instance=feed)
    feed.token = token
    return feed


@transaction.atomic
def calendar_feeds_delete(*, team: Team, user: Any, actor: Any) -> int:
    """Delete the user's feeds in ``team`` (when they leave it): the address dies at
    once, and no row remains that a later membership could bring back."""
    count = 0
    for feed in CalendarFeed.objects.for_team(team).filter(user=user):
        audit_delete(team=team, actor=actor, instance=feed)
        feed.delete()
        count += 1
    return count


@transaction.atomic
def calendar_feed_revoke(*, team: Team, user: Any, actor: Any) -> bool:
    """Stop the member's feed; True when there was one to stop."""
    return _revoke_live(team, user, actor)


def _revoke_live(team: Team, user: Any, actor: Any) -> bool:
    feed = (
        CalendarFeed.objects.for_team(team)
        .select_for_update()
        .filter(user=user, revoked_at__isnull=True)
        .first()
    )
    if feed is None:
        return False
    before = snapshot(feed, ["revoked_at"])
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at", "updated_at"])
    audit_update(team=team, actor=actor, instance=feed, before=before)
    return True


def calendar_feed_touch(feed: CalendarFeed) -> None:
    """Remember when a calendar last fetched the feed (no audit: nothing changed)."""
    CalendarFeed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now())


@transaction.atomic
def digest_record(*, team: Team, user: Any, date: dt.date, sections: int) -> bool:
    """Claim today's digest for a member; False when it was sent already."""
    _row, created = DigestSent.objects.get_or_create(
        team=team, user=user, date=date, defaults={"sections": sections}
    )
    return created
