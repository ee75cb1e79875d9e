from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fasit.core.models import Record, TeamOwned, scoped_manager
from fasit.core.validators import conversation_moment


class Kind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    COFFEE = "coffee", _("Coffee")
    CALL = "call", _("Call")
    VIDEO = "video", _("Video call")
    VISIT = "visit", _("Visit")
    EVENT = "event", _("Event")
    EMAIL = "email", _("E-mail")


# Room for a long meeting's notes (a page of A4 is about 3,000 characters), while
# bounding what the background proposals of one note can cost. Longer material belongs
# in an attached transcript or file.
NOTES_MAX_CHARS = 20_000


def validate_notes_length(value: str) -> None:
    if len(value) > NOTES_MAX_CHARS:
        raise ValidationError(
            _(
                "Notes can be at most %(limit)s characters; these are %(size)s. "
                "Shorten them or attach the rest as a file."
            ),
            code="max_length",
            params={"limit": f"{NOTES_MAX_CHARS:,}", "size": f"{len(value):,}"},
        )


class Initiator(models.TextChoices):
    US = "us", _("Us")
    CUSTOMER = "customer", _("The customer")


class Conversation(TeamOwned):
    account = models.ForeignKey(
        "customers.Account",
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="conversations",
    )
    occurred_at = models.DateTimeField(_("when"), db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MEETING)
    initiated_by = models.CharField(
        _("initiated by"), max_length=10, choices=Initiator.choices, default=Initiator.US
    )
    customer_replied = models.BooleanField(
        _("the customer answered"),
        default=False,
        help_text=_(
            "For e-mail: an exchange counts as real contact only when the customer answered."
        ),
    )
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    notes = models.TextField(
        _("notes"),
        blank=True,
        validators=[validate_notes_length],
        help_text=_("Markdown is supported."),
    )
    people = models.ManyToManyField(
        "customers.Person",
        verbose_name=_("customer participants"),
        blank=True,
        related_name="conversations",
    )
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("our participants"),
        blank=True,
        related_name="conversations",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["team", "-occurred_at"]),
            models.Index(fields=["account", "-occurred_at"]),
        ]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def clean(self) -> None:
        super().clean()
        if self.occurred_at is not None:
            try:
                conversation_moment(self.occurred_at)
            except ValidationError as error:
                raise ValidationError({"occurred_at": error}) from None

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.account} {self.occurred_at:%Y-%m-%d}"

    @property
    def title(self) -> str:
        return self.subject or f"{self.get_kind_display()} – {self.account}"


class TranscriptFile(models.Model):
    """The uploaded transcript as it came, kept in the database.

    In the database rather than on disk so web processes stay stateless and a
    failed upload can never leave a file behind without its row (or the reverse).
    """

    # Listed in its conversation's history (core/audit.py), without moving the
    # conversation's updated_at (the API does not read it through the conversation).
    HISTORY_PARENTS = ("conversation",)

    conversation = models.OneToOneField(
        Conversation, on_delete=models.CASCADE, related_name="transcript_file"
    )
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    content = models.BinaryField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = scoped_manager("conversation__team")

    class Meta:
        verbose_name = _("transcript file")
        verbose_name_plural = _("transcript files")

    def __str__(self) -> str:
        return self.name


class FollowUp(Record):
    # Read through its parent: a change moves the parent's updated_at (core/audit.py).
    SYNC_PARENTS = ("conversation",)

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="follow_ups"
    )
    task = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # For the API's updated_since (ticked off, moved, given another owner).
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = scoped_manager("conversation__team")

    class Meta:
        ordering = ["done", "due_date", "id"]
        indexes = [
            # A user's open follow-ups by due date (home's card, ``open_follow_ups``):
            # by the owner's index alone a seller's card read all their follow-ups,
            # done ones too (~5,000 for erik at --scale 100), to show ten. Partial, so
            # both databases take it for ``NOT done`` and read the open ones in order;
            # the conversation and ``done`` make it cover the card's count (SQLite,
            # without statistics, takes the owner's index for it otherwise).
            models.Index(
                fields=["owner", "due_date", "id", "conversation", "done"],
                condition=models.Q(done=False),
                name="conversations_followup_open",
            ),
        ]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return self.task

    @property
    def overdue(self) -> bool:
        """Open and due before today (the user's day: the time-zone middleware is active)."""
        return not self.done and self.due_date is not None and self.due_date < timezone.localdate()


class AnalysisStatus(models.TextChoices):
    PENDING = "pending", _("Analysing")
    DONE = "done", _("Analysed")
    FAILED = "failed", _("Failed")


class ListeningAnalysis(models.Model):
    """The listening analysis of a conversation's transcript.

    The report as JSON for the card, and its key figures as columns so the trend
    pages aggregate in the database instead of re-reading reports. ``revision``
    grows with every upload or mapping change; a task computes only the revision it
    was queued for, so an older queued run can never overwrite a newer mapping.
    """

    conversation = models.OneToOneField(
        Conversation, on_delete=models.CASCADE, related_name="listening"
    )
    transcript = models.OneToOneField(
        TranscriptFile, on_delete=models.CASCADE, related_name="analysis"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AnalysisStatus.choices, default=AnalysisStatus.PENDING
    )
    error = models.TextField(_("error"), blank=True)
    revision = models.PositiveIntegerField(default=1)
    format = models.CharField(_("format"), max_length=20)
    timing = models.CharField(_("timing"), max_length=10)
    language = models.CharField(_("language"), max_length=5, blank=True)
    speaker_labels = models.BooleanField(
        _("speakers named"),
        default=True,
        help_text=_("False when the transcript names no speakers (subtitles, speech recognition)."),
    )
    duration_seconds = models.FloatField(_("duration (seconds)"), null=True, blank=True)
    seller_talk_share = models.FloatField(_("seller talk share"), null=True, blank=True)
    seller_open_questions = models.PositiveIntegerField(null=True, blank=True)
    seller_closed_questions = models.PositiveIntegerField(null=True, blank=True)
    customer_questions = models.PositiveIntegerField(null=True, blank=True)
    longest_monologue_seconds = models.FloatField(null=True, blank=True)
    longest_monologue_words = models.PositiveIntegerField(null=True, blank=True)
    longest_story_seconds = models.FloatField(null=True, blank=True)
    longest_story_words = models.PositiveIntegerField(null=True, blank=True)
    summaries = models.PositiveIntegerField(null=True, blank=True)
    words_before_first_question = models.PositiveIntegerField(null=True, blank=True)
    patience_seconds = models.FloatField(null=True, blank=True)
    metrics: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)
    analysed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = scoped_manager("conversation__team")

    class Meta:
        indexes = [models.Index(fields=["status"])]
        verbose_name = _("listening analysis")
        verbose_name_plural = _("listening analyses")

    def __str__(self) -> str:
        return f"{self.transcript} ({self.get_status_display()})"

    @property
    def seller_questions(self) -> int | None:
        if self.seller_open_questions is None or self.seller_closed_questions is None:
            return None
        return self.seller_open_questions + self.seller_closed_questions


class SpeakerSide(models.TextChoices):
    """Who a transcript speaker is: someone of ours (a seller) or of the customer."""

    USER = "user", _("A user of the team")
    PERSON = "person", _("A person of the account")
    OTHER_CUSTOMER = "other_customer", _("Other customer")
    OTHER_US = "other_us", _("Other from us")


SELLER_SIDES = (SpeakerSide.USER, SpeakerSide.OTHER_US)


class TranscriptSpeaker(models.Model):
    """A name as the transcript gives it, and who that is in Fasit."""

    analysis = models.ForeignKey(
        ListeningAnalysis, on_delete=models.CASCADE, related_name="speakers"
    )
    position = models.PositiveIntegerField()
    name = models.CharField(_("name in the transcript"), max_length=200)
    side = models.CharField(_("who"), max_length=20, choices=SpeakerSide.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="transcript_speakers",
    )
    person = models.ForeignKey(
        "customers.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="transcript_speakers",
    )
    matched = models.BooleanField(
        default=False, help_text=_("Fasit recognised the name; nobody has corrected it.")
    )

    objects = scoped_manager("analysis__conversation__team")

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["analysis", "name"], name="speaker_name_once")
        ]
        verbose_name = _("transcript speaker")
        verbose_name_plural = _("transcript speakers")

    def __str__(self) -> str:
        return self.name

    @property
    def is_seller(self) -> bool:
        return self.side in SELLER_SIDES


class TranscriptTurn(models.Model):
    """Consecutive captions of one speaker, as the engine merged them."""

    analysis = models.ForeignKey(ListeningAnalysis, on_delete=models.CASCADE, related_name="turns")
    index = models.PositiveIntegerField()
    speaker = models.ForeignKey(TranscriptSpeaker, on_delete=models.CASCADE, related_name="turns")
    start = models.FloatField(null=True, blank=True)
    end = models.FloatField(null=True, blank=True)
    text = models.TextField()

    objects = scoped_manager("analysis__conversation__team")

    class Meta:
        ordering = ["analysis", "index"]
        constraints = [
            models.UniqueConstraint(fields=["analysis", "index"], name="turn_index_once")
        ]
        verbose_name = _("transcript turn")
        verbose_name_plural = _("transcript turns")

    def __str__(self) -> str:
        return f"{self.index}: {self.text[:40]}"
