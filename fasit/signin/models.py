from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fasit.tenancy.models import Team


class TwoFactorDevice(models.Model):
    """A user's authenticator app (TOTP, RFC 6238). Unconfirmed until the user has
    typed one code from it, so a half-finished set-up never locks anyone out."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor"
    )
    # The shared secret must be readable to compute codes, so it is stored as is;
    # the database is as secret as the password hashes next to it.
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The last 30-second step a code was accepted for: a code seen once is refused
    # again (someone reading over a shoulder cannot reuse it).
    last_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("two-step sign-in")
        verbose_name_plural = _("two-step sign-ins")

    def __str__(self) -> str:
        return f"{self.user} ({'on' if self.confirmed_at else 'being set up'})"


class RecoveryCode(models.Model):
    """A one-time code for when the phone is lost. Only its SHA-256 is kept: the codes
    are random (50 bits), so a slow password hash would add nothing but time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "code_hash"], name="one_recovery_code_hash")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({'used' if self.used_at else 'unused'})"


class TeamSignInPolicy(models.Model):
    """How a team's members must sign in; set by an owner."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="sign_in_policy")
    require_two_factor = models.BooleanField(_("require two-step sign-in"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sign-in policy")
        verbose_name_plural = _("sign-in policies")

    def __str__(self) -> str:
        return f"{self.team}: two-step {'required' if self.require_two_factor else 'optional'}"
