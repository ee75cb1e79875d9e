"""Public transcript and caption files from other projects' test suites (``public/``,
sources and licences in its README) and look-alikes of the exports no licensed
fixture exists for (``lookalikes/``): each parses, with the right speakers and
format, or is refused with the line that is broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from fasit.engine.transcripts import Transcript, TranscriptError, parse_transcript
from fasit.engine.transcripts.model import UNKNOWN_SPEAKER
from fasit.engine.transcripts.tests.docx_maker import make_docx

HERE = Path(__file__).parent
PUBLIC = HERE / "public"
LOOKALIKES = HERE / "lookalikes"


def load(path: Path) -> Transcript:
    """Parse a test file; ``*.docx.txt`` holds a Word document's paragraphs."""
    if path.name.endswith(".docx.txt"):
        return parse_transcript(make_docx(path.read_text(encoding="utf-8").splitlines()))
    return parse_transcript(path)


@pytest.mark.parametrize(
    ("name", "fmt", "speakers"),
    [
        # YouTube's automatic captions: no speakers, no punctuation, inline times,
        # text running into the next timing line without a blank line.
        ("webvttpy_youtube_dl.vtt", "vtt", [UNKNOWN_SPEAKER]),
        # Netflix subtitles in Spanish, speakers in brackets ("[Alba]") where they
        # change, as Zoom names them: "zoom-vtt" is WebVTT with names in the text.
        ("webvttpy_netflix_chicas_del_cable.vtt", "zoom-vtt", None),
        ("webvttpy_sample.srt", "srt", [UNKNOWN_SPEAKER]),
        # A caption identified by text ("second caption"), others by numbers.
        ("webvttpy_using_identifiers.vtt", "vtt", [UNKNOWN_SPEAKER]),
        # Every kind of WebVTT block: STYLE, REGION, multi-line NOTE, cue settings,
        # voice tags, a JSON metadata cue.
        ("pysubs2_vtt_example.vtt", "teams-vtt", [UNKNOWN_SPEAKER, "Salame", "Fred", "Bill"]),
        # Legacy "Region:" header lines, an unpadded "00:01:39" timing, "MAN:" on a
        # line of its own above the text.
        ("astisub_example_in.vtt", "vtt", [UNKNOWN_SPEAKER, "MAN"]),
        # The same in SRT, saved as UTF-16 with a BOM, with SRT coordinates.
        ("astisub_example_in_utf16.srt", "srt", [UNKNOWN_SPEAKER, "MAN"]),
        ("astisub_html_entities.vtt", "vtt", [UNKNOWN_SPEAKER]),
        # Whisper's transcribe() result and its console output (whisper-jax).
        ("pysubs2_whisper_result.json", "json", [UNKNOWN_SPEAKER]),
        ("pysubs2_whisper_jax.txt", "plain", [UNKNOWN_SPEAKER]),
    ],
)
def test_public_file_parses_with_its_speakers(
    name: str, fmt: str, speakers: list[str] | None
) -> None:
    t = load(PUBLIC / name)
    assert t.format == fmt
    assert t.timing == "full"
    if speakers is not None:
        assert list(t.speakers) == speakers


def test_netflix_speakers_in_brackets() -> None:
    t = load(PUBLIC / "webvttpy_netflix_chicas_del_cable.vtt")
    assert t.speakers[:3] == ("Alba", "Pedro", "Beltrán")
    assert t.turns[0].text.startswith("En 1928, las mujeres éramos algo así como adornos")
    # Captions without a name continue the speaker before them, and the transcript
    # says how many did.
    assert [n.code for n in t.notices] == ["unlabelled-cues"]


def test_html_entities_in_captions_are_decoded() -> None:
    t = load(PUBLIC / "astisub_html_entities.vtt")
    text = " ".join(turn.text for turn in t.turns)
    assert "& the gunslinger" in text and "other < worlds" in text and "&" + "amp;" not in text


def test_youtube_text_before_a_timing_line_stays_text() -> None:
    t = load(PUBLIC / "webvttpy_youtube_dl.vtt")
    # "what" runs straight into the next timing line: it is speech, not an identifier.
    assert t.turns[0].text == "yeah yeah what this will happen is I'm telling"


def test_identifier_lines_are_not_speech() -> None:
    t = load(PUBLIC / "webvttpy_using_identifiers.vtt")
    text = " ".join(turn.text for turn in t.turns)
    assert "second caption" not in text
    assert text.count("Caption text") == 6


def test_a_broken_timestamp_names_its_line() -> None:
    with pytest.raises(TranscriptError, match="line 6: malformed timestamp"):
        load(PUBLIC / "webvttpy_invalid_timeframe.vtt")


def test_every_public_file_has_a_source_in_the_readme() -> None:
    readme = (PUBLIC / "README.md").read_text(encoding="utf-8")
    files = [p.name for p in PUBLIC.iterdir() if p.is_file() and p.name != "README.md"]
    assert len(files) >= 10
    assert [f for f in files if f"`{f}`" not in readme] == []


@pytest.mark.parametrize(
    ("name", "fmt", "timing", "speakers"),
    [
        ("teams_sv.docx.txt", "docx", "start", ["Anna Lund", "Erik Berg"]),
        ("teams_legacy_da.docx.txt", "docx", "full", ["Holm, Jonas", "Berg, Lise"]),
        ("meet_en.docx.txt", "meet-docx", "none", ["Sam Reed", "Maya Cole"]),
        ("whisperx_diarised_en.json", "json", "full", ["SPEAKER_00", "SPEAKER_01"]),
        ("faster_whisper_segments_en.json", "json", "full", [UNKNOWN_SPEAKER]),
        ("whisperx_speakers_en.txt", "plain", "none", ["SPEAKER_00", "SPEAKER_01"]),
        ("otter_unnamed_nb.txt", "plain", "start", ["Speaker 1", "Speaker 2"]),
        ("zoom_sv_unpunctuated.vtt", "zoom-vtt", "full", ["Sara Holm", "per lind"]),
    ],
)
def test_lookalike_parses_with_its_speakers(
    name: str, fmt: str, timing: str, speakers: list[str]
) -> None:
    t = load(LOOKALIKES / name)
    assert (t.format, t.timing, list(t.speakers)) == (fmt, timing, speakers)


def test_teams_word_export_drops_the_transcription_notices() -> None:
    t = load(LOOKALIKES / "teams_sv.docx.txt")
    text = " ".join(turn.text for turn in t.turns)
    assert "transcription" not in text
    assert t.turns[0].start == 3.0 and t.turns[-1].text == "Ja, precis."


def test_otter_footer_is_not_speech() -> None:
    t = load(LOOKALIKES / "otter_unnamed_nb.txt")
    assert t.turns[-1].text == "Ja, helt klart."


def test_word_document_in_a_table_is_read() -> None:
    lines = (LOOKALIKES / "teams_sv.docx.txt").read_text(encoding="utf-8").splitlines()
    t = parse_transcript(make_docx(lines, table_from=5))
    assert list(t.speakers) == ["Anna Lund", "Erik Berg"]


def test_a_zip_that_is_not_a_word_document_is_refused() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "Sara: hej")
    with pytest.raises(TranscriptError, match="not a Word document"):
        parse_transcript(buffer.getvalue())
