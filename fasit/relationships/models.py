"""Cadence norms and their overrides, reminder settings, calendar feeds and the record
of digests sent. The customers' own models are left alone: overrides live here."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from fasit.core.models import TeamOwned, scoped_manager
from fasit.customers.models import Tier
from fasit.engine.relationships.cadence import MAX_NORM, MIN_NORM

NORM_VALIDATORS = [MinValueValidator(MIN_NORM), MaxValueValidator(MAX_NORM)]


class CadenceNorm(TeamOwned):
    """The team's expected interval of real contact for one tier."""

    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices)
    days = models.PositiveSmallIntegerField(
        _("days between real contacts"), validators=NORM_VALIDATORS
    )

    class Meta:
        ordering = ["tier"]
        constraints = [models.UniqueConstraint(fields=["team", "tier"], name="one_norm_per_tier")]
        verbose_name = _("cadence norm")
        verbose_name_plural = _("cadence norms")

    def __str__(self) -> str:
        return f"{self.get_tier_display()}: {self.days}"


class AccountCadence(models.Model):
    """An account's own norm, overriding its tier's."""

    account = models.OneToOneField(
        "customers.Account", on_delete=models.CASCADE, related_name="cadence_override"
    )
    days = models.PositiveSmallIntegerField(
        _("days between real contacts"), validators=NORM_VALIDATORS
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = scoped_manager("account__team")

    class Meta:
        verbose_name = _("account cadence")
        verbose_name_plural = _("account cadences")

    def __str__(self) -> str:
        return f"{self.account}: {self.days}"


class PersonCadence(models.Model):
    """A person's own norm, overriding their account's."""

    person = models.OneToOneField(
        "customers.Person", on_delete=models.CASCADE, related_name="cadence_override"
    )
    days = models.PositiveSmallIntegerField(
        _("days between real contacts"), validators=NORM_VALIDATORS
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = scoped_manager("person__team")

    class Meta:
        verbose_name = _("person cadence")
        verbose_name_plural = _("person cadences")

    def __str__(self) -> str:
        return f"{self.person}: {self.days}"


class FeedKind(models.TextChoices):
    """What a member's calendar feed may hold; each member chooses."""

    BIRTHDAY = "birthday", _("Birthdays")
    WORK_ANNIVERSARY = "work_anniversary", _("Work anniversaries")
    NAME_DAY = "name_day", _("Name days")
    OTHER = "other", _("Other important dates")
    LIFE_EVENT = "life_event", _("Life events")
    FOLLOW_UP = "follow_up", _("My follow-ups")


def default_feed_kinds() -> list[str]:
    """Everything but name days: a big book of customers has hundreds of them a year,
    so they are opt-in."""
    return [k for k in FeedKind.values if k != FeedKind.NAME_DAY]


class ReminderSetting(TeamOwned):
    """How far ahead a seller wants to hear about important dates, and whether they
    get the daily digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    days_before = models.PositiveSmallIntegerField(
        _("remind me this many days before"),
        default=3,
        validators=[MaxValueValidator(60)],
    )
    digest = models.BooleanField(_("send me the daily digest"), default=True)
    feed_kinds = models.JSONField(_("in my calendar feed"), default=default_feed_kinds)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="one_reminder_setting_per_member")
        ]
        verbose_name = _("reminder setting")
        verbose_name_plural = _("reminder settings")

    def __str__(self) -> str:
        return f"{self.user} @ {self.team}: {self.days_before}"


class CalendarFeed(TeamOwned):
    """A personal iCalendar feed behind a secret URL. Revoking keeps the row (so the
    audit trail can point at it) and the token answers 404 from then on.

    The token is a bearer secret, so only its SHA-256 is stored (``token_hash``): a
    copy of the database does not open anyone's feed. The token itself exists only on
    the instance the service returns when it makes one (``token``), to be shown once.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_live_feed_per_member",
            )
        ]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    # Set by calendar_feed_regenerate on the feed it returns; never stored.
    token: str = ""

    def __str__(self) -> str:
        state = "revoked" if self.revoked_at else "live"
        return f"calendar feed of {self.user} ({state})"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode("utf-8")).hexdigest()


class DigestSent(TeamOwned):
    """One row per seller and day, so a second run of the digest sends nothing twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    sections = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "user", "date"], name="one_digest_per_day")
        ]
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")

    def __str__(self) -> str:
        return f"digest {self.user} {self.date}"


class AccountHealth(TeamOwned):
    """Derived, not a record: one account's health as of ``day``, so the Being on page
    and the home card can rank every account by revenue at risk without assessing
    them all. Rows of another day are stale; a change to the account's conversations,
    people, revenue or norm deletes its row (``receivers.py``) and the next read
    recomputes it (``snapshots.py``). Never audited."""

    account = models.OneToOneField(
        "customers.Account", on_delete=models.CASCADE, related_name="health_snapshot"
    )
    day = models.DateField()
    health = models.PositiveSmallIntegerField()
    going_dark = models.BooleanField()
    revenue_at_risk = models.DecimalField(max_digits=16, decimal_places=0, null=True)
    currency = models.CharField(max_length=3, blank=True)
    #: ``revenue_at_risk`` in the team's currency (``tenancy.currency.convert``, rounded
    #: per row as the pages show it), so the database ranks and sums the accounts; None
    #: without revenue or without a rate. Converted at the currency and rates that
    #: ``rates_key`` names (``snapshots.rates_key``): a row of another key is stale.
    at_risk_team = models.DecimalField(max_digits=20, decimal_places=0, null=True)
    rates_key = models.BigIntegerField(null=True)
    #: The health ``cadence.TREND_DAYS`` before ``day`` (its trend), as the key accounts'
    #: page shows it (``selectors.key_account_health``); stored for key accounts by the
    #: refresh, None for the others and for rows written without it.
    health_before = models.PositiveSmallIntegerField(null=True)

    class Meta:
        verbose_name = _("account health snapshot")
        verbose_name_plural = _("account health snapshots")

    def __str__(self) -> str:
        return f"{self.account_id} {self.day}: {self.health}"


class AccountRowSnapshot(TeamOwned):
    """Derived, not a record: one account's whole Being on row as of ``day`` (its full
    assessment, revenue and currency as JSON, ``snapshots.dump_row``), stored by the
    daily refresh so a page reads the 50 rows it shows instead of assessing them. Kept
    apart from ``AccountHealth``, whose rows the database scans to rank every account.
    Rows of another day are stale; a change to the account deletes its row with its
    health (``snapshots.forget``), and a row is used only while no audited change since
    ``version`` (the team's data version the refresh read before assessing) names its
    account (``snapshots.stored_rows``). Never audited; holds ids, codes, dates and
    numbers, no names."""

    account = models.OneToOneField(
        "customers.Account", on_delete=models.CASCADE, related_name="row_snapshot"
    )
    day = models.DateField()
    row = models.TextField()
    version = models.BigIntegerField()

    class Meta:
        verbose_name = _("account row snapshot")
        verbose_name_plural = _("account row snapshots")

    def __str__(self) -> str:
        return f"{self.account_id} {self.day}"


class PersonKnowledgeSnapshot(TeamOwned):
    """Derived, not a record: one person's knowledge score as of ``day``, so the key
    accounts ranking can score thousands of people without reading their profiles.
    Rows of another day are stale (the score's freshness depends on the day); a change
    to the person or to their family, interests, dates or life events deletes the row
    (``receivers.py``) and the next read computes the score in memory (``selectors``).
    Never audited."""

    person = models.OneToOneField(
        "customers.Person", on_delete=models.CASCADE, related_name="knowledge_snapshot"
    )
    day = models.DateField()
    score = models.PositiveSmallIntegerField()

    class Meta:
        # "Which of the team's people have no score for today" reads this index alone:
        # through the team's index it read every stored row of the team (~20,000 at
        # scale 100, ~10 ms of SQLite, three times per key accounts request before the
        # day's refresh).
        indexes = [models.Index(fields=["team", "day", "person"])]
        verbose_name = _("person knowledge snapshot")
        verbose_name_plural = _("person knowledge snapshots")

    def __str__(self) -> str:
        return f"{self.person_id} {self.day}: {self.score}"


class AccountKnowledgeSnapshot(TeamOwned):
    """Derived, not a record: one account's knowledge score as of ``day`` (the score
    the key accounts page ranks by), so the key accounts API can rank and page the
    team's key accounts in the database. Written with the people's snapshots
    (``snapshots.refresh_knowledge``); rows of another day are stale; a change to
    the account's roles or to one of its people's profiles deletes the row
    (``receivers.py``) and the next read computes the score in memory. Never audited."""

    account = models.OneToOneField(
        "customers.Account", on_delete=models.CASCADE, related_name="knowledge_snapshot"
    )
    day = models.DateField()
    score = models.PositiveSmallIntegerField()

    class Meta:
        # The API's ranking: the team's fresh rows, least known first.
        indexes = [models.Index(fields=["team", "day", "score"], name="account_knowledge_rank")]
        verbose_name = _("account knowledge snapshot")
        verbose_name_plural = _("account knowledge snapshots")

    def __str__(self) -> str:
        return f"{self.account_id} {self.day}: {self.score}"


class DailyRun(models.Model):
    """One run of a once-a-day job for the whole installation (``daily.py``): the
    first worker to insert the (job, day) row runs it, every other finds the row and
    skips. ``finished_at`` is set only when the run completed, so a worker stopped
    mid-run leaves the day undone; its claim (``claimed_at``, renewed as the run goes
    on) then ages past ``FASIT_TASK_STALE_SECONDS`` and another worker takes it over.
    Not team data: never exported, never audited."""

    job = models.CharField(max_length=40)
    day = models.DateField()
    claimed_by = models.CharField(max_length=100)
    claimed_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "day"], name="one_run_per_job_day")]
        verbose_name = _("daily run")
        verbose_name_plural = _("daily runs")

    def __str__(self) -> str:
        state = "done" if self.finished_at else f"claimed by {self.claimed_by}"
        return f"{self.job} {self.day}: {state}"
