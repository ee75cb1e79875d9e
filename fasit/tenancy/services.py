from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from fasit.core.audit import audit_create, audit_delete, audit_update, snapshot
from fasit.tenancy.currency import CURRENCIES
from fasit.tenancy.models import Membership, Role, Team, UserProfile


@transaction.atomic
def team_create(*, name: str, owner: Any, slug: str = "", language: str = "en") -> Team:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("A team needs a name.")})
    slug = slugify(slug or name)[:60]
    if Team.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("The address %(slug)s is taken.") % {"slug": slug}})
    team = Team(name=name, slug=slug, language=language)
    team.full_clean()
    team.save()
    membership = Membership.objects.create(team=team, user=owner, role=Role.OWNER)
    audit_create(team=team, actor=owner, instance=team)
    audit_create(team=team, actor=owner, instance=membership)
    return team


@transaction.atomic
def membership_add(*, team: Team, actor: Any, username: str, role: str) -> Membership:
    user = get_user_model().objects.filter(username=username.strip()).first()
    if user is None:
        raise ValidationError({"username": _("No user is called %(name)s.") % {"name": username}})
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    if Membership.objects.filter(team=team, user=user).exists():
        raise ValidationError(
            {"username": _("%(name)s is already in the team.") % {"name": username}}
        )
    membership = Membership.objects.create(team=team, user=user, role=role)
    audit_create(team=team, actor=actor, instance=membership)
    return membership


def _ensure_an_owner_remains(team: Team, leaving: Membership) -> None:
    others = Membership.objects.filter(team=team, role=Role.OWNER).exclude(pk=leaving.pk)
    if leaving.role == Role.OWNER and not others.exists():
        raise ValidationError(_("A team must keep at least one owner."))


@transaction.atomic
def membership_set_role(*, membership: Membership, actor: Any, role: str) -> Membership:
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    if role != Role.OWNER:
        _ensure_an_owner_remains(membership.team, membership)
    before = snapshot(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    audit_update(team=membership.team, actor=actor, instance=membership, before=before)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: Any) -> None:
    _ensure_an_owner_remains(membership.team, membership)
    audit_delete(team=membership.team, actor=actor, instance=membership)
    membership.delete()


@transaction.atomic
def team_update(*, team: Team, actor: Any, name: str, language: str) -> Team:
    before = snapshot(team)
    team.name = name.strip()
    team.language = language
    team.full_clean()
    team.save()
    audit_update(team=team, actor=actor, instance=team, before=before)
    return team


@transaction.atomic
def team_rates_set(
    *,
    team: Team,
    actor: Any,
    currency: str,
    rates: dict[str, Decimal],
    on: dt.date,
) -> Team:
    """The team's currency and its exchange rates (units per euro) as of ``on``."""
    if currency not in CURRENCIES:
        raise ValidationError({"currency": _("Choose one of the listed currencies.")})
    errors = {
        f"rate_{code}": _("Enter a rate above 0.")
        for code, value in rates.items()
        if code not in CURRENCIES or value is None or value <= 0
    }
    if on > dt.date.today() + dt.timedelta(days=1):
        errors["on"] = _("The rates cannot be from the future.")
    if errors:
        raise ValidationError(errors)
    before = snapshot(team)
    team.currency = currency
    # The euro is the unit the rates are counted in.
    team.exchange_rates = {c: str(v) for c, v in rates.items() if c != "EUR"}
    team.exchange_rates_on = on
    team.save(update_fields=["currency", "exchange_rates", "exchange_rates_on"])
    audit_update(team=team, actor=actor, instance=team, before=before)
    return team


def user_set_preferences(*, user: Any, language: str, time_zone: str) -> UserProfile:
    profile, _created = UserProfile.objects.get_or_create(user=user)
    profile.language = language
    profile.time_zone = time_zone
    profile.full_clean()
    profile.save()
    return profile
