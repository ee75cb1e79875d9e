"""Events from the other apps' models and signals, so no service needs to know about
webhooks. Bulk loads (the demo, imports with bulk_create) send no events."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from fasit.buying.models import StageChange
from fasit.conversations.models import Conversation
from fasit.customers.models import Person
from fasit.privacy.events import person_erased
from fasit.signals.models import LEVEL_RANK, Theme
from fasit.webhooks.models import Event
from fasit.webhooks.services import emit


@receiver(post_save, sender=Conversation, dispatch_uid="webhooks_conversation")
def _conversation_logged(sender: Any, instance: Conversation, created: bool, **kw: Any) -> None:
    if created:
        emit(
            team_id=instance.team_id,
            event=Event.CONVERSATION_LOGGED,
            data={
                "conversation_id": instance.pk,
                "account_id": instance.account_id,
                "kind": instance.kind,
                "occurred_at": instance.occurred_at.isoformat(),
            },
        )


@receiver(post_save, sender=Person, dispatch_uid="webhooks_person")
def _person_created(sender: Any, instance: Person, created: bool, **kw: Any) -> None:
    if created:
        emit(team_id=instance.team_id, event=Event.PERSON_CREATED, data={"person_id": instance.pk})


@receiver(person_erased, dispatch_uid="webhooks_person_erased")
def _person_erased(sender: Any, team: Any, person_id: int, **kw: Any) -> None:
    emit(team_id=team.pk, event=Event.PERSON_ERASED, data={"person_id": person_id})


@receiver(post_save, sender=StageChange, dispatch_uid="webhooks_stage")
def _stage_changed(sender: Any, instance: StageChange, created: bool, **kw: Any) -> None:
    if created:
        journey = instance.journey
        emit(
            team_id=journey.team_id,
            event=Event.JOURNEY_STAGE_CHANGED,
            data={
                "journey_id": journey.pk,
                "account_id": journey.account_id,
                "from_stage": instance.from_name or None,
                "to_stage": instance.to_name,
                "to_stage_id": instance.to_stage_id,
                "changed_on": instance.changed_on.isoformat(),
                "conversation_id": instance.conversation_id,
            },
        )


@receiver(pre_save, sender=Theme, dispatch_uid="webhooks_theme_before")
def _theme_before(sender: Any, instance: Theme, **kw: Any) -> None:
    # A service that read the row in the saving transaction sets the level it read
    # (signals' ``_sync_joined``, on every statement added): no second read.
    if instance.pk and not hasattr(instance, "_webhook_level"):
        instance._webhook_level = (  # type: ignore[attr-defined]
            Theme.objects.filter(pk=instance.pk).values_list("level", flat=True).first()
        )


@receiver(post_save, sender=Theme, dispatch_uid="webhooks_theme")
def _theme_level(sender: Any, instance: Theme, created: bool, **kw: Any) -> None:
    before = None if created else getattr(instance, "_webhook_level", None)
    # Read for this save only: the next save of the same object reads the row again.
    instance.__dict__.pop("_webhook_level", None)
    if LEVEL_RANK.get(instance.level, 0) > LEVEL_RANK.get(before, 0) and not (
        created and instance.level == "noted"
    ):
        emit(
            team_id=instance.team_id,
            event=Event.THEME_LEVEL_RAISED,
            data={"theme_id": instance.pk, "level": instance.level, "previous_level": before},
        )
