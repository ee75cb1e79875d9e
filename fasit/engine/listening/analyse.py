"""Listening metrics of one conversation, exactly as DESIGN.md defines them."""

from __future__ import annotations

import bisect
import re
import statistics
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass

from fasit.engine.listening.questions import (
    QuestionKind,
    classify_sentence,
    ends_with_question_mark,
    is_summary,
)
from fasit.engine.listening.report import ListeningReport, Question, Role, SpeakerStats, Stretch
from fasit.engine.listening.sentences import split_sentences
from fasit.engine.listening.wordorder import infer_question
from fasit.engine.text.language import LANGUAGES, detect_language, other_language
from fasit.engine.text.tokens import word_count
from fasit.engine.transcripts.model import Cue, Transcript, Turn
from fasit.engine.transcripts.speakers import person_of_label

BACKCHANNEL_MAX_WORDS = 3
# Enough text to be sure of the language; detecting it on every word of a long
# meeting would cost more than all the other metrics together.
_LANGUAGE_SAMPLE_CHARS = 6000


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    words: int
    kind: QuestionKind
    summary: bool
    start: float | None
    """Start of the cue the sentence begins in: when it was said."""


@dataclass(frozen=True, slots=True)
class _TurnInfo:
    turn: Turn
    role: Role
    words: int
    sentences: tuple[_Sentence, ...]

    @property
    def has_question(self) -> bool:
        return any(s.kind != "none" for s in self.sentences)

    @property
    def is_backchannel(self) -> bool:
        return self.words <= BACKCHANNEL_MAX_WORDS and not self.has_question


# Letters that Unicode does not decompose but that people type both ways.
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"})


def speaker_key(name: str) -> str:
    """Key for matching a seller name to a transcript speaker: case, spacing, word
    order ("Holm, Sara"), tags such as "(Guest)", a device ("Sara’s iPad") and
    diacritics ("Farias" = "Farías", "Kjaer" = "Kjær") do not matter."""
    name = unicodedata.normalize("NFKC", person_of_label(name)).casefold().translate(_FOLD)
    name = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", name)
    decomposed = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(sorted(re.findall(r"[^\W_]+", name)))


def analyse(
    transcript: Transcript, sellers: Collection[str], *, language: str | None = None
) -> ListeningReport:
    """Compute the listening report. Speakers whose names match ``sellers`` (see
    ``speaker_key``) are sellers; everyone else is a customer.

    What cannot be measured is not guessed: a transcript that names no speakers has
    no roles (talk share, monologues and who asked what stay empty); one in a
    language other than sv/nb/da/en gets only the figures that need no language
    (words, time, turns, talk share, monologues, questions by their "?"); one
    without any "?" has its questions found from word order (``wordorder``)."""
    labelled = transcript.speaker_labels
    seller_keys = {speaker_key(s) for s in sellers} if labelled else set()

    roles: dict[str, Role] = {}

    def role_of(name: str) -> Role:
        # Once per speaker, not per turn: the key folds diacritics and devices.
        role = roles.get(name)
        if role is None:
            if not labelled:
                role = "unknown"
            else:
                role = "seller" if speaker_key(name) in seller_keys else "customer"
            roles[name] = role
        return role

    if language is None:
        sample = _language_sample(transcript)
        language = other_language(sample) or detect_language(sample)
    supported = language in LANGUAGES
    marks = any("?" in c.text for c in transcript.cues)
    # Speech recognition without any punctuation or casing: a cue is the only
    # boundary there is. With full stops and capitals, sentences are still sentences
    # and one starting in lower case is the rest of an earlier one.
    bare = not marks and not any(_SENTENCE_END_RE.search(c.text) for c in transcript.cues)
    cased = any(ch.isupper() for c in transcript.cues[:200] for ch in c.text)
    classify = _classifier(language, supported=supported, infer=not marks, cased=cased)
    cues_by_turn: list[list[Cue]] = [[] for _ in transcript.turns]
    for cue in transcript.cues:
        cues_by_turn[cue.turn].append(cue)
    infos = [
        _turn_info(t, cues_by_turn[i], role_of(t.speaker), classify, per_cue=bare)
        for i, t in enumerate(transcript.turns)
    ]

    speakers = _speaker_stats(transcript, infos, role_of)
    total_words = sum(s.words for s in speakers)
    seller_words = sum(s.words for s in speakers if s.role == "seller")

    questions = tuple(
        Question(
            speaker=info.turn.speaker,
            role=info.role,
            kind=s.kind,
            text=s.text,
            start=s.start,
            summary=s.summary,
        )
        for info in infos
        for s in info.sentences
        if s.kind != "none"
    )
    summary_texts = tuple(
        " ".join(s.text for s in info.sentences if s.summary)
        for info in infos
        if info.role == "seller" and any(s.summary for s in info.sentences)
    )

    return ListeningReport(
        language=language,
        format=transcript.format,
        timing=transcript.timing,
        duration_seconds=_duration(transcript),
        speakers=speakers,
        seller_words=seller_words,
        customer_words=total_words - seller_words,
        seller_talk_share=seller_words / total_words if total_words else 0.0,
        longest_seller_monologue=_longest_stretch(infos, "seller"),
        longest_customer_story=_longest_stretch(infos, "customer"),
        seller_open_questions=sum(1 for q in questions if q.role == "seller" and q.kind == "open"),
        seller_closed_questions=sum(
            1 for q in questions if q.role == "seller" and q.kind == "closed"
        ),
        customer_questions=sum(1 for q in questions if q.role == "customer"),
        summaries=len(summary_texts),
        summary_texts=summary_texts,
        seller_words_before_first_question=_words_before_first_question(infos),
        patience_seconds=_patience(transcript, infos),
        questions=questions,
        language_supported=supported,
        speaker_labels=labelled,
        punctuation="ok" if marks else "no-question-marks",
        notices=transcript.notices,
        seller_questions=sum(1 for q in questions if q.role == "seller"),
        longest_stretch_without_question=_longest_without_question(infos, transcript),
    )


_SENTENCE_END_RE = re.compile(r"[.!?…](?:\s|$)")
_Classify = Callable[[str], tuple[QuestionKind, bool]]


def _classifier(language: str, *, supported: bool, infer: bool, cased: bool) -> _Classify:
    """How a sentence becomes (question kind, summary) in this transcript."""

    def marks_only(text: str) -> tuple[QuestionKind, bool]:
        # A language Fasit has no rules for: a "?" still marks a question, but
        # not whether it is open, nor what restates the customer.
        return ("unclassified" if ends_with_question_mark(text) else "none"), False

    def rules(text: str) -> tuple[QuestionKind, bool]:
        summary = is_summary(text, language)
        kind = classify_sentence(text, language, summary=summary)
        if kind == "none" and infer and not (cased and text[:1].islower()):
            kind = infer_question(text, language)
        return kind, summary

    return rules if supported else marks_only


def _language_sample(transcript: Transcript) -> str:
    texts = [t.text for t in transcript.turns]
    whole = " ".join(texts)
    if len(whole) <= _LANGUAGE_SAMPLE_CHARS:
        return whole
    # Take turns from across the meeting, not only the small talk at its start.
    step = max(1, len(whole) // _LANGUAGE_SAMPLE_CHARS)
    sample: list[str] = []
    size = 0
    for text in texts[::step]:
        sample.append(text)
        size += len(text) + 1
        if size >= _LANGUAGE_SAMPLE_CHARS:
            break
    return " ".join(sample)


def _turn_info(
    turn: Turn, cues: list[Cue], role: Role, classify: _Classify, *, per_cue: bool
) -> _TurnInfo:
    """The turn's sentences, each with the start of the cue it begins in. Without
    any "?" in the transcript a cue is also a boundary: speech recognition without
    punctuation gives no other."""
    pieces: list[tuple[str, float | None]] = []
    if per_cue and cues:
        pieces = [(text, c.start) for c in cues for text in split_sentences(c.text)]
    elif len(cues) <= 1:
        start = cues[0].start if cues else turn.start
        pieces = [(text, start) for text in split_sentences(turn.text)]
    else:
        starts, offsets, at = [], [], 0
        for c in cues:
            offsets.append(at)
            starts.append(c.start)
            at += len(c.text) + 1
        at = 0
        for text in split_sentences(turn.text):
            at = max(turn.text.find(text, at), at)
            index = bisect.bisect_right(offsets, at) - 1
            pieces.append((text, starts[index] if index >= 0 else turn.start))
            at += len(text)
    sentences = []
    for text, start in pieces:
        kind, summary = classify(text)
        sentences.append(
            _Sentence(
                text=text,
                words=word_count(text),
                kind=kind,
                summary=role == "seller" and summary,
                start=start if start is not None else turn.start,
            )
        )
    return _TurnInfo(
        turn=turn,
        role=role,
        words=sum(s.words for s in sentences),
        sentences=tuple(sentences),
    )


def _speaker_stats(
    transcript: Transcript, infos: list[_TurnInfo], role_of: Callable[[str], Role]
) -> tuple[SpeakerStats, ...]:
    words: dict[str, int] = {}
    turns: dict[str, int] = {}
    open_q: dict[str, int] = {}
    closed_q: dict[str, int] = {}
    for info in infos:
        name = info.turn.speaker
        words[name] = words.get(name, 0) + info.words
        turns[name] = turns.get(name, 0) + 1
        for s in info.sentences:
            if s.kind == "open":
                open_q[name] = open_q.get(name, 0) + 1
            elif s.kind == "closed":
                closed_q[name] = closed_q.get(name, 0) + 1
    seconds: dict[str, float] = {}
    for cue in transcript.cues:
        seconds[cue.speaker] = seconds.get(cue.speaker, 0.0) + (cue.duration or 0.0)
    timed = transcript.timing != "none"
    total = sum(words.values())
    return tuple(
        SpeakerStats(
            name=name,
            role=role_of(name),
            words=words[name],
            seconds=seconds.get(name, 0.0) if timed else None,
            share=words[name] / total if total else 0.0,
            open_questions=open_q.get(name, 0),
            closed_questions=closed_q.get(name, 0),
            turns=turns[name],
        )
        for name in transcript.speakers
    )


def _longest_stretch(infos: list[_TurnInfo], role: Role) -> Stretch:
    """Longest run of one speaker's turns (of ``role``) that other speakers interrupt
    only with backchannel; longest by words, the earliest one on a tie."""
    best = Stretch(speaker=None, words=0, seconds=None, start=None)
    current: list[_TurnInfo] = []

    def close() -> None:
        nonlocal best
        if not current:
            return
        words = sum(i.words for i in current)
        starts = [i.turn.start for i in current if i.turn.start is not None]
        ends = [e for i in current for e in (i.turn.end, i.turn.start) if e is not None]
        start = starts[0] if starts else None
        seconds = max(ends) - start if start is not None and ends else None
        if best.speaker is None or words > best.words:
            best = Stretch(current[0].turn.speaker, words, seconds, start)
        current.clear()

    for info in infos:
        if current and info.turn.speaker == current[0].turn.speaker:
            current.append(info)
        elif current and info.is_backchannel:
            continue
        else:
            close()
            if info.role == role:
                current.append(info)
    close()
    return best


def _words_before_first_question(infos: list[_TurnInfo]) -> int:
    count = 0
    for info in infos:
        if info.role != "seller":
            continue
        for s in info.sentences:
            if s.kind != "none":
                return count
            count += s.words
    return count


def _patience(transcript: Transcript, infos: list[_TurnInfo]) -> float | None:
    """Median pause before a seller speaks after a customer's turn. Needs real end
    times, so only for fully timed transcripts."""
    if transcript.timing != "full":
        return None
    pauses = [
        max(0.0, current.turn.start - previous.turn.end)
        for previous, current in zip(infos, infos[1:], strict=False)
        if previous.role == "customer"
        and current.role == "seller"
        and current.turn.start is not None
        and previous.turn.end is not None
    ]
    return statistics.median(pauses) if pauses else None


def _duration(transcript: Transcript) -> float | None:
    starts = [c.start for c in transcript.cues if c.start is not None]
    if not starts:
        return None
    ends = [c.end if c.end is not None else c.start for c in transcript.cues if c.start is not None]
    return max(ends) - min(starts)


def _longest_without_question(infos: list[_TurnInfo], transcript: Transcript) -> Stretch:
    """The longest run of speech (by words, anyone's) between two questions: with no
    speaker names, the nearest thing to a monologue that can be measured. Seconds run
    from its first sentence to the next question (or the end of the meeting)."""
    best = Stretch(speaker=None, words=0, seconds=None, start=None)
    words = 0
    start: float | None = None
    ends = [c.end if c.end is not None else c.start for c in transcript.cues]
    last = max((e for e in ends if e is not None), default=None)

    def close(until: float | None) -> None:
        nonlocal best
        if words > best.words:
            seconds = until - start if until is not None and start is not None else None
            best = Stretch(None, words, seconds, start)

    for info in infos:
        for s in info.sentences:
            if s.kind != "none":
                close(s.start)
                words, start = 0, None
            else:
                if words == 0:
                    start = s.start
                words += s.words
    close(last)
    return best
