"""Buying processes (templates per customer category) and buying journeys.

A journey's current stage is kept on the journey for cheap queries; the history of
stage changes is the record (each with its evidence), and the services keep the two
in step.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from fasit.core.models import Record, TeamOwned, scoped_manager
from fasit.customers.models import BuyingRole


class BuyingProcess(TeamOwned):
    """A team's buying-process template for one customer category.

    The process without a category is the team's default, used for accounts that
    have none.
    """

    category = models.ForeignKey(
        "customers.CustomerCategory",
        verbose_name=_("customer category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="buying_processes",
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "category"], name="one_buying_process_per_category"
            ),
            models.UniqueConstraint(
                fields=["team"],
                condition=models.Q(category__isnull=True),
                name="one_default_buying_process",
            ),
        ]
        verbose_name = _("buying process")
        verbose_name_plural = _("buying processes")

    def __str__(self) -> str:
        return self.name


class Stage(Record):
    """A buyer stage: what the buyer asks there, how we hear they have moved on into
    it, and what helps the buyer (buying support) and the seller (selling support)."""

    # Read through its parent: a change moves the parent's updated_at (core/audit.py).
    SYNC_PARENTS = ("process",)

    process = models.ForeignKey(BuyingProcess, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=120)
    questions = models.TextField(
        _("the buyer's questions"), blank=True, help_text=_("One question per line.")
    )
    signs = models.TextField(
        _("signs they have moved on to this stage"),
        blank=True,
        help_text=_("What you hear or see when the buyer has reached this stage; one per line."),
    )
    sign_keywords = models.TextField(
        _("sign keywords"),
        blank=True,
        help_text=_(
            "Words in conversation notes that suggest this stage, in any of the team's "
            "languages, separated by commas. A keyword also matches longer words that "
            "start with it."
        ),
    )
    buying_support = models.TextField(
        _("buying support"), blank=True, help_text=_("Material that helps the customer buy.")
    )
    selling_support = models.TextField(
        _("selling support"), blank=True, help_text=_("What helps the seller at this stage.")
    )
    typical_days = models.PositiveSmallIntegerField(
        _("typical days"),
        default=30,
        validators=[MaxValueValidator(3650)],
        help_text=_("Used until the team has enough history in this category to know better."),
    )

    objects = scoped_manager("process__team")

    class Meta:
        ordering = ["process", "order", "id"]
        verbose_name = _("buyer stage")
        verbose_name_plural = _("buyer stages")

    def __str__(self) -> str:
        return self.name

    @property
    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]

    @property
    def sign_list(self) -> list[str]:
        return [line.strip() for line in self.signs.splitlines() if line.strip()]


class Outcome(models.TextChoices):
    OPEN = "open", _("Open")
    BOUGHT = "bought", _("Bought from us")
    BOUGHT_ELSEWHERE = "elsewhere", _("Bought elsewhere")
    NO_DECISION = "no_decision", _("No decision (stayed with status quo)")


class Journey(TeamOwned):
    """A purchase an account is considering, followed from the buyer's side."""

    account = models.ForeignKey(
        "customers.Account",
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="buying_journeys",
    )
    # RESTRICT, not PROTECT: a stage or process cannot be deleted under its journeys
    # (the services move them first), but deleting the whole team still works.
    process = models.ForeignKey(
        BuyingProcess,
        verbose_name=_("buying process"),
        on_delete=models.RESTRICT,
        related_name="journeys",
    )
    title = models.CharField(_("what they are considering"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="NOK")
    stage = models.ForeignKey(
        Stage, verbose_name=_("buyer stage"), on_delete=models.RESTRICT, related_name="journeys"
    )
    stage_since = models.DateField(_("in this stage since"))
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.OPEN
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # The seller's forecast, kept apart from the buyer's side on purpose.
    forecast_probability = models.PositiveSmallIntegerField(
        _("seller's probability (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )
    forecast_close = models.DateField(_("seller's expected close date"), null=True, blank=True)
    forecast_value = models.DecimalField(
        _("seller's expected order value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["account__name", "title"]
        indexes = [
            models.Index(fields=["team", "outcome"]),
            # (team, process) first for the lists; outcome and account make it cover the
            # insight page's outcome counts and the motives' accounts (buying.0006).
            models.Index(fields=["team", "process", "outcome", "account"]),
        ]
        verbose_name = _("buying journey")
        verbose_name_plural = _("buying journeys")

    def __str__(self) -> str:
        return f"{self.title} ({self.account})"

    @property
    def is_open(self) -> bool:
        return self.outcome == Outcome.OPEN

    @property
    def value_at_stake(self) -> object:
        return self.forecast_value if self.forecast_value is not None else self.value


class StageChange(Record):
    """The buyer moved to ``to_stage`` on ``changed_on``, and this is how we know.

    Stage names are copied so the history reads right after a stage is renamed or
    removed from the template.
    """

    # Read through its parent: a change moves the parent's updated_at (core/audit.py).
    SYNC_PARENTS = ("journey",)

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="stage_changes"
    )
    from_name = models.CharField(max_length=120, blank=True)
    to_name = models.CharField(max_length=120)
    changed_on = models.DateField(_("date"))
    # The date of the journey's next change (in date, id order), None for its latest:
    # when this visit of ``to_stage`` ended. Kept by the services that add changes
    # (services.link_visits), so the insight page and the stage norms count visits
    # with a GROUP BY instead of pairing ~40,000 changes (scale 100) with LEAD per
    # request.
    left_on = models.DateField(null=True, blank=True, editable=False)
    conversation = models.ForeignKey(
        "conversations.Conversation",
        verbose_name=_("evidence: conversation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="buying_stage_changes",
    )
    note = models.TextField(_("evidence: what the customer said or did"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager("journey__team")

    class Meta:
        ordering = ["changed_on", "id"]
        # A journey's changes in visit order: the history, and link_visits pairing each
        # change with the next one.
        indexes = [models.Index(fields=["journey", "changed_on", "id"])]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self) -> str:
        return f"{self.journey.title}: {self.from_name or '–'} → {self.to_name} ({self.changed_on})"


class StageVisitCount(models.Model):
    """How many visits of a stage a team's journeys made, kept by the services
    (``visits.py``) as stage changes and outcomes change, so the insight page reads a
    few thousand counted rows instead of grouping the whole history (~40,000 changes
    at scale 100) after every change of the team's data.

    A completed visit is counted by its length in days (``days``); an open one (the
    journey's latest change) by its journey's outcome and the day it began, which the
    page needs to tell stalled journeys from moving ones on the day it is read."""

    team = models.ForeignKey("tenancy.Team", on_delete=models.CASCADE, related_name="+")
    process = models.ForeignKey(BuyingProcess, on_delete=models.CASCADE, related_name="+")
    # CASCADE: a removed stage's history points to no stage and counts nowhere.
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+")
    days = models.IntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True)
    entered_on = models.DateField(null=True, blank=True)
    n = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["team", "process", "stage"])]

    def __str__(self) -> str:
        return f"{self.stage_id}: {self.days} {self.outcome} {self.entered_on} × {self.n}"


class Stance(models.TextChoices):
    FOR = "for", _("For")
    NEUTRAL = "neutral", _("Neutral")
    AGAINST = "against", _("Against")
    UNKNOWN = "unknown", _("Unknown")


class BuyingGroupMember(Record):
    # Read through its parent: a change moves the parent's updated_at (core/audit.py).
    SYNC_PARENTS = ("journey",)

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "customers.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="buying_group_memberships",
    )
    role = models.CharField(_("buying role"), max_length=20, choices=BuyingRole.choices, blank=True)
    stance = models.CharField(
        _("stance"), max_length=10, choices=Stance.choices, default=Stance.UNKNOWN
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = scoped_manager("journey__team")

    class Meta:
        ordering = ["person__name"]
        constraints = [
            models.UniqueConstraint(fields=["journey", "person"], name="one_membership_per_journey")
        ]
        verbose_name = _("buying group member")
        verbose_name_plural = _("buying group")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_stance_display()})"


class MotiveTheme(models.TextChoices):
    """What a motive is about, so motives in customers' own words can be counted."""

    COST = "cost", _("Lower cost")
    UPTIME = "uptime", _("Uptime and reliability")
    SAFETY = "safety", _("Safety and risk")
    COMPLIANCE = "compliance", _("Rules and compliance")
    SUSTAINABILITY = "sustainability", _("Sustainability")
    GROWTH = "growth", _("Growth and capacity")
    SIMPLICITY = "simplicity", _("Simplicity and less work")
    CONTROL = "control", _("Control and insight")
    REPUTATION = "reputation", _("Reputation and career")
    OTHER = "other", _("Other")


class Pull(models.TextChoices):
    CHANGE = "change", _("Toward change")
    STATUS_QUO = "status_quo", _("Toward status quo")


class Motive(Record):
    """A buying motive in the customer's own words (not our USP)."""

    # Read through its parent: a change moves the parent's updated_at (core/audit.py).
    SYNC_PARENTS = ("journey",)

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="motives")
    person = models.ForeignKey(
        "customers.Person",
        verbose_name=_("whose motive"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="buying_motives",
        help_text=_("Leave empty when the motive is shared by the buying group."),
    )
    text = models.TextField(_("in the customer's own words"))
    theme = models.CharField(
        _("about"), max_length=20, choices=MotiveTheme.choices, default=MotiveTheme.OTHER
    )
    pulls = models.CharField(_("pulls"), max_length=12, choices=Pull.choices, default=Pull.CHANGE)
    conversation = models.ForeignKey(
        "conversations.Conversation",
        verbose_name=_("said in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="buying_motives",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager("journey__team")

    class Meta:
        ordering = ["id"]
        # The insight page counts each process's motives by theme: the journey's
        # motives' themes from the index alone (buying.0006).
        indexes = [models.Index(fields=["journey", "theme"])]
        verbose_name = _("buying motive")
        verbose_name_plural = _("buying motives")

    def __str__(self) -> str:
        return self.text[:80]


class MotiveThemeCount(models.Model):
    """A process's motives about one theme, counted: how many, from how many accounts,
    the newest motive's id and its three newest different wordings. Kept by the writes
    that change motives (``motives.py``), so the insight page reads a row per theme
    instead of grouping every motive and its wording (~9,600 at scale 100) on each
    first request."""

    team = models.ForeignKey("tenancy.Team", on_delete=models.CASCADE, related_name="+")
    process = models.ForeignKey(BuyingProcess, on_delete=models.CASCADE, related_name="+")
    theme = models.CharField(max_length=20)
    motives = models.IntegerField(default=0)
    accounts = models.IntegerField(default=0)
    last_id = models.BigIntegerField(default=0)
    examples = models.JSONField(default=list)

    class Meta:
        indexes = [models.Index(fields=["team", "process"])]

    def __str__(self) -> str:
        return f"{self.process_id} {self.theme}: {self.motives} / {self.accounts}"


class SuggestionDismissal(models.Model):
    """A person said this conversation is not evidence of a stage change."""

    # Read through its parent: a change moves the parent's updated_at (core/audit.py).
    SYNC_PARENTS = ("journey",)

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="dismissals")
    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="+"
    )
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager("journey__team")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["journey", "conversation"], name="one_dismissal_per_conversation"
            )
        ]
        verbose_name = _("dismissed stage suggestion")
        verbose_name_plural = _("dismissed stage suggestions")

    def __str__(self) -> str:
        return f"{self.journey_id}/{self.conversation_id}"
