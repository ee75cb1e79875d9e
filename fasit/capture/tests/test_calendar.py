"""Calendars: .ics uploads and subscriptions served by a real http.server on loopback,
in the shapes Outlook and Google export (time zones, recurrence with a moved and a
cancelled occurrence, all-day events, a Teams link, declined attendees)."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from fasit.capture.calendars import (
    calendar_subscribe,
    calendar_upload,
    sync_all_calendars,
)
from fasit.capture.models import CalendarSource, CapturedItem, PlannedMeeting
from fasit.conversations.models import Conversation
from fasit.engine.relationships.cadence import Alert
from fasit.relationships.explain import alert_sentence

pytestmark = pytest.mark.django_db

NOW = timezone.now().astimezone(dt.UTC).replace(second=0, microsecond=0)


def utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def oslo(moment: dt.datetime) -> str:
    return timezone.localtime(moment, timezone.get_default_timezone()).strftime("%Y%m%dT%H%M%S")


VTIMEZONE = """BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE"""


def outlook_ics() -> bytes:
    """An Outlook export: Windows zone names, a weekly series with a moved and a
    cancelled occurrence, a Teams meeting organised by the customer."""
    series = NOW - dt.timedelta(days=27, hours=12)
    moved = series + dt.timedelta(days=7)
    cancelled = series + dt.timedelta(days=14)
    teams = NOW - dt.timedelta(days=3)
    tz = "W. Europe Standard Time"
    # The local time of the series as Oslo wall-clock time, in the Windows zone.
    lines = f"""BEGIN:VCALENDAR
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
METHOD:PUBLISH
{VTIMEZONE}
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E008000000005F
SUMMARY:Statusmøte Acme
DTSTART;TZID={tz}:{oslo(series)}
DTEND;TZID={tz}:{oslo(series + dt.timedelta(hours=1))}
RRULE:FREQ=WEEKLY;COUNT=6
ORGANIZER;CN=Alice:mailto:alice@example.com
ATTENDEE;CN=Per Hansen;PARTSTAT=ACCEPTED:mailto:per@acme.no
LOCATION:Acme, Oslo
END:VEVENT
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E008000000005F
RECURRENCE-ID;TZID={tz}:{oslo(moved)}
SUMMARY:Statusmøte Acme (flyttet)
DTSTART;TZID={tz}:{oslo(moved + dt.timedelta(days=1))}
DTEND;TZID={tz}:{oslo(moved + dt.timedelta(days=1, hours=1))}
ORGANIZER;CN=Alice:mailto:alice@example.com
ATTENDEE;CN=Per Hansen:mailto:per@acme.no
END:VEVENT
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E008000000005F
RECURRENCE-ID;TZID={tz}:{oslo(cancelled)}
STATUS:CANCELLED
SUMMARY:Avlyst: Statusmøte Acme
DTSTART;TZID={tz}:{oslo(cancelled)}
DTEND;TZID={tz}:{oslo(cancelled + dt.timedelta(hours=1))}
END:VEVENT
BEGIN:VEVENT
UID:teams-1@acme.no
SUMMARY:Gjennomgang av tilbudet
DTSTART:{utc(teams)}
DTEND:{utc(teams + dt.timedelta(minutes=30))}
ORGANIZER;CN=Kari:mailto:kari@acme.no
ATTENDEE;CN=Alice;PARTSTAT=ACCEPTED:mailto:alice@example.com
DESCRIPTION:Bli med i Microsoft Teams-møtet\\nhttps://teams.microsoft.com/l/meetup-join/19%3ameeting
X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting
END:VEVENT
BEGIN:VEVENT
UID:declined-1@acme.no
SUMMARY:Lunsj
DTSTART:{utc(NOW - dt.timedelta(days=5))}
DTEND:{utc(NOW - dt.timedelta(days=5, hours=-1))}
ORGANIZER:mailto:alice@example.com
ATTENDEE;PARTSTAT=DECLINED:mailto:kari@acme.no
END:VEVENT
END:VCALENDAR
"""
    return lines.replace("\n", "\r\n").encode()


def google_ics() -> bytes:
    """A Google export: the zone only in X-WR-TIMEZONE, UTC times, an all-day event,
    a Meet link and a private event with a free-mail friend."""
    day = timezone.localdate() - dt.timedelta(days=10)
    return f"""BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
X-WR-CALNAME:alice@example.com
X-WR-TIMEZONE:Europe/Stockholm
BEGIN:VEVENT
DTSTART;VALUE=DATE:{day:%Y%m%d}
DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}
UID:allday-1@google.com
SUMMARY:Messe hos Acme
ATTENDEE;CN=kari@acme.no;PARTSTAT=ACCEPTED:mailto:kari@acme.no
ORGANIZER:mailto:alice@example.com
END:VEVENT
BEGIN:VEVENT
DTSTART:{utc(NOW + dt.timedelta(days=9))}
DTEND:{utc(NOW + dt.timedelta(days=9, hours=1))}
UID:future-1@google.com
SUMMARY:Oppfølging
DESCRIPTION:Google Meet: https://meet.google.com/abc-defg-hij
ATTENDEE:mailto:kari@acme.no
ORGANIZER:mailto:alice@example.com
END:VEVENT
BEGIN:VEVENT
DTSTART:{utc(NOW - dt.timedelta(days=2))}
DTEND:{utc(NOW - dt.timedelta(days=2, hours=-2))}
UID:private-1@google.com
SUMMARY:Middag
ATTENDEE:mailto:venn@gmail.com
ORGANIZER:mailto:alice@example.com
END:VEVENT
END:VCALENDAR
""".replace("\n", "\r\n").encode()


class Files(http.server.BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        body = self.files.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Files)
    Files.files = {"/outlook.ics": outlook_ics(), "/google.ics": google_ics(), "/big.ics": b"x" * 4096}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_outlook_export_becomes_meetings(team_a: Any, alice: Any, acme: Any, kari: Any, per: Any) -> None:
    report = calendar_upload(team=team_a, user=alice, name="outlook.ics", content=outlook_ics())
    conversations = Conversation.objects.for_team(team_a).order_by("occurred_at")
    # The series: four past occurrences less the cancelled one; the Teams meeting.
    assert [c.subject for c in conversations] == [
        "Statusmøte Acme",
        "Statusmøte Acme (flyttet)",
        "Statusmøte Acme",
        "Gjennomgang av tilbudet",
    ]
    assert [c.kind for c in conversations] == ["meeting", "meeting", "meeting", "video"]
    teams = conversations.last()
    assert teams is not None and teams.initiated_by == "customer"
    assert list(teams.people.all()) == [kari] and list(teams.users.all()) == [alice]
    assert set(conversations.first().people.all()) == {per}  # type: ignore[union-attr]
    # Two occurrences of the series are still to come.
    assert report.planned == 2
    assert PlannedMeeting.objects.for_team(team_a).count() == 2
    # Reading it again changes nothing.
    again = calendar_upload(team=team_a, user=alice, name="outlook.ics", content=outlook_ics())
    assert again.counts["duplicate"] == 4
    assert conversations.count() == 4 and PlannedMeeting.objects.count() == 2


def test_a_subscription_reads_a_google_calendar_over_http(
    http_server: str, team_a: Any, alice: Any, acme: Any, kari: Any
) -> None:
    with override_settings(FASIT_CALENDAR_HOSTS=["127.0.0.1"]):
        source = calendar_subscribe(team=team_a, user=alice, url=f"{http_server}/google.ics")
        assert sync_all_calendars() == {"calendars": 1, "failed": 0}
    source.refresh_from_db()
    assert source.last_error == "" and source.last_sync_at is not None
    conversation = Conversation.objects.for_team(team_a).get()
    assert (conversation.subject, conversation.kind) == ("Messe hos Acme", "meeting")
    planned = PlannedMeeting.objects.get()
    assert (planned.account, planned.kind, planned.summary) == (acme, "video", "Oppfølging")
    assert CapturedItem.objects.get().source_detail == "127.0.0.1"


def test_subscription_problems_are_shown_and_never_stop_the_others(
    http_server: str, team_a: Any, alice: Any, bob: Any, kari: Any
) -> None:
    with pytest.raises(ValidationError, match="not allowed"):
        calendar_subscribe(team=team_a, user=alice, url=f"{http_server}/google.ics")
    with pytest.raises(ValidationError, match="Only http and https"):
        calendar_subscribe(team=team_a, user=alice, url="file:///etc/passwd")
    with override_settings(FASIT_CALENDAR_HOSTS=["127.0.0.1"], FASIT_CALENDAR_MAX_BYTES=1024):
        missing = calendar_subscribe(team=team_a, user=alice, url=f"{http_server}/gone.ics")
        big = calendar_subscribe(team=team_a, user=bob, url=f"{http_server}/big.ics")
        good = calendar_subscribe(team=team_a, user=bob, url=f"{http_server}/google.ics")
        assert sync_all_calendars() == {"calendars": 3, "failed": 2}
    errors = dict(CalendarSource.objects.values_list("pk", "last_error"))
    assert errors[missing.pk] == "The calendar server answered 404."
    assert errors[big.pk] == "The calendar is larger than 0 MB."
    assert errors[good.pk] == ""


def test_a_malformed_calendar_is_refused_and_nothing_stored(
    alice_client: Any, team_a: Any, kari: Any
) -> None:
    response = alice_client.post(
        reverse("capture:calendar_upload"),
        {"file": SimpleUploadedFile("broken.ics", b"BEGIN:VCALENDAR\r\nthis is not\r\n")},
        follow=True,
    )
    assert "The calendar broken.ics cannot be read" in response.content.decode()
    assert not Conversation.objects.exists() and not PlannedMeeting.objects.exists()


def test_the_upload_view_and_who_may_use_it(
    alice_client: Any, victor_client: Any, charlie_client: Any, team_a: Any, alice: Any,
    acme: Any, kari: Any, per: Any,
) -> None:
    upload = {"file": SimpleUploadedFile("outlook.ics", outlook_ics())}
    assert victor_client.post(reverse("capture:calendar_upload"), upload).status_code == 403
    response = alice_client.post(
        reverse("capture:calendar_upload"),
        {"file": SimpleUploadedFile("outlook.ics", outlook_ics())},
        follow=True,
    )
    assert "4 past meetings logged, 2 planned meetings with customers." in response.content.decode()
    page = alice_client.get(reverse("accounts:detail", args=[acme.pk])).content.decode()
    assert "Planned contact" in page and "in Alice" in page
    assert "Planned contact" not in charlie_client.get(reverse("home")).content.decode()
    with override_settings(FASIT_CALENDAR_HOSTS=["127.0.0.1"]):
        source = calendar_subscribe(team=team_a, user=alice, url="http://127.0.0.1:9/x.ics")
    url = reverse("capture:calendar_remove", args=[source.pk])
    assert charlie_client.post(url).status_code == 404
    assert alice_client.post(url).status_code == 302
    assert not CalendarSource.objects.exists()


def test_the_going_dark_advice_names_the_booked_meeting() -> None:
    booked = timezone.make_aware(dt.datetime(2027, 1, 12, 10, 0))
    alert = Alert(code="going_dark", days=90, norm_days=30, since=dt.date(2026, 10, 1))
    sentence = alert_sentence(alert, "Acme AS", booked=booked)
    assert sentence.endswith("A meeting is booked on 12 Jan.")
    assert "booked" not in alert_sentence(alert, "Acme AS")


def test_the_account_page_says_a_meeting_is_booked(
    alice_client: Any, team_a: Any, alice: Any, kari: Any
) -> None:
    from fasit.testing import AccountFactory, ConversationFactory, PersonRoleFactory

    account = AccountFactory(team=team_a, name="Stille AS", tier="key", owner=alice)
    PersonRoleFactory(person=kari, account=account)
    old = ConversationFactory(team=team_a, account=account, kind="meeting",
                              occurred_at=timezone.now() - dt.timedelta(days=200))
    old.people.add(kari)
    PlannedMeeting.objects.create(
        team=team_a, user=alice, account=account, key="ics:x|", origin="upload",
        starts_at=timezone.now() + dt.timedelta(days=6), summary="Kaffe", kind="meeting",
    )
    page = alice_client.get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert "Stille AS is going dark" in page
    assert "A meeting is booked on" in page
