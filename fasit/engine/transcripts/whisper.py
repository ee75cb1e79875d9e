"""Speech-recognition output as JSON: OpenAI Whisper (``"segments"``), faster-whisper
segments dumped as a list, WhisperX (segments with ``"speaker": "SPEAKER_00"``) and
whisper.cpp (``"transcription"`` with ``"offsets"`` in milliseconds).

Without diarisation there are no speakers: every segment is the unknown speaker, and
the analysis says what that leaves out.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from fasit.engine.transcripts.model import UNKNOWN_SPEAKER, Cue, TranscriptError
from fasit.engine.transcripts.speakers import clean_name

_EXPECTED = (
    'expected speech-recognition JSON: Whisper\'s "segments" (start, end, text), '
    'a list of such segments, or whisper.cpp\'s "transcription"'
)


# An object, or a list of objects; "[Sara Holm] 00:01" is a transcript line.
_JSON_START_RE = re.compile(r"^\s*(?:\{|\[\s*[{\]])")


def looks_like_json(text: str) -> bool:
    return _JSON_START_RE.match(text[:200]) is not None


def parse_json(text: str) -> list[Cue]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptError(f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    except RecursionError:
        raise TranscriptError("invalid JSON: nested too deeply") from None
    if isinstance(data, dict) and isinstance(data.get("transcription"), list):
        return [_whisper_cpp(i, s) for i, s in enumerate(data["transcription"], 1)]
    segments = data.get("segments") if isinstance(data, dict) else data
    if not isinstance(segments, list):
        raise TranscriptError(f"JSON without transcript segments: {_EXPECTED}")
    return [_segment(i, s) for i, s in enumerate(segments, 1)]


def _segment(number: int, segment: Any) -> Cue:
    if not isinstance(segment, dict) or not isinstance(segment.get("text"), str):
        raise TranscriptError(f"segment {number} has no text: {_EXPECTED}")
    start = _seconds(segment.get("start"), number, "start")
    end = _seconds(segment.get("end"), number, "end")
    if start is not None and end is not None and end < start:
        raise TranscriptError(f"segment {number} ends before it starts ({start} > {end})")
    speaker = segment.get("speaker")
    name = clean_name(speaker) if isinstance(speaker, str) and speaker.strip() else None
    return Cue(name or UNKNOWN_SPEAKER, start, end, " ".join(segment["text"].split()))


def _whisper_cpp(number: int, item: Any) -> Cue:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise TranscriptError(f"segment {number} has no text: {_EXPECTED}")
    offsets = item.get("offsets")
    if not isinstance(offsets, dict):
        raise TranscriptError(f"segment {number} has no offsets: {_EXPECTED}")
    start = _seconds(offsets.get("from"), number, "offsets.from")
    end = _seconds(offsets.get("to"), number, "offsets.to")
    return Cue(
        UNKNOWN_SPEAKER,
        None if start is None else start / 1000,
        None if end is None else end / 1000,
        " ".join(item["text"].split()),
    )


def _seconds(value: Any, number: int, field: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TranscriptError(f"segment {number}: {field} is not a number of seconds ({value!r})")
    if value < 0:
        raise TranscriptError(f"segment {number}: {field} is negative ({value!r})")
    return float(value)
