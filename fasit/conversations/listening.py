"""What the listening card shows: talk-share bars, the monologue timeline and the
feedback, computed from a stored ``ListeningAnalysis`` (never by re-analysing)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from fasit.conversations.models import ListeningAnalysis, SpeakerSide, TranscriptSpeaker
from fasit.core.languages import language_name
from fasit.engine.listening.command import (
    CUSTOMER_STORY_SECONDS,
    DISCOVERY_QUESTIONS,
    TALK_SHARE_WARNING,
    TOP_PERFORMER_TALK_SHARE,
)
from fasit.engine.listening.report import clock
from fasit.engine.transcripts.speakers import is_generic_label

TOP_PCT = round(TOP_PERFORMER_TALK_SHARE * 100)
WARNING_PCT = round(TALK_SHARE_WARNING * 100)
QUESTIONS_LOW, QUESTIONS_HIGH = DISCOVERY_QUESTIONS
# The engine's coaching mentions the words before the first question from here on.
PITCH_BEFORE_QUESTION_WORDS = 50
TIMELINE_WIDTH = 1000
LANE_HEIGHT = 18


def pct(share: float | None) -> int | None:
    return None if share is None else round(share * 100)


@dataclass
class SpeakerRow:
    speaker: TranscriptSpeaker
    who: str
    seller: bool
    words: int
    seconds: float | None
    share: float
    open_questions: int
    closed_questions: int
    lane: int = 0

    @property
    def share_pct(self) -> int:
        return round(self.share * 100)

    @property
    def y(self) -> int:
        return self.lane * LANE_HEIGHT


@dataclass
class Block:
    x: float
    width: float
    seller: bool
    y: int
    title: str


@dataclass
class Timeline:
    height: int
    blocks: list[Block]
    axis: str
    """"time" or "words" (untimed transcripts are laid out by words spoken)."""
    ticks: list[tuple[float, str]] = field(default_factory=list)
    """Percent from the left, and the time."""
    highlight: dict[str, float] | None = None
    """x, y and width of the longest seller monologue."""


@dataclass
class Card:
    analysis: ListeningAnalysis
    speakers: list[SpeakerRow]
    timeline: Timeline | None
    questions: list[dict[str, Any]]
    summaries: list[str]
    feedback: list[str]
    no_seller: bool
    notes: list[str]
    """What the transcript did not allow to measure, and how it was read."""
    unnamed_speakers: bool
    """Speakers are "Speaker 1", "SPEAKER_00"…: someone must say who is who."""
    meeting_questions: dict[str, Any]
    """All questions of the meeting (anyone's): total, open, closed."""
    stretch: dict[str, Any]
    """The longest stretch without a question: words, clock."""
    classified: bool
    """Questions are told open or closed (the meeting is in sv/nb/da/en)."""
    talk_share_pct: int | None
    talk_class: str
    monologue_clock: str
    story_clock: str
    duration_clock: str
    format_label: str
    language_label: str
    reference: dict[str, int] = field(
        default_factory=lambda: {
            "top": TOP_PCT,
            "warning": WARNING_PCT,
            "low": QUESTIONS_LOW,
            "high": QUESTIONS_HIGH,
        }
    )


def format_label(fmt: str) -> str:
    names = {
        "teams-vtt": "Microsoft Teams (WebVTT)",
        "zoom-vtt": "Zoom (WebVTT)",
        "vtt": "WebVTT",
        "srt": "SRT",
        "meet": "Google Meet",
        "meet-docx": _("Google Meet (Word document)"),
        "docx": _("Word document (Microsoft Teams)"),
        "json": _("speech recognition (Whisper JSON)"),
        "markdown": "Markdown",
        "plain": _("plain text"),
    }
    return names.get(fmt, fmt)


def transcript_notes(analysis: ListeningAnalysis) -> list[str]:
    """What the card must say about how the transcript was read: what it did not
    allow to measure (no speaker names, another language, no question marks) and
    captions that named nobody."""
    if analysis.status != "done":
        return []
    metrics = analysis.metrics or {}
    notes = []
    if not analysis.speaker_labels:
        notes.append(
            _(
                "This transcript names no speakers (subtitles, or speech recognition that "
                "does not tell voices apart), so talk share, monologues and who asked what "
                "cannot be measured. Shown is what can be: the questions asked in the "
                "meeting and the longest stretch without a question."
            )
        )
    if metrics.get("language_supported") is False:
        notes.append(
            _(
                "The meeting is in %(language)s, not Swedish, Norwegian, Danish or English: "
                "open and closed questions and summaries are not analysed; words, time, "
                "talk share and monologues are."
            )
            % {"language": language_name(analysis.language)}
        )
    elif metrics.get("punctuation", "ok") != "ok":
        notes.append(
            _(
                "The transcript has no question marks (speech recognition without "
                "punctuation); questions were found from their word order, so some may be "
                "missed."
            )
        )
    for notice in metrics.get("notices", []):
        if notice.get("code") == "unlabelled-cues":
            count, words = notice.get("count", 0), notice.get("words", 0)
            notes.append(
                ngettext(
                    "%(count)s caption (%(words)s words) named no speaker; it was counted "
                    "for the speaker before it.",
                    "%(count)s captions (%(words)s words) named no speaker; they were "
                    "counted for the speaker before them.",
                    count,
                )
                % {"count": count, "words": words}
            )
    return notes


def who(speaker: TranscriptSpeaker) -> str:
    """The Fasit name of a transcript speaker, for labels."""
    if speaker.side == SpeakerSide.USER and speaker.user is not None:
        user = speaker.user
        return user.get_full_name() or user.username
    if speaker.side == SpeakerSide.PERSON and speaker.person is not None:
        return str(speaker.person.name)
    return str(SpeakerSide(speaker.side).label)


def card(analysis: ListeningAnalysis) -> Card:
    speakers = list(analysis.speakers.select_related("user", "person"))
    metrics = analysis.metrics or {}
    stats = {s["name"]: s for s in metrics.get("speakers", [])}
    rows = []
    for lane, speaker in enumerate(speakers):
        stat = stats.get(speaker.name, {})
        questions = stat.get("questions", {})
        rows.append(
            SpeakerRow(
                speaker=speaker,
                who=who(speaker),
                seller=speaker.is_seller,
                words=stat.get("words", 0),
                seconds=stat.get("seconds"),
                share=stat.get("share", 0.0),
                open_questions=questions.get("open", 0),
                closed_questions=questions.get("closed", 0),
                lane=lane,
            )
        )
    no_seller = analysis.speaker_labels and not any(r.seller for r in rows)
    seller_names = {r.speaker.name for r in rows if r.seller}
    questions = [
        {**q, "at": clock(q.get("start")) if q.get("start") is not None else ""}
        for q in metrics.get("question_list", [])
        if q.get("speaker") in seller_names or not analysis.speaker_labels
    ]
    stretch = metrics.get("longest_stretch_without_question") or {}
    return Card(
        notes=transcript_notes(analysis),
        unnamed_speakers=no_seller and any(is_generic_label(r.speaker.name) for r in rows),
        meeting_questions=metrics.get("questions") or {},
        classified=metrics.get("language_supported", True) is not False,
        stretch={"words": stretch.get("words"), "clock": clock(stretch.get("seconds"))},
        analysis=analysis,
        speakers=rows,
        timeline=timeline(analysis, rows) if analysis.status == "done" else None,
        questions=questions,
        summaries=list(metrics.get("summary_list", [])),
        feedback=feedback(analysis),
        no_seller=no_seller,
        talk_share_pct=pct(analysis.seller_talk_share),
        talk_class=_talk_class(analysis.seller_talk_share),
        monologue_clock=clock(analysis.longest_monologue_seconds),
        story_clock=clock(analysis.longest_story_seconds),
        duration_clock=clock(analysis.duration_seconds),
        format_label=format_label(analysis.format),
        language_label=language_name(analysis.language) if analysis.language else "–",
    )


def _talk_class(share: float | None) -> str:
    if share is None:
        return ""
    if share > TALK_SHARE_WARNING:
        return "bad"
    return "good" if share <= TOP_PERFORMER_TALK_SHARE + 0.05 else "warn"


def timeline(analysis: ListeningAnalysis, rows: list[SpeakerRow]) -> Timeline | None:
    """Turns as blocks on one lane per speaker, over the meeting's duration (or, for
    an untimed transcript, over the words spoken)."""
    lanes = {r.speaker.pk: r for r in rows}
    # analysis_id too: the related manager sets each turn's analysis, and a deferred
    # foreign key would cost one query per turn.
    turns = list(analysis.turns.only("analysis_id", "speaker_id", "start", "end", "text"))
    if not turns:
        return None
    timed = analysis.timing != "none" and all(t.start is not None for t in turns)
    # Times as in the transcript file (not from the first caption), so they agree
    # with the times shown next to the questions.
    spans: list[tuple[float, float]] = []
    if timed:
        for t in turns:
            start = t.start or 0.0
            spans.append((start, t.end if t.end is not None else start))
    else:
        at = 0.0
        for t in turns:
            words = max(1, len(t.text.split()))
            spans.append((at, at + words))
            at += words
    total = max(end for _start, end in spans) or 1.0
    scale = TIMELINE_WIDTH / total
    blocks = []
    for t, (start, end) in zip(turns, spans, strict=True):
        row = lanes[t.speaker_id]
        excerpt = t.text if len(t.text) <= 90 else t.text[:88] + "…"
        when = f"{clock(start)} " if timed else ""
        blocks.append(
            Block(
                x=round(start * scale, 1),
                width=round(max((end - start) * scale, 1.5), 1),
                seller=row.seller,
                y=row.y + 2,
                title=f"{when}{row.who}: {excerpt}",
            )
        )
    result = Timeline(
        height=len(rows) * LANE_HEIGHT, blocks=blocks, axis="time" if timed else "words"
    )
    if timed:
        step = _tick_step(total)
        result.ticks = [
            (round(100 * s / total, 2), clock(s))
            for s in range(0, int(total) + 1, step)
            if s < total
        ]
    monologue = (analysis.metrics or {}).get("longest_seller_monologue") or {}
    name, start, seconds = (
        monologue.get("speaker"),
        monologue.get("start"),
        monologue.get("seconds"),
    )
    speaker_row = next((r for r in rows if r.speaker.name == name), None)
    if timed and speaker_row is not None and start is not None and seconds is not None:
        result.highlight = {
            "x": round(start * scale, 1),
            "y": speaker_row.y,
            "width": round(max(seconds * scale, 2.0), 1),
        }
    return result


def _tick_step(total_seconds: float) -> int:
    for step in (30, 60, 120, 300, 600, 900, 1800):
        if total_seconds / step <= 8:
            return step
    return 3600


def feedback(analysis: ListeningAnalysis) -> list[str]:
    """Plain-language feedback against the Gong Labs reference figures: the
    engine's ``coaching`` (fasit/engine/listening/command.py), translatable."""
    if analysis.status != "done":
        return []
    if not analysis.speaker_labels:
        return []
    if analysis.seller_talk_share is None:
        return [
            _(
                "Nobody in this transcript is marked as someone from us, so there is no "
                "feedback yet. Correct who is who below."
            )
        ]
    notes = []
    share = pct(analysis.seller_talk_share)
    figures = {"share": share, "top": TOP_PCT, "listen": 100 - TOP_PCT, "warning": WARNING_PCT}
    if analysis.seller_talk_share > TALK_SHARE_WARNING:
        notes.append(
            _(
                "You spoke %(share)s%% of the time; top performers speak about %(top)s%% "
                "(Gong Labs), and reps who talk over %(warning)s%% convert less. Ask, then "
                "let the customer talk."
            )
            % figures
        )
    elif analysis.seller_talk_share > TOP_PERFORMER_TALK_SHARE + 0.05:
        notes.append(
            _(
                "You spoke %(share)s%% of the time; top performers speak about %(top)s%% "
                "and listen %(listen)s%% (Gong Labs)."
            )
            % figures
        )
    else:
        notes.append(
            _(
                "You spoke %(share)s%% of the time, close to or below the %(top)s%% of top "
                "performers (Gong Labs). Good listening."
            )
            % figures
        )
    notes.extend(_question_feedback(analysis))
    if (analysis.words_before_first_question or 0) > PITCH_BEFORE_QUESTION_WORDS:
        notes.append(
            _("You said %(words)s words before your first question: listen before you pitch.")
            % {"words": analysis.words_before_first_question}
        )
    if analysis.longest_story_seconds is not None:
        figures = {
            "clock": clock(analysis.longest_story_seconds),
            "words": analysis.longest_story_words or 0,
        }
        if analysis.longest_story_seconds >= CUSTOMER_STORY_SECONDS:
            notes.append(
                _(
                    "The customer's longest uninterrupted story was %(clock)s (%(words)s "
                    "words); about 4 minutes goes with higher win rates (Gong Labs): well done."
                )
                % figures
            )
        else:
            notes.append(
                _(
                    "The customer's longest uninterrupted story was %(clock)s (%(words)s "
                    "words); about 4 minutes goes with higher win rates (Gong Labs): invite "
                    "longer stories with open questions and patience."
                )
                % figures
            )
    if analysis.summaries == 0:
        notes.append(
            _(
                "You never summarised what the customer said; a restatement (“So what I'm "
                "hearing is…”) shows you listened and catches misunderstandings."
            )
        )
    return notes


def _question_feedback(analysis: ListeningAnalysis) -> list[str]:
    metrics = analysis.metrics or {}
    punctuated = metrics.get("punctuation", "ok") == "ok"
    if analysis.seller_open_questions is None:
        # A language without Fasit's rules: questions only by their "?", if any.
        seller = (metrics.get("questions") or {}).get("seller")
        if seller is None:
            return [
                _(
                    "The transcript has no question marks and is in a language Fasit has "
                    "no rules for, so questions cannot be counted."
                )
            ]
        return [
            ngettext(
                "You asked %(count)s question (counted by its question mark); Gong Labs "
                "finds %(low)s–%(high)s questions in a good discovery call.",
                "You asked %(count)s questions (counted by their question marks); Gong "
                "Labs finds %(low)s–%(high)s questions in a good discovery call.",
                seller,
            )
            % {"count": seller, "low": QUESTIONS_LOW, "high": QUESTIONS_HIGH}
        ]
    asked = (analysis.seller_open_questions or 0) + (analysis.seller_closed_questions or 0)
    if not punctuated and asked == 0:
        return [
            _(
                "No questions of ours were recognised. The transcript has no question marks "
                "(speech recognition without punctuation), so questions could only be "
                "found from their word order and some may be missed."
            )
        ]
    note = ngettext(
        "You asked %(count)s question (%(open)s open, %(closed)s closed); Gong Labs finds "
        "%(low)s–%(high)s questions in a good discovery call.",
        "You asked %(count)s questions (%(open)s open, %(closed)s closed); Gong Labs finds "
        "%(low)s–%(high)s questions in a good discovery call.",
        asked,
    ) % {
        "count": asked,
        "open": analysis.seller_open_questions or 0,
        "closed": analysis.seller_closed_questions or 0,
        "low": QUESTIONS_LOW,
        "high": QUESTIONS_HIGH,
    }
    if (analysis.seller_closed_questions or 0) > (analysis.seller_open_questions or 0):
        note += " " + _("Lead with open questions (how, what, why, tell me about…).")
    if not punctuated:
        note += " " + _(
            "The transcript has no question marks, so these were found from their word "
            "order; some may be missed."
        )
    return [note]
