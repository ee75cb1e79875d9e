"""Listening metrics of one conversation, exactly as DESIGN.md defines them."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass

from fasit.engine.listening.questions import QuestionKind, classify_sentence, is_summary
from fasit.engine.listening.report import ListeningReport, Question, Role, SpeakerStats, Stretch
from fasit.engine.listening.sentences import split_sentences
from fasit.engine.text.language import detect_language
from fasit.engine.text.tokens import word_count
from fasit.engine.transcripts.model import Transcript, Turn

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


def speaker_key(name: str) -> str:
    """Key for matching a seller name to a transcript speaker: case, spacing, word
    order ("Holm, Sara") and tags such as "(Guest)" do not matter."""
    name = unicodedata.normalize("NFKC", name).casefold()
    name = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", name)
    return " ".join(sorted(re.findall(r"[^\W_]+", name)))


def analyse(
    transcript: Transcript, sellers: Collection[str], *, language: str | None = None
) -> ListeningReport:
    """Compute the listening report. Speakers whose names match ``sellers`` (see
    ``speaker_key``) are sellers; everyone else is a customer."""
    seller_keys = {speaker_key(s) for s in sellers}

    def role_of(name: str) -> Role:
        return "seller" if speaker_key(name) in seller_keys else "customer"

    if language is None:
        language = detect_language(_language_sample(transcript))
    infos = [_turn_info(t, role_of(t.speaker), language) for t in transcript.turns]

    speakers = _speaker_stats(transcript, infos, role_of)
    total_words = sum(s.words for s in speakers)
    seller_words = sum(s.words for s in speakers if s.role == "seller")

    questions = tuple(
        Question(
            speaker=info.turn.speaker,
            role=info.role,
            kind=s.kind,
            text=s.text,
            start=info.turn.start,
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
    )


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


def _sentence(text: str, role: Role, language: str) -> _Sentence:
    summary = is_summary(text, language)
    return _Sentence(
        text=text,
        words=word_count(text),
        kind=classify_sentence(text, language, summary=summary),
        summary=role == "seller" and summary,
    )


def _turn_info(turn: Turn, role: Role, language: str) -> _TurnInfo:
    sentences = tuple(_sentence(s, role, language) for s in split_sentences(turn.text))
    return _TurnInfo(
        turn=turn, role=role, words=sum(s.words for s in sentences), sentences=sentences
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
