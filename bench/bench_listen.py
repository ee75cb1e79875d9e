"""Benchmark: parse + analyse a synthetic one-hour Teams meeting.

    .venv/bin/python bench/bench_listen.py [--runs 20]

Generates a deterministic WebVTT file (~1,000 cues, ~9,000 words, two speakers,
Teams voice tags), then prints the median wall time over ``--runs`` runs of the
engine (parse_transcript + analyse) and of webvtt-py merely reading the same file.
Pinned to one CPU; no assertions on time. The first run (which loads the language
model) is not counted.
"""

from __future__ import annotations

import argparse
import os

# One core: keep numpy (used by py3langid) from spreading over threads.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import io  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Callable  # noqa: E402

from fasit.engine.listening import analyse  # noqa: E402
from fasit.engine.transcripts import parse_transcript  # noqa: E402

SELLER = "Anna Lund"
CUSTOMER = "Erik Berg"
_WORDS = [
    "vi",
    "har",
    "lager",
    "order",
    "kunder",
    "leverans",
    "system",
    "pris",
    "avtal",
    "säljare",
    "inköp",
    "faktura",
    "vecka",
    "månad",
    "problem",
    "lösning",
    "team",
    "process",
    "data",
    "rapport",
    "behov",
    "tid",
    "budget",
    "plan",
    "projekt",
    "idag",
    "ofta",
    "alltid",
    "ibland",
    "mycket",
    "lite",
    "bra",
    "svårt",
    "enkelt",
    "snabbt",
]
_QUESTIONS = (
    "Hur ser det ut hos er idag?",
    "Vad är viktigast för er?",
    "Har ni en budget för det?",
    "Berätta mer om det.",
    "Ni har väl redan ett system, eller hur?",
)


def _ts(seconds: float) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def synthetic_meeting(seed: int = 7, minutes: int = 60) -> bytes:
    rng = random.Random(seed)
    out = io.StringIO()
    out.write("WEBVTT\n\n")
    t = 0.0
    index = 0
    meeting = uuid.UUID(int=rng.getrandbits(128))
    speaker = SELLER
    while t < minutes * 60:
        if rng.random() < 0.45:
            speaker = CUSTOMER if speaker == SELLER else SELLER
        n = rng.randint(4, 13)
        words = [rng.choice(_WORDS) for _ in range(n)]
        text = " ".join(words).capitalize() + "."
        if speaker == SELLER and rng.random() < 0.2:
            text += " " + rng.choice(_QUESTIONS)
        duration = n * 0.34
        index += 1
        out.write(f"{meeting}/{index}-0\n{_ts(t)} --> {_ts(t + duration)}\n")
        out.write(f"<v {speaker}>{text}</v>\n\n")
        t += duration + rng.uniform(0.2, 0.8)
    return out.getvalue().encode("utf-8")


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up: imports, language model, regex caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    data = synthetic_meeting()
    transcript = parse_transcript(data)
    report = analyse(transcript, [SELLER])
    words = sum(s.words for s in report.speakers)
    print(
        f"synthetic Teams VTT: {len(data) / 1024:.0f} KiB, {len(transcript.cues)} cues, "
        f"{words} words, {report.duration_seconds or 0:.0f} s"
    )

    engine = _median_ms(lambda: analyse(parse_transcript(data), [SELLER]), args.runs)
    parse_only = _median_ms(lambda: parse_transcript(data), args.runs)
    print(f"engine parse+analyse: median {engine:6.1f} ms over {args.runs} runs (target ≤ 50 ms)")
    print(f"engine parse only:    median {parse_only:6.1f} ms")

    try:
        import webvtt
    except ImportError:
        print("webvtt-py not installed; no comparison")
        return
    text = data.decode("utf-8")
    reader = _median_ms(lambda: webvtt.from_buffer(io.StringIO(text)), args.runs)
    print(f"webvtt-py read only:  median {reader:6.1f} ms")


if __name__ == "__main__":
    main()
