"""Plain-text transcripts: Google Meet documents, notes, chat-style exports.

Recognised shapes, with or without a time before or after the name:

    Sara Holm: text                [00:01:02] Sara Holm: text
    00:01:02 Sara Holm: text       Sara Holm (00:01:02): text
    Sara Holm 00:01:02             [Sara Holm] 00:01:02
    text...                        text...

and Google Meet's older "Name" line followed by the text on the next lines. The
time may be a clock time ("Sara Holm 10:02 AM") and may be set off by a dash
("Sara Holm - 00:01:02"). A line with only a time sets the time of the next speaker
line. Lines before the first speaker (titles, attendee lists) are skipped; lines
without a speaker continue the previous one, except the notices that meeting tools
write into the transcript ("Meeting ended after 00:04:51", "Sara Holm started
transcription"), which are nobody's speech.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from fasit.engine.transcripts.model import UNKNOWN_SPEAKER, Cue
from fasit.engine.transcripts.speakers import clean_name, looks_like_name, split_speaker

_TS = (
    r"(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>\d{2})(?:[.,](?P<f>\d+))?"
    r"(?:\s?(?P<ampm>[AaPp]\.?[Mm]\b\.?))?"
)
_OPEN, _CLOSE = r"[\[(]?", r"[\])]?"
_TIME_FIRST_RE = re.compile(rf"^{_OPEN}{_TS}{_CLOSE}\s*(?P<sep>[-–—|]\s*)?(?P<rest>\D.*)$")
_NAME_TIME_RE = re.compile(
    rf"^\[?(?P<name>[^\W\d_][^:\[\]()\n]{{0,60}}?)\]?\s*(?:[-–—|·]\s*)?{_OPEN}{_TS}{_CLOSE}"
    r"\s*:?\s*(?P<text>.*)$"
)
_TIME_ONLY_RE = re.compile(rf"^{_OPEN}{_TS}{_CLOSE}$")


def _span_ts(prefix: str) -> str:
    return rf"(?:(?P<{prefix}h>\d{{1,2}}):)?(?P<{prefix}m>\d{{1,2}}):(?P<{prefix}s>\d{{2}})(?:[.,](?P<{prefix}f>\d+))?"


# Whisper's console output, saved as text: "[00:00.000 --> 00:07.600]  And so my fellow…"
# (whisper-jax writes "->"), perhaps with a diarised speaker after the times.
_SPAN_RE = re.compile(rf"^\[\s*{_span_ts('a')}\s*-{{1,2}}>\s*{_span_ts('b')}\s*\]\s*(?P<rest>.*)$")
_STARTED_OR_ENDED = (
    r"(?:started|stopped|ended|startade|stoppade|avslutade|startet|stoppet|avsluttet|startede|"
    r"stoppede|afsluttede|afsluttet|slutade|sluttet|sluttede|avslutades)"
)
_WHAT = (
    r"(?:the\s+)?(?:transcription|transcript|recording|meeting|transkriberingen|transkribering|"
    r"inspelningen|mötet|transkripsjonen|transkripsjon|opptaket|møtet|transskriptionen|"
    r"transskription|optagelsen|mødet)"
)
# Notices by Teams, Meet and Zoom, not speech: "Sara Holm started transcription",
# "Meeting ended after 00:04:51 👋", "Transcription ended after 00:30:12".
_NOTICE_RE = re.compile(
    r"^(?:transcribed\s+by\s+\S+$|"
    rf"[^\W\d_][^:.?!]{{0,80}}\s{_STARTED_OR_ENDED}\s+{_WHAT}\.?"
    rf"|{_WHAT}\s+(?:has\s+|was\s+|har\s+|ble\s+|blev\s+)?{_STARTED_OR_ENDED}\b"
    r"(?:\s+(?:after|at|efter|etter|kl\.?)\s+[\d:.]+)?\W*)$",
    re.IGNORECASE,
)


# Markdown transcripts bold the speaker: "**Sara Holm:** text", "**Sara** [0:00] text",
# "**Sara Holm** (00:01): text".
_BOLD_LABEL_RE = re.compile(r"^\s*(?:[-*+]\s+)?(\*\*|__)(?P<label>[^*_\n]{1,80}?)\1")
_MARKDOWN_NOISE_RE = re.compile(r"^(?:#{1,6}\s|(?:-{3,}|\*{3,}|_{3,})$)")
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


@dataclass(frozen=True, slots=True)
class PlainParse:
    cues: list[Cue]
    style: str
    """"lines" ("Name: text"), "blocks" (a name line, then the text) or "markdown"
    (bold speaker labels)."""


def _seconds(match: re.Match[str]) -> float:
    hours, minutes, seconds, fraction, ampm = match.group("h", "m", "s", "f", "ampm")
    if ampm and not hours:
        # A clock time, "10:02 AM": hours and minutes.
        hours, minutes, seconds = (
            str(int(minutes) % 12 + (12 if ampm[0] in "Pp" else 0)),
            seconds,
            "0",
        )
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return total + (float("0." + fraction) if fraction else 0.0)


def parse_plain(text: str) -> PlainParse:
    lines = text.splitlines()
    if "&" in text:
        # Exports written for the web keep HTML character references ("we&#39;re").
        lines = [_ENTITY_RE.sub(lambda m: html.unescape(m[0]), line) for line in lines]
    markdown = sum(1 for line in lines[:400] if _BOLD_LABEL_RE.match(line)) >= 2
    if markdown:
        lines = _unmark(lines)
    cues = _parse_lines(lines)
    style = "markdown" if markdown else "lines"
    if not cues:
        cues = _parse_blocks(lines)
        style = "blocks"
    return PlainParse(cues=cues, style=style)


def _unmark(lines: list[str]) -> list[str]:
    """Markdown to plain transcript lines: the bold label loses its asterisks (a colon
    inside the bold moves out), headings and rules are dropped."""
    out = []
    for line in lines:
        if _MARKDOWN_NOISE_RE.match(line.strip()):
            out.append("")
            continue
        match = _BOLD_LABEL_RE.match(line)
        if match is not None:
            label = match["label"].strip()
            rest = line[match.end() :]
            if label.endswith(":"):
                label, rest = label[:-1].rstrip(), ":" + rest
            line = label + rest
        out.append(line)
    return out


def _parse_lines(lines: list[str]) -> list[Cue]:
    cues: list[Cue] = []
    pending_time: float | None = None
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        line_no = index + 1
        time: float | None = None
        if _NOTICE_RE.match(line):
            continue
        only = _TIME_ONLY_RE.match(line)
        if only is not None:
            pending_time = _seconds(only)
            continue
        span = _SPAN_RE.match(line)
        if span is not None:
            named, said = split_speaker(span["rest"])
            start, end = _span_seconds(span, "a"), _span_seconds(span, "b")
            cues.append(Cue(named or UNKNOWN_SPEAKER, start, max(start, end), said, line=line_no))
            continue
        first = _TIME_FIRST_RE.match(line)
        body = line
        if first is not None:
            time = _seconds(first)
            body = first["rest"]
        speaker: str | None = None
        said = body
        header = _NAME_TIME_RE.match(line) if first is None else None
        if header is not None and looks_like_name(header["name"]):
            speaker, said = clean_name(header["name"]), header["text"].strip()
            time = _seconds(header)
        elif first is not None and first["sep"] and _header_name(body):
            # "0:00 - Sara Holm" with the text below (Read.ai and other notetakers).
            speaker, said = clean_name(body), ""
        else:
            speaker, said = split_speaker(body)
        if speaker is None:
            if cues:
                last = cues[-1]
                joined = f"{last.text} {line}".strip()
                cues[-1] = Cue(last.speaker, last.start, last.end, joined, line=last.line)
            continue
        if time is None:
            time, pending_time = pending_time, None
        cues.append(Cue(speaker, time, None, said, line=line_no))
    return [c for c in cues if c.text]


def _span_seconds(match: re.Match[str], prefix: str) -> float:
    hours, minutes, seconds, fraction = (match[prefix + k] for k in "hmsf")
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return total + (float("0." + fraction) if fraction else 0.0)


def _header_name(text: str) -> bool:
    return ":" not in text and looks_like_name(text)


def _parse_blocks(lines: list[str]) -> list[Cue]:
    cues: list[Cue] = []
    block: list[tuple[int, str]] = []
    for index, raw in enumerate([*lines, ""]):
        line = raw.strip()
        if line and _NOTICE_RE.match(line):
            continue
        if line:
            block.append((index + 1, line))
            continue
        if len(block) >= 2:
            line_no, head = block[0]
            time: float | None = None
            header = _NAME_TIME_RE.match(head)
            if header is not None and looks_like_name(header["name"]) and not header["text"]:
                head, time = header["name"], _seconds(header)
            body = [s for _, s in block[1:]]
            only = _TIME_ONLY_RE.match(body[0])
            if only is not None and len(body) > 1:
                time, body = _seconds(only), body[1:]
            if looks_like_name(head) and head[-1] not in ".:":
                cues.append(Cue(clean_name(head), time, None, " ".join(body), line=line_no))
        block = []
    return cues
