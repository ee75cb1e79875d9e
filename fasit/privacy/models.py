"""The team's privacy records: retention rules, the erasure review queue, information
notices sent, the register of exports and erasures, and who looked at what.

None of these rows holds a person's data beyond a link to the person (deleted with
them) or, for the register, a label that erasure blanks: the register must outlive
the people it mentions.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fasit.core.models import TeamOwned
from fasit.customers.models import LegalBasis


class PrivacySettings(TeamOwned):
    """One row per team: who the controller is (for information notices) and whether
    retention erases on its own or waits for an owner."""

    controller_name = models.CharField(
        _("controller (your company's legal name)"),
        max_length=200,
        blank=True,
        help_text=_("Named in information notices. Empty: the team's name."),
    )
    contact_email = models.EmailField(
        _("privacy contact e-mail"),
        blank=True,
        help_text=_("Where people send requests about their data."),
    )
    dpo_contact = models.CharField(
        _("data protection officer"),
        max_length=300,
        blank=True,
        help_text=_("Name and contact of your DPO, if you have one."),
    )
    auto_erase = models.BooleanField(
        _("erase automatically"),
        default=False,
        help_text=_(
            "When on, the daily retention run erases the people it finds due. When off, it "
            "lists them for an owner to confirm."
        ),
    )
    withdrawn_consent_days = models.PositiveSmallIntegerField(
        _("days to keep after consent is withdrawn"),
        default=0,
        help_text=_("0: due for erasure at once."),
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team"], name="one_privacy_settings")]
        verbose_name = _("privacy settings")
        verbose_name_plural = _("privacy settings")

    def __str__(self) -> str:
        return f"privacy settings of team {self.team_id}"


class RetentionRule(TeamOwned):
    """How long the team keeps people of one legal basis without real contact."""

    legal_basis = models.CharField(_("legal basis"), max_length=20, choices=LegalBasis.choices)
    months = models.PositiveSmallIntegerField(
        _("months without real contact"),
        null=True,
        blank=True,
        help_text=_("Empty: keep without a time limit."),
    )

    class Meta:
        ordering = ["legal_basis"]
        constraints = [
            models.UniqueConstraint(fields=["team", "legal_basis"], name="one_rule_per_basis")
        ]
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")

    def __str__(self) -> str:
        return f"{self.legal_basis}: {self.months}"


class DueReason(models.TextChoices):
    RETENTION = "retention", _("No real contact within the retention period")
    CONSENT_WITHDRAWN = "consent", _("Consent withdrawn")
    REQUESTED = "request", _("The person asked to be erased")


class ErasureCandidate(TeamOwned):
    """A person the retention rules (or a request) say should be erased, waiting for an
    owner: erase, or keep until a date with a reason."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an owner")
        KEPT = "kept", _("Kept")

    person = models.OneToOneField(
        "customers.Person", on_delete=models.CASCADE, related_name="erasure_candidate"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=DueReason.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    due_since = models.DateField(_("due since"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    kept_until = models.DateField(_("kept until"), null=True, blank=True)
    keep_reason = models.CharField(_("why it is kept"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_since", "id"]
        indexes = [models.Index(fields=["team", "status"])]
        verbose_name = _("person due for erasure")
        verbose_name_plural = _("people due for erasure")

    def __str__(self) -> str:
        return f"erasure candidate {self.person_id} ({self.reason})"


class NoticeChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    IN_PERSON = "in_person", _("In person")
    OTHER = "other", _("Other")


class InformationNotice(TeamOwned):
    """An Art. 14 information notice the team gave a person, and when."""

    person = models.ForeignKey(
        "customers.Person", on_delete=models.CASCADE, related_name="information_notices"
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    sent_on = models.DateField(_("sent on"))
    channel = models.CharField(
        _("how"), max_length=10, choices=NoticeChannel.choices, default=NoticeChannel.EMAIL
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = _("information notice")
        verbose_name_plural = _("information notices")

    def __str__(self) -> str:
        return f"information notice {self.sent_on} ({self.language})"


class RegisterEntry(TeamOwned):
    """Every export and erasure of a person's data: the register an owner shows a
    supervisory authority (Art. 30 input). ``person_label`` is blanked when the person
    is erased; the entry itself stays."""

    class Kind(models.TextChoices):
        EXPORT = "export", _("Export")
        ERASURE = "erasure", _("Erasure")

    class Channel(models.TextChoices):
        WEB = "web", _("Web")
        API = "api", _("API")
        CLI = "cli", _("Command line")
        RETENTION = "retention", _("Retention rule")

    kind = models.CharField(_("what"), max_length=10, choices=Kind.choices)
    person_ref = models.PositiveBigIntegerField(_("person id"))
    person_label = models.CharField(_("person"), max_length=200, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(_("how"), max_length=10, choices=Channel.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    counts: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["team", "person_ref"])]
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")

    def __str__(self) -> str:
        return f"{self.kind} of person {self.person_ref}"


class AccessLog(TeamOwned):
    """Someone read a person's full profile or a transcript (who, when)."""

    class What(models.TextChoices):
        PROFILE = "profile", _("Full profile")
        TRANSCRIPT = "transcript", _("Transcript")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what = models.CharField(_("what"), max_length=12, choices=What.choices)
    person = models.ForeignKey(
        "customers.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="access_log",
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="access_log",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["team", "-created_at"]),
            models.Index(fields=["person", "-created_at"]),
            models.Index(fields=["conversation", "-created_at"]),
        ]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.user_id} read {self.what} {self.person_id or self.conversation_id}"
