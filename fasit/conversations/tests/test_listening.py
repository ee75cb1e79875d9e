"""Listening analysis in the application: upload, speaker mapping, the background
task, the card, the Listening pages and the API."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from fasit.conversations.demo import PHRASES, _cues, _meeting, render_transcript
from fasit.conversations.listening import feedback
from fasit.conversations.models import (
    AnalysisStatus,
    Conversation,
    ListeningAnalysis,
    SpeakerSide,
    TranscriptFile,
    TranscriptSpeaker,
    TranscriptTurn,
)
from fasit.conversations.services import listening_analyse, transcript_store
from fasit.conversations.tests.helpers import Meeting, _upload
from fasit.conversations.transcripts import match_speakers, name_key, transcript_error_message
from fasit.core.models import AuditEvent
from fasit.engine.listening import analyse
from fasit.engine.listening.command import coaching
from fasit.engine.transcripts import TranscriptError, parse_transcript
from fasit.testing import (
    ConversationFactory,
    PersonFactory,
    UserFactory,
)

TEAMS_NB = """WEBVTT

a1/1-0
0:0:0.0 --> 0:0:3.0
<v Dahl, Bob>Hei Kari, takk for at du tok deg tid.</v>

a1/2-0
0:0:3.5 --> 0:0:5.0
<v Kari Berg (Guest)>Bare hyggelig.</v>

a1/3-0
0:0:5.5 --> 0:0:8.0
<v Dahl, Bob>Hvordan ser vedlikeholdet ut hos dere i dag?</v>

a1/4-0
0:0:8.5 --> 0:0:20.0
<v Kari Berg (Guest)>Vi har tre anlegg og ikke noe felles bilde av vedlikeholdet.
I fjor vinter sto linje to stille i nesten to døgn.</v>

a1/5-0
0:0:20.5 --> 0:0:25.0
<v Dahl, Bob>Så det du sier er at dere mangler et felles bilde. Har dere budsjett til dette i år?</v>

a1/6-0
0:0:25.5 --> 0:0:27.0
<v Ola Nordmann>Ja, det har vi.</v>
"""
# The same meeting, but the seller's name is one Fasit cannot place.
TEAMS_UNKNOWN_SELLER = TEAMS_NB.replace("Dahl, Bob", "Konferanserom 3")


def test_upload_maps_speakers_stores_turns_and_analyses(
    meeting: Meeting, bob: Any, bob_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _upload(bob_client, meeting.conversation, TEAMS_NB.encode())
    analysis = ListeningAnalysis.objects.get(conversation=meeting.conversation)
    expected = analyse(parse_transcript(TEAMS_NB.encode()), ["Dahl, Bob"])
    speakers = {s.name: (s.side, s.user, s.person, s.matched) for s in analysis.speakers.all()}
    assert speakers == {
        "Dahl, Bob": (SpeakerSide.USER, bob, None, True),
        "Kari Berg (Guest)": (SpeakerSide.PERSON, None, meeting.kari, True),
        "Ola Nordmann": (SpeakerSide.OTHER_CUSTOMER, None, None, False),
    }
    assert list(analysis.turns.values_list("speaker__name", "start", "end")) == [
        ("Dahl, Bob", 0.0, 3.0),
        ("Kari Berg (Guest)", 3.5, 5.0),
        ("Dahl, Bob", 5.5, 8.0),
        ("Kari Berg (Guest)", 8.5, 20.0),
        ("Dahl, Bob", 20.5, 25.0),
        ("Ola Nordmann", 25.5, 27.0),
    ]
    assert analysis.status == AnalysisStatus.DONE
    assert analysis.format == "teams-vtt"
    assert (analysis.seller_open_questions, analysis.seller_closed_questions) == (1, 1)
    assert analysis.summaries == 1
    assert analysis.seller_talk_share == round(expected.seller_talk_share, 4)
    assert analysis.longest_monologue_words == expected.longest_seller_monologue.words
    assert analysis.duration_seconds == 27.0
    assert analysis.language == expected.language
    assert analysis.metrics == expected.to_dict()
    assert AuditEvent.objects.filter(object_type="conversations.transcriptfile").count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02WEBVTT", "bad.vtt is a binary file, not a transcript."),
        (b"", "The submitted file is empty."),
        (
            b"WEBVTT\n\n00:00:01.000 --> 00:0x:02.000\n<v Bob>Hei</v>\n",
            "bad.vtt, line 3: malformed timestamp \u201c00:00:01.000 --> 00:0x:02.000\u201d.",
        ),
        (
            b"WEBVTT\n\n",
            "No speech found in bad.vtt: expected a Teams or Zoom WebVTT file, SRT, a Word "
            "transcript (.docx), Whisper JSON, or lines of the form \u201cName: text\u201d.",
        ),
    ],
)
def test_a_bad_transcript_stores_nothing_and_says_why(
    meeting: Meeting, bob_client: Any, content: bytes, message: str
) -> None:
    audit_before = AuditEvent.objects.count()
    response = _upload(bob_client, meeting.conversation, content, name="bad.vtt")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [message]
    assert TranscriptFile.objects.count() == 0
    assert ListeningAnalysis.objects.count() == 0
    assert AuditEvent.objects.count() == audit_before


def test_a_bad_transcript_replacing_a_good_one_keeps_the_good_one(
    meeting: Meeting, bob_client: Any
) -> None:
    _upload(bob_client, meeting.conversation, TEAMS_NB.encode(), name="good.vtt")
    _upload(bob_client, meeting.conversation, b"\x00binary", name="bad.vtt")
    assert list(TranscriptFile.objects.values_list("name", flat=True)) == ["good.vtt"]
    assert TranscriptTurn.objects.count() == 6


def test_logging_a_conversation_with_a_bad_transcript_logs_nothing(
    meeting: Meeting, bob_client: Any
) -> None:
    before = Conversation.objects.count()
    response = bob_client.post(
        reverse("conversations:log"),
        {
            "account": meeting.conversation.account_id,
            "kind": "video",
            "occurred_at": f"{timezone.localdate() - dt.timedelta(days=2):%Y-%m-%d}T10:00",
            "initiated_by": "us",
            "people": [meeting.kari.pk],
            "notes": "Bra møte.",
            "transcript": SimpleUploadedFile(
                "møte.srt", b"1\n00:00:01,000 --> 00:00:xx,000\nBob: Hei\n"
            ),
        },
    )
    assert response.status_code == 200
    assert "møte.srt, line 2: malformed timestamp" in response.content.decode()
    assert Conversation.objects.count() == before
    assert TranscriptFile.objects.count() == 0


def test_logging_a_conversation_with_a_transcript_analyses_it(
    meeting: Meeting, bob_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = bob_client.post(
            reverse("conversations:log"),
            {
                "account": meeting.conversation.account_id,
                "kind": "video",
                "occurred_at": f"{timezone.localdate() - dt.timedelta(days=2):%Y-%m-%d}T10:00",
                "initiated_by": "us",
                "people": [meeting.kari.pk],
                "transcript": SimpleUploadedFile("teams.vtt", TEAMS_NB.encode()),
            },
        )
    logged = Conversation.objects.get(pk=response["Location"].strip("/").split("/")[-1])
    assert logged.listening.status == AnalysisStatus.DONE
    assert logged.listening.seller_open_questions == 1


def test_correcting_the_mapping_runs_the_analysis_again(
    meeting: Meeting, bob: Any, bob_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _upload(bob_client, meeting.conversation, TEAMS_UNKNOWN_SELLER.encode())
    analysis = ListeningAnalysis.objects.get()
    unmapped = (analysis.status, analysis.seller_talk_share, analysis.revision)
    room = analysis.speakers.get(name="Konferanserom 3")
    ola = analysis.speakers.get(name="Ola Nordmann")
    kari = analysis.speakers.get(name="Kari Berg (Guest)")
    with django_capture_on_commit_callbacks(execute=True):
        response = bob_client.post(
            reverse("conversations:transcript_speakers", args=[meeting.conversation.pk]),
            {
                f"speaker_{room.pk}": f"user:{bob.pk}",
                f"speaker_{ola.pk}": "other_customer",
                f"speaker_{kari.pk}": f"person:{meeting.kari.pk}",
            },
        )
    analysis.refresh_from_db()
    expected = analyse(parse_transcript(TEAMS_UNKNOWN_SELLER.encode()), ["Konferanserom 3"])
    assert response.status_code == 302
    assert unmapped == (AnalysisStatus.DONE, None, 1)
    assert (analysis.status, analysis.revision) == (AnalysisStatus.DONE, 2)
    assert analysis.seller_talk_share == round(expected.seller_talk_share, 4)
    assert (analysis.seller_open_questions, analysis.seller_closed_questions) == (1, 1)
    assert (
        AuditEvent.objects.filter(
            object_type="conversations.transcriptspeaker", action="update", actor=bob
        ).count()
        == 1
    )


def test_mapping_to_another_teams_person_is_refused(
    meeting: Meeting, team_b: Any, bob_client: Any
) -> None:
    analysis = transcript_store(
        conversation=meeting.conversation, actor=None, name="m.vtt", content=TEAMS_NB.encode()
    )
    stranger = PersonFactory(team=team_b, name="Kari Berg")
    kari = analysis.speakers.get(name="Kari Berg (Guest)")
    response = bob_client.post(
        reverse("conversations:transcript_speakers", args=[meeting.conversation.pk]),
        {f"speaker_{kari.pk}": f"person:{stranger.pk}"},
    )
    kari.refresh_from_db()
    assert response.status_code == 200
    assert kari.person == meeting.kari


def test_a_run_queued_before_the_latest_mapping_does_nothing(meeting: Meeting, bob: Any) -> None:
    analysis = transcript_store(
        conversation=meeting.conversation, actor=bob, name="m.vtt", content=TEAMS_NB.encode()
    )
    ListeningAnalysis.objects.filter(pk=analysis.pk).update(revision=2)
    stale = listening_analyse(analysis_id=analysis.pk, revision=1)
    fresh = listening_analyse(analysis_id=analysis.pk, revision=2)
    again = listening_analyse(analysis_id=analysis.pk, revision=2)
    assert stale is None
    assert fresh is not None and again is not None
    assert fresh.metrics == again.metrics
    assert again.status == AnalysisStatus.DONE


def test_speakers_match_names_whatever_the_spelling(team_a: Any) -> None:
    sofia = UserFactory(username="sofia", first_name="Sofia", last_name="Bergström")
    mads = UserFactory(username="mads", first_name="Mads", last_name="Kjær")
    per = UserFactory(username="pe", first_name="Per", last_name="Ek")
    per_two = UserFactory(username="pl", first_name="Per", last_name="Lund")
    kari = PersonFactory(team=team_a, name="Kari Berg")
    kari_too = PersonFactory(team=team_a, name="Kari Berg")
    matches = match_speakers(
        ["SOFIA BERGSTROM", "Kjaer, Mads", "mads", "Per", "Kari Berg (Guest)", "Nils"],
        users=[sofia, mads, per, per_two],
        people=[kari, kari_too],
        participants=[kari_too],
    )
    assert {name: (m.side, m.user or m.person) for name, m in matches.items()} == {
        "SOFIA BERGSTROM": (SpeakerSide.USER, sofia),
        "Kjaer, Mads": (SpeakerSide.USER, mads),
        "mads": (SpeakerSide.USER, mads),
        "Per": (SpeakerSide.OTHER_CUSTOMER, None),
        "Kari Berg (Guest)": (SpeakerSide.PERSON, kari_too),
        "Nils": (SpeakerSide.OTHER_CUSTOMER, None),
    }
    assert name_key("Bergström, Sofia") == name_key("sofia bergstrom")


def test_engine_errors_become_messages_naming_file_and_line() -> None:
    error = TranscriptError("cue ends before it starts: '00:00:05.000 --> 00:00:02.000'", line=9)
    with translation.override("en"):
        message = transcript_error_message(error, "x.vtt")
    with translation.override("sv"):
        swedish = transcript_error_message(error, "x.vtt")
    assert swedish != message
    assert "x.vtt" in swedish
    assert message == (
        "x.vtt, line 9: the caption ends before it starts (\u201c00:00:05.000 --> 00:00:02.000\u201d)."
    )


def test_the_card_shows_talk_share_timeline_questions_summaries_and_feedback(
    meeting: Meeting, bob: Any, alice_client: Any
) -> None:
    analysis = transcript_store(
        conversation=meeting.conversation, actor=bob, name="m.vtt", content=TEAMS_NB.encode()
    )
    listening_analyse(analysis_id=analysis.pk)
    html = alice_client.get(
        reverse("conversations:detail", args=[meeting.conversation.pk])
    ).content.decode()
    assert 'id="listening-card"' in html
    assert 'hx-trigger="every 2s"' not in html
    assert 'class="talkshare"' in html
    assert '<rect class="monologue"' in html
    assert "Hvordan ser vedlikeholdet ut hos dere i dag?" in html
    assert '<span class="badge open">open</span>' in html
    assert '<span class="badge closed">closed</span>' in html
    assert "Så det du sier er at dere mangler et felles bilde." in html
    assert (
        "You spoke 56% of the time; top performers speak about 43% and listen 57% (Gong Labs)."
        in html
    )
    assert "Gong Labs finds 11–14 questions in a good discovery call." in html


def test_the_card_does_not_query_per_turn(
    meeting: Meeting, bob: Any, alice_client: Any, django_assert_max_num_queries: Any
) -> None:
    analysis = transcript_store(
        conversation=meeting.conversation, actor=bob, name="m.vtt", content=TEAMS_NB.encode()
    )
    listening_analyse(analysis_id=analysis.pk)
    assert analysis.turns.count() == 6
    url = reverse("conversations:listening_card", args=[meeting.conversation.pk])
    # The same number of queries for 6 turns as for an hour's 1,000 (10: the request's
    # session, user, memberships, team and sign-in policy are five of them).
    with django_assert_max_num_queries(10):
        alice_client.get(url, HTTP_HX_REQUEST="true")


def test_the_feedback_says_what_the_engines_coaching_says(meeting: Meeting, bob: Any) -> None:
    analysis = transcript_store(
        conversation=meeting.conversation, actor=bob, name="m.vtt", content=TEAMS_NB.encode()
    )
    analysed = listening_analyse(analysis_id=analysis.pk)
    report = analyse(parse_transcript(TEAMS_NB.encode()), ["Dahl, Bob"])
    # The story's length is written as a clock in the app, so compare the first two.
    with translation.override("en"):
        notes = feedback(analysed)  # type: ignore[arg-type]
    assert notes[:2] == coaching(report)[:2]


def test_the_card_polls_while_analysing_and_says_when_it_failed(
    meeting: Meeting, bob: Any, bob_client: Any
) -> None:
    analysis = transcript_store(
        conversation=meeting.conversation, actor=bob, name="m.vtt", content=TEAMS_NB.encode()
    )
    url = reverse("conversations:listening_card", args=[meeting.conversation.pk])
    analysing = bob_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    ListeningAnalysis.objects.filter(pk=analysis.pk).update(
        status=AnalysisStatus.FAILED, error="boom"
    )
    failed = bob_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in analysing
    assert "Analysing…" in analysing
    assert "<html" not in analysing
    assert "The listening analysis failed." in failed
    assert 'hx-trigger="every 2s"' not in failed


def test_a_card_without_anyone_of_ours_asks_for_the_mapping(
    meeting: Meeting, bob: Any, bob_client: Any
) -> None:
    analysis = transcript_store(
        conversation=meeting.conversation,
        actor=bob,
        name="m.vtt",
        content=TEAMS_UNKNOWN_SELLER.encode(),
    )
    listening_analyse(analysis_id=analysis.pk)
    html = bob_client.get(
        reverse("conversations:listening_card", args=[meeting.conversation.pk])
    ).content.decode()
    assert "Nobody in this transcript is marked as someone from us." in html
    assert reverse("conversations:transcript_speakers", args=[meeting.conversation.pk]) in html


def _analysed(team: Any, bob: Any, kari: Any, when: dt.datetime) -> ListeningAnalysis:
    conversation = ConversationFactory(
        team=team, account=kari.roles.get().account, occurred_at=when
    )
    conversation.people.add(kari)
    analysis = transcript_store(
        conversation=conversation, actor=bob, name="m.vtt", content=TEAMS_NB.encode()
    )
    return listening_analyse(analysis_id=analysis.pk)  # type: ignore[return-value]


def test_the_listening_pages_chart_the_stored_figures_per_month(
    meeting: Meeting, team_a: Any, alice: Any, bob: Any, alice_client: Any
) -> None:
    now = timezone.now()
    older = _analysed(team_a, bob, meeting.kari, now - dt.timedelta(days=62))
    _analysed(team_a, bob, meeting.kari, now)
    # The pages read the stored columns: change one and the page follows.
    ListeningAnalysis.objects.filter(pk=older.pk).update(seller_talk_share=0.91)
    team_page = alice_client.get(reverse("conversations:listening")).content.decode()
    bob_page = alice_client.get(
        reverse("conversations:listening_user", args=[bob.pk])
    ).content.decode()
    alice_page = alice_client.get(
        reverse("conversations:listening_user", args=[alice.pk])
    ).content.decode()
    assert team_page.count('<path class="line series-a"') == 3
    assert "65% converts less" in team_page
    assert "11–14 questions" in team_page
    assert "<td>91%</td>" in team_page
    assert team_page.count(reverse("conversations:detail", args=[older.conversation_id])) == 1
    assert "Listening: Bob Dahl" in bob_page
    assert "<td>91%</td>" in bob_page
    assert "No analysed meetings yet." in alice_page
    # One per-cent style per language, in the table and on the chart's axis alike.
    swedish = alice_client.get(
        reverse("conversations:listening"), HTTP_ACCEPT_LANGUAGE="sv"
    ).content.decode()
    assert "<td>91\xa0%</td>" in swedish and ">25\xa0%</text>" in swedish
    assert "91%" not in swedish and ">25%</text>" not in swedish
    assert ">25%</text>" in team_page


def test_the_listening_pages_are_cached_until_an_analysis_finishes(
    meeting: Meeting, team_a: Any, bob: Any, alice_client: Any, charlie_client: Any
) -> None:
    """The pages are rendered once per change of team data: a finished analysis is
    such a change (audited by the task), reading is not (no writes on a GET)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = _analysed(team_a, bob, meeting.kari, timezone.now() - dt.timedelta(days=62))
    url = reverse("conversations:listening")
    before = alice_client.get(url).content.decode()
    assert before.count(reverse("conversations:detail", args=[first.conversation_id])) == 1
    second = _analysed(team_a, bob, meeting.kari, timezone.now())
    assert AuditEvent.objects.filter(
        object_type="conversations.listeninganalysis", object_id=str(second.pk), actor=None
    ).exists()
    with CaptureQueriesContext(connection) as captured:
        after = alice_client.get(url).content.decode()
        alice_client.get(reverse("conversations:listening_user", args=[bob.pk]))
    assert reverse("conversations:detail", args=[second.conversation_id]) in after
    assert not [
        q["sql"]
        for q in captured
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "django_session" not in q["sql"]
    ]
    other = charlie_client.get(url).content.decode()
    assert reverse("conversations:detail", args=[second.conversation_id]) not in other
    assert (
        charlie_client.get(reverse("conversations:listening_user", args=[bob.pk])).status_code
        == 404
    )


def test_charlie_gets_404_and_victor_cannot_remap(
    meeting: Meeting, bob: Any, charlie_client: Any, victor_client: Any
) -> None:
    transcript_store(
        conversation=meeting.conversation, actor=bob, name="m.vtt", content=TEAMS_NB.encode()
    )
    pk = meeting.conversation.pk
    speaker = TranscriptSpeaker.objects.get(name="Ola Nordmann")
    urls = [
        reverse("conversations:listening_card", args=[pk]),
        reverse("conversations:transcript_speakers", args=[pk]),
        reverse("conversations:listening_user", args=[bob.pk]),
        f"/api/conversations/{pk}/listening",
    ]
    remap = {f"speaker_{speaker.pk}": "other_us"}
    speakers_url = reverse("conversations:transcript_speakers", args=[pk])
    assert [charlie_client.get(url).status_code for url in urls] == [404, 404, 404, 404]
    assert charlie_client.post(speakers_url, remap).status_code == 404
    assert victor_client.post(speakers_url, remap).status_code == 403
    assert victor_client.get(reverse("conversations:listening")).status_code == 200
    speaker.refresh_from_db()
    assert speaker.side == SpeakerSide.OTHER_CUSTOMER


def test_api_returns_the_listening_metrics(meeting: Meeting, bob: Any, alice_client: Any) -> None:
    analysis = transcript_store(
        conversation=meeting.conversation, actor=bob, name="m.vtt", content=TEAMS_NB.encode()
    )
    listening_analyse(analysis_id=analysis.pk)
    other = ConversationFactory(team=meeting.conversation.team)
    body = alice_client.get(f"/api/conversations/{meeting.conversation.pk}/listening").json()
    assert body["status"] == "done"
    assert body["seller_open_questions"] == 1
    assert [(s["name"], s["seller"], s["user"]) for s in body["speakers"]] == [
        ("Dahl, Bob", True, "bob"),
        ("Kari Berg (Guest)", False, None),
        ("Ola Nordmann", False, None),
    ]
    assert body["metrics"]["question_list"][0]["kind"] == "open"
    assert alice_client.get(f"/api/conversations/{other.pk}/listening").status_code == 404


@pytest.mark.parametrize(
    ("fmt", "engine_format"), [("teams", "teams-vtt"), ("zoom", "zoom-vtt"), ("srt", "srt")]
)
def test_demo_transcripts_parse_in_every_format_and_language(fmt: str, engine_format: str) -> None:
    for language in PHRASES:
        rng = random.Random(1)
        lines = _meeting(rng, language, "Erik Haugland", "Kari Berg", 0.8)
        parsed = parse_transcript(render_transcript(fmt, _cues(rng, lines), 1).encode())
        report = analyse(parsed, ["Erik Haugland"])
        assert parsed.format == engine_format
        assert set(parsed.speakers) >= {"Erik Haugland", "Kari Berg"}
        assert report.language == language
        assert report.seller_open_questions > report.seller_closed_questions
