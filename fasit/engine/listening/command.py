"""``fasit listen FILE --seller NAME [--seller NAME ...] [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import NoReturn, TextIO

from fasit.engine.listening.analyse import analyse, speaker_key
from fasit.engine.listening.report import ListeningReport
from fasit.engine.transcripts import TranscriptError, parse_transcript

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
    parser.add_argument("file", help="transcript: Teams/Zoom .vtt, .srt, Google Meet or .txt")
    parser.add_argument(
        "--seller",
        action="append",
        required=True,
        metavar="NAME",
        help="a seller's name as it appears in the transcript (repeat for several)",
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
    if not sellers:
        print("fasit listen: --seller needs a name", file=sys.stderr)
        return 2
    try:
        transcript = parse_transcript(args.file)
    except TranscriptError as exc:
        print(f"fasit listen: {exc}", file=sys.stderr)
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
    if value is None:
        return "–"
    minutes, seconds = divmod(round(value), 60)
    return f"{minutes}:{seconds:02d}" if minutes else f"{value:.1f} s"


def coaching(report: ListeningReport) -> list[str]:
    """Plain-language feedback against the Gong Labs reference figures."""
    notes: list[str] = []
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
    asked = report.seller_open_questions + report.seller_closed_questions
    low, high = DISCOVERY_QUESTIONS
    notes.append(
        f"You asked {asked} question{'s' if asked != 1 else ''} "
        f"({report.seller_open_questions} open, {report.seller_closed_questions} closed); "
        f"Gong Labs finds {low}–{high} questions in a good discovery call."
        + (
            " Lead with open questions (how, what, why, tell me about…)."
            if report.seller_closed_questions > report.seller_open_questions
            else ""
        )
    )
    if report.seller_words_before_first_question > 50:
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
    if report.summaries == 0:
        notes.append(
            "You never summarised what the customer said; a restatement ('So what I'm "
            "hearing is…') shows you listened and catches misunderstandings."
        )
    return notes


def print_report(report: ListeningReport, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, highlight=False, soft_wrap=False)
    console.print(
        f"[bold]Listening report[/bold]  language {report.language} · format {report.format}"
        f" · duration {_secs(report.duration_seconds)}"
    )
    table = Table(show_edge=False)
    for column in ("Speaker", "Role", "Words", "Share", "Seconds", "Open q", "Closed q"):
        table.add_column(column, justify="left" if column in ("Speaker", "Role") else "right")
    for s in report.speakers:
        table.add_row(
            s.name,
            s.role,
            str(s.words),
            _pct(s.share),
            "–" if s.seconds is None else f"{s.seconds:.1f}",
            str(s.open_questions),
            str(s.closed_questions),
        )
    console.print(table)
    mono, story = report.longest_seller_monologue, report.longest_customer_story
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
    console.print(f"Summaries:                     {report.summaries}")
    console.print(f"Patience (median pause):       {_secs(report.patience_seconds)}")
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
