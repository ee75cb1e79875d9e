"""The transcript types every parser produces and the listening engine consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Timing = Literal["full", "start", "none"]

UNKNOWN_SPEAKER = "Unknown speaker"
"""The speaker of text that the file attributes to nobody."""


class TranscriptError(ValueError):
    """A transcript that cannot be read; the message names the problem for the user."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


@dataclass(frozen=True, slots=True)
class Notice:
    """Something about how the file was read that the reader of a report must know,
    because it changes what the figures mean. ``code`` is stable (the application
    translates by it); ``message`` is the English text for ``fasit listen``."""

    code: str
    """"unlabelled-cues": cues without a speaker name were counted for the speaker
    before them; "no-speaker-labels": the file names no speakers at all."""
    count: int = 0
    words: int = 0
    line: int | None = None
    """The first line concerned."""

    @property
    def message(self) -> str:
        if self.code == "unlabelled-cues":
            where = f", the first on line {self.line}" if self.line is not None else ""
            return (
                f"{self.count} caption{'s' if self.count != 1 else ''} ({self.words} words) "
                f"named no speaker{where}; they were counted for the speaker before them."
            )
        if self.code == "no-speaker-labels":
            return (
                "The transcript names no speakers, so talk share, monologues and who asked "
                "what cannot be measured; the questions and the longest stretch without a "
                "question can."
            )
        return self.code


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption or line as the source gave it, after cleaning.

    Speaker seconds and monologue seconds are sums and spans of cues, not turns: a
    turn may hold pauses that nobody spoke through.
    """

    speaker: str
    start: float | None
    end: float | None
    text: str
    turn: int = 0
    """Index into ``Transcript.turns`` of the turn this cue belongs to."""
    line: int | None = None
    """1-based line in the source where the cue starts, for messages."""

    @property
    def duration(self) -> float | None:
        if self.start is None or self.end is None:
            return None
        return max(0.0, self.end - self.start)


@dataclass(frozen=True, slots=True)
class Turn:
    """Consecutive cues of one speaker."""

    speaker: str
    start: float | None
    end: float | None
    text: str


@dataclass(frozen=True, slots=True)
class Transcript:
    turns: tuple[Turn, ...]
    format: str
    """"teams-vtt", "zoom-vtt", "vtt", "srt", "meet" or "plain"."""
    cues: tuple[Cue, ...] = field(default=())
    timing: Timing = "none"
    """"full": cues have start and end; "start": only starts were given, so each
    cue's end is the next cue's start; "none": untimed."""
    notices: tuple[Notice, ...] = ()

    def __post_init__(self) -> None:
        # Callers that only have turns (e.g. rows from the database) get one cue per
        # turn, so the engine can always work on cues.
        if not self.cues and self.turns:
            cues = tuple(
                Cue(t.speaker, t.start, t.end, t.text, turn=i) for i, t in enumerate(self.turns)
            )
            object.__setattr__(self, "cues", cues)

    @property
    def speaker_labels(self) -> bool:
        """Does the file say who speaks? A subtitle file or a speech-recognition
        output without diarisation does not: everything is the unknown speaker."""
        return any(t.speaker != UNKNOWN_SPEAKER for t in self.turns)

    @property
    def speakers(self) -> tuple[str, ...]:
        """Speakers in order of first appearance."""
        return tuple(dict.fromkeys(t.speaker for t in self.turns))

    def cues_of(self, turn_index: int) -> tuple[Cue, ...]:
        return tuple(c for c in self.cues if c.turn == turn_index)


def build_turns(cues: list[Cue]) -> tuple[tuple[Turn, ...], tuple[Cue, ...]]:
    """Merge consecutive cues of one speaker into turns; return turns and indexed cues."""
    turns: list[Turn] = []
    indexed: list[Cue] = []
    group: list[Cue] = []

    def flush() -> None:
        if not group:
            return
        index = len(turns)
        ends = [c.end for c in group if c.end is not None]
        turns.append(
            Turn(
                speaker=group[0].speaker,
                start=group[0].start,
                end=max(ends) if ends else None,
                text=" ".join(c.text for c in group),
            )
        )
        indexed.extend(
            Cue(c.speaker, c.start, c.end, c.text, turn=index, line=c.line) for c in group
        )
        group.clear()

    for cue in cues:
        if group and cue.speaker != group[0].speaker:
            flush()
        group.append(cue)
    flush()
    return tuple(turns), tuple(indexed)
