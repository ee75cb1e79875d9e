"""Reacting to conversations saved elsewhere: new notes and analysed transcripts get
proposed statements."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from fasit.conversations.events import transcript_analysed
from fasit.conversations.models import Conversation, ListeningAnalysis
from fasit.customers.models import Account
from fasit.engine.listening.questions import classify_sentence
from fasit.engine.listening.sentences import split_sentences
from fasit.tenancy.models import Team


@receiver(post_save, sender=Conversation, dispatch_uid="signals_propose_from_notes")
def conversation_saved(
    sender: Any, instance: Conversation, raw: bool = False, **kwargs: Any
) -> None:
    if raw or not instance.notes.strip():
        return
    from fasit.signals.tasks import propose_from_notes

    pk = instance.pk
    transaction.on_commit(lambda: propose_from_notes.enqueue(pk))


@receiver(pre_save, sender=Account, dispatch_uid="signals_account_group_before")
def account_group_before(sender: Any, instance: Account, raw: bool = False, **kwargs: Any) -> None:
    """Remember the corporate groups as they were, if this save may change them."""
    if raw or instance.pk is None:
        return
    from fasit.signals.index import group_roots

    old = Account.objects.filter(pk=instance.pk).values_list("parent_id", flat=True).first()
    if old != instance.parent_id:
        instance._signals_roots_before = group_roots(instance.team)  # type: ignore[attr-defined]


@receiver(post_save, sender=Account, dispatch_uid="signals_account_group_after")
def account_group_after(sender: Any, instance: Account, raw: bool = False, **kwargs: Any) -> None:
    """An account joined or left a corporate group: the themes it (or an account under
    it) spoke in count independent customers anew, in the same transaction."""
    before = getattr(instance, "_signals_roots_before", None)
    if raw or before is None:
        return
    del instance._signals_roots_before  # type: ignore[attr-defined]
    from fasit.signals.index import group_roots
    from fasit.signals.services import themes_recount

    after = group_roots(instance.team)
    moved = {
        account
        for account in {*before, *after, instance.pk}
        if before.get(account, account) != after.get(account, account)
    }
    themes_recount(team=instance.team, account_ids=moved)


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
        weak_reason = question = ""
        if previous is not None and previous.speaker.is_seller:
            sentences = split_sentences(previous.text)
            last = sentences[-1] if sentences else ""
            kind = classify_sentence(last, analysis.language or "en")
            if kind == "closed":
                weak_reason = last[:300]
            if kind != "none":
                question = last
        customer_turns.append((turn.text, turn.speaker.person, weak_reason, question))
    proposals_from_turns(conversation=analysis.conversation, turns=customer_turns)


@receiver(post_delete, sender=Team, dispatch_uid="signals_team_index_file")
def team_deleted(sender: Any, instance: Team, **kwargs: Any) -> None:
    """A deleted team's signal index file goes with it (it holds the team's statements),
    when the deletion commits."""
    from fasit.signals.index import discard_lock_file, index_file

    path = index_file(instance)  # now: the deletion sets the instance's pk to None
    if path is not None:

        def discard() -> None:
            path.unlink(missing_ok=True)
            # A lock file is deleted by whoever lets go of it; one stays only after a
            # process was killed holding it.
            discard_lock_file(path.with_suffix(".lock"))

        transaction.on_commit(discard)
