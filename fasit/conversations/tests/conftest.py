from __future__ import annotations

from typing import Any

import pytest

from fasit.conversations.tests.helpers import Meeting
from fasit.testing import AccountFactory, ConversationFactory, PersonRoleFactory


@pytest.fixture
def meeting(team_a: Any, bob: Any) -> Meeting:
    """A video meeting at Fjord Energi AS with bob (Bob Dahl) and Kari Berg."""
    bob.last_name = "Dahl"
    bob.save()
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    kari = PersonRoleFactory(person__team=team_a, person__name="Kari Berg", account=account).person
    conversation = ConversationFactory(team=team_a, account=account, kind="video")
    conversation.people.add(kari)
    conversation.users.add(bob)
    return Meeting(conversation=conversation, kari=kari)
