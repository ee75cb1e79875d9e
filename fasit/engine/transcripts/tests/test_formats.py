"""Formats and broken files beyond the fixtures: Read.ai and Markdown variants,
Whisper JSON shapes, Whisper's console output, UTF-16 without a byte-order mark,
truncated timestamps, Zoom display names, speaker labels."""

from __future__ import annotations

import json

import pytest

from fasit.engine.transcripts import TranscriptError, parse_text, parse_transcript
from fasit.engine.transcripts.model import UNKNOWN_SPEAKER
from fasit.engine.transcripts.speakers import is_generic_label, person_of_label, split_label

VTT = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nSara Holm: Hej Per, välkommen.\n\n2\n00:00:03.500 --> 00:00:05.000\nPer Lind: Tack.\n"


def test_readai_time_dash_name_headers() -> None:
    t = parse_text(
        "Weekly sync \nThu, Mar 14, 2024\n\n0:00 - Sara Holm \nHej alla.\n\n"
        "0:05 - Per Lind \nHej Sara. Ska vi börja?\n"
    )
    assert [(turn.speaker, turn.start, turn.text) for turn in t.turns] == [
        ("Sara Holm", 0.0, "Hej alla."),
        ("Per Lind", 5.0, "Hej Sara. Ska vi börja?"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "# Meeting\n\n**Sara Holm:** Hej alla.\n\n**Per Lind:** Hej Sara.\n",
        "**Sara Holm** (00:00): Hej alla.\n\n**Per Lind** (00:04): Hej Sara.\n",
        "**Sara Holm** [0:00] Hej alla.\n\n**Per Lind** [0:04] Hej Sara.\n",
        "__Sara Holm__: Hej alla.\n\n---\n\n__Per Lind__: Hej Sara.\n",
    ],
)
def test_markdown_bold_speakers(text: str) -> None:
    t = parse_text(text)
    assert (t.format, [(turn.speaker, turn.text) for turn in t.turns]) == (
        "markdown",
        [("Sara Holm", "Hej alla."), ("Per Lind", "Hej Sara.")],
    )


def test_whisper_json_dict_list_and_whisper_cpp() -> None:
    segments = [
        {"start": 0.0, "end": 2.0, "text": " Hello there."},
        {"start": 2.5, "end": 4.0, "text": " How are you?", "speaker": "SPEAKER_01"},
    ]
    as_dict = parse_text(json.dumps({"text": "…", "segments": segments, "language": "en"}))
    as_list = parse_text(json.dumps(segments))
    assert [(c.speaker, c.start, c.end, c.text) for c in as_dict.cues] == [
        (UNKNOWN_SPEAKER, 0.0, 2.0, "Hello there."),
        ("SPEAKER_01", 2.5, 4.0, "How are you?"),
    ]
    assert as_list.cues == as_dict.cues
    cpp = parse_text(
        json.dumps(
            {
                "result": {"language": "en"},
                "transcription": [
                    {
                        "timestamps": {"from": "00:00:00,000", "to": "00:00:03,000"},
                        "offsets": {"from": 0, "to": 3000},
                        "text": " And so my fellow Americans",
                    }
                ],
            }
        )
    )
    assert [(c.start, c.end, c.text) for c in cpp.cues] == [
        (0.0, 3.0, "And so my fellow Americans")
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"segments": [{"start": 0, "end": 1, "text": "a"},', "line 1: invalid JSON"),
        ('{"results": []}', "JSON without transcript segments"),
        ('[{"start": 0, "end": 1}]', "segment 1 has no text"),
        ('[{"start": 2, "end": 1, "text": "a"}]', "segment 1 ends before it starts"),
        ('[{"start": "soon", "end": 1, "text": "a"}]', "segment 1: start is not a number"),
    ],
)
def test_broken_json_says_what(text: str, message: str) -> None:
    with pytest.raises(TranscriptError, match=message):
        parse_text(text)


def test_whisper_console_output_with_arrows() -> None:
    t = parse_text(
        "[00:00.000 --> 00:07.600]  And so my fellow Americans, ask not what your country\n"
        "[00:07.600 --> 00:10.000]  can do for you?\n"
    )
    assert (t.timing, t.speakers, t.cues[1].start, t.cues[1].end) == (
        "full",
        (UNKNOWN_SPEAKER,),
        7.6,
        10.0,
    )


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le"])
def test_utf16_without_byte_order_mark(encoding: str) -> None:
    t = parse_transcript(VTT.replace("Hej Per", "Hej Pär").encode(encoding))
    assert t.speakers == ("Sara Holm", "Per Lind")
    assert t.turns[0].text == "Hej Pär, välkommen."


def test_binary_with_nul_bytes_is_still_refused() -> None:
    with pytest.raises(TranscriptError, match="binary file"):
        parse_transcript(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")


@pytest.mark.parametrize(
    ("tail", "line"),
    [("\n00:00:", 11), ("\n00:00:06.000 --", 11), ("\n12\n00:00:0", 12)],
)
def test_a_vtt_cut_inside_a_timestamp_names_the_line(tail: str, line: int) -> None:
    with pytest.raises(TranscriptError, match=f"line {line}: malformed timestamp"):
        parse_text(VTT + tail)


@pytest.mark.parametrize(
    ("tail", "line"),
    [("00:00:", 10), ("Mm.\n00:00:06", 11), ("\n0", 11), ("\n00", 11)],
)
def test_a_vtt_cut_at_the_start_of_its_last_timing_line_is_refused(tail: str, line: int) -> None:
    """Cut right after a cue's text, or after a blank line with only digits left: no
    fragment of a timestamp may become words of the last turn."""
    with pytest.raises(TranscriptError, match=f"line {line}: malformed timestamp"):
        parse_text(VTT + tail)


def test_a_cue_may_end_the_file_with_a_number_of_its_own() -> None:
    t = parse_text(VTT + "\n3\n00:00:07.000 --> 00:00:08.000\nSara Holm: Punkt\n2\n")
    assert t.turns[-1].text.endswith("Punkt 2")


def test_a_time_looking_cue_identifier_is_fine() -> None:
    t = parse_text(VTT + "\n00:00:05\n00:00:05.500 --> 00:00:06.000\nSara Holm: Bra.\n")
    assert t.turns[-1].text == "Bra."


def test_zoom_labels_of_any_case_and_devices() -> None:
    t = parse_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nSara Holm: Hej.\n\n"
        "2\n00:00:02.500 --> 00:00:04.000\nper lind: hej hej.\n\n"
        "3\n00:00:04.500 --> 00:00:06.000\nSara Holm: Hur mår du?\n\n"
        "4\n00:00:06.500 --> 00:00:08.000\nPer’s iPad: bra tack.\n\n"
        "5\n00:00:08.500 --> 00:00:09.000\nper lind: och du?\n"
    )
    assert t.speakers == ("Sara Holm", "per lind", "Per’s iPad")
    assert t.notices == ()


def test_captions_without_a_name_are_counted() -> None:
    t = parse_text(VTT + "\n3\n00:00:05.500 --> 00:00:07.000\nJa, precis så.\n")
    assert t.turns[-1].speaker == "Per Lind"
    assert [(n.code, n.count, n.words, n.line) for n in t.notices] == [
        ("unlabelled-cues", 1, 3, 12)
    ]


def test_speaker_less_transcript_says_so() -> None:
    t = parse_text(
        "1\n00:00:01,000 --> 00:00:02,000\nHej.\n\n2\n00:00:02,000 --> 00:00:03,000\nHej då.\n"
    )
    assert (t.speaker_labels, [n.code for n in t.notices]) == (False, ["no-speaker-labels"])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("anand sharma: yes sir", ("anand sharma", "yes sir")),
        ("Saurabh Swaroop’s iPad: yeah.", ("Saurabh Swaroop’s iPad", "yeah.")),
        ("so the point is, we think: yes", (None, "so the point is, we think: yes")),
        ("one two three four five six seven: x", (None, "one two three four five six seven: x")),
    ],
)
def test_split_label(line: str, expected: tuple[str | None, str]) -> None:
    assert split_label(line) == expected


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("Speaker 1", True),
        ("SPEAKER_00", True),
        ("spk_0", True),
        ("Unknown Speaker", True),
        ("Unidentified Speaker", True),
        ("Guest 2", True),
        ("B", True),
        ("Sara Holm", False),
        ("Speakerman Olsen", False),
    ],
)
def test_generic_labels(name: str, generic: bool) -> None:
    assert is_generic_label(name) is generic


def test_a_device_names_its_owner() -> None:
    assert person_of_label("Saurabh Swaroop’s iPad") == "Saurabh Swaroop"
    assert person_of_label("Maja's MacBook Pro (2)") == "Maja"
    assert person_of_label("Sara Holm") == "Sara Holm"
