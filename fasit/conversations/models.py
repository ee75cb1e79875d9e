from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fasit.core.models import TeamOwned, scoped_manager


class Kind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    COFFEE = "coffee", _("Coffee")
    CALL = "call", _("Call")
    VIDEO = "video", _("Video call")
    VISIT = "visit", _("Visit")
    EVENT = "event", _("Event")
    EMAIL = "email", _("E-mail")


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
    notes = models.TextField(_("notes"), blank=True, help_text=_("Markdown is supported."))
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


class FollowUp(models.Model):
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

    objects = scoped_manager("conversation__team")

    class Meta:
        ordering = ["done", "due_date", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return self.task
