"""The listening report: frozen values, and their JSON shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from fasit.engine.transcripts.model import Notice

Role = Literal["seller", "customer", "unknown"]
""""unknown": the transcript names no speakers."""


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
    kind: Literal["open", "closed", "unclassified"]
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
    language_supported: bool = True
    """False: the meeting is in none of sv/nb/da/en; ``language`` says which."""
    speaker_labels: bool = True
    """False: the transcript names no speakers; every figure by role is unknown."""
    punctuation: str = "ok"
    """"no-question-marks": the transcript has no "?" at all, so questions were found
    from word order."""
    notices: tuple[Notice, ...] = field(default=())
    seller_questions: int = 0
    longest_stretch_without_question: Stretch = field(
        default_factory=lambda: Stretch(None, 0, None, None)
    )

    @property
    def roles_known(self) -> bool:
        return self.speaker_labels

    @property
    def questions_classified(self) -> bool:
        """Open/closed and summaries need the language's rules."""
        return self.language_supported

    @property
    def questions_countable(self) -> bool:
        """Questions are found by their "?" or, in sv/nb/da/en, by their wording."""
        return self.language_supported or self.punctuation == "ok"

    def to_dict(self) -> dict[str, Any]:
        """The ``fasit listen --json`` object. Figures that cannot be measured in this
        transcript (see ``speaker_labels``, ``language_supported``) are null."""

        def stretch(s: Stretch) -> dict[str, Any]:
            return {
                "speaker": s.speaker,
                "words": s.words,
                "seconds": _r(s.seconds),
                "start": _r(s.start),
            }

        roles = self.roles_known
        classified = self.questions_classified

        def by_role(value: Any) -> Any:
            return value if roles else None

        def by_language(value: Any) -> Any:
            return value if roles and classified else None

        def counted(value: Any) -> Any:
            return value if self.questions_countable else None

        return {
            "language": self.language,
            "language_supported": self.language_supported,
            "speaker_labels": self.speaker_labels,
            "punctuation": self.punctuation,
            "notices": [
                {
                    "code": n.code,
                    "count": n.count,
                    "words": n.words,
                    "line": n.line,
                    "message": n.message,
                }
                for n in self.notices
            ],
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
            "seller_talk_share": by_role(round(self.seller_talk_share, 4)),
            "longest_seller_monologue": by_role(stretch(self.longest_seller_monologue)),
            "longest_customer_story": by_role(stretch(self.longest_customer_story)),
            "longest_stretch_without_question": stretch(self.longest_stretch_without_question),
            "questions": {
                "seller_open": by_language(self.seller_open_questions),
                "seller_closed": by_language(self.seller_closed_questions),
                "seller": counted(by_role(self.seller_questions)),
                "customer": counted(by_role(self.customer_questions)),
                "total": counted(len(self.questions)),
                "open": sum(1 for q in self.questions if q.kind == "open") if classified else None,
                "closed": (
                    sum(1 for q in self.questions if q.kind == "closed") if classified else None
                ),
            },
            "summaries": by_language(self.summaries),
            "seller_words_before_first_question": by_role(self.seller_words_before_first_question),
            "patience_seconds": by_role(_r(self.patience_seconds)),
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


def clock(seconds: float | None) -> str:
    """``1:05:09``, ``4:05`` or ``0:42``; a dash when unknown."""
    if seconds is None:
        return "–"
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
