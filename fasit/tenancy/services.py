from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import smtplib
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from fasit.core.audit import audit_create, audit_delete, audit_record, audit_update, snapshot
from fasit.core.models import AuditEvent
from fasit.tenancy.currency import CURRENCIES
from fasit.tenancy.models import (
    INVITATION_DAYS,
    ApiToken,
    Invitation,
    Membership,
    Role,
    Team,
    TokenScope,
    UserProfile,
)


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


def _invitation_url(token: str) -> str:
    # E-mail needs an absolute link: FASIT_BASE_URL names the site (as for digests).
    base = getattr(settings, "FASIT_BASE_URL", "") or os.environ.get(
        "FASIT_BASE_URL", "http://127.0.0.1:8000"
    )
    return base.rstrip("/") + reverse("invitation", args=[token])


def _send_invitation(invitation: Invitation, token: str, inviter: str) -> None:
    # The invitee's language is unknown: the team's language is the best guess.
    with translation.override(invitation.team.language):
        context = {
            "team": invitation.team.name,
            "inviter": inviter,
            "role": invitation.get_role_display(),
            "url": _invitation_url(token),
            "days": INVITATION_DAYS,
        }
        subject = _("You are invited to join %(team)s in Fasit") % context
        body = render_to_string("tenancy/email/invitation.txt", context)
    EmailMessage(subject, body, to=[invitation.email]).send()


@transaction.atomic
def invitation_create(*, team: Team, actor: Any, email: str, role: str) -> Invitation:
    """Invite ``email`` to the team with ``role``; the e-mail goes out after commit. The
    returned invitation carries the token (``.token``); only its hash is stored. Nothing
    here looks at which users exist, so the answer is the same for any address."""
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid e-mail address.")}) from None
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    # A new invitation to the same address replaces the pending one.
    for earlier in Invitation.objects.for_team(team).pending().filter(email__iexact=email):
        invitation_revoke(invitation=earlier, actor=actor)
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation(
        team=team,
        email=email,
        role=role,
        token_hash=Invitation.hash_token(token),
        invited_by=actor,
        created_at=now,
        expires_at=now + dt.timedelta(days=INVITATION_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    audit_create(team=team, actor=actor, instance=invitation)
    inviter = (actor.get_full_name() or actor.username) if actor is not None else team.name
    # Sent inside the transaction, not after it: only the token's hash is kept, so an
    # invitation whose e-mail could not go out is a dead link; it is not saved, and the
    # owner is told (the form or the API's 400) rather than shown an error page.
    try:
        _send_invitation(invitation, token, inviter)
    except (OSError, smtplib.SMTPException):
        raise ValidationError(
            {"email": _("The invitation e-mail could not be sent; nothing was saved. Try again later.")}
        ) from None
    invitation.token = token
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: Any) -> Invitation:
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has been accepted already."))
    if invitation.revoked_at is not None:
        return invitation
    before = snapshot(invitation, ["revoked_at"])
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit_update(team=invitation.team, actor=actor, instance=invitation, before=before)
    return invitation


def invitation_by_token(token: str) -> Invitation | None:
    """The pending invitation behind a link; used, revoked, expired or unknown links
    find nothing (and say nothing about why)."""
    if not token or len(token) > 64:
        return None
    return (
        Invitation.objects.pending()
        .select_related("team", "invited_by")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, token: str, user: Any) -> Membership:
    """The signed-in ``user`` joins the team with the invited role; the link is used up."""
    invitation = invitation_by_token(token)
    if invitation is None:
        raise ValidationError(_("This invitation link is not valid any more."))
    # Lock the row so two clicks cannot both accept it.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation link is not valid any more."))
    if Membership.objects.filter(team=invitation.team, user=user).exists():
        raise ValidationError(_("You are already in %(team)s.") % {"team": invitation.team.name})
    membership = Membership.objects.create(team=invitation.team, user=user, role=invitation.role)
    before = snapshot(invitation, ["accepted_at", "accepted_by"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_update(team=invitation.team, actor=user, instance=invitation, before=before)
    audit_create(team=invitation.team, actor=user, instance=membership)
    return membership


@transaction.atomic
def user_create_for_invitation(*, token: str, username: str, password: str) -> Any:
    """A new account for someone holding a valid invitation, who then accepts it. The
    account's e-mail is the invited address."""
    invitation = invitation_by_token(token)
    if invitation is None:
        raise ValidationError(_("This invitation link is not valid any more."))
    user = get_user_model().objects.create_user(
        username=username, email=invitation.email, password=password
    )
    invitation_accept(token=token, user=user)
    return user


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
    # Imported here: relationships builds on tenancy, not the other way round.
    from fasit.relationships.services import calendar_feeds_delete

    _ensure_an_owner_remains(membership.team, membership)
    # A calendar feed is a bearer address into the team's data: it dies with the
    # membership (the feed view also checks membership on every request).
    calendar_feeds_delete(team=membership.team, user=membership.user, actor=actor)
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
