"""Market signals: statements customers made, grouped into themes raised by level.

The grouping itself is the engine's (``fasit.engine.signals``); these rows are its
memory: which theme each statement is in, what people decided (pinned statements,
taught words, dismissed themes), and the version that tells a process whether its
cached index is still current.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from fasit.core.models import TeamOwned, TeamScopedQuerySet


class Kind(models.TextChoices):
    WANT = "want", _("What they want to buy")
    HOW_TO_BUY = "how_to_buy", _("How they want to buy")
    NEED = "need", _("Need or problem")
    MOTIVE = "motive", _("Buying motive")
    OBJECTION = "objection", _("Objection")


class Level(models.TextChoices):
    NOTED = "noted", _("Noted")
    ALARM = "alarm", _("Alarm")
    CONFIRMED = "confirmed", _("Confirmed")


LEVEL_RANK = {Level.NOTED: 1, Level.ALARM: 2, Level.CONFIRMED: 3}


class Source(models.TextChoices):
    NOTES = "notes", _("Conversation notes")
    TRANSCRIPT = "transcript", _("Transcript")
    MANUAL = "manual", _("Entered by hand")


class SignalState(models.Model):
    """One row per team; ``version`` rises with every change to themes or statements."""

    team = models.OneToOneField("tenancy.Team", on_delete=models.CASCADE, related_name="+")
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"signals state of team {self.team_id} v{self.version}"


class IndexAdd(models.Model):
    """One statement added through ``statement_create`` (the change that made its team's
    signal state ``version``), so that another process holding the team's index at an
    older version replays the adds instead of rebuilding the whole index. Any other
    change bumps the version without a row here: a gap means "rebuild". Old rows are
    pruned (``index.LOG_KEEP``); a deleted statement takes its row with it (a gap)."""

    team = models.ForeignKey("tenancy.Team", on_delete=models.CASCADE, related_name="+")
    version = models.PositiveBigIntegerField()
    statement = models.ForeignKey("Statement", on_delete=models.CASCADE, related_name="+")
    theme_key = models.CharField(max_length=64)
    # The statement's independent-customer key when it was added: a later change of
    # corporate groups is a recount (a gap), so the replay uses the key as it was.
    group = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "version"], name="one_index_add_per_version")
        ]

    def __str__(self) -> str:
        return f"team {self.team_id} v{self.version}: statement {self.statement_id}"


class Theme(TeamOwned):
    key = models.CharField(max_length=64, help_text="The engine's theme id.")
    label = models.CharField(_("label"), max_length=200)
    # Fasit's label in each of sv, nb, da and en; ``label`` is the team language's.
    labels = models.JSONField(default=dict, blank=True)
    custom_label = models.CharField(_("name given by the team"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.NOTED)
    accounts = models.PositiveIntegerField(_("independent accounts"), default=0)
    # The engine's corroboration check (``ThemeIndex.corroborated``): False holds a theme
    # of three or more independent accounts at alarm (docs/signals.md, "Corroboration").
    corroborated = models.BooleanField(default=True)
    statement_count = models.PositiveIntegerField(default=0)
    languages = models.CharField(max_length=40, blank=True)
    concepts = models.JSONField(default=list, blank=True)
    dismissed = models.BooleanField(_("dismissed"), default=False)
    last_said_on = models.DateField(null=True, blank=True)
    level_reached_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-accounts", "-last_said_on", "id"]
        constraints = [models.UniqueConstraint(fields=["team", "key"], name="unique_theme_key")]
        indexes = [models.Index(fields=["team", "level", "-last_said_on"])]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The team's own name for the theme, else Fasit's label in the reader's
        language (the active one), else in the team's."""
        return self.custom_label or self.generated_label

    @property
    def generated_label(self) -> str:
        language = (get_language() or "")[:2]
        return self.labels.get("nb" if language == "no" else language) or self.label


class Statement(TeamOwned):
    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="statements"
    )
    account = models.ForeignKey(
        "customers.Account", on_delete=models.CASCADE, related_name="statements"
    )
    person = models.ForeignKey(
        "customers.Person",
        verbose_name=_("said by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )
    text = models.TextField(_("what the customer said"))
    question = models.TextField(
        _("the question it answers"),
        blank=True,
        help_text=_("A short answer (“Yes, we do.”) is a statement only with its question."),
    )
    seller_summary = models.BooleanField(
        _("the seller's summary"),
        default=False,
        help_text=_("Written by the seller about the customer, not the customer's own words."),
    )
    language = models.CharField(_("language"), max_length=5)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.NEED)
    said_on = models.DateField(_("date"))
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.NOTES)
    weak = models.BooleanField(
        _("weaker evidence"),
        default=False,
        help_text=_("The customer answered a seller's leading closed question."),
    )
    weak_reason = models.CharField(max_length=300, blank=True)
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    pinned = models.BooleanField(
        default=False, help_text="Placed by a person (merge or move); grouping never moves it."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-said_on", "-id"]
        indexes = [
            # The board counts each theme's statements and accounts from this index
            # alone (covering: no table reads, and rows come grouped by theme).
            models.Index(fields=["team", "theme", "account", "said_on", "weak"]),
            models.Index(fields=["team", "-said_on"]),
            # "Has this account's group said it already?" when a statement joins a theme.
            models.Index(fields=["theme", "account"]),
            # The board's quotes: each theme's newest statements, read in this order
            # and stopped after a few hundred (selectors.attach_evidence), no sort.
            models.Index(fields=["theme", "-said_on", "-id"]),
            # The unfiltered board's "N weaker" per theme: the weaker statements only,
            # so counting them does not read the team's other statements. ``weak`` is in
            # it so that it covers the count: without it SQLite (no statistics) chose
            # the covering index above and read all of the team's ~24,000 entries at
            # ``--scale 100`` (~14 ms) to find the few weaker ones.
            models.Index(
                fields=["team", "theme", "weak"],
                condition=models.Q(weak=True),
                name="signals_stmt_weak_theme2",
            ),
        ]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def full_text(self) -> str:
        """The statement as grouping reads it: a question and its answer together."""
        return f"{self.question} {self.text}" if self.question else self.text


class Proposal(TeamOwned):
    """A sentence Fasit thinks is a statement; a seller accepts or rejects it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="signal_proposals"
    )
    person = models.ForeignKey(
        "customers.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    question = models.TextField(blank=True)
    seller_summary = models.BooleanField(default=False)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    language = models.CharField(max_length=5)
    source = models.CharField(max_length=12, choices=Source.choices)
    weak = models.BooleanField(default=False)
    weak_reason = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    statement = models.OneToOneField(
        Statement, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "source", "question", "text"],
                name="one_proposal_per_answered_sentence",
            )
        ]
        verbose_name = _("proposed statement")
        verbose_name_plural = _("proposed statements")

    def __str__(self) -> str:
        return self.text[:80]


class TaughtTerm(TeamOwned):
    """A word a person taught the lexicon by moving a statement (term -> concept)."""

    term = models.CharField(max_length=80)
    concept = models.CharField(max_length=120)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "term", "concept"], name="unique_taught_term")
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.concept}"


class NotificationQuerySet(TeamScopedQuerySet):
    def unread_by(self, user: object) -> NotificationQuerySet:
        return self.exclude(read_by=user)  # type: ignore[misc]


class Notification(TeamOwned):
    """Told to the whole team in the app (and in the daily digest)."""

    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    level = models.CharField(max_length=10, choices=Level.choices)
    # The independent customers when the level was reached, so the message can be
    # written in each reader's language (``message``); ``text`` keeps the team
    # language's wording for the API and for notifications older than this field.
    accounts = models.PositiveIntegerField(default=0)
    text = models.CharField(max_length=300)
    read_by = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.text

    def message(self) -> str:
        """The notification in the active language (the reader's), naming the theme
        as it is called now."""
        if self.theme is None or (self.level == Level.CONFIRMED and not self.accounts):
            return self.text
        return notification_text(self.level, self.accounts, self.theme.name)


def notification_text(level: str, accounts: int, theme: str) -> str:
    if level == Level.CONFIRMED:
        return gettext("Confirmed: %(accounts)s independent customers say “%(theme)s”.") % {
            "accounts": accounts,
            "theme": theme,
        }
    return gettext("Alarm: a second independent customer says “%(theme)s”.") % {"theme": theme}
