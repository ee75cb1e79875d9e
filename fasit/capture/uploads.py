"""Uploaded ``.eml`` files and ``.mbox`` archives on an account's or a person's page.

An ``.eml`` file is one message in one transaction: a malformed one is refused with
a clear message and nothing is stored. An ``.mbox`` archive is captured message by
message, each in its own transaction, and the report names every message that could
not be read (by its number in the archive); the readable ones are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from fasit.capture.models import Source
from fasit.capture.services import CaptureContext, Outcome, capture_mail
from fasit.customers.models import Account, Person
from fasit.engine.capture import MailError, parse_message, split_mbox
from fasit.tenancy.models import Team


def mail_error_reason(error: MailError) -> str:
    reasons = {
        "empty": _("it is empty"),
        "no_sender": _("it has no sender (no From header with an address)"),
        "not_mbox": _('it is not an mbox archive (it must start with a "From " line)'),
    }
    return reasons.get(error.code, _("it cannot be read as an e-mail message"))


def mail_error_message(error: MailError, name: str, number: int | None = None) -> str:
    reason = mail_error_reason(error)
    if number is None:
        return _("The file %(name)s cannot be captured: %(reason)s.") % {
            "name": name,
            "reason": reason,
        }
    return _("Message %(number)s in %(name)s was skipped: %(reason)s.") % {
        "number": number,
        "name": name,
        "reason": reason,
    }


@dataclass
class UploadReport:
    name: str
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def captured(self) -> int:
        return self.counts.get(Outcome.CAPTURED, 0) + self.counts.get(Outcome.JOINED, 0)

    def count(self, outcome: str) -> int:
        return self.counts.get(outcome, 0)


def _is_mbox(name: str, content: bytes) -> bool:
    return name.lower().endswith(".mbox") or content.startswith(b"From ")


def mail_upload(
    *,
    team: Team,
    user: Any,
    name: str,
    content: bytes,
    account: Account | None = None,
    person: Person | None = None,
) -> UploadReport:
    """Capture the messages of an uploaded file onto ``account`` (or ``person``'s
    account, with the person in every conversation)."""
    limit = settings.FASIT_MAX_UPLOAD_BYTES
    if not content:
        raise ValidationError({"file": _("The file %(name)s is empty.") % {"name": name}})
    if len(content) > limit:
        raise ValidationError(
            {
                "file": _("The file %(name)s is %(size)s MB; the limit is %(limit)s MB.")
                % {
                    "name": name,
                    "size": round(len(content) / 1024 / 1024, 1),
                    "limit": limit // 1024 // 1024,
                }
            }
        )
    context = CaptureContext.build(team=team, user=user, source=Source.UPLOAD, source_detail=name)
    report = UploadReport(name=name, counts=context.counts)
    if not _is_mbox(name, content):
        try:
            message = parse_message(content, with_body=context.store_body)
        except MailError as exc:
            raise ValidationError({"file": mail_error_message(exc, name)}) from None
        capture_mail(context=context, message=message, account=account, person=person)
        return report
    try:
        raw_messages = split_mbox(content)
    except MailError as exc:
        raise ValidationError({"file": mail_error_message(exc, name)}) from None
    for number, raw in enumerate(raw_messages, start=1):
        try:
            message = parse_message(raw, with_body=context.store_body)
        except MailError as exc:
            report.problems.append(mail_error_message(exc, name, number))
            continue
        with transaction.atomic():
            capture_mail(context=context, message=message, account=account, person=person)
    return report
