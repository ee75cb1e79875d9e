from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from fasit.core.audit import audit_create, audit_delete, audit_record, audit_update, snapshot
from fasit.core.models import AuditEvent
from fasit.tenancy.models import ApiToken, Membership, Role, Team, TokenScope, UserProfile


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


def user_set_preferences(*, user: Any, language: str, time_zone: str) -> UserProfile:
    profile, _created = UserProfile.objects.get_or_create(user=user)
    profile.language = language
    profile.time_zone = time_zone
    profile.full_clean()
    profile.save()
    return profile


TOKEN_PREFIX = "fasit_"


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def api_token_create(
    *,
    team: Team,
    user: Any,
    actor: Any,
    name: str,
    scope: str = TokenScope.READ,
    expires_on: dt.date | None = None,
) -> tuple[ApiToken, str]:
    """A new personal access token for ``user`` in ``team``; returns it and its secret,
    which is shown once and never stored."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name you will recognise.")})
    if scope not in TokenScope.values:
        raise ValidationError({"scope": _("Choose read, or read and write.")})
    if not Membership.objects.filter(team=team, user=user).exists():
        raise ValidationError({"user": _("Choose a member of your team.")})
    expires_at = None
    if expires_on is not None:
        if expires_on <= timezone.localdate():
            raise ValidationError({"expires_on": _("Choose a day after today.")})
        expires_at = timezone.make_aware(dt.datetime.combine(expires_on, dt.time.min))
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        team=team,
        user=user,
        name=name,
        scope=scope,
        expires_at=expires_at,
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        digest=token_digest(secret),
    )
    token.full_clean()
    token.save()
    audit_record(
        team=team,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        instance=token,
        changes={"name": [None, name], "scope": [None, scope], "user": [None, str(user)]},
    )
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: Any) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            team=token.team,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            instance=token,
            changes={"revoked": [False, True]},
        )
    return token
