"""``fasit listen FILE --seller NAME [--seller NAME ...] [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn, TextIO

from fasit.engine.listening.analyse import analyse, speaker_key
from fasit.engine.listening.report import ListeningReport, clock
from fasit.engine.transcripts import TranscriptError, parse_transcript

# Names of the languages a meeting may be in when it is none of Fasit's four, for
# the message that says so; others are given by their ISO code.
_LANGUAGE_NAMES = {
    "es": "Spanish",
    "de": "German",
    "fr": "French",
    "fi": "Finnish",
    "nl": "Dutch",
    "it": "Italian",
    "pt": "Portuguese",
    "pl": "Polish",
    "is": "Icelandic",
    "et": "Estonian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "ar": "Arabic",
    "zh": "Chinese",
    "ja": "Japanese",
    "tr": "Turkish",
}

# Gong Labs reference figures, as DESIGN.md cites them.
TOP_PERFORMER_TALK_SHARE = 0.43
TALK_SHARE_WARNING = 0.65
DISCOVERY_QUESTIONS = (11, 14)
CUSTOMER_STORY_SECONDS = 240.0


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(
        prog="fasit listen",
        description="Analyse a meeting transcript: talk share, questions, monologues.",
    )
    parser.add_argument(
        "file",
        help="transcript: Teams/Zoom .vtt, .srt, .docx, Whisper .json, Otter/Meet .txt, .md",
    )
    parser.add_argument(
        "--seller",
        action="append",
        default=[],
        metavar="NAME",
        help="a seller's name as it appears in the transcript (repeat for several); "
        "needed unless the transcript names no speakers",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        print(f"fasit listen: {exc}\n\n{_parser().format_usage()}", file=sys.stderr, end="")
        return 2
    sellers = [" ".join(s.split()) for s in args.seller if s.strip()]
    if args.seller and not sellers:
        print("fasit listen: --seller needs a name", file=sys.stderr)
        return 2
    try:
        transcript = parse_transcript(args.file)
    except TranscriptError as exc:
        print(f"fasit listen: {exc}", file=sys.stderr)
        return 2

    if not transcript.speaker_labels:
        # Nobody to match: the "Unknown speaker" is everyone, and taking it for the
        # seller would report a 100% talk share.
        if sellers:
            print(
                f"fasit listen: {args.file}: the transcript names no speakers, so "
                + ", ".join(repr(s) for s in sellers)
                + " cannot be found in it; talk share needs speaker labels",
                file=sys.stderr,
            )
        sellers = []
    elif not sellers:
        print(
            f"fasit listen: {args.file}: name the seller with --seller; speakers are: "
            + ", ".join(transcript.speakers),
            file=sys.stderr,
        )
        return 2
    speaker_keys = {speaker_key(name) for name in transcript.speakers}
    missing = [s for s in sellers if speaker_key(s) not in speaker_keys]
    if missing:
        print(
            f"fasit listen: {args.file}: no speaker matches seller "
            + ", ".join(repr(m) for m in missing)
            + "; speakers are: "
            + ", ".join(transcript.speakers),
            file=sys.stderr,
        )
        return 2

    report = analyse(transcript, sellers)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_report(report, sys.stdout)
    return 0


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _secs(value: float | None) -> str:
    if value is not None and value < 60:
        return f"{value:.1f} s"
    return clock(value)


def language_name(code: str) -> str:
    return _LANGUAGE_NAMES.get(code, code)


def coaching(report: ListeningReport) -> list[str]:
    """Plain-language feedback against the Gong Labs reference figures, and what the
    transcript does not allow to measure."""
    notes: list[str] = []
    if not report.language_supported:
        notes.append(
            f"The meeting is in {language_name(report.language)}, not Swedish, Norwegian, "
            "Danish or English: open and closed questions and summaries are not "
            "analysed; words, time, talk share and monologues"
            + (", and questions by their '?'," if report.questions_countable else "")
            + " are."
        )
    if not report.speaker_labels:
        notes.append(_no_speaker_note(report))
        return notes
    share = report.seller_talk_share
    if share > TALK_SHARE_WARNING:
        notes.append(
            f"You spoke {_pct(share)} of the time; top performers speak about "
            f"{_pct(TOP_PERFORMER_TALK_SHARE)} (Gong Labs), and reps who talk over "
            f"{_pct(TALK_SHARE_WARNING)} convert less. Ask, then let the customer talk."
        )
    elif share > TOP_PERFORMER_TALK_SHARE + 0.05:
        notes.append(
            f"You spoke {_pct(share)} of the time; top performers speak about "
            f"{_pct(TOP_PERFORMER_TALK_SHARE)} and listen {_pct(1 - TOP_PERFORMER_TALK_SHARE)} "
            "(Gong Labs)."
        )
    else:
        notes.append(
            f"You spoke {_pct(share)} of the time, close to or below the "
            f"{_pct(TOP_PERFORMER_TALK_SHARE)} of top performers (Gong Labs). Good listening."
        )
    notes.extend(_question_notes(report))
    if report.questions_countable and report.seller_words_before_first_question > 50:
        notes.append(
            f"You said {report.seller_words_before_first_question} words before your first "
            "question: listen before you pitch."
        )
    story = report.longest_customer_story
    if story.seconds is not None:
        verdict = (
            "well done"
            if story.seconds >= CUSTOMER_STORY_SECONDS
            else "invite longer stories with open questions and patience"
        )
        notes.append(
            f"The customer's longest uninterrupted story was {_secs(story.seconds)} "
            f"({story.words} words); about 4 minutes goes with higher win rates (Gong Labs): "
            f"{verdict}."
        )
    if report.language_supported and report.summaries == 0:
        notes.append(
            "You never summarised what the customer said; a restatement ('So what I'm "
            "hearing is…') shows you listened and catches misunderstandings."
        )
    return notes


def _question_notes(report: ListeningReport) -> list[str]:
    low, high = DISCOVERY_QUESTIONS
    if not report.questions_countable:
        return [
            "The transcript has no question marks and its language has no rules in "
            "Fasit, so questions cannot be counted."
        ]
    if not report.language_supported:
        asked = report.seller_questions
        return [
            f"You asked {asked} question{'s' if asked != 1 else ''} (by their '?'); "
            f"Gong Labs finds {low}–{high} questions in a good discovery call."
        ]
    asked = report.seller_open_questions + report.seller_closed_questions
    if report.punctuation != "ok" and asked == 0:
        return [
            "No questions of yours were recognised. The transcript has no question marks "
            "(speech recognition without punctuation), so questions could only be found "
            "from their word order and some may be missed."
        ]
    note = (
        f"You asked {asked} question{'s' if asked != 1 else ''} "
        f"({report.seller_open_questions} open, {report.seller_closed_questions} closed); "
        f"Gong Labs finds {low}–{high} questions in a good discovery call."
        + (
            " Lead with open questions (how, what, why, tell me about…)."
            if report.seller_closed_questions > report.seller_open_questions
            else ""
        )
    )
    if report.punctuation != "ok":
        note += (
            " The transcript has no question marks, so these were found from their word "
            "order; some may be missed."
        )
    return [note]


def _no_speaker_note(report: ListeningReport) -> str:
    stretch = report.longest_stretch_without_question
    asked = len(report.questions)
    counted = (
        f"{asked} question{'s were' if asked != 1 else ' was'} asked in the meeting "
        "(by anyone)"
        if report.questions_countable
        else "questions cannot be counted either"
    )
    return (
        "Talk share, monologues and who asked what need speaker labels, and this "
        f"transcript has none; {counted}. The longest stretch without a question was "
        f"{stretch.words} words ({_secs(stretch.seconds)})."
    )


def print_report(report: ListeningReport, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, highlight=False, soft_wrap=False)
    console.print(
        f"[bold]Listening report[/bold]  language {report.language} · format {report.format}"
        f" · duration {_secs(report.duration_seconds)}"
    )
    for notice in report.notices:
        console.print(f"Note: {notice.message}", markup=False)
    if report.punctuation != "ok" and report.language_supported:
        console.print(
            "Note: the transcript has no question marks; questions were found from their "
            "word order.",
            markup=False,
        )
    table = Table(show_edge=False)
    for column in ("Speaker", "Role", "Words", "Share", "Seconds", "Open q", "Closed q"):
        table.add_column(column, justify="left" if column in ("Speaker", "Role") else "right")
    for s in report.speakers:
        table.add_row(
            s.name,
            s.role,
            str(s.words),
            _pct(s.share) if report.speaker_labels else "–",
            "–" if s.seconds is None else f"{s.seconds:.1f}",
            str(s.open_questions),
            str(s.closed_questions),
        )
    console.print(table)
    mono, story = report.longest_seller_monologue, report.longest_customer_story
    if not report.speaker_labels:
        stretch = report.longest_stretch_without_question
        console.print("Seller talk share:             – (needs speaker labels)")
        console.print(
            f"Longest stretch without a q.:  {stretch.words} words, {_secs(stretch.seconds)}"
        )
        _print_questions_and_coaching(report, console)
        return
    console.print(f"Seller talk share:             {_pct(report.seller_talk_share)}")
    console.print(
        f"Longest seller monologue:      {mono.words} words, {_secs(mono.seconds)}"
        + (f" ({mono.speaker})" if mono.speaker else "")
    )
    console.print(
        f"Longest customer story:        {story.words} words, {_secs(story.seconds)}"
        + (f" ({story.speaker})" if story.speaker else "")
    )
    console.print(f"Seller words before 1st q.:    {report.seller_words_before_first_question}")
    if report.language_supported:
        console.print(f"Summaries:                     {report.summaries}")
    console.print(f"Patience (median pause):       {_secs(report.patience_seconds)}")
    _print_questions_and_coaching(report, console)


def _print_questions_and_coaching(report: ListeningReport, console: Any) -> None:
    console.print("\n[bold]Questions[/bold]")
    if not report.questions:
        console.print("  (none)")
    for q in report.questions:
        when = f"{_secs(q.start):>7} " if q.start is not None else ""
        tag = f"{q.kind}{', summary' if q.summary else ''}"
        console.print(f"  {when}[{tag}] {q.speaker}: {q.text}", markup=False)
    console.print("\n[bold]Coaching[/bold]")
    for note in coaching(report):
        console.print(f"  • {note}", markup=False)
