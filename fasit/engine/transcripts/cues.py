"""WebVTT (Teams, Zoom) and SRT: timed cue blocks.

One hand-written line parser serves both. webvtt-py rejects the unpadded timestamps
the Microsoft Graph API returns ("0:0:5.32") and is several times slower on an
hour-long meeting; the srt package is strict about padding as well and would report
errors by character offset. Here errors name the line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from fasit.engine.transcripts.model import Cue, TranscriptError
from fasit.engine.transcripts.speakers import clean_name, split_speaker

_TS = r"(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?"
_TIMING_RE = re.compile(rf"^\s*{_TS}\s*-->\s*{_TS}(?:\s.*)?$")
_VOICE_RE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>")
_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>")
UNKNOWN_SPEAKER = "Unknown speaker"


@dataclass(frozen=True, slots=True)
class CueParse:
    cues: list[Cue]
    voice_tags: bool
    """Speakers came from <v> tags (Teams) rather than "Name:" prefixes (Zoom, SRT)."""


def _seconds(groups: tuple[str | None, ...], line_no: int, raw: str) -> float:
    hours, minutes, seconds, fraction = groups
    h = int(hours) if hours is not None else 0
    m, s = int(minutes or 0), int(seconds or 0)
    if s >= 60 or (hours is not None and m >= 60):
        raise TranscriptError(f"malformed timestamp {raw.strip()!r}", line=line_no)
    frac = float("0." + fraction) if fraction else 0.0
    return h * 3600 + m * 60 + s + frac


def parse_timing(line: str, line_no: int) -> tuple[float, float]:
    match = _TIMING_RE.match(line)
    if match is None:
        raise TranscriptError(f"malformed timestamp {line.strip()!r}", line=line_no)
    groups = match.groups()
    start = _seconds(groups[:4], line_no, line)
    end = _seconds(groups[4:], line_no, line)
    if end < start:
        raise TranscriptError(f"cue ends before it starts: {line.strip()!r}", line=line_no)
    return start, end


def clean_text(text: str) -> str:
    if "<" in text:
        text = _TAG_RE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


def parse_cues(text: str, *, webvtt: bool) -> CueParse:
    """Parse cue blocks. ``webvtt`` skips the header and NOTE/STYLE/REGION blocks."""
    lines = text.splitlines()
    # (line number, start, end, payload lines)
    blocks: list[tuple[int, float, float, list[str]]] = []
    skipping = False
    in_header = webvtt
    previous_blank = True
    for index, raw in enumerate(lines):
        line_no = index + 1
        stripped = raw.strip()
        if not stripped:
            skipping = in_header = False
            previous_blank = True
            continue
        if "-->" in stripped:
            skipping = in_header = False
            start, end = parse_timing(stripped, line_no)
            # The non-blank line right before a timing line is the cue identifier
            # (Teams "GUID/12-0", Zoom and SRT numbers), not speech.
            if blocks and not previous_blank and blocks[-1][3]:
                blocks[-1][3].pop()
            blocks.append((line_no, start, end, []))
        elif skipping or in_header:
            pass
        elif previous_blank and webvtt and stripped.startswith(("NOTE", "STYLE", "REGION")):
            skipping = True
        elif blocks:
            blocks[-1][3].append(stripped)
        previous_blank = False

    cues: list[Cue] = []
    voice_tags = False
    speaker = UNKNOWN_SPEAKER
    for line_no, start, end, payload in blocks:
        if not payload:
            continue
        joined = "\n".join(payload)
        segments: list[tuple[str, str]] = []
        if "<v" in joined and _VOICE_RE.search(joined):
            voice_tags = True
            pos = 0
            for match in _VOICE_RE.finditer(joined):
                before = clean_text(joined[pos : match.start()]) if match.start() > pos else ""
                if before:
                    segments.append((speaker, before))
                speaker = clean_name(match[1] or UNKNOWN_SPEAKER)
                pos = match.end()
            rest = clean_text(joined[pos:])
            if rest:
                segments.append((speaker, rest))
        else:
            for line in payload:
                named, said = split_speaker(line)
                if named is not None:
                    speaker = named
                said = clean_text(said)
                if not said:
                    continue
                if segments and segments[-1][0] == speaker:
                    segments[-1] = (speaker, segments[-1][1] + " " + said)
                else:
                    segments.append((speaker, said))
        cues.extend(_share_time(segments, start, end, line_no))
    return CueParse(cues=cues, voice_tags=voice_tags)


def _share_time(segments: list[tuple[str, str]], start: float, end: float, line: int) -> list[Cue]:
    """One cue per speaker segment; a cue holding several speakers has its time split in
    proportion to their characters, so that no second is counted twice."""
    if len(segments) == 1:
        name, said = segments[0]
        return [Cue(name, start, end, said, line=line)]
    total = sum(len(s) for _, s in segments) or 1
    out: list[Cue] = []
    t = start
    for name, said in segments:
        t_end = t + (end - start) * len(said) / total
        out.append(Cue(name, t, t_end, said, line=line))
        t = t_end
    return out
