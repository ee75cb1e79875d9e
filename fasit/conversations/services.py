"""Writes for conversations and follow-ups. Each is atomic and audited."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.conversations.events import transcript_analysed
from fasit.conversations.models import (
    SELLER_SIDES,
    AnalysisStatus,
    Conversation,
    FollowUp,
    Kind,
    ListeningAnalysis,
    SpeakerSide,
    TranscriptFile,
    TranscriptSpeaker,
    TranscriptTurn,
)
from fasit.conversations.selectors import speaker_candidates
from fasit.conversations.transcripts import (
    SpeakerMatch,
    match_speakers,
    report_columns,
    transcript_error_message,
)
from fasit.core.audit import (
    audit_cascade,
    audit_create,
    audit_delete,
    audit_record,
    audit_update,
    snapshot,
)
from fasit.core.models import AuditEvent
from fasit.core.services import model_update, require_member, require_same_team, require_writer
from fasit.customers.models import Account, Person
from fasit.engine.listening import analyse
from fasit.engine.transcripts import Transcript, TranscriptError, parse_transcript
from fasit.tenancy.models import Team
from fasit.tenancy.selectors import team_users

logger = logging.getLogger(__name__)

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
        require_writer(team, users=user)


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
    # Reading a large transcript takes seconds: do it before the write transaction,
    # which on SQLite (IMMEDIATE) holds the database's one write lock from its start.
    upload = read_transcript_upload(transcript) if transcript is not None else None
    with transaction.atomic():
        return _conversation_log(
            team=team,
            actor=actor,
            account=account,
            occurred_at=occurred_at,
            kind=kind,
            initiated_by=initiated_by,
            customer_replied=customer_replied,
            subject=subject,
            notes=notes,
            people=people,
            users=users,
            upload=upload,
            follow_ups=follow_ups,
        )


def _conversation_log(
    *,
    team: Team,
    actor: Any,
    account: Account,
    occurred_at: dt.datetime | None,
    kind: str,
    initiated_by: str,
    customer_replied: bool,
    subject: str,
    notes: str,
    people: Iterable[Person],
    users: Iterable[Any] | None,
    upload: ReadTranscript | None,
    follow_ups: Iterable[dict[str, Any]],
) -> Conversation:
    require_same_team(team, account=account)
    people = list(people)
    users = [actor] if users is None else list(users)
    _check_participants(team, people, users)
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
    if upload is not None:
        _attach(conversation=conversation, actor=actor, upload=upload)
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


class ReadTranscript(NamedTuple):
    name: str
    content: bytes
    parsed: Transcript


def read_transcript_upload(transcript: UploadedFile) -> ReadTranscript:
    """Check and parse an upload, outside any transaction. A file the engine cannot
    read raises a ``ValidationError`` naming the problem."""
    validate_transcript_upload(transcript)
    name = transcript.name or "transcript.txt"
    content = b"".join(transcript.chunks())
    return ReadTranscript(name, content, _parse(name, content))


def conversation_attach_transcript(
    *, conversation: Conversation, actor: Any, transcript: UploadedFile
) -> Conversation:
    """Store an uploaded transcript, read it, and queue its listening analysis.

    A file the engine cannot read raises a ``ValidationError`` naming the problem
    and stores nothing. The file is parsed before the write transaction starts.
    """
    upload = read_transcript_upload(transcript)
    with transaction.atomic():
        _attach(conversation=conversation, actor=actor, upload=upload)
    return conversation


def _attach(*, conversation: Conversation, actor: Any, upload: ReadTranscript) -> None:
    analysis = transcript_store(
        conversation=conversation,
        actor=actor,
        name=upload.name,
        content=upload.content,
        parsed=upload.parsed,
    )
    _queue_analysis(analysis)


def _parse(name: str, content: bytes) -> Transcript:
    try:
        return parse_transcript(content)
    except TranscriptError as exc:
        raise ValidationError({"transcript": transcript_error_message(exc, name)}) from None


@transaction.atomic
def transcript_store(
    *,
    conversation: Conversation,
    actor: Any,
    name: str,
    content: bytes,
    parsed: Transcript | None = None,
) -> ListeningAnalysis:
    """Parse and keep a transcript: the file, its speakers (matched to the team's
    users and the account's people) and its turns. The metrics come later, from
    ``listening_analyse``; callers queue it (or, like the demo, call it). Pass
    ``parsed`` (from ``read_transcript_upload``) to keep the parsing out of the
    transaction."""
    if parsed is None:
        parsed = _parse(name, content)
    team = conversation.team
    for old in TranscriptFile.objects.filter(conversation=conversation):
        audit_delete(team=team, actor=actor, instance=old)
        old.delete()
    stored = TranscriptFile.objects.create(
        conversation=conversation,
        name=name[:255],
        size=len(content),
        content=content,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_create(team=team, actor=actor, instance=stored)
    analysis = ListeningAnalysis.objects.create(
        conversation=conversation,
        transcript=stored,
        format=parsed.format,
        timing=parsed.timing,
        speaker_labels=parsed.speaker_labels,
    )
    matches = match_speakers(
        parsed.speakers,
        users=team_users(team),
        people=speaker_candidates(conversation),
        participants=conversation.people.all(),
    )
    speakers = TranscriptSpeaker.objects.bulk_create(
        TranscriptSpeaker(
            analysis=analysis,
            position=position,
            name=speaker_name[:200],
            side=match.side,
            user=match.user,
            person=match.person,
            matched=match.matched,
        )
        for position, (speaker_name, match) in enumerate(matches.items())
    )
    by_name = {s.name: s.pk for s in speakers}
    _insert_turns(
        (analysis.pk, index, by_name[turn.speaker[:200]], turn.start, turn.end, turn.text)
        for index, turn in enumerate(parsed.turns)
    )
    # The turns were bulk-written (no signals): the transcript's words reach search here.
    from fasit.search.documents import index_records

    index_records("conversation", [conversation.pk])
    return analysis


def _insert_turns(rows: Iterable[tuple[int, int, int, float | None, float | None, str]]) -> None:
    """Insert turn rows with plain ``executemany``: a 20 MB transcript has some 85,000
    turns, and building as many model instances for ``bulk_create`` took about 20 s on
    a busy machine, all of it inside the write transaction (SQLite's one write lock);
    this takes a fraction of that."""
    table = TranscriptTurn._meta.db_table
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(TranscriptTurn._meta.get_field(name).column)
        for name in ("analysis", "index", "speaker", "start", "end", "text")
    )
    sql = f"INSERT INTO {quote(table)} ({columns}) VALUES (%s, %s, %s, %s, %s, %s)"  # noqa: S608
    batch: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) == 5000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def _queue_analysis(analysis: ListeningAnalysis) -> None:
    from fasit.conversations.tasks import analyse_transcript

    analysis_id, revision = analysis.pk, analysis.revision
    transaction.on_commit(lambda: analyse_transcript.enqueue(analysis_id, revision))


@transaction.atomic
def transcript_speakers_map(
    *, analysis: ListeningAnalysis, actor: Any, mapping: dict[int, SpeakerMatch]
) -> ListeningAnalysis:
    """Correct who the transcript's speakers are (``mapping``: speaker id -> match)
    and queue the analysis again. A failed analysis is retried even unchanged."""
    team = analysis.conversation.team
    if not analysis.speaker_labels and any(m.side in SELLER_SIDES for m in mapping.values()):
        # The one "Unknown speaker" is everyone in the meeting: as the seller it
        # would make a 100% talk share.
        raise ValidationError(
            {
                "__all__": _(
                    "This transcript names no speakers, so nobody in it can be marked as "
                    "someone from us. Talk share needs a transcript with speaker names."
                )
            }
        )
    changed = False
    for speaker in analysis.speakers.all():
        match = mapping.get(speaker.pk)
        if match is None:
            continue
        _check_match(team, match)
        new = (match.side, getattr(match.user, "pk", None), getattr(match.person, "pk", None))
        if new == (speaker.side, speaker.user_id, speaker.person_id):
            continue
        before = snapshot(speaker)
        speaker.side, speaker.user, speaker.person = match.side, match.user, match.person
        speaker.matched = False
        speaker.save(update_fields=["side", "user", "person", "matched"])
        audit_update(team=team, actor=actor, instance=speaker, before=before)
        changed = True
    if changed or analysis.status == AnalysisStatus.FAILED:
        analysis.revision += 1
        analysis.status = AnalysisStatus.PENDING
        analysis.error = ""
        analysis.save(update_fields=["revision", "status", "error"])
        _queue_analysis(analysis)
    return analysis


def _check_match(team: Team, match: SpeakerMatch) -> None:
    needs = {
        SpeakerSide.USER: (True, False),
        SpeakerSide.PERSON: (False, True),
        SpeakerSide.OTHER_CUSTOMER: (False, False),
        SpeakerSide.OTHER_US: (False, False),
    }.get(match.side)
    if needs != (match.user is not None, match.person is not None):
        raise ValidationError(
            {"__all__": _("Choose a user of the team or a person for a speaker.")}
        )
    require_member(team, user=match.user)
    require_same_team(team, person=match.person)


def listening_analyse(*, analysis_id: int, revision: int | None = None) -> ListeningAnalysis | None:
    """Compute the listening metrics of a stored transcript with its current speaker
    mapping. Idempotent; the background task and the demo both call it.

    Reads the stored bytes again rather than the turn rows so the figures are
    exactly those of ``fasit listen`` (speaker seconds are sums of captions, which
    the merged turns no longer have). ``revision``: compute only if the analysis is
    still at that revision, so a stale queued run never overwrites a newer mapping.
    """
    analysis = (
        ListeningAnalysis.objects.select_related("transcript", "conversation__team")
        .filter(pk=analysis_id)
        .first()
    )
    if analysis is None or (revision is not None and analysis.revision != revision):
        return None
    revision = analysis.revision
    speakers = list(analysis.speakers.all())
    sellers = {s.name for s in speakers if s.is_seller} if analysis.speaker_labels else set()
    columns: dict[str, Any]
    try:
        parsed = parse_transcript(bytes(analysis.transcript.content))
        report = analyse(parsed, [name for name in parsed.speakers if name[:200] in sellers])
    except Exception as exc:  # anything: the card must say it failed, not spin forever
        logger.exception("Listening analysis %s failed", analysis_id)
        columns = {"status": AnalysisStatus.FAILED, "error": str(exc)[:2000]}
    else:
        columns = {**report_columns(report), "status": AnalysisStatus.DONE, "error": ""}
        if not sellers:
            # Without anyone of ours the seller figures are not zero but unknown;
            # NULL keeps such meetings out of the trends until someone maps them.
            columns.update(dict.fromkeys(NO_SELLER_COLUMNS))
    before = analysis.status
    with transaction.atomic():
        updated = ListeningAnalysis.objects.filter(pk=analysis_id, revision=revision).update(
            **columns, analysed_at=timezone.now()
        )
        if updated:
            analysis.refresh_from_db()
            # Audited (by nobody: the task), so that pages cached until the team's data
            # changes (the Listening pages, being on: core/cache.py) show the result.
            audit_record(
                team=analysis.conversation.team,
                actor=None,
                action=AuditEvent.Action.UPDATE,
                instance=analysis,
                changes={"status": [before, analysis.status]},
            )
    if not updated:
        return None
    if analysis.status == AnalysisStatus.DONE:
        transcript_analysed.send(sender=ListeningAnalysis, analysis=analysis)
    return analysis


def listening_give_up(*, analysis_id: int, revision: int | None) -> None:
    """The analysis task was abandoned (its worker stopped too often): say so on the
    card instead of "Analysing…" for ever. Saving who is who tries again."""
    ListeningAnalysis.objects.filter(
        pk=analysis_id, revision=revision, status=AnalysisStatus.PENDING
    ).update(
        status=AnalysisStatus.FAILED,
        error=_("The analysis was interrupted several times and was stopped."),
        analysed_at=timezone.now(),
    )


NO_SELLER_COLUMNS = (
    "seller_talk_share",
    "seller_open_questions",
    "seller_closed_questions",
    "longest_monologue_seconds",
    "longest_monologue_words",
    "summaries",
    "words_before_first_question",
    "patience_seconds",
)


@transaction.atomic
def conversation_delete(*, conversation: Conversation, actor: Any) -> None:
    from fasit.signals.models import Statement
    from fasit.signals.services import statement_theme_keys, statements_deleted

    theme_keys = statement_theme_keys(
        Statement.objects.filter(team=conversation.team, conversation=conversation)
    )
    # Its follow-ups and statements go with it: each gets a delete record for a copy.
    audit_cascade(
        team=conversation.team,
        actor=actor,
        querysets=[
            FollowUp.objects.filter(conversation=conversation),
            Statement.objects.filter(conversation=conversation),
        ],
    )
    audit_delete(team=conversation.team, actor=actor, instance=conversation)
    conversation.delete()
    # The statements' themes are recounted as for a deleted statement.
    statements_deleted(team=conversation.team, keys=theme_keys)


@transaction.atomic
def followup_create(
    *,
    conversation: Conversation,
    actor: Any,
    task: str,
    owner: Any = None,
    due_date: dt.date | None = None,
) -> FollowUp:
    require_writer(conversation.team, owner=owner)
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
def followups_set_done(*, team: Team, actor: Any, follow_ups: list[FollowUp]) -> int:
    """Tick off several follow-ups at once (each audited); all or nothing. Returns how
    many were still open."""
    if not follow_ups:
        raise ValidationError(_("Choose at least one follow-up."))
    foreign = [f for f in follow_ups if f.conversation.team_id != team.pk]
    if foreign:
        raise ValidationError(_("Choose one of your team's records."))
    changed = 0
    for follow_up in follow_ups:
        if not follow_up.done:
            followup_set_done(follow_up=follow_up, actor=actor, done=True)
            changed += 1
    return changed


@transaction.atomic
def followup_delete(*, follow_up: FollowUp, actor: Any) -> None:
    audit_delete(team=follow_up.conversation.team, actor=actor, instance=follow_up)
    follow_up.delete()
