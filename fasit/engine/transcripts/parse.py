"""Read any supported transcript into a ``Transcript``: detect the format, parse,
drop duplicate utterances, merge cues into turns."""

from __future__ import annotations

import os
import re

from fasit.engine.transcripts.cues import parse_cues
from fasit.engine.transcripts.docx import docx_text, is_docx
from fasit.engine.transcripts.model import (
    UNKNOWN_SPEAKER,
    Cue,
    Notice,
    Timing,
    Transcript,
    TranscriptError,
    build_turns,
)
from fasit.engine.transcripts.plain import parse_plain
from fasit.engine.transcripts.reading import decode, read_source
from fasit.engine.transcripts.whisper import looks_like_json, parse_json

_TIMING_LINE_RE = re.compile(r"^\s*[\d:.,]+\s*-->", re.MULTILINE)
_NORMALISE_RE = re.compile(r"[^\w]+")
# A Google Meet transcript document: its header lines, or the line Meet ends it with.
_MEET_RE = re.compile(
    r"^(?:Attendees|Transcript)\s*$|^This editable transcript was computer generated"
    r"|^(?:Meeting|Transcription) ended after \d",
    re.MULTILINE,
)
# Two clients in one call log the same words with nearly the same times; allow for
# rounding in the exported timestamps.
_OVERLAP_SLACK = 0.05


def parse_transcript(source: bytes | str | os.PathLike[str]) -> Transcript:
    """Parse a transcript file (path) or its bytes.

    Raises ``TranscriptError`` naming the problem for unreadable, empty, binary,
    oversized or malformed input.
    """
    data, name = read_source(source)
    try:
        if is_docx(data):
            return parse_text(docx_text(data), container="docx")
        text = decode(data)
        return parse_text(text)
    except TranscriptError as exc:
        if name == "<bytes>":
            raise
        raise TranscriptError(f"{name}: {exc}") from None


def parse_text(text: str, *, container: str = "") -> Transcript:
    """Parse already decoded transcript text; ``container`` "docx" when it is the text
    of a Word document."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise TranscriptError("file is empty")
    head = text.lstrip()
    fmt: str
    notices: tuple[Notice, ...] = ()
    if head.startswith("WEBVTT"):
        parsed = parse_cues(text, webvtt=True)
        cues, notices = parsed.cues, parsed.notices
        if parsed.voice_tags:
            fmt = "teams-vtt"
        elif cues and all(c.speaker != UNKNOWN_SPEAKER for c in cues):
            fmt = "zoom-vtt"
        else:
            fmt = "vtt"
    elif not container and looks_like_json(text):
        cues = parse_json(text)
        fmt = "json"
    elif _TIMING_LINE_RE.search(text):
        parsed = parse_cues(text, webvtt=False)
        cues, notices = parsed.cues, parsed.notices
        fmt = "srt"
    else:
        plain = parse_plain(text)
        cues = plain.cues
        if plain.style == "blocks" or _MEET_RE.search(text):
            fmt = "meet"
        else:
            fmt = "markdown" if plain.style == "markdown" else "plain"
    if container == "docx":
        fmt = "meet-docx" if fmt == "meet" else "docx"
    if not cues or not any(c.text for c in cues):
        raise TranscriptError(
            "no speech found: expected WebVTT (Teams, Zoom), SRT, Whisper JSON, a Word "
            "transcript, or 'Name: text' lines"
        )
    timing = _timing(cues)
    if timing != "none":
        # Stable: cues with equal starts keep file order.
        cues = sorted(cues, key=lambda c: c.start if c.start is not None else 0.0)
    cues = drop_duplicates(cues)
    if timing == "start":
        cues = fill_ends(cues)
    elif timing == "none":
        cues = [Cue(c.speaker, None, None, c.text, line=c.line) for c in cues]
    turns, indexed = build_turns([c for c in cues if c.text])
    transcript = Transcript(turns=turns, format=fmt, cues=indexed, timing=timing, notices=notices)
    if not transcript.speaker_labels:
        no_labels = Notice("no-speaker-labels", count=len(indexed))
        transcript = Transcript(
            turns=turns, format=fmt, cues=indexed, timing=timing, notices=(*notices, no_labels)
        )
    return transcript


def _timing(cues: list[Cue]) -> Timing:
    if all(c.start is not None and c.end is not None for c in cues):
        return "full"
    if all(c.start is not None for c in cues):
        return "start"
    return "none"


def drop_duplicates(cues: list[Cue]) -> list[Cue]:
    """Remove repeated utterances: same speaker and same words at overlapping or
    identical times (timed), or on adjacent lines (untimed)."""
    kept: list[Cue] = []
    seen: dict[tuple[str, str], list[Cue]] = {}
    for cue in cues:
        key = (cue.speaker.casefold(), _NORMALISE_RE.sub(" ", cue.text.casefold()).strip())
        earlier = seen.setdefault(key, [])
        if cue.start is None:
            if kept and kept[-1].start is None and _same(kept[-1], key):
                continue
        elif any(_overlaps(cue, other) for other in earlier):
            continue
        earlier.append(cue)
        kept.append(cue)
    return kept


def _same(cue: Cue, key: tuple[str, str]) -> bool:
    return (
        cue.speaker.casefold() == key[0]
        and _NORMALISE_RE.sub(" ", cue.text.casefold()).strip() == key[1]
    )


def _overlaps(a: Cue, b: Cue) -> bool:
    if a.start is None or b.start is None:
        return False
    a_end = a.end if a.end is not None else a.start
    b_end = b.end if b.end is not None else b.start
    return a.start <= b_end + _OVERLAP_SLACK and b.start <= a_end + _OVERLAP_SLACK


def fill_ends(cues: list[Cue]) -> list[Cue]:
    """Plain transcripts give start times only: a cue lasts until the next one starts;
    the last one's end stays unknown."""
    out: list[Cue] = []
    for cue, following in zip(cues, [*cues[1:], None], strict=True):
        end = following.start if following is not None else None
        if end is not None and cue.start is not None and end < cue.start:
            end = cue.start
        out.append(Cue(cue.speaker, cue.start, end, cue.text, line=cue.line))
    return out
