from pathlib import Path

import pytest

from fasit.engine.transcripts import Transcript, TranscriptError, Turn, parse_text, parse_transcript
from fasit.engine.transcripts.reading import MAX_BYTES

FIXTURES = Path(__file__).with_name("fixtures")


def _shape(t: Transcript) -> list[tuple[str, float | None, float | None, str]]:
    return [(turn.speaker, turn.start, turn.end, turn.text) for turn in t.turns]


def test_teams_vtt_with_unpadded_times_unclosed_tags_and_a_duplicate() -> None:
    t = parse_transcript(FIXTURES / "teams_sv.vtt")
    assert (t.format, t.timing, len(t.cues)) == ("teams-vtt", "full", 12)
    assert _shape(t)[:4] == [
        (
            "Anna Lund",
            0.0,
            6.0,
            "Hej Erik, tack för att du tog dig tid. Vi har hjälpt många grossister med lagret.",
        ),
        ("Erik Berg", 6.5, 7.0, "Mm."),
        ("Anna Lund", 7.5, 10.0, "Hur ser ert lager ut i dag?"),
        (
            "Erik Berg",
            11.0,
            20.0,
            "Vi har tre lager och inget gemensamt system. "
            "Det gör att vi ofta säljer varor som redan är slut.",
        ),
    ]


def test_teams_cues_know_their_turn() -> None:
    t = parse_transcript(FIXTURES / "teams_sv.vtt")
    assert [(c.turn, c.start, c.end) for c in t.cues_of(0)] == [(0, 0.0, 2.5), (0, 3.0, 6.0)]


def test_zoom_vtt_merges_cues_split_at_pauses() -> None:
    t = parse_transcript(FIXTURES / "zoom_nb.vtt")
    assert (t.format, t.timing) == ("zoom-vtt", "full")
    assert _shape(t)[-1] == (
        "Ola Dahl",
        9.0,
        15.0,
        "Vi ringer rundt til teknikerne og det tar for lang tid.",
    )


def test_srt_with_multi_line_cue() -> None:
    t = parse_transcript(FIXTURES / "meeting_da.srt")
    assert (t.format, t.timing) == ("srt", "full")
    assert _shape(t) == [
        ("Jonas Holm", 0.0, 2.0, "Velkommen, Lise."),
        ("Lise Berg", 2.5, 4.0, "Tak."),
        ("Jonas Holm", 4.5, 8.0, "Fortæl lidt om jeres salgsteam."),
        ("Lise Berg", 9.0, 13.5, "Vi er otte sælgere, og vi arbejder mest med faste kunder."),
    ]


def test_meet_blocks_skip_the_document_header() -> None:
    t = parse_transcript(FIXTURES / "meet_en.txt")
    assert (t.format, t.timing) == ("meet", "none")
    assert _shape(t) == [
        ("Sam Reed", None, None, "Thanks for joining, Maya."),
        ("Maya Cole", None, None, "Happy to be here."),
        ("Sam Reed", None, None, "Walk me through your renewal process."),
        ("Maya Cole", None, None, "Procurement starts it in March. Then legal reviews the terms."),
    ]


def test_plain_with_start_times_ends_each_cue_at_the_next_start() -> None:
    t = parse_transcript(FIXTURES / "plain_timed_en.txt")
    assert (t.format, t.timing) == ("plain", "start")
    assert [(c.start, c.end) for c in t.cues] == [
        (0.0, 4.0),
        (4.0, 6.0),
        (6.0, 10.0),
        (10.0, 14.0),
        (14.0, None),
    ]


def test_plain_untimed_drops_adjacent_duplicates_and_joins_continuations() -> None:
    t = parse_transcript(FIXTURES / "plain_en.txt")
    assert (t.format, t.timing) == ("plain", "none")
    assert _shape(t) == [
        ("Sam Reed", None, None, "Thanks for joining, Maya."),
        ("Maya Cole", None, None, "Happy to be here."),
        ("Sam Reed", None, None, "Is the budget approved?"),
        ("Maya Cole", None, None, "Not yet, but it will be in May."),
    ]


def test_name_after_time_and_time_after_name() -> None:
    t = parse_text(
        "00:01:02 Ann Ek: Hej.\nBo Ek (00:01:05): Hej hej.\n[Ann Ek] 00:01:09\nVad gör ni?\n"
    )
    assert [(c.speaker, c.start, c.text) for c in t.cues] == [
        ("Ann Ek", 62.0, "Hej."),
        ("Bo Ek", 65.0, "Hej hej."),
        ("Ann Ek", 69.0, "Vad gör ni?"),
    ]


def test_duplicate_with_overlapping_times_is_removed_but_a_later_repeat_is_kept() -> None:
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>Ja.\n\n"
        "00:00:01.020 --> 00:00:02.010\n<v A>Ja.\n\n"
        "00:00:03.000 --> 00:00:04.000\n<v B>Bra.\n\n"
        "00:00:05.000 --> 00:00:06.000\n<v A>Ja.\n"
    )
    t = parse_text(vtt)
    assert [(c.speaker, c.start) for c in t.cues] == [("A", 1.0), ("B", 3.0), ("A", 5.0)]


def test_cue_with_two_voices_splits_its_time() -> None:
    t = parse_text("WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v A>Ja ja<v B>Nä nä\n")
    assert [(c.speaker, c.start, c.end, c.text) for c in t.cues] == [
        ("A", 0.0, 2.0, "Ja ja"),
        ("B", 2.0, 4.0, "Nä nä"),
    ]


def test_entities_and_styling_tags_are_cleaned() -> None:
    t = parse_text("WEBVTT\n\n0:0:1.5 --> 0:0:2\n<v A><i>Pris &amp; villkor</i></v>\n")
    assert t.turns == (Turn("A", 1.5, 2.0, "Pris & villkor"),)


ENCODED = "WEBVTT\n\n0:0:0.0 --> 0:0:1.0\n<v Søren Ærø>Blåbær og æbler på øen.</v>\n"


@pytest.mark.parametrize(
    "data",
    [
        ENCODED.encode("utf-8"),
        b"\xef\xbb\xbf" + ENCODED.encode("utf-8"),
        ENCODED.encode("cp1252"),
        ENCODED.encode("latin-1"),
        ENCODED.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "latin-1", "utf-16-bom"],
)
def test_encodings(data: bytes) -> None:
    assert parse_transcript(data).turns == (Turn("Søren Ærø", 0.0, 1.0, "Blåbær og æbler på øen."),)


def test_cp1252_file_with_curly_quotes(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("Åsa Öberg: Det är “rätt” läge – nu.\n".encode("cp1252"))
    assert parse_transcript(path).turns[0].text == "Det är “rätt” läge – nu."


def test_malformed_timestamp_names_the_line() -> None:
    with pytest.raises(TranscriptError, match=r"line 4: malformed timestamp '00:00:0x.000"):
        parse_text("WEBVTT\n\n1\n00:00:0x.000 --> 00:00:02.000\nA: Hej\n")


def test_cue_ending_before_it_starts_names_the_line() -> None:
    with pytest.raises(TranscriptError, match="line 3: cue ends before it starts"):
        parse_text("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nA: Hej\n")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.vtt"
    path.write_bytes(b"  \n\n")
    with pytest.raises(TranscriptError, match="empty.vtt: file is empty"):
        parse_transcript(path)


def test_binary_file() -> None:
    with pytest.raises(TranscriptError, match="binary file"):
        parse_transcript(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="no such file"):
        parse_transcript(tmp_path / "nope.vtt")


def test_oversized_bytes() -> None:
    with pytest.raises(TranscriptError, match="over 50 MB"):
        parse_transcript(b"a" * (MAX_BYTES + 1))


def test_text_without_speakers() -> None:
    with pytest.raises(TranscriptError, match="no speech found"):
        parse_text("Just some notes from the meeting.\nNothing else.\n")


def test_webvtt_header_only() -> None:
    with pytest.raises(TranscriptError, match="no speech found"):
        parse_text("WEBVTT\n\nNOTE nothing here\n")


def test_transcript_built_from_turns_gets_one_cue_per_turn() -> None:
    t = Transcript(turns=(Turn("A", 0.0, 1.0, "Hej."), Turn("B", 1.0, 3.0, "Hej!")), format="db")
    assert [(c.speaker, c.turn, c.duration) for c in t.cues] == [("A", 0, 1.0), ("B", 1, 2.0)]


def test_crlf_line_endings_and_a_titled_header() -> None:
    vtt = "WEBVTT - Möte\r\n\r\n1\r\n00:00:00.000 --> 00:00:01.000\r\nA: Hej.\r\n"
    assert parse_text(vtt).turns == (Turn("A", 0.0, 1.0, "Hej."),)


def test_meet_document_footer_and_header_are_not_speech() -> None:
    t = parse_text(
        "Sync - Transcript\nAttendees\nSara Holm, Peter Dahl\nTranscript\n"
        "This editable transcript was computer generated and might contain errors.\n"
        "00:00:00\n \nSara Holm: Hej Peter.\nPeter Dahl: Hej.\n"
        "Meeting ended after 00:04:51 👋\n"
    )
    assert t.format == "meet"
    assert _shape(t) == [
        ("Sara Holm", None, None, "Hej Peter."),
        ("Peter Dahl", None, None, "Hej."),
    ]


def test_transcription_notices_are_not_speech() -> None:
    t = parse_text(
        "Sara Holm started transcription\n\nSara Holm  0:01\nHej Peter.\n\n"
        "Peter Dahl  0:04\nHej.\n\nSara Holm stopped transcription\n"
    )
    assert _shape(t) == [("Sara Holm", 1.0, 4.0, "Hej Peter."), ("Peter Dahl", 4.0, None, "Hej.")]


def test_header_with_dash_before_time_and_clock_times() -> None:
    dashed = parse_text("Sara Holm - 00:00:01\nHej Peter.\n\nPeter Dahl - 00:00:04\nHej.\n")
    assert _shape(dashed) == [
        ("Sara Holm", 1.0, 4.0, "Hej Peter."),
        ("Peter Dahl", 4.0, None, "Hej."),
    ]
    clock = parse_text("Sara Holm 10:02 AM\nHej Peter.\n\nPeter Dahl 1:03 PM\nHej.\n")
    assert _shape(clock) == [
        ("Sara Holm", 36120.0, 46980.0, "Hej Peter."),
        ("Peter Dahl", 46980.0, None, "Hej."),
    ]
