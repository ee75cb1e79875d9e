"""The mapper between conversation rows and the listening engine's types.

Matching transcript speakers to the team's users and the account's people, the
engine's transcript errors as translatable messages, and a ``ListeningReport`` as
the columns of ``ListeningAnalysis``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from fasit.conversations.models import SpeakerSide
from fasit.engine.listening import ListeningReport, speaker_key
from fasit.engine.transcripts import TranscriptError


def name_key(name: str) -> str:
    """``speaker_key``: case, spacing, word order, "(Guest)" tags, devices ("Sara’s
    iPad") and diacritics ("Bergstrom" = "Bergström", "Kjaer" = "Kjær") do not
    matter."""
    return speaker_key(name)


@dataclass(frozen=True, slots=True)
class SpeakerMatch:
    side: str
    user: Any = None
    person: Any = None

    @property
    def matched(self) -> bool:
        return self.user is not None or self.person is not None


def _index(items: Iterable[tuple[Any, Iterable[str]]]) -> dict[str, set[Any]]:
    index: dict[str, set[Any]] = {}
    for item, names in items:
        for name in names:
            key = name_key(name)
            if key:
                index.setdefault(key, set()).add(item)
    return index


def match_speakers(
    names: Sequence[str],
    *,
    users: Iterable[Any],
    people: Iterable[Any],
    participants: Iterable[Any] = (),
) -> dict[str, SpeakerMatch]:
    """Who each transcript speaker is.

    A full name (users: first and last name; people: their name) wins over a first
    name or a username. Of several people with one name, a participant of the
    conversation wins; a name that still fits more than one candidate is left for
    the user to map. Anyone unmatched is taken for another customer, as the engine
    does with everyone who is not a named seller.
    """
    users = list(users)
    people = list(people)
    present = {p.pk for p in participants}
    user_full = _index((u, [f"{u.first_name} {u.last_name}"]) for u in users if u.last_name)
    person_full = _index((p, [p.name]) for p in people)
    user_short = _index((u, [u.first_name, u.username]) for u in users)
    person_short = _index((p, [p.name.split()[0]]) for p in people if p.name.split())

    result: dict[str, SpeakerMatch] = {}
    for name in names:
        key = name_key(name)
        match = SpeakerMatch(SpeakerSide.OTHER_CUSTOMER)
        for by_user, by_person in ((user_full, person_full), (user_short, person_short)):
            found_users = by_user.get(key, set())
            found_people = by_person.get(key, set())
            if len(found_people) > 1 and not found_users:
                found_people = {p for p in found_people if p.pk in present} or found_people
            if len(found_users) + len(found_people) == 1:
                match = (
                    SpeakerMatch(SpeakerSide.USER, user=next(iter(found_users)))
                    if found_users
                    else SpeakerMatch(SpeakerSide.PERSON, person=next(iter(found_people)))
                )
                break
            if found_users or found_people:
                break  # ambiguous: do not guess with a looser rule either
        result[name] = match
    return result


_LINE_PREFIX = re.compile(r"^line \d+: ")
_QUOTED = re.compile(r"(['\"])(.*?)\1(?:\s|$)")


def transcript_error_message(exc: TranscriptError, file_name: str) -> str:
    """The engine's (English) error as a translatable message naming the file and,
    where there is one, the line."""
    problem = _LINE_PREFIX.sub("", str(exc))
    quoted = _QUOTED.search(problem)
    detail = quoted.group(2) if quoted else ""
    params = {"name": file_name, "line": exc.line, "detail": detail}
    if problem.startswith("file is empty"):
        return _("The file %(name)s is empty.") % params
    if problem.startswith("binary file"):
        return _("%(name)s is a binary file, not a transcript.") % params
    if problem.startswith("file is ") and "MB" in problem:
        return _("%(name)s is too large; transcripts over 50 MB are not accepted.") % params
    if problem.startswith("file claims UTF-16"):
        return _("%(name)s claims to be UTF-16 text but is not; save it as UTF-8.") % params
    if problem.startswith("malformed timestamp"):
        return _("%(name)s, line %(line)s: malformed timestamp “%(detail)s”.") % params
    if problem.startswith("cue ends before it starts"):
        return _("%(name)s, line %(line)s: the caption ends before it starts (“%(detail)s”).") % (
            params
        )
    if problem.startswith("no speech found"):
        return (
            _(
                "No speech found in %(name)s: expected a Teams or Zoom WebVTT file, SRT, a "
                "Word transcript (.docx), Whisper JSON, or lines of the form “Name: text”."
            )
            % params
        )
    if problem.startswith("invalid JSON"):
        return _("%(name)s, line %(line)s: the JSON is not valid.") % params
    if problem.startswith(("JSON without transcript segments", "segment ")):
        return (
            _(
                "%(name)s is JSON but not a transcript Fasit knows: expected Whisper's "
                "“segments” with start, end and text (%(problem)s)."
            )
            % {**params, "problem": problem}
        )
    if "Word document" in problem:
        return _("%(name)s is not a readable Word transcript (.docx): %(problem)s") % {
            **params,
            "problem": problem,
        }
    if exc.line is not None:
        return _("%(name)s, line %(line)s: %(problem)s") % {**params, "problem": problem}
    return _("%(name)s cannot be read as a transcript: %(problem)s") % {
        **params,
        "problem": problem,
    }


def _seconds(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def report_columns(report: ListeningReport) -> dict[str, Any]:
    """The key figures of a report as ``ListeningAnalysis`` column values; what the
    transcript does not allow to measure (no speaker names, a language other than
    sv/nb/da/en) is NULL, as in the report's JSON."""
    metrics = report.to_dict()
    questions = metrics["questions"]
    monologue = metrics["longest_seller_monologue"] or {}
    story = metrics["longest_customer_story"] or {}
    return {
        "language": report.language,
        "format": report.format,
        "timing": report.timing,
        "speaker_labels": report.speaker_labels,
        "duration_seconds": _seconds(report.duration_seconds),
        "seller_talk_share": metrics["seller_talk_share"],
        "seller_open_questions": questions["seller_open"],
        "seller_closed_questions": questions["seller_closed"],
        "customer_questions": questions["customer"],
        "longest_monologue_seconds": monologue.get("seconds"),
        "longest_monologue_words": monologue.get("words"),
        "longest_story_seconds": story.get("seconds"),
        "longest_story_words": story.get("words"),
        "summaries": metrics["summaries"],
        "words_before_first_question": metrics["seller_words_before_first_question"],
        "patience_seconds": metrics["patience_seconds"],
        "metrics": metrics,
    }
