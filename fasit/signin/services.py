"""Two-step sign-in (TOTP with recovery codes) and the team's sign-in policy."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

import pyotp
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.core.audit import audit_update, snapshot
from fasit.signin.models import RecoveryCode, TeamSignInPolicy, TwoFactorDevice

ISSUER = "Fasit"
RECOVERY_CODE_COUNT = 10
# Base32 without look-alikes is what authenticator apps use too; 10 characters = 50 bits.
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _hash(code: str) -> str:
    normal = "".join(c for c in code.upper() if c.isalnum())
    return hashlib.sha256(normal.encode("ascii", "ignore")).hexdigest()


def device_for(user: Any) -> TwoFactorDevice | None:
    """The user's confirmed device, or None when two-step sign-in is off."""
    if not getattr(user, "is_authenticated", False) and not getattr(user, "pk", None):
        return None
    return TwoFactorDevice.objects.filter(user=user, confirmed_at__isnull=False).first()


def provisioning_uri(device: TwoFactorDevice) -> str:
    return pyotp.TOTP(device.secret).provisioning_uri(
        name=device.user.get_username(), issuer_name=ISSUER
    )


@transaction.atomic
def two_factor_begin(*, user: Any, restart: bool = False) -> TwoFactorDevice:
    """The unconfirmed secret being set up: the same one until confirmed (a reload must
    not invalidate what the phone has scanned), or a new one on ``restart``."""
    device = TwoFactorDevice.objects.select_for_update().filter(user=user).first()
    if device and device.confirmed_at:
        raise ValidationError(_("Two-step sign-in is already on."))
    if device is not None and not restart:
        return device
    if device is None:
        device = TwoFactorDevice(user=user)
    device.secret = pyotp.random_base32()
    device.last_step = 0
    device.save()
    return device


def _accept_totp(device: TwoFactorDevice, code: str) -> bool:
    code = "".join(c for c in code if c.isdigit())
    if len(code) != 6:
        return False
    totp = pyotp.TOTP(device.secret)
    now = timezone.now()
    # One step either side allows for a phone clock that is off by up to 30 s.
    for offset in (-1, 0, 1):
        moment = now + dt.timedelta(seconds=30 * offset)
        step = totp.timecode(moment)
        if step > device.last_step and secrets.compare_digest(totp.at(moment), code):
            device.last_step = step
            device.save(update_fields=["last_step"])
            return True
    return False


def _new_recovery_codes(user: Any) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _char in range(10))
        for _code in range(RECOVERY_CODE_COUNT)
    ]
    RecoveryCode.objects.bulk_create(RecoveryCode(user=user, code_hash=_hash(c)) for c in codes)
    return [f"{c[:5]}-{c[5:]}" for c in codes]


@transaction.atomic
def two_factor_confirm(*, user: Any, code: str) -> list[str]:
    """Turn two-step sign-in on with a first code from the app; returns the recovery
    codes, shown once (only their hashes are kept)."""
    device = TwoFactorDevice.objects.select_for_update().filter(user=user).first()
    if device is None or device.confirmed_at:
        raise ValidationError(_("Start the set-up again."))
    if not _accept_totp(device, code):
        raise ValidationError(
            {"code": _("That code is not right. Check that the phone's clock is correct.")}
        )
    device.confirmed_at = timezone.now()
    device.save(update_fields=["confirmed_at"])
    return _new_recovery_codes(user)


@transaction.atomic
def two_factor_verify(*, user: Any, code: str) -> bool:
    """True if ``code`` is the current code of the user's app or an unused recovery
    code (which is then used up)."""
    device = TwoFactorDevice.objects.select_for_update().filter(user=user).first()
    if device is None or device.confirmed_at is None:
        return False
    if _accept_totp(device, code):
        return True
    used = RecoveryCode.objects.filter(
        user=user, code_hash=_hash(code), used_at__isnull=True
    ).update(used_at=timezone.now())
    return used == 1


@transaction.atomic
def recovery_codes_renew(*, user: Any, code: str) -> list[str]:
    if not two_factor_verify(user=user, code=code):
        raise ValidationError({"code": _("That code is not right.")})
    return _new_recovery_codes(user)


def recovery_codes_left(user: Any) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def two_factor_required(user: Any) -> bool:
    """Does any team the user belongs to require two-step sign-in?"""
    return TeamSignInPolicy.objects.filter(
        require_two_factor=True, team__memberships__user=user
    ).exists()


@transaction.atomic
def two_factor_disable(*, user: Any, code: str) -> None:
    if two_factor_required(user):
        raise ValidationError(_("Your team requires two-step sign-in, so it stays on."))
    if not two_factor_verify(user=user, code=code):
        raise ValidationError({"code": _("That code is not right.")})
    TwoFactorDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()


def team_requires_two_factor(team: Any) -> bool:
    if team is None:
        return False
    # Plain SQL: this runs on every request (TwoFactorRequiredMiddleware), and the
    # ORM's exists() cost ten times the lookup (bench/bench_api_lists.py).
    with connection.cursor() as cursor:
        cursor.execute(REQUIRED_SQL, [team.pk, True])
        return cursor.fetchone() is not None


REQUIRED_SQL = (
    f"SELECT 1 FROM {TeamSignInPolicy._meta.db_table}"
    " WHERE team_id = %s AND require_two_factor = %s"
)


@transaction.atomic
def team_set_two_factor(*, team: Any, actor: Any, required: bool) -> TeamSignInPolicy:
    """An owner requires (or stops requiring) two-step sign-in for the whole team. An
    owner must use it before requiring it, so the team is never asked for what its
    owner has not tried."""
    if required and device_for(actor) is None:
        raise ValidationError(
            _("Turn on two-step sign-in for yourself before requiring it for the team.")
        )
    policy, _created = TeamSignInPolicy.objects.select_for_update().get_or_create(team=team)
    before = snapshot(policy)
    policy.require_two_factor = required
    policy.save()
    audit_update(team=team, actor=actor, instance=policy, before=before)
    return policy
