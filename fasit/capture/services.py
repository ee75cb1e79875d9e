"""Writes for captured contact: a parsed message (or meeting) becomes a conversation
through the conversations app's own services, so Being on, coverage and health count
it exactly like logged contact. Each capture is atomic and audited."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.capture.models import CapturedItem, CaptureSettings, Exclusion
from fasit.conversations.models import Initiator, Kind
from fasit.conversations.services import conversation_log, conversation_update
from fasit.core.audit import audit_create, audit_delete, audit_update, snapshot
from fasit.core.services import require_writer
from fasit.customers.models import Account, Person, PersonRole
from fasit.engine.capture import (
    Directory,
    MailMessage,
    Match,
    build_directory,
    match_addresses,
)
from fasit.tenancy.models import Team
from fasit.tenancy.selectors import team_writers

logger = logging.getLogger(__name__)


class Outcome:
    CAPTURED = "captured"  # a new conversation
    JOINED = "joined"  # added to the thread's conversation of that day
    DUPLICATE = "duplicate"  # captured before
    DELETED = "deleted"  # captured before and deleted by a user: never again
    IGNORED = "ignored"  # no customer of the team in it


def team_directory(team: Team) -> Directory:
    """The team's people and writers by address, read once per sync or upload."""
    roles: dict[int, list[int]] = {}
    for person_id, account_id in PersonRole.objects.for_team(team).values_list(
        "person_id", "account_id"
    ):
        roles.setdefault(person_id, []).append(account_id)
    people = (
        (pk, email, roles.get(pk, ()))
        for pk, email in Person.objects.for_team(team).exclude(email="").values_list("pk", "email")
    )
    users = team_writers(team).values_list("pk", "email")
    return build_directory(people=people, users=users)


def capture_settings(team: Team) -> CaptureSettings:
    found = CaptureSettings.objects.for_team(team).first()
    return found if found is not None else CaptureSettings(team=team)


@dataclass
class CaptureContext:
    """What every message of one sync or upload is matched with: read once."""

    team: Team
    user: Any
    source: str
    source_detail: str = ""
    owner_addresses: frozenset[str] = frozenset()
    directory: Directory | None = None
    excluded: frozenset[str] = frozenset()
    store_body: bool = False
    body_chars: int = 500
    counts: dict[str, int] = field(default_factory=dict)
    # Read once per sync instead of once per message.
    _accounts: dict[int, Account] = field(default_factory=dict)
    _writers: dict[int, Any] | None = None

    def account(self, pk: int) -> Account:
        if pk not in self._accounts:
            self._accounts[pk] = Account.objects.for_team(self.team).get(pk=pk)
        return self._accounts[pk]

    def writers(self, pks: Iterable[int]) -> list[Any]:
        if self._writers is None:
            self._writers = {u.pk: u for u in team_writers(self.team)}
        return [self._writers[pk] for pk in pks if pk in self._writers]

    @classmethod
    def build(
        cls,
        *,
        team: Team,
        user: Any,
        source: str,
        source_detail: str = "",
        owner_addresses: Iterable[str] = (),
    ) -> CaptureContext:
        require_writer(team, user=user)
        chosen = capture_settings(team)
        addresses = {a.strip().lower() for a in (*owner_addresses, user.email or "") if "@" in a}
        return cls(
            team=team,
            user=user,
            source=source,
            source_detail=source_detail[:255],
            owner_addresses=frozenset(addresses),
            directory=team_directory(team),
            excluded=frozenset(
                Exclusion.objects.for_team(team).filter(user=user).values_list("value", flat=True)
            ),
            store_body=chosen.store_body,
            body_chars=chosen.body_chars,
        )

    def count(self, outcome: str) -> str:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        return outcome


def _local_day(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def _claim(context: CaptureContext, key: str, *, thread: str, day: dt.date | None) -> CapturedItem | str:
    """Take the key for this capture, or say why it was taken before. The unique
    constraint, not a prior read, decides: a sync and the BCC server capturing the same
    message at once still log it once."""
    existing = CapturedItem.objects.for_team(context.team).filter(key=key).first()
    if existing is not None:
        return Outcome.DUPLICATE if existing.conversation_id else Outcome.DELETED
    try:
        with transaction.atomic():
            return CapturedItem.objects.create(
                team=context.team,
                key=key,
                source=context.source,
                source_detail=context.source_detail,
                captured_by=context.user,
                thread_subject=thread[:200],
                day=day,
            )
    except IntegrityError:
        return Outcome.DUPLICATE


def capture_mail(
    *,
    context: CaptureContext,
    message: MailMessage,
    account: Account | None = None,
    person: Person | None = None,
) -> str:
    """Log one message as (part of) an e-mail conversation, or say why not.

    ``account`` or ``person``: an upload on that page; the message goes to that
    account (a person's first account) whatever its addresses say."""
    team = context.team
    assert context.directory is not None
    if person is not None and account is None:
        role = PersonRole.objects.for_team(team).filter(person=person).order_by("id").first()
        account = role.account if role is not None else None
        if account is None:
            raise ValidationError(
                {"file": _("%(person)s has no account, so the mail has nowhere to go.")
                 % {"person": person.name}}
            )
    match = match_addresses(
        message.addresses,
        message.sender,
        context.directory,
        owner_id=context.user.pk,
        owner_addresses=context.owner_addresses,
        excluded=context.excluded,
        account_id=account.pk if account is not None else None,
    )
    if match is None:
        # Most of a mailbox: decided without a query or a savepoint.
        return context.count(Outcome.IGNORED)
    with transaction.atomic():
        return _capture_matched(context, message, match, account, person)


def _capture_matched(
    context: CaptureContext,
    message: MailMessage,
    match: Match,
    account: Account | None,
    person: Person | None,
) -> str:
    team = context.team
    occurred_at = message.sent_at or timezone.now()
    day = _local_day(occurred_at)
    claimed = _claim(context, message.message_id, thread=message.thread_subject, day=day)
    if isinstance(claimed, str):
        return context.count(claimed)
    account = account or context.account(match.account_id)
    person_ids = set(match.person_ids)
    if person is not None:
        person_ids.add(person.pk)
    people = list(Person.objects.for_team(team).filter(pk__in=person_ids))
    users = context.writers(match.user_ids)
    body = message.body[: context.body_chars].strip() if context.store_body else ""
    # The thread's conversation of that day: a reply to a message we captured, or the
    # same subject (mail clients that drop References still keep "SV: subject").
    thread = Q(key__in=[*message.references, message.in_reply_to] if message.is_reply else [])
    if message.thread_subject:
        thread |= Q(thread_subject=message.thread_subject[:200])
    earlier = (
        CapturedItem.objects.for_team(team)
        .filter(thread, day=day, conversation__account=account, conversation__kind=Kind.EMAIL)
        .exclude(pk=claimed.pk)
        .select_related("conversation")
        .first()
    )
    if earlier is not None and earlier.conversation is not None:
        conversation = earlier.conversation
        side = Initiator.US if match.from_us else Initiator.CUSTOMER
        # Both sides in the thread, or the customer replying: the customer answered.
        answered = (
            conversation.customer_replied
            or (not match.from_us and message.is_reply)
            or side != conversation.initiated_by
        )
        data: dict[str, Any] = {"customer_replied": answered}
        if occurred_at < conversation.occurred_at:
            # Folders are read one after the other (the inbox before the sent folder),
            # so the thread's first message may come last: it sets when and who began.
            data.update(
                occurred_at=occurred_at, initiated_by=side, subject=message.subject[:200]
            )
        if body:
            data["notes"] = f"{conversation.notes}\n\n---\n\n{body}" if conversation.notes else body
        conversation = conversation_update(
            conversation=conversation,
            actor=context.user,
            data=data,
            people={*conversation.people.all(), *people},
            users={*conversation.users.all(), *users},
        )
        outcome = Outcome.JOINED
    else:
        conversation = conversation_log(
            team=team,
            actor=context.user,
            account=account,
            occurred_at=occurred_at,
            kind=Kind.EMAIL,
            initiated_by=Initiator.US if match.from_us else Initiator.CUSTOMER,
            # A customer's reply is an answer even when our first message is not here
            # (only their reply was forwarded to the BCC address, say).
            customer_replied=not match.from_us and message.is_reply,
            subject=message.subject[:200],
            notes=body,
            people=people,
            users=users,
        )
        outcome = Outcome.CAPTURED
    claimed.conversation = conversation
    claimed.save(update_fields=["conversation"])
    return context.count(outcome)


def _clean_exclusion(value: str) -> str:
    value = value.strip().lower().lstrip("@")
    if not value or " " in value or "." not in value.rpartition("@")[2]:
        raise ValidationError(
            {"value": _("Enter an e-mail address (name@example.com) or a domain (example.com).")}
        )
    return value


@transaction.atomic
def exclusion_add(*, team: Team, user: Any, value: str) -> Exclusion:
    value = _clean_exclusion(value)
    existing = Exclusion.objects.for_team(team).filter(user=user, value=value).first()
    if existing is not None:
        return existing
    exclusion = Exclusion.objects.create(team=team, user=user, value=value)
    audit_create(team=team, actor=user, instance=exclusion)
    return exclusion


@transaction.atomic
def exclusion_remove(*, exclusion: Exclusion, actor: Any) -> None:
    audit_delete(team=exclusion.team, actor=actor, instance=exclusion)
    exclusion.delete()


@transaction.atomic
def capture_settings_update(
    *, team: Team, actor: Any, store_body: bool, body_chars: int
) -> CaptureSettings:
    if not 1 <= body_chars <= 5000:
        raise ValidationError({"body_chars": _("Choose between 1 and 5000 characters.")})
    chosen = capture_settings(team)
    if chosen.pk is None:
        chosen.store_body, chosen.body_chars = store_body, body_chars
        chosen.save()
        audit_create(team=team, actor=actor, instance=chosen)
        return chosen
    before = snapshot(chosen)
    chosen.store_body, chosen.body_chars = store_body, body_chars
    chosen.save()
    audit_update(team=team, actor=actor, instance=chosen, before=before)
    return chosen
