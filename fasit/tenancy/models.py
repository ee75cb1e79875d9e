from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    """A tenant: one company's sales organisation. Every record belongs to one."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    language = models.CharField(
        _("team language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Used for theme labels and e-mails that go to the whole team."),
    )
    currency = models.CharField(_("team currency"), max_length=3, default="NOK")
    #: units per euro, {"SEK": "10.8420", ...}; empty: tenancy.currency.DEFAULT_RATES
    exchange_rates = models.JSONField(_("exchange rates"), default=dict, blank=True)
    exchange_rates_on = models.DateField(_("exchange rates of"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    MEMBER = "member", _("Member")
    # Product managers and marketers: they shape how the team reads the market (buying
    # processes, themes) but do not keep customer records (accounts, people,
    # conversations, journeys), which stay with the sellers who own the relationship.
    PRODUCT = "product", _("Product")
    VIEWER = "viewer", _("Viewer")


# What each role may do, in one place: views (tenancy/access.py), the API
# (core/api_utils.py) and templates (the context processor) read these through
# Membership.can_write and can_shape.
WRITERS = frozenset({Role.OWNER, Role.MEMBER})
SHAPERS = frozenset({Role.OWNER, Role.MEMBER, Role.PRODUCT})


class MembershipQuerySet(models.QuerySet["Membership"]):
    def for_team(self, team: Team | None) -> MembershipQuerySet:
        if team is None:
            return self.none()
        return self.filter(team=team)


class Membership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="one_membership_per_team")
        ]
        ordering = ["team__name", "user__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.team} ({self.role})"

    @property
    def can_write(self) -> bool:
        """May change customer records: accounts, people, conversations, journeys."""
        return self.role in WRITERS

    @property
    def can_shape(self) -> bool:
        """May shape buying processes and market-signal themes."""
        return self.role in SHAPERS

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER


# The zones a Nordic team's users work in; the server's TIME_ZONE applies when unset.
TIME_ZONES = [
    ("Europe/Oslo", _("Oslo")),
    ("Europe/Stockholm", _("Stockholm")),
    ("Europe/Copenhagen", _("Copenhagen")),
    ("Europe/Helsinki", _("Helsinki")),
    ("Atlantic/Reykjavik", _("Reykjavík")),
    ("Atlantic/Faroe", _("Tórshavn")),
    ("America/Nuuk", _("Nuuk")),
    ("Europe/London", _("London")),
    ("Europe/Berlin", _("Berlin")),
    ("UTC", _("UTC")),
]


class UserProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fasit_profile"
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Leave empty to follow your browser."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=TIME_ZONES,
        blank=True,
        help_text=_("Times you enter and see, and what 'today' means for you."),
    )

    def __str__(self) -> str:
        return f"profile of {self.user}"


class TokenScope(models.TextChoices):
    READ = "read", _("Read")
    WRITE = "write", _("Read and write")


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def for_team(self, team: Team | None) -> ApiTokenQuerySet:
        if team is None:
            return self.none()
        return self.filter(team=team)


class ApiToken(models.Model):
    """A personal access token for the API: one user in one team.

    Only a SHA-256 digest of the secret is stored (the secret is random, 256 bits, so a
    slow password hash adds nothing) and the secret is shown once, when created. The
    token acts with its user's role in its team at the moment of each request, and a
    read token never writes whatever the role.
    """

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="api_tokens")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=80)
    scope = models.CharField(
        _("scope"), max_length=5, choices=TokenScope.choices, default=TokenScope.READ
    )
    # The first characters of the secret, to tell tokens apart on the settings page.
    prefix = models.CharField(max_length=16)
    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.WRITE


INVITATION_DAYS = 7


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def for_team(self, team: Team | None) -> InvitationQuerySet:
        if team is None:
            return self.none()
        return self.filter(team=team)

    def pending(self) -> InvitationQuerySet:
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """An owner's invitation to join the team, sent by e-mail and accepted by the
    invitee (signed in, or with a new account). Owners never look users up: whether an
    address or username is known to Fasit is not revealed to anyone.

    The link's token is a bearer secret, so only its SHA-256 is stored; it exists in
    the e-mail alone. An invitation is used once, expires after INVITATION_DAYS and can
    be revoked until it is accepted."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    # Set by invitation_create on the invitation it returns; never stored.
    token: str = ""

    def __str__(self) -> str:
        return f"invitation of {self.email} to {self.team} ({self.role})"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode("utf-8")).hexdigest()
