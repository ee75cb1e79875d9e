"""Metrics of the hand-made fixtures, computed by hand (see the comments)."""

from pathlib import Path

from fasit.engine.listening import analyse, speaker_key
from fasit.engine.listening.report import Stretch
from fasit.engine.transcripts import Transcript, Turn, parse_text, parse_transcript

FIXTURES = Path(__file__).parents[2] / "transcripts" / "tests" / "fixtures"


def _teams() -> Transcript:
    return parse_transcript(FIXTURES / "teams_sv.vtt")


def test_words_seconds_and_shares_per_speaker() -> None:
    report = analyse(_teams(), ["Anna Lund"])
    # Anna: 9 + 7 + 7 + 1 + 13 + 8 = 45 words; 2.5 + 3 + 2.5 + 0.5 + 4.5 + 3 = 16.0 s
    # (the duplicate cue at 7.5 s is dropped). Erik: 1 + 8 + 11 + 7 + 2 + 3 = 32 words;
    # 0.5 + 5 + 3.8 + 4 + 1 + 2 = 16.3 s.
    assert [
        (s.name, s.role, s.words, round(s.seconds or 0, 2), round(s.share, 4))
        for s in report.speakers
    ] == [
        ("Anna Lund", "seller", 45, 16.0, round(45 / 77, 4)),
        ("Erik Berg", "customer", 32, 16.3, round(32 / 77, 4)),
    ]
    assert report.seller_talk_share == 45 / 77


def test_monologue_runs_through_backchannel() -> None:
    report = analyse(_teams(), ["Anna Lund"])
    # Anna 0.0-6.0 (16 words), Erik "Mm." (backchannel), Anna 7.5-10.0 (7 words).
    assert report.longest_seller_monologue == Stretch("Anna Lund", 23, 10.0, 0.0)


def test_customer_story_runs_through_seller_backchannel() -> None:
    report = analyse(_teams(), ["Anna Lund"])
    # Erik 11.0-20.0 (19 words), Anna "Okej.", Erik 21.5-25.5 (7 words).
    assert report.longest_customer_story == Stretch("Erik Berg", 26, 14.5, 11.0)


def test_questions_summaries_and_words_before_first_question() -> None:
    report = analyse(_teams(), ["Anna Lund"])
    assert (
        report.seller_open_questions,
        report.seller_closed_questions,
        report.customer_questions,
        report.summaries,
        report.seller_words_before_first_question,
    ) == (1, 2, 1, 1, 16)
    assert [(q.speaker, q.kind, q.summary) for q in report.questions] == [
        ("Anna Lund", "open", False),
        ("Anna Lund", "closed", True),
        ("Anna Lund", "closed", False),
        ("Erik Berg", "open", False),
    ]


def test_patience_duration_and_language() -> None:
    report = analyse(_teams(), ["Anna Lund"])
    # Pauses before Anna after Erik: 0.5, 0.5, 1.0, 0.5 -> median 0.5.
    assert (report.patience_seconds, report.duration_seconds, report.language) == (
        0.5,
        39.0,
        "sv",
    )


def test_words_before_first_question_count_the_same_turn() -> None:
    t = parse_text("A: Hej. Vi säljer lager. Hur gör ni?\nB: Så här.\n")
    assert analyse(t, ["A"]).seller_words_before_first_question == 4


def test_no_seller_question_counts_all_seller_words() -> None:
    t = parse_text("A: Vi säljer lager.\nB: Bra.\nA: Det är billigt.\n")
    assert analyse(t, ["A"]).seller_words_before_first_question == 6


def test_short_question_interrupts_a_monologue() -> None:
    t = parse_text("A: Ett två tre.\nB: Varför då?\nA: Fyra fem.\nB: Ok.\nA: Sex.\n")
    assert analyse(t, ["A"]).longest_seller_monologue == Stretch("A", 3, None, None)


def test_untimed_transcript_has_no_seconds() -> None:
    report = analyse(parse_transcript(FIXTURES / "plain_en.txt"), ["Sam Reed"])
    assert (
        [s.seconds for s in report.speakers],
        report.longest_seller_monologue.seconds,
        report.patience_seconds,
        report.duration_seconds,
    ) == ([None, None], None, None, None)


def test_start_only_times_give_seconds_but_no_patience() -> None:
    report = analyse(parse_transcript(FIXTURES / "plain_timed_en.txt"), ["Sam Reed"])
    # Sam: 0-4 and 6-10, last cue (14 s) has no end -> 8 s. Maya: 4-6 and 10-14 -> 6 s.
    assert ([s.seconds for s in report.speakers], report.patience_seconds) == ([8.0, 6.0], None)
    assert (report.seller_open_questions, report.seller_closed_questions, report.summaries) == (
        1,
        1,
        0,
    )


def test_invitation_without_question_mark_is_an_open_question() -> None:
    report = analyse(parse_transcript(FIXTURES / "meeting_da.srt"), ["Jonas Holm"])
    assert (
        report.language,
        report.seller_open_questions,
        report.seller_words_before_first_question,
    ) == (
        "da",
        1,
        2,
    )


def test_several_sellers_and_tolerant_names() -> None:
    t = Transcript(
        turns=(
            Turn("Holm, Sara (Guest)", 0.0, 1.0, "Hej."),
            Turn("Per  Ek", 1.0, 2.0, "Hej hej."),
            Turn("Kund", 2.0, 3.0, "Hej."),
        ),
        format="db",
    )
    report = analyse(t, ["sara holm", " per ek "])
    assert [s.role for s in report.speakers] == ["seller", "seller", "customer"]
    assert report.seller_talk_share == 3 / 4


def test_speaker_key_ignores_case_order_spacing_and_tags() -> None:
    assert {speaker_key("Holm, Sara (Guest)"), speaker_key("  sara   HOLM ")} == {"holm sara"}


def test_equal_monologues_report_the_first() -> None:
    t = parse_text(
        "[00:00:00] A: Ett två tre fyra.\n[00:00:04] B: Fem sex sju åtta nio.\n"
        "[00:00:09] A: Tio elva tolv tretton.\n[00:00:20] B: Slut här nu då.\n"
    )
    # Both of A's turns have 4 words; the first runs 0-4 s, the second 9-20 s.
    assert analyse(t, ["A"]).longest_seller_monologue == Stretch("A", 4, 4.0, 0.0)
