from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from fasit.conversations import selectors
from fasit.signals.forms import StatementForm
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory


def test_the_account_s_people_and_the_participants_each_read_from_their_own_index(
    team_a: Any, team_b: Any
) -> None:
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    other_account = AccountFactory(team=team_a, name="Vestland Kraft AS")
    at_account = [
        PersonRoleFactory(person__team=team_a, person__name=name, account=account).person
        for name in ("Per Ås", "Anne Li")
    ]
    # A participant from another account, and someone who is at neither.
    guest = PersonRoleFactory(person__team=team_a, person__name="Bo Ek", account=other_account)
    PersonRoleFactory(person__team=team_a, person__name="Eva Ny", account=other_account)
    PersonFactory(team=team_b, name="Ola Vik")
    conversation = ConversationFactory(team=team_a, account=account)
    conversation.people.add(guest.person, at_account[0])
    conversation.refresh_from_db()

    with CaptureQueriesContext(connection) as captured:
        names = [p.name for p in selectors.speaker_candidates(conversation)]
    assert names == ["Anne Li", "Bo Ek", "Per Ås"]
    # Issue 17: one statement joining the team's people with every role and every
    # participant (an OR across both joins) read the whole team, 1-2 s at scale 1000.
    for query in captured.captured_queries:
        sql = query["sql"]
        assert not ("customers_personrole" in sql and "conversation_people" in sql), sql
        assert "DISTINCT" not in sql
    form = StatementForm(conversation=conversation)
    assert [p.name for p in form.fields["person"].queryset] == names


def test_another_team_s_person_is_never_a_candidate(team_a: Any, team_b: Any) -> None:
    conversation = ConversationFactory(team=team_a)
    stranger = PersonFactory(team=team_b)
    # A row the guard refuses to write (core/guard.py), as a database edit could leave.
    through = conversation.people.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {through} (conversation_id, person_id) VALUES (%s, %s)",  # noqa: S608
            [conversation.pk, stranger.pk],
        )
    assert selectors.speaker_candidates(conversation) == []
