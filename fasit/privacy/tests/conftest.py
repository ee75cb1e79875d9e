"""A person Fasit knows a lot about, made through the same services the app uses: a
profile, consent, roles, meetings with notes and a transcript where she speaks,
statements, a buying group, follow-ups, mentions elsewhere, and the audit trail all of
that leaves behind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from fasit.buying.services import journey_create, member_set, motive_add
from fasit.conversations.models import ListeningAnalysis
from fasit.conversations.services import (
    conversation_log,
    conversation_update,
    followup_create,
    listening_analyse,
)
from fasit.customers import services as customers
from fasit.customers.models import Person
from fasit.relationships.services import person_cadence_set
from fasit.signals.models import Theme
from fasit.signals.services import statement_create
from fasit.testing import AccountFactory, PersonFactory
from fasit.transfer.models import ImportChunk, ImportJob

NAME = "Ingrid Bergström"
EMAIL = "ingrid.bergstrom@fjordkraft.example"
PHONE_TYPED = "912 34 567"
SPOUSE = "Alva Bergström"
NEED = "Vi trenger kortere leveringstid på reservedeler."

TRANSCRIPT = f"""WEBVTT

00:00:00.000 --> 00:00:06.000
<v Alice>Hei Ingrid, hvordan går det med leveransene hos dere?</v>

00:00:06.000 --> 00:00:20.000
<v {NAME}>{NEED} Ring meg gjerne på {PHONE_TYPED} om det.</v>

00:00:20.000 --> 00:00:25.000
<v Alice>Så det du sier er at leveringstiden er det viktigste?</v>

00:00:25.000 --> 00:00:40.000
<v {NAME}>Ja. Hvorfor tar det tre uker i dag? Vi vil også lease maskinene.</v>

00:00:40.000 --> 00:00:44.000
<v Alice>Takk, Ingrid. Jeg sender deg et tilbud.</v>
"""


@dataclass
class Rich:
    person: Person
    account: Any
    meeting: Any
    other_meeting: Any
    analysis: ListeningAnalysis
    theme: Theme
    journey: Any
    other_team_person: Person

    @property
    def needles(self) -> list[str]:
        return [NAME, EMAIL, self.person.phone, PHONE_TYPED, "91234567", SPOUSE]


@pytest.fixture
def rich(team_a: Any, team_b: Any, alice: Any, bob: Any, charlie: Any) -> Rich:
    account = AccountFactory(team=team_a, name="Fjord Kraft AS")
    neighbour = AccountFactory(team=team_a, name="Vestland Energi AS")
    person = customers.person_create(
        team=team_a,
        actor=alice,
        name=NAME,
        email=EMAIL,
        phone=PHONE_TYPED,
        country="NO",
        legal_basis="consent",
        consent_wording="Fjord Kraft may keep my contact details for offers on spare parts.",
        what_matters=f"Oppetid. Ring {NAME} tidlig om morgenen.",
        notes=f"Privat e-post er ikke kjent; bruk {EMAIL}.",
        data_source="other",
        data_source_detail=f"Bob met {NAME} at a trade fair",
        account=account,
        title="Driftssjef",
        buying_role="decision_maker",
    )
    customers.person_update(
        person=person, actor=bob, data={"title": "x", "what_matters": "Oppetid."}
    )
    customers.profile_item_add(
        person=person, actor=alice, item_type="family", relation="Wife", name=SPOUSE
    )
    customers.profile_item_add(
        person=person, actor=alice, item_type="family", relation="Son", name="Sigurd"
    )
    customers.profile_item_add(person=person, actor=alice, item_type="interest", name="Langrenn")
    customers.profile_item_add(
        person=person,
        actor=alice,
        item_type="life_event",
        date=timezone.localdate(),
        text=f"{NAME} became a grandmother",
    )
    customers.profile_item_add(
        person=person, actor=alice, item_type="date", kind="birthday", month=3, day=14
    )
    person_cadence_set(person=person, actor=alice, days=30)

    meeting = conversation_log(
        team=team_a,
        actor=alice,
        account=account,
        subject=f"Lunsj med {NAME}",
        notes=f"Ingrid vil ha kortere leveringstid. Mobil: {PHONE_TYPED}. Sigurd begynner på skolen.",
        people=[person],
        transcript=SimpleUploadedFile("Møte med Ingrid Bergström.vtt", TRANSCRIPT.encode()),
        follow_ups=[{"task": f"Send tilbud til {NAME} ({EMAIL})", "owner": alice}],
    )
    analysis = ListeningAnalysis.objects.get(conversation=meeting)
    listening_analyse(analysis_id=analysis.pk)
    conversation_update(
        conversation=meeting, actor=bob, data={"notes": meeting.notes + " Hun liker kaffe."}
    )
    other_meeting = conversation_log(
        team=team_a,
        actor=bob,
        account=neighbour,
        notes=f"De nevnte at {NAME.lower()} hos Fjord Kraft anbefalte oss.",
    )
    followup_create(
        conversation=other_meeting, actor=bob, task=f"Ring {PHONE_TYPED.replace(' ', '')}"
    )
    statement_create(team=team_a, actor=alice, conversation=meeting, text=NEED, person=person)
    statement = statement_create(
        team=team_a, actor=bob, conversation=other_meeting, text=NEED.replace("Vi", "Også vi")
    )
    statement_create(
        team=team_a, actor=bob, conversation=other_meeting, text=f"Som {NAME} sa: vi vil lease."
    )
    journey = journey_create(team=team_a, actor=alice, account=account, title="Nye pumper")
    member_set(journey=journey, actor=alice, person=person, role="decision_maker", note="Positiv")
    motive_add(journey=journey, actor=alice, text="Ingen stans i vinter.", person=person)
    LogEntry.objects.create(
        user_id=alice.pk,
        content_type_id=ContentType.objects.get_for_model(Person).pk,
        object_id=person.pk,
        object_repr=NAME,
        action_flag=CHANGE,
        change_message=f"Changed email to {EMAIL}",
    )
    csv = f"First Name;Last Name;Email\nIngrid;Bergström;{EMAIL}\nOla;Nord;ola@x.example\n"
    done = ImportJob.objects.create(
        team=team_a,
        file_name="contacts.csv",
        source="hubspot",
        entity="person",
        status="done",
        rejected=f"line;Email\n2;{EMAIL}\n".encode(),
        problems=[{"line": 2, "column": "Email", "message": f"{EMAIL} exists"}],
    )
    ImportChunk.objects.create(job=done, index=0, data=csv.encode("utf-16-le"))
    waiting = ImportJob.objects.create(
        team=team_a, file_name="more.csv", source="csv", entity="person", status="uploaded"
    )
    ImportChunk.objects.create(job=waiting, index=0, data=csv.encode("cp1252"))
    unrelated = ImportJob.objects.create(
        team=team_a, file_name="accounts.csv", source="csv", entity="account", status="done"
    )
    ImportChunk.objects.create(job=unrelated, index=0, data=b"Name\nFjord AS\n")
    other_team_person = PersonFactory(team=team_b, name="Kari Nordmann", email="kari@b.example")
    return Rich(
        person=person,
        account=account,
        meeting=meeting,
        other_meeting=other_meeting,
        analysis=analysis,
        theme=Theme.objects.get(pk=statement.theme_id),
        journey=journey,
        other_team_person=other_team_person,
    )
