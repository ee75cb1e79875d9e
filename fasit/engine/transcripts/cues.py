"""WebVTT (Teams, Zoom) and SRT: timed cue blocks.

One hand-written line parser serves both. webvtt-py rejects the unpadded timestamps
the Microsoft Graph API returns ("0:0:5.32") and is several times slower on an
hour-long meeting; the srt package is strict about padding as well and would report
errors by character offset. Here errors name the line.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from fasit.engine.text.tokens import word_count
from fasit.engine.transcripts.model import UNKNOWN_SPEAKER, Cue, Notice, TranscriptError
from fasit.engine.transcripts.speakers import (
    clean_name,
    looks_like_name,
    split_label,
    split_speaker,
)

_TS = r"(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?"
_TIMING_RE = re.compile(rf"^\s*{_TS}\s*-->\s*{_TS}(?:\s.*)?$")
_VOICE_RE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>")
_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>")


@dataclass(frozen=True, slots=True)
class CueParse:
    cues: list[Cue]
    voice_tags: bool
    """Speakers came from <v> tags (Teams) rather than "Name:" prefixes (Zoom, SRT)."""
    notices: tuple[Notice, ...] = ()


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


# What a timing line cut short looks like ("00:00:", "00:04:13.6 --"): digits and
# colons, perhaps the start of an arrow, and nothing else.
_TIMESTAMP_FRAGMENT_RE = re.compile(r"^\d{1,2}:[\d:.,]*\s*-{0,2}>?\s*[\d:.,]*$")
# Share of captions that must open with "Name:" before any display name there counts
# as a speaker label (Zoom), and share that must open with a name line of their own
# (Teams' older Word export: timing, name, text).
_LABELLED_SHARE = 0.5


def parse_cues(text: str, *, webvtt: bool) -> CueParse:
    """Parse cue blocks. ``webvtt`` skips the header and NOTE/STYLE/REGION blocks."""
    blocks = _blocks(text, webvtt=webvtt)
    joined = [b.payload for b in blocks]
    if any("<v" in line and _VOICE_RE.search(line) for payload in joined for line in payload):
        return _voice_cues(blocks)
    return _labelled_cues(blocks)


@dataclass(slots=True)
class _Block:
    line: int
    start: float
    end: float
    payload: list[str]


def _blocks(text: str, *, webvtt: bool) -> list[_Block]:
    lines = text.splitlines()
    blocks: list[_Block] = []
    skipping = False
    in_header = webvtt
    previous_blank = True
    # Was the line before this one preceded by a blank line (a lone line)?
    lone = False
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
            # A lone line right before a timing line is the cue identifier (Teams
            # "GUID/12-0", Zoom and SRT numbers), not speech; a line that follows
            # text is text (YouTube's captions run on without a blank line).
            if blocks and not previous_blank and lone and blocks[-1].payload:
                blocks[-1].payload.pop()
            blocks.append(_Block(line_no, start, end, []))
            lone = False
            previous_blank = False
            continue
        elif skipping or in_header:
            pass
        elif previous_blank and webvtt and stripped.startswith(("NOTE", "STYLE", "REGION")):
            skipping = True
        elif (
            (previous_blank or lone)
            and _TIMESTAMP_FRAGMENT_RE.match(stripped)
            and not _next_is_timing(lines, index)
        ):
            # A timing line cut short (a truncated file) where a cue starts, after a
            # blank line or an identifier, is not speech: never let "00:00:" become
            # words of the turn before.
            raise TranscriptError(
                f"malformed timestamp {stripped!r} (expected 'start --> end')", line=line_no
            )
        elif blocks:
            blocks[-1].payload.append(stripped)
        lone = previous_blank
        previous_blank = False
    _refuse_cut_end(lines)
    return blocks


# The very start of a timing line: "0", "00", "00:0", "00:00:12.3 -".
_TIMING_START_RE = re.compile(r"^\d[\d:.,]*\s*-{0,2}>?\s*[\d:.,]*$")


def _refuse_cut_end(lines: list[str]) -> None:
    """A file cut short inside its last timing line ends with a fragment of it: right
    after the previous cue's text ("…du?\n00:00:") or after a blank line ("…\n\n0").
    Speech never ends a file like that, so it is a broken file, not words."""
    for index in range(len(lines) - 1, -1, -1):
        last = lines[index].strip()
        if not last:
            continue
        after_blank = index == 0 or not lines[index - 1].strip()
        if _TIMING_START_RE.match(last) and (":" in last or after_blank) and "-->" not in last:
            raise TranscriptError(
                f"malformed timestamp {last!r}: the file ends inside a timing line "
                "(was it cut short?)",
                line=index + 1,
            )
        return


def _next_is_timing(lines: list[str], index: int) -> bool:
    """Is the line after ``index`` a timing line (so this one is a cue identifier)?"""
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return "-->" in following


def _voice_cues(blocks: list[_Block]) -> CueParse:
    """Teams: ``<v Name>text</v>``, several voices per cue allowed."""
    cues: list[Cue] = []
    carried = _Carried()
    speaker = UNKNOWN_SPEAKER
    for block in blocks:
        if not block.payload:
            continue
        joined = "\n".join(block.payload)
        segments: list[tuple[str, str]] = []
        pos = 0
        for match in _VOICE_RE.finditer(joined):
            before = clean_text(joined[pos : match.start()]) if match.start() > pos else ""
            if before:
                carried.add(speaker, before, block.line)
                segments.append((speaker, before))
            speaker = clean_name(match[1] or UNKNOWN_SPEAKER)
            pos = match.end()
        rest = clean_text(joined[pos:])
        if rest:
            if pos == 0:
                carried.add(speaker, rest, block.line)
            segments.append((speaker, rest))
        cues.extend(_share_time(segments, block.start, block.end, block.line))
    return CueParse(cues=cues, voice_tags=True, notices=carried.notices())


def _labelled_cues(blocks: list[_Block]) -> CueParse:
    """Zoom and SRT: "Name: text" (or "[Name] text") at the start of a caption; or
    a name on a line of its own above the text (Teams' older Word export)."""
    nonempty = [b for b in blocks if b.payload]
    split = _label_splitter(nonempty)
    name_lines = split is split_speaker and _names_on_own_line(nonempty)
    cues: list[Cue] = []
    carried = _Carried()
    speaker = UNKNOWN_SPEAKER
    for block in nonempty:
        segments: list[tuple[str, str]] = []
        payload = block.payload
        before, named = speaker, False
        if name_lines and len(payload) > 1 and _name_line(payload[0]):
            speaker, payload, named = clean_name(payload[0]), payload[1:], True
        unnamed: list[str] = []
        for index, line in enumerate(payload):
            label, said = (split if index == 0 else split_speaker)(line)
            if label is not None:
                speaker, named = label, True
            said = clean_text(said)
            if not said:
                continue
            if not named:
                unnamed.append(said)
            if segments and segments[-1][0] == speaker:
                segments[-1] = (speaker, segments[-1][1] + " " + said)
            else:
                segments.append((speaker, said))
        if unnamed:
            carried.add(before, " ".join(unnamed), block.line)
        cues.extend(_share_time(segments, block.start, block.end, block.line))
    return CueParse(cues=cues, voice_tags=False, notices=carried.notices())


def _label_splitter(blocks: list[_Block]) -> Callable[[str], tuple[str | None, str]]:
    """``split_label`` (any display name) when most captions open with a "Name:" label
    that recurs or looks like a name, else the stricter ``split_speaker``."""
    if not blocks:
        return split_speaker
    labels = [split_label(b.payload[0])[0] for b in blocks]
    counts = Counter(label for label in labels if label is not None)
    labelled = sum(
        1 for label in labels if label is not None and (counts[label] > 1 or looks_like_name(label))
    )
    return split_label if labelled >= _LABELLED_SHARE * len(blocks) else split_speaker


def _name_line(line: str) -> bool:
    return ":" not in line and looks_like_name(line.replace(",", ""))


def _names_on_own_line(blocks: list[_Block]) -> bool:
    """Teams' older Word export: every caption is a timing line, the speaker's name on
    a line of its own, then the text. Names recur; subtitles' first lines do not."""
    firsts = [b.payload[0] for b in blocks if len(b.payload) > 1 and _name_line(b.payload[0])]
    if len(firsts) < _LABELLED_SHARE * len(blocks) or not firsts:
        return False
    return len(set(firsts)) <= max(1, len(firsts) // 3)


class _Carried:
    """Counts captions that named no speaker and went to the speaker before them."""

    def __init__(self) -> None:
        self.count = 0
        self.words = 0
        self.line: int | None = None

    def add(self, speaker: str, said: str, line: int) -> None:
        if speaker == UNKNOWN_SPEAKER:
            return
        self.count += 1
        self.words += word_count(said)
        if self.line is None:
            self.line = line

    def notices(self) -> tuple[Notice, ...]:
        if not self.count:
            return ()
        return (Notice("unlabelled-cues", count=self.count, words=self.words, line=self.line),)


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
