"""Reacting to conversations saved elsewhere: new notes and analysed transcripts get
proposed statements."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from fasit.conversations.events import transcript_analysed
from fasit.conversations.models import Conversation, ListeningAnalysis
from fasit.engine.listening.questions import classify_sentence
from fasit.engine.listening.sentences import split_sentences


@receiver(post_save, sender=Conversation, dispatch_uid="signals_propose_from_notes")
def conversation_saved(
    sender: Any, instance: Conversation, raw: bool = False, **kwargs: Any
) -> None:
    if raw or not instance.notes.strip():
        return
    from fasit.signals.tasks import propose_from_notes

    pk = instance.pk
    transaction.on_commit(lambda: propose_from_notes.enqueue(pk))


@receiver(transcript_analysed, dispatch_uid="signals_propose_from_transcript")
def transcript_done(sender: Any, analysis: ListeningAnalysis, **kwargs: Any) -> None:
    """Propose statements from the customer's turns; an answer to a seller's leading
    closed question is weaker evidence and is marked so."""
    from fasit.signals.services import proposals_from_turns

    if not analysis.speaker_labels:
        # Subtitles or unsplit speech recognition: nothing says which words are the
        # customer's, and a seller's pitch is no customer statement.
        return
    turns = list(analysis.turns.select_related("speaker__person").order_by("index"))
    customer_turns = []
    for previous, turn in zip([None, *turns], turns, strict=False):
        if turn.speaker.is_seller:
            continue
        weak_reason = ""
        if previous is not None and previous.speaker.is_seller:
            sentences = split_sentences(previous.text)
            last = sentences[-1] if sentences else ""
            if classify_sentence(last, analysis.language or "en") == "closed":
                weak_reason = last[:300]
        customer_turns.append((turn.text, turn.speaker.person, weak_reason))
    proposals_from_turns(conversation=analysis.conversation, turns=customer_turns)
