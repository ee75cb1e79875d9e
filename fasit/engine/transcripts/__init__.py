"""Meeting transcripts (Teams/Zoom WebVTT, SRT, Google Meet and plain text) as
``Transcript`` values: speakers, timed cues and turns."""

from fasit.engine.transcripts.model import Cue, Timing, Transcript, TranscriptError, Turn
from fasit.engine.transcripts.parse import parse_text, parse_transcript

__all__ = [
    "Cue",
    "Timing",
    "Transcript",
    "TranscriptError",
    "Turn",
    "parse_text",
    "parse_transcript",
]
