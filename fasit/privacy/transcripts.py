"""Erasing a person from meeting transcripts.

Where the person spoke, their speaker name becomes "Erased Person 1" and every word
they said becomes "xxx" (punctuation kept), in the stored file, the turn rows and the
stored report; mentions of them in what others said are replaced by the placeholder.
The meeting's listening figures stay as they were computed: they describe the
sellers, and the word counts and times they rest on are kept, so analysing the
rewritten file again gives the same figures.

The stored file is rewritten in a plain form (``engine.transcripts.write``) from its
parsed cues, so headers and attendee lists the parser skipped are gone too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from fasit.conversations.models import (
    ListeningAnalysis,
    SpeakerSide,
    TranscriptFile,
    TranscriptSpeaker,
    TranscriptTurn,
)
from fasit.conversations.transcripts import name_key
from fasit.customers.models import Person
from fasit.engine.transcripts import Cue, Transcript, TranscriptError, parse_transcript
from fasit.engine.transcripts.model import build_turns
from fasit.engine.transcripts.write import write_text
from fasit.privacy.redaction import Redactor, name_pattern, redact_spoken

PSEUDONYM = "Erased Person {n}"


@dataclass
class TranscriptErasure:
    transcripts: int = 0
    turns: int = 0
    # conversation id -> what the person said there (to find statements made of it)
    spoken: dict[int, list[str]] = field(default_factory=dict)


def _speakers_of(person: Person) -> list[TranscriptSpeaker]:
    """Speakers mapped to the person, and unmapped ones with exactly their name."""
    key = name_key(person.name)
    loose = TranscriptSpeaker.objects.for_team(person.team).filter(
        person__isnull=True, name__iregex=name_pattern(person.name)
    )
    return [
        *TranscriptSpeaker.objects.for_team(person.team).filter(person=person),
        *(s for s in loose.exclude(side=SpeakerSide.USER) if name_key(s.name) == key),
    ]


def spoken_by(person: Person) -> dict[int, list[str]]:
    """What the person said in each meeting (conversation id -> their turns), as
    ``erase_from_transcripts`` finds it (``TranscriptErasure.spoken``), without
    changing anything: what their statements and proposals were made of."""
    spoken: dict[int, list[str]] = {}
    speakers = [s.pk for s in _speakers_of(person)]
    if not speakers:
        return spoken
    turns = (
        TranscriptTurn.objects.filter(speaker_id__in=speakers)
        .order_by("analysis_id", "index")
        .values_list("analysis__conversation_id", "text")
    )
    for conversation_id, text in turns:
        spoken.setdefault(conversation_id, []).append(text)
    return spoken


def _analyses_to_rewrite(
    person: Person, speakers: list[TranscriptSpeaker], redactor: Redactor
) -> set[int]:
    team = person.team
    ids = {s.analysis_id for s in speakers}
    mentions = Q()
    for pattern in redactor.database_patterns():
        mentions |= Q(text__iregex=pattern)
    ids |= set(
        TranscriptTurn.objects.for_team(team).filter(mentions).values_list("analysis_id", flat=True)
    )
    named = Q()
    for pattern in redactor.database_patterns():
        named |= Q(transcript__name__iregex=pattern)
    in_the_room = Q(conversation__people=person)
    ids |= set(
        ListeningAnalysis.objects.for_team(team)
        .filter(named | in_the_room)
        .values_list("id", flat=True)
    )
    # The file itself: attendee lists and headers the parser skipped.
    for needle in {person.name, person.email} - {""}:
        for encoding in ("utf-8", "utf-16-le"):
            ids |= set(
                ListeningAnalysis.objects.for_team(team)
                .filter(transcript__content__privacy_contains=needle.encode(encoding))
                .values_list("id", flat=True)
            )
    return ids


def erase_from_transcripts(
    *, person: Person, redactor: Redactor, in_the_room: Redactor, attended: set[int]
) -> TranscriptErasure:
    """``in_the_room`` is used for meetings the person took part in (``attended``
    conversation ids): it also finds them by first or last name alone."""
    result = TranscriptErasure()
    speakers = _speakers_of(person)
    erased_ids = {s.pk for s in speakers}
    for analysis_id in sorted(_analyses_to_rewrite(person, speakers, redactor)):
        analysis = ListeningAnalysis.objects.select_related("transcript").get(pk=analysis_id)
        chosen = in_the_room if analysis.conversation_id in attended else redactor
        result.turns += _rewrite(analysis, erased_ids, chosen, result)
        result.transcripts += 1
    return result


def _rewrite(
    analysis: ListeningAnalysis,
    erased_ids: set[int],
    redactor: Redactor,
    result: TranscriptErasure,
) -> int:
    speakers = list(analysis.speakers.all())
    names = {s.name for s in speakers}
    renamed: dict[str, str] = {}
    erased_names: set[str] = set()
    n = 0
    for speaker in speakers:
        if speaker.pk in erased_ids:
            n += 1
            while PSEUDONYM.format(n=n) in names:
                n += 1
            renamed[speaker.name] = PSEUDONYM.format(n=n)
            erased_names.add(renamed[speaker.name])
        else:
            renamed[speaker.name] = redactor.scrub(speaker.name)
    spoken = result.spoken.setdefault(analysis.conversation_id, [])
    turns_changed = 0
    for turn in TranscriptTurn.objects.filter(analysis=analysis).only("id", "speaker_id", "text"):
        if turn.speaker_id in erased_ids:
            spoken.append(turn.text)
            new = redact_spoken(turn.text)
            turns_changed += 1
        else:
            new = redactor.scrub(turn.text)
        if new != turn.text:
            TranscriptTurn.objects.filter(pk=turn.pk).update(text=new)
    for speaker in speakers:
        new_name = renamed[speaker.name]
        if speaker.pk in erased_ids:
            TranscriptSpeaker.objects.filter(pk=speaker.pk).update(
                name=new_name,
                side=SpeakerSide.OTHER_CUSTOMER,
                person=None,
                user=None,
                matched=False,
            )
        elif new_name != speaker.name:
            TranscriptSpeaker.objects.filter(pk=speaker.pk).update(name=new_name)
    _rewrite_file(analysis.transcript, renamed, erased_names, redactor)
    ListeningAnalysis.objects.filter(pk=analysis.pk).update(
        metrics=_rewrite_metrics(analysis.metrics or {}, renamed, erased_names, redactor),
        error=redactor.scrub(analysis.error),
    )
    return turns_changed


def _rewrite_file(
    stored: TranscriptFile, renamed: dict[str, str], erased: set[str], redactor: Redactor
) -> None:
    try:
        parsed = parse_transcript(bytes(stored.content))
    except TranscriptError:
        # Stored files were read once already; one that no longer reads holds nothing
        # we could keep safely.
        parsed = Transcript(turns=(), format="plain")
    cues = []
    for cue in parsed.cues:
        speaker = renamed.get(cue.speaker[:200], redactor.scrub(cue.speaker))
        text = redact_spoken(cue.text) if speaker in erased else redactor.scrub(cue.text)
        cues.append(Cue(speaker, cue.start, cue.end, text, line=cue.line))
    turns, indexed = build_turns(cues)
    content = write_text(
        Transcript(turns=turns, format=parsed.format, cues=indexed, timing=parsed.timing)
    ).encode("utf-8")
    TranscriptFile.objects.filter(pk=stored.pk).update(
        content=content, size=len(content), name=redactor.scrub(stored.name)
    )


def _rewrite_metrics(
    metrics: dict[str, Any], renamed: dict[str, str], erased: set[str], redactor: Redactor
) -> dict[str, Any]:
    def walk(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            out = {k: walk(v, k) for k, v in value.items()}
            if out.get("speaker") in erased and isinstance(out.get("text"), str):
                out["text"] = redact_spoken(out["text"])
            return out
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, str) and key in {"name", "speaker"} and value in renamed:
            return renamed[value]
        return redactor.scrub_value(value)

    return dict(walk(metrics))
