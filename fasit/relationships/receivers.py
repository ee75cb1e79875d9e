"""Keep ``AccountHealth``, ``PersonKnowledgeSnapshot`` and ``AccountKnowledgeSnapshot``
honest: whatever changes an account's health, a person's or an account's knowledge
score through the ORM deletes its snapshot, and the next ranking recomputes it (see ``snapshots.py``);
a change of the team's currency or rates converts the stored amounts again."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from fasit.relationships import snapshots


def _forget_account(sender: Any, instance: Any, **kwargs: Any) -> None:
    snapshots.forget(
        [
            instance.pk
            if sender is apps.get_model("customers", "Account")
            else getattr(instance, "account_id", None)
        ]
    )


def _forget_conversation_account(sender: Any, instance: Any, **kwargs: Any) -> None:
    conversation = getattr(instance, "conversation", None)
    snapshots.forget([getattr(conversation, "account_id", None)])


def _forget_team(sender: Any, instance: Any, **kwargs: Any) -> None:
    snapshots.forget_team(instance.team_id)


def _people_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kwargs: Any
) -> None:
    if not action.startswith("post_"):
        return
    if not reverse:
        snapshots.forget([instance.account_id])
        return
    conversation = apps.get_model("conversations", "Conversation")
    if pk_set:
        ids = conversation.objects.filter(pk__in=pk_set).values_list("account_id", flat=True)
    else:
        ids = conversation.objects.filter(people=instance).values_list("account_id", flat=True)
    snapshots.forget(list(ids))


def _forget_person(sender: Any, instance: Any, **kwargs: Any) -> None:
    snapshots.forget_people(
        [
            instance.pk
            if sender is apps.get_model("customers", "Person")
            else getattr(instance, "person_id", None)
        ]
    )


def _team_saved(sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    # The stored amounts in the team's currency follow a new currency or new rates.
    if update_fields is None or {"currency", "exchange_rates"} & set(update_fields):
        snapshots.convert_stored(instance)


def _forget_role_account(sender: Any, instance: Any, **kwargs: Any) -> None:
    snapshots.forget_account_knowledge([instance.account_id])


def connect() -> None:
    for label in (
        "customers.Account",
        "customers.PersonRole",
        "customers.AccountRevenue",
        "conversations.Conversation",
        "relationships.AccountCadence",
    ):
        model = apps.get_model(label)
        post_save.connect(_forget_account, sender=model, dispatch_uid=f"health-{label}-save")
        post_delete.connect(_forget_account, sender=model, dispatch_uid=f"health-{label}-del")
    norm = apps.get_model("relationships", "CadenceNorm")
    post_save.connect(_forget_team, sender=norm, dispatch_uid="health-norm-save")
    post_delete.connect(_forget_team, sender=norm, dispatch_uid="health-norm-del")
    post_save.connect(
        _forget_conversation_account,
        sender=apps.get_model("conversations", "ListeningAnalysis"),
        dispatch_uid="health-listening-save",
    )
    through = apps.get_model("conversations", "Conversation").people.through
    m2m_changed.connect(_people_changed, sender=through, dispatch_uid="health-people")
    post_save.connect(
        _team_saved, sender=apps.get_model("tenancy", "Team"), dispatch_uid="health-team-rates"
    )
    role = apps.get_model("customers", "PersonRole")
    post_save.connect(_forget_role_account, sender=role, dispatch_uid="knowledge-role-save")
    post_delete.connect(_forget_role_account, sender=role, dispatch_uid="knowledge-role-del")
    # What a knowledge score reads: the person's own fields and these profile parts.
    for label in (
        "customers.Person",
        "customers.FamilyMember",
        "customers.Interest",
        "customers.ImportantDate",
        "customers.LifeEvent",
    ):
        model = apps.get_model(label)
        post_save.connect(_forget_person, sender=model, dispatch_uid=f"knowledge-{label}-save")
        post_delete.connect(_forget_person, sender=model, dispatch_uid=f"knowledge-{label}-del")
