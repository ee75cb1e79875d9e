"""Contact that logs itself: where captured conversations came from, the mailboxes,
BCC addresses and calendars users connect, and what they keep private."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fasit.core.models import TeamOwned


class Source(models.TextChoices):
    IMAP = "imap", _("Mailbox sync")
    BCC = "bcc", _("BCC address")
    UPLOAD = "upload", _("Uploaded file")
    CALENDAR = "calendar", _("Calendar")


class CaptureSettings(TeamOwned):
    """A team's choices for captured contact. Bodies are off by default: privacy first."""

    store_body = models.BooleanField(
        _("keep the beginning of e-mail bodies"),
        default=False,
        help_text=_("Off: only who, when and the subject are kept."),
    )
    body_chars = models.PositiveIntegerField(_("characters of the body to keep"), default=500)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team"], name="one_capture_settings")]
        verbose_name = _("capture settings")
        verbose_name_plural = _("capture settings")

    def __str__(self) -> str:
        return f"{self.team}"


class CapturedItem(TeamOwned):
    """One captured message or calendar occurrence, by its identity (Message-ID, or
    ``ics:UID|RECURRENCE-ID``). Unique per team, so nothing is captured twice; when its
    conversation is deleted the row stays with no conversation: a tombstone that keeps
    the message from ever being captured again."""

    key = models.CharField(max_length=255)
    conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="captured_items",
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    source_detail = models.CharField(_("from"), max_length=255, blank=True)
    captured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("captured by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What the thread of a later message on the same day is found by.
    thread_subject = models.CharField(max_length=200, blank=True)
    day = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "key"], name="capture_unique_key")
        ]
        indexes = [models.Index(fields=["team", "day", "thread_subject"])]
        verbose_name = _("captured message")
        verbose_name_plural = _("captured messages")

    def __str__(self) -> str:
        return self.key


class Exclusion(TeamOwned):
    """An address or a whole domain a user keeps private: never captured for them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="capture_exclusions"
    )
    value = models.CharField(_("e-mail address or domain"), max_length=254)

    class Meta:
        ordering = ["value"]
        constraints = [
            models.UniqueConstraint(fields=["team", "user", "value"], name="capture_unique_exclusion")
        ]
        verbose_name = _("private contact")
        verbose_name_plural = _("private contacts")

    def __str__(self) -> str:
        return self.value


class TlsMode(models.TextChoices):
    SSL = "ssl", _("TLS (port 993)")
    STARTTLS = "starttls", _("STARTTLS (port 143)")
    NONE = "none", _("None (only on a trusted network)")


class MailConnection(TeamOwned):
    """A user's mailbox, read over IMAP. The password is encrypted with the operator's
    key (``FASIT_CAPTURE_KEY``) and never shown again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mail_connections"
    )
    host = models.CharField(_("IMAP server"), max_length=255)
    port = models.PositiveIntegerField(_("port"), default=993)
    tls = models.CharField(_("encryption"), max_length=10, choices=TlsMode.choices, default=TlsMode.SSL)
    username = models.CharField(_("user name"), max_length=255)
    password_encrypted = models.TextField()
    folders = models.CharField(
        _("folders"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated. Empty: the inbox and the sent folder."),
    )
    # {folder: {"uidvalidity": n, "uid": last UID read}}
    state: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)
    last_sync_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    # Messages of the last sync that could not be read (the sync went on without them).
    last_notice = models.TextField(blank=True)
    captured_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="capture_one_mailbox_per_user")
        ]
        verbose_name = _("mailbox")
        verbose_name_plural = _("mailboxes")

    def __str__(self) -> str:
        return f"{self.username}@{self.host}"


class MailAddress(TeamOwned):
    """A user's secret BCC/forward address ``log-<token>@FASIT_MAIL_DOMAIN``; only the
    token's SHA-256 is kept, so the address is shown once, when it is made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="capture_addresses"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=8)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="capture_one_address_per_user")
        ]
        verbose_name = _("BCC address")
        verbose_name_plural = _("BCC addresses")

    def __str__(self) -> str:
        return f"log-{self.hint}…"


class CalendarSource(TeamOwned):
    """A calendar a user subscribes to (the "publish calendar" link of Outlook or
    Google), fetched periodically."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_sources"
    )
    url = models.URLField(_("calendar address"), max_length=1000)
    last_sync_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "user", "url"], name="capture_unique_calendar")
        ]
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")

    def __str__(self) -> str:
        return self.url


class PlannedMeeting(TeamOwned):
    """A future calendar event with a customer: planned contact, not yet contact."""

    account = models.ForeignKey(
        "customers.Account", on_delete=models.CASCADE, related_name="planned_meetings"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="planned_meetings"
    )
    key = models.CharField(max_length=255)
    # Which calendar said so ("upload" or "source:<id>"): reading it again replaces
    # exactly its own planned meetings.
    origin = models.CharField(max_length=40, default="upload")
    starts_at = models.DateTimeField(_("starts"))
    summary = models.CharField(_("subject"), max_length=200, blank=True)
    kind = models.CharField(max_length=10)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user", "origin", "key"], name="capture_unique_planned"
            )
        ]
        indexes = [models.Index(fields=["account", "starts_at"])]
        verbose_name = _("planned meeting")
        verbose_name_plural = _("planned meetings")

    def __str__(self) -> str:
        return self.summary or self.key
