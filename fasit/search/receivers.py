"""Keep the search index in step with the records saved and deleted through the
services. Bulk writes (the demo, imports) do not send these signals; they index what
they wrote with ``documents.index_records`` or ``index_team``."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from fasit.buying.models import Journey
from fasit.conversations.models import Conversation, ListeningAnalysis
from fasit.customers.models import Account, Person, PersonRole
from fasit.privacy.events import person_erased
from fasit.search.documents import (
    drop_records,
    index_account_dependents,
    index_records,
    index_team,
    theme_created,
    theme_saved,
    theme_statement_added,
)
from fasit.search.models import Kind
from fasit.signals.events import themes_changed
from fasit.signals.models import Statement, Theme

# Rebuilt whole on every save. A theme is not: its entry holds all its quotes' words,
# and its row is saved on every statement added (``_theme_saved``, ``_statement``).
RECORDS = {
    Account: Kind.ACCOUNT,
    Person: Kind.PERSON,
    Conversation: Kind.CONVERSATION,
    Journey: Kind.JOURNEY,
}


def _saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index_records(RECORDS[sender], [instance.pk])


def _deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    drop_records(RECORDS[sender], [instance.pk])


for _model in RECORDS:
    post_save.connect(_saved, sender=_model, dispatch_uid=f"search_saved_{_model.__name__}")
    post_delete.connect(_deleted, sender=_model, dispatch_uid=f"search_deleted_{_model.__name__}")


# The theme columns its search entry depends on (title: the names; presence: dismissed).
THEME_ENTRY_FIELDS = frozenset({"key", "label", "labels", "custom_label", "dismissed"})


@receiver(post_save, sender=Theme, dispatch_uid="search_saved_Theme")
def _theme_saved(sender: Any, instance: Theme, raw: bool = False, **kwargs: Any) -> None:
    fields = kwargs.get("update_fields")
    # A save of counts and level only (a statement joined) leaves the entry's title and
    # presence as they were: no need to read the entry.
    if raw or (fields is not None and not fields & THEME_ENTRY_FIELDS):
        return
    if kwargs.get("created"):
        theme_created(instance)
    else:
        theme_saved(instance)


@receiver(post_delete, sender=Theme, dispatch_uid="search_deleted_Theme")
def _theme_deleted(sender: Any, instance: Theme, **kwargs: Any) -> None:
    drop_records(Kind.THEME, [instance.pk])


@receiver(pre_save, sender=Account, dispatch_uid="search_account_renamed")
def _account_renamed(sender: Any, instance: Account, raw: bool = False, **kwargs: Any) -> None:
    """Conversations, people and journeys are found by their account's name too."""
    if raw or instance.pk is None:
        return
    old = Account.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    if old is not None and old != instance.name:
        instance._search_renamed = True  # type: ignore[attr-defined]


@receiver(post_save, sender=Account, dispatch_uid="search_account_dependents")
def _account_dependents(sender: Any, instance: Account, **kwargs: Any) -> None:
    if not getattr(instance, "_search_renamed", False):
        return
    instance._search_renamed = False  # type: ignore[attr-defined]
    index_account_dependents(instance)


@receiver([post_save, post_delete], sender=PersonRole, dispatch_uid="search_person_role")
def _role(sender: Any, instance: PersonRole, **kwargs: Any) -> None:
    index_records(Kind.PERSON, [instance.person_id])


@receiver([post_save, post_delete], sender=ListeningAnalysis, dispatch_uid="search_transcript")
def _transcript(sender: Any, instance: ListeningAnalysis, **kwargs: Any) -> None:
    # Saved again once the turns are written (and on every re-analysis), so the
    # transcript's words reach the conversation's entry.
    index_records(Kind.CONVERSATION, [instance.conversation_id])


@receiver([post_save, post_delete], sender=Statement, dispatch_uid="search_statement")
def _statement(sender: Any, instance: Statement, **kwargs: Any) -> None:
    if not instance.theme_id:
        return
    if kwargs.get("created") or kwargs.get("update_fields") == frozenset({"theme"}):
        # A new statement in its theme (``statement_create`` inserts it with its theme,
        # or on databases without a reserved id saves the theme after the insert): its
        # words are added to the entry. Moves between themes also save other fields and
        # send ``themes_changed``; an edit or a delete rebuilds the entry whole.
        theme_statement_added(instance.theme_id, instance.text)
    else:
        index_records(Kind.THEME, [instance.theme_id])


@receiver(themes_changed, dispatch_uid="search_themes_changed")
def _themes_changed(sender: Any, team: Any, theme_ids: Any, **kwargs: Any) -> None:
    # Merges, splits and regroupings move statements with bulk updates (no signals),
    # and a theme's row is saved before its statements arrive: index it again.
    if theme_ids is None:
        index_team(team, kinds=[Kind.THEME], merge=False)
    else:
        index_records(Kind.THEME, theme_ids)


@receiver(person_erased, dispatch_uid="search_person_erased")
def _erased(sender: Any, team: Any, **kwargs: Any) -> None:
    # The erasure rewrote text all over the team with bulk updates: rebuild the team's
    # index, and merge FTS5's segments so the old words leave the file.
    index_team(team)
