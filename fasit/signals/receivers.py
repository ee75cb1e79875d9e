"""Reacting to conversations saved elsewhere: new notes get proposals, after commit."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from fasit.conversations.models import Conversation


@receiver(post_save, sender=Conversation, dispatch_uid="signals_propose_from_notes")
def conversation_saved(
    sender: Any, instance: Conversation, raw: bool = False, **kwargs: Any
) -> None:
    if raw or not instance.notes.strip():
        return
    from fasit.signals.tasks import propose_from_notes

    pk = instance.pk
    transaction.on_commit(lambda: propose_from_notes.enqueue(pk))
