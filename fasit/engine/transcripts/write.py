"""Write a ``Transcript`` back out as text that ``parse_text`` reads to the same cues.

Used to store a rewritten transcript (for instance with a speaker's name and words
removed) in a plain, known form instead of patching a file in one of many formats:
timed transcripts become WebVTT with voice tags, transcripts with start times only
become "[h:mm:ss.mmm] Name: text" lines, untimed ones "Name: text" lines. Anything the
parser skipped (headers, attendee lists, notes) is not written.
"""

from __future__ import annotations

from fasit.engine.transcripts.model import Transcript


def _clock(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _escape(text: str) -> str:
    # "&", "<" and ">" would read as markup, and "-->" as a timing line.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain_name(name: str) -> str:
    # A colon or line break would move the split between name and speech.
    return " ".join(name.replace(":", " ").split())


def write_text(transcript: Transcript) -> str:
    """The transcript as WebVTT (full timing) or plain lines (start times, untimed)."""
    if transcript.timing == "full":
        blocks = ["WEBVTT"]
        for cue in transcript.cues:
            assert cue.start is not None and cue.end is not None
            name = cue.speaker.replace(">", " ")
            blocks.append(
                f"{_clock(cue.start)} --> {_clock(cue.end)}\n<v {name}>{_escape(cue.text)}</v>"
            )
        return "\n\n".join(blocks) + "\n"
    lines = []
    for cue in transcript.cues:
        text = " ".join(cue.text.split())
        if cue.start is not None and transcript.timing == "start":
            lines.append(f"[{_clock(cue.start)}] {_plain_name(cue.speaker)}: {text}")
        else:
            lines.append(f"{_plain_name(cue.speaker)}: {text}")
    return "\n".join(lines) + "\n"
