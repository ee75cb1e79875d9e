"""Meeting transcripts (Teams/Zoom WebVTT, SRT, Word documents from Teams and Google
Meet, Whisper JSON, Google Meet, Otter, Read.ai, Markdown and plain text) as
``Transcript`` values: speakers, timed cues, turns and notices on how the file was
read."""

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
