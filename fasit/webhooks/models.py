"""Webhook endpoints a team owner registers, and the log of every delivery to them.

Payloads carry ids and states, never a person's data: a receiver reads what it needs
through the API with a token, so an erased person leaves nothing behind in a log or
in another system's queue beyond an id.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fasit.core.models import TeamOwned, scoped_manager


class Event(models.TextChoices):
    CONVERSATION_LOGGED = "conversation.logged", _("Conversation logged")
    THEME_LEVEL_RAISED = "theme.level_raised", _("Theme level raised")
    ACCOUNT_WENT_DARK = "account.went_dark", _("Account went dark")
    JOURNEY_STAGE_CHANGED = "journey.stage_changed", _("Journey stage changed")
    PERSON_CREATED = "person.created", _("Person created")
    PERSON_ERASED = "person.erased", _("Person erased")


class WebhookEndpoint(TeamOwned):
    url = models.URLField(_("URL"), max_length=500)
    # Kept readable: it signs every delivery and the owner copies it to the receiver.
    secret = models.CharField(max_length=64)
    events: models.JSONField[list[str]] = models.JSONField(_("events"), default=list)
    active = models.BooleanField(default=True)
    # The first failure of the current run of failures; cleared by a success.
    failing_since = models.DateTimeField(null=True, blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.url


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting")
    DELIVERED = "delivered", _("Delivered")
    RETRYING = "retrying", _("Retrying")
    FAILED = "failed", _("Given up")


class WebhookDelivery(models.Model):
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(max_length=40, choices=Event.choices)
    payload: models.JSONField[dict[str, object]] = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    objects = scoped_manager("endpoint__team")

    class Meta:
        ordering = ["-id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint_id} ({self.status})"


class DarkAccount(models.Model):
    """Accounts the last sweep found going dark, so "went dark" is sent once per spell."""

    account = models.OneToOneField("customers.Account", on_delete=models.CASCADE, related_name="+")
    since = models.DateField()

    objects = scoped_manager("account__team")

    def __str__(self) -> str:
        return f"{self.account_id} dark since {self.since}"
