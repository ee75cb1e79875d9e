"""The files users really have, in the application: Word and Whisper transcripts,
diarised speakers to be named, files without speaker names, meetings in another
language, speech recognition without question marks."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from fasit.conversations.models import AnalysisStatus, ListeningAnalysis, SpeakerSide
from fasit.conversations.tests.helpers import Meeting, _upload
from fasit.engine.transcripts.tests.docx_maker import make_docx
from fasit.engine.transcripts.tests.test_public_files import LOOKALIKES, PUBLIC
from fasit.signals.models import Proposal

SPEAKERLESS_SV = (
    "1\n00:00:01,000 --> 00:00:04,000\nHej och välkommen till mötet.\n\n"
    "2\n00:00:04,500 --> 00:00:07,000\nHur hanterar ni returer i dag?\n\n"
    "3\n00:00:07,500 --> 00:00:12,000\nVi registrerar allt för hand i ett kalkylark.\n"
)


def _card(client: Any, meeting: Meeting) -> str:
    response = client.get(reverse("conversations:detail", args=[meeting.conversation.pk]))
    assert response.status_code == 200
    return str(response.content.decode())


def test_a_transcript_without_speaker_names(
    meeting: Meeting,
    bob: Any,
    bob_client: Any,
    charlie_client: Any,
    victor_client: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _upload(bob_client, meeting.conversation, SPEAKERLESS_SV.encode(), name="m.srt")
    analysis = ListeningAnalysis.objects.get()
    assert (analysis.status, analysis.speaker_labels) == (AnalysisStatus.DONE, False)
    # No talk share, no seller or customer figures: unknown, not 0 or 100%.
    assert (
        analysis.seller_talk_share,
        analysis.seller_open_questions,
        analysis.customer_questions,
        analysis.longest_story_words,
    ) == (None, None, None, None)
    assert analysis.metrics["questions"]["total"] == 1
    # Nobody knows which words are the customer's: no statements are proposed.
    assert not Proposal.objects.filter(conversation=meeting.conversation).exists()
    api = bob_client.get(f"/api/conversations/{meeting.conversation.pk}/listening").json()
    assert (api["speaker_labels"], api["seller_talk_share"]) == (False, None)
    assert (
        charlie_client.get(f"/api/conversations/{meeting.conversation.pk}/listening").status_code
        == 404
    )
    page = _card(bob_client, meeting)
    assert "names no speakers" in page
    assert "Questions in the meeting" in page and "Hur hanterar ni returer i dag?" in page
    assert "longest stretch without a question" in page

    # The one "Unknown speaker" cannot be made the seller.
    speaker = analysis.speakers.get()
    url = reverse("conversations:transcript_speakers", args=[meeting.conversation.pk])
    assert "there is nobody to tell apart" in bob_client.get(url).content.decode()
    response = bob_client.post(url, {f"speaker_{speaker.pk}": f"user:{bob.pk}"})
    speaker.refresh_from_db()
    assert response.status_code == 200
    assert "nobody in it can be marked as someone from us" in response.content.decode()
    assert speaker.side == SpeakerSide.OTHER_CUSTOMER
    assert charlie_client.get(url).status_code == 404
    assert victor_client.post(url, {f"speaker_{speaker.pk}": "other_us"}).status_code == 403


def test_diarised_speakers_are_offered_for_mapping_and_the_card_works_after(
    meeting: Meeting, bob: Any, bob_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    content = (LOOKALIKES / "whisperx_diarised_en.json").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        _upload(bob_client, meeting.conversation, content, name="call.json")
    analysis = ListeningAnalysis.objects.get()
    assert (analysis.format, analysis.seller_talk_share) == ("json", None)
    page = _card(bob_client, meeting)
    assert "The speakers in this transcript are not named" in page
    url = reverse("conversations:transcript_speakers", args=[meeting.conversation.pk])
    mapping_page = bob_client.get(url).content.decode()
    assert "SPEAKER_00" in mapping_page and "Thanks for taking the time today" in mapping_page
    seller = analysis.speakers.get(name="SPEAKER_00")
    customer = analysis.speakers.get(name="SPEAKER_01")
    with django_capture_on_commit_callbacks(execute=True):
        bob_client.post(
            url,
            {
                f"speaker_{seller.pk}": f"user:{bob.pk}",
                f"speaker_{customer.pk}": f"person:{meeting.kari.pk}",
            },
        )
    analysis.refresh_from_db()
    # Counted by hand in fasit/engine/listening/tests/test_files.py.
    assert (analysis.seller_talk_share, analysis.seller_open_questions) == (0.5047, 2)
    assert (analysis.longest_monologue_words, analysis.summaries) == (37, 1)
    page = _card(bob_client, meeting)
    assert "not named" not in page and "50%" in page


def test_a_teams_word_transcript(
    meeting: Meeting, bob: Any, bob_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    lines = (LOOKALIKES / "teams_sv.docx.txt").read_text(encoding="utf-8").splitlines()
    lines = [line.replace("Anna Lund", "Bob Dahl") for line in lines]
    with django_capture_on_commit_callbacks(execute=True):
        _upload(bob_client, meeting.conversation, make_docx(lines), name="Kundmöte.docx")
    analysis = ListeningAnalysis.objects.get()
    assert (analysis.format, analysis.language, analysis.status) == ("docx", "sv", "done")
    assert analysis.speakers.get(name="Bob Dahl").user == bob
    assert analysis.seller_open_questions == 1
    assert "Word document (Microsoft Teams)" in _card(bob_client, meeting)


def test_a_meeting_in_another_language(
    meeting: Meeting, bob_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    content = (PUBLIC / "webvttpy_netflix_chicas_del_cable.vtt").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        _upload(bob_client, meeting.conversation, content)
    analysis = ListeningAnalysis.objects.get()
    assert (analysis.language, analysis.status) == ("es", "done")
    assert (analysis.seller_open_questions, analysis.summaries) == (None, None)
    page = _card(bob_client, meeting)
    assert "The meeting is in Spanish, not Swedish, Norwegian, Danish or English" in page


def test_speech_recognition_without_question_marks(
    meeting: Meeting, bob: Any, bob_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    content = (LOOKALIKES / "zoom_sv_unpunctuated.vtt").read_text(encoding="utf-8")
    content = content.replace("Sara Holm", "Bob Dahl")
    with django_capture_on_commit_callbacks(execute=True):
        _upload(bob_client, meeting.conversation, content.encode())
    analysis = ListeningAnalysis.objects.get()
    assert (analysis.seller_open_questions, analysis.seller_closed_questions) == (2, 1)
    page = _card(bob_client, meeting)
    assert "questions were found from their word order" in page
    assert "You asked 0 questions" not in page


def test_captions_without_a_name_are_reported_on_the_card(
    meeting: Meeting, bob_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    content = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nBob Dahl: Hvordan går det med anlegget?\n\n"
        "2\n00:00:03.500 --> 00:00:06.000\nKari Berg: Det går bra, takk.\n\n"
        "3\n00:00:06.500 --> 00:00:08.000\nog vi har fått ny driftsleder.\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _upload(bob_client, meeting.conversation, content.encode())
    page = _card(bob_client, meeting)
    assert "1 caption (6 words) named no speaker; it was counted for the speaker before it." in (
        page
    )
