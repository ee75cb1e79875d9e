from __future__ import annotations

from django_tasks import task

from fasit.conversations.models import Conversation
from fasit.signals import services


@task()
def propose_from_notes(conversation_id: int) -> int:
    """Propose candidate statements from a conversation's notes (after it is saved)."""
    conversation = Conversation.objects.filter(pk=conversation_id).first()
    if conversation is None or not conversation.notes.strip():
        return 0
    return len(services.proposals_from_notes(conversation=conversation))
