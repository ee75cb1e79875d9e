"""The listening report: frozen values, and their JSON shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Role = Literal["seller", "customer"]


@dataclass(frozen=True, slots=True)
class SpeakerStats:
    name: str
    role: Role
    words: int
    seconds: float | None
    share: float
    """This speaker's words / all words."""
    open_questions: int
    closed_questions: int
    turns: int


@dataclass(frozen=True, slots=True)
class Stretch:
    """A monologue or story: one speaker's turns, others only backchannelling."""

    speaker: str | None
    words: int
    seconds: float | None
    start: float | None


@dataclass(frozen=True, slots=True)
class Question:
    speaker: str
    role: Role
    kind: Literal["open", "closed"]
    text: str
    start: float | None
    summary: bool


@dataclass(frozen=True, slots=True)
class ListeningReport:
    language: str
    format: str
    timing: str
    duration_seconds: float | None
    speakers: tuple[SpeakerStats, ...]
    seller_words: int
    customer_words: int
    seller_talk_share: float
    longest_seller_monologue: Stretch
    longest_customer_story: Stretch
    seller_open_questions: int
    seller_closed_questions: int
    customer_questions: int
    summaries: int
    summary_texts: tuple[str, ...]
    seller_words_before_first_question: int
    patience_seconds: float | None
    questions: tuple[Question, ...]

    def to_dict(self) -> dict[str, Any]:
        """The ``fasit listen --json`` object."""

        def stretch(s: Stretch) -> dict[str, Any]:
            return {
                "speaker": s.speaker,
                "words": s.words,
                "seconds": _r(s.seconds),
                "start": _r(s.start),
            }

        return {
            "language": self.language,
            "format": self.format,
            "timing": self.timing,
            "duration_seconds": _r(self.duration_seconds),
            "speakers": [
                {
                    "name": s.name,
                    "role": s.role,
                    "words": s.words,
                    "seconds": _r(s.seconds),
                    "share": round(s.share, 4),
                    "turns": s.turns,
                    "questions": {"open": s.open_questions, "closed": s.closed_questions},
                }
                for s in self.speakers
            ],
            "seller_talk_share": round(self.seller_talk_share, 4),
            "longest_seller_monologue": stretch(self.longest_seller_monologue),
            "longest_customer_story": stretch(self.longest_customer_story),
            "questions": {
                "seller_open": self.seller_open_questions,
                "seller_closed": self.seller_closed_questions,
                "customer": self.customer_questions,
            },
            "summaries": self.summaries,
            "seller_words_before_first_question": self.seller_words_before_first_question,
            "patience_seconds": _r(self.patience_seconds),
            "question_list": [
                {
                    "speaker": q.speaker,
                    "role": q.role,
                    "kind": q.kind,
                    "summary": q.summary,
                    "start": _r(q.start),
                    "text": q.text,
                }
                for q in self.questions
            ],
            "summary_list": list(self.summary_texts),
        }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
