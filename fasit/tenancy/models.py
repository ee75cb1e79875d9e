from __future__ import annotations

from django.conf import settings
from django.db import models
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
    #: units per euro, {"SEK": "10.95", ...}; empty: tenancy.currency.DEFAULT_RATES
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
