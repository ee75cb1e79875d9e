"""Writes for conversations and follow-ups. Each is atomic and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.conversations.models import Conversation, FollowUp, Kind, TranscriptFile
from fasit.core.audit import audit_create, audit_delete, audit_update, snapshot
from fasit.core.services import model_update, require_member, require_same_team
from fasit.customers.models import Account, Person
from fasit.tenancy.models import Team

CONVERSATION_FIELDS = (
    "account",
    "occurred_at",
    "kind",
    "initiated_by",
    "customer_replied",
    "subject",
    "notes",
)


def validate_transcript_upload(upload: UploadedFile | None) -> None:
    if upload is None:
        return
    limit = settings.FASIT_MAX_UPLOAD_BYTES
    if upload.size is None or upload.size == 0:
        raise ValidationError(
            {"transcript": _("The file %(name)s is empty.") % {"name": upload.name}}
        )
    if upload.size > limit:
        raise ValidationError(
            {
                "transcript": _("The file %(name)s is %(size)s MB; the limit is %(limit)s MB.")
                % {
                    "name": upload.name,
                    "size": round(upload.size / 1024 / 1024, 1),
                    "limit": limit // 1024 // 1024,
                }
            }
        )


def _check_participants(team: Team, people: Iterable[Person], users: Iterable[Any]) -> None:
    for person in people:
        require_same_team(team, people=person)
    for user in users:
        require_member(team, users=user)


@transaction.atomic
def conversation_log(
    *,
    team: Team,
    actor: Any,
    account: Account,
    occurred_at: dt.datetime | None = None,
    kind: str = Kind.MEETING,
    initiated_by: str = "us",
    customer_replied: bool = False,
    subject: str = "",
    notes: str = "",
    people: Iterable[Person] = (),
    users: Iterable[Any] | None = None,
    transcript: UploadedFile | None = None,
    follow_ups: Iterable[dict[str, Any]] = (),
) -> Conversation:
    """Record a conversation with an account; the actor takes part unless told otherwise."""
    require_same_team(team, account=account)
    people = list(people)
    users = [actor] if users is None else list(users)
    _check_participants(team, people, users)
    validate_transcript_upload(transcript)
    conversation = Conversation(
        team=team,
        account=account,
        occurred_at=occurred_at or timezone.now(),
        kind=kind,
        initiated_by=initiated_by,
        customer_replied=customer_replied,
        subject=subject,
        notes=notes,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    conversation.full_clean()
    conversation.save()
    conversation.people.set(people)
    conversation.users.set(users)
    audit_create(team=team, actor=actor, instance=conversation)
    if transcript is not None:
        conversation_attach_transcript(
            conversation=conversation, actor=actor, transcript=transcript
        )
    for follow_up in follow_ups:
        followup_create(conversation=conversation, actor=actor, **follow_up)
    return conversation


@transaction.atomic
def conversation_update(
    *,
    conversation: Conversation,
    actor: Any,
    data: dict[str, Any],
    people: Iterable[Person] | None = None,
    users: Iterable[Any] | None = None,
) -> Conversation:
    team = conversation.team
    require_same_team(team, account=data.get("account"))
    before = snapshot(conversation)
    conversation, changed = model_update(
        instance=conversation, fields=CONVERSATION_FIELDS, data=data, team=team, actor=actor
    )
    if people is not None or users is not None:
        people = list(people if people is not None else conversation.people.all())
        users = list(users if users is not None else conversation.users.all())
        _check_participants(team, people, users)
        old_people = sorted(p.pk for p in conversation.people.all())
        old_users = sorted(u.pk for u in conversation.users.all())
        conversation.people.set(people)
        conversation.users.set(users)
        new_people = sorted(p.pk for p in people)
        new_users = sorted(u.pk for u in users)
        if (old_people, old_users) != (new_people, new_users) and not changed:
            audit_update(team=team, actor=actor, instance=conversation, before=before)
    return conversation


@transaction.atomic
def conversation_attach_transcript(
    *, conversation: Conversation, actor: Any, transcript: UploadedFile
) -> Conversation:
    validate_transcript_upload(transcript)
    content = b"".join(transcript.chunks())
    TranscriptFile.objects.filter(conversation=conversation).delete()
    stored = TranscriptFile.objects.create(
        conversation=conversation,
        name=(transcript.name or "transcript.txt")[:255],
        size=len(content),
        content=content,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_create(team=conversation.team, actor=actor, instance=stored)
    return conversation


@transaction.atomic
def conversation_delete(*, conversation: Conversation, actor: Any) -> None:
    audit_delete(team=conversation.team, actor=actor, instance=conversation)
    conversation.delete()


@transaction.atomic
def followup_create(
    *,
    conversation: Conversation,
    actor: Any,
    task: str,
    owner: Any = None,
    due_date: dt.date | None = None,
) -> FollowUp:
    require_member(conversation.team, owner=owner)
    follow_up = FollowUp(
        conversation=conversation, task=task.strip(), owner=owner, due_date=due_date
    )
    follow_up.full_clean()
    follow_up.save()
    audit_create(team=conversation.team, actor=actor, instance=follow_up)
    return follow_up


@transaction.atomic
def followup_set_done(*, follow_up: FollowUp, actor: Any, done: bool) -> FollowUp:
    follow_up, _changed = model_update(
        instance=follow_up,
        fields=("done", "done_at"),
        data={"done": done, "done_at": timezone.now() if done else None},
        team=follow_up.conversation.team,
        actor=actor,
    )
    return follow_up


@transaction.atomic
def followup_delete(*, follow_up: FollowUp, actor: Any) -> None:
    audit_delete(team=follow_up.conversation.team, actor=actor, instance=follow_up)
    follow_up.delete()
