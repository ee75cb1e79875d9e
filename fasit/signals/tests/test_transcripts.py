from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from fasit.conversations.services import conversation_attach_transcript
from fasit.signals.models import Proposal
from fasit.testing import AccountFactory, ConversationFactory, PersonRoleFactory

MEETING = """WEBVTT

00:00:00.000 --> 00:00:03.000
<v Bob Dahl>Hvordan ser vedlikeholdet ut hos dere i dag?</v>

00:00:03.500 --> 00:00:09.000
<v Kari Berg>Vi trenger fjernovervåking av pumpene, vi oppdager feilene for sent.</v>

00:00:09.500 --> 00:00:12.000
<v Bob Dahl>Trenger dere også kortere leveringstid på reservedeler?</v>

00:00:12.500 --> 00:00:15.000
<v Kari Berg>Ja, vi trenger nok kortere leveringstid på reservedeler.</v>
"""


def test_customer_turns_are_proposed_and_leading_answers_marked_weaker(
    team_a: Any, bob: Any, django_capture_on_commit_callbacks: Any
) -> None:
    bob.first_name, bob.last_name = "Bob", "Dahl"
    bob.save()
    account = AccountFactory(team=team_a)
    kari = PersonRoleFactory(person__team=team_a, person__name="Kari Berg", account=account).person
    conversation = ConversationFactory(team=team_a, account=account, notes="")
    conversation.people.add(kari)
    conversation.users.add(bob)
    with django_capture_on_commit_callbacks(execute=True):
        conversation_attach_transcript(
            conversation=conversation,
            actor=bob,
            transcript=SimpleUploadedFile("m.vtt", MEETING.encode()),
        )
    proposals = {
        p.text: (p.weak, p.person, p.source)
        for p in Proposal.objects.filter(conversation=conversation)
    }
    assert proposals == {
        "Vi trenger fjernovervåking av pumpene, vi oppdager feilene for sent.": (
            False,
            kari,
            "transcript",
        ),
        "Ja, vi trenger nok kortere leveringstid på reservedeler.": (True, kari, "transcript"),
    }
    weak = Proposal.objects.get(weak=True)
    assert weak.weak_reason == "Trenger dere også kortere leveringstid på reservedeler?"
