from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fasit.core.models import AuditEvent
from fasit.signals import services
from fasit.signals.index import forget
from fasit.signals.models import Notification, Proposal, Statement, TaughtTerm, Theme
from fasit.signals.selectors import board
from fasit.testing import AccountFactory, ConversationFactory

LEAD_TIME = [
    "Vi trenger kortere leveringstid på reservedeler.",
    "Vi behöver kortare leveranstid på reservdelar.",
    "We need spare parts delivered faster, the lead time is too long.",
]


def _say(team: Any, actor: Any, text: str, account: Any = None, **kwargs: Any) -> Statement:
    conversation = ConversationFactory(team=team, account=account or AccountFactory(team=team))
    return services.statement_create(
        team=team, actor=actor, conversation=conversation, text=text, **kwargs
    )


def test_three_independent_customers_confirm_a_theme(team_a: Any, alice: Any) -> None:
    statements = [_say(team_a, alice, text) for text in LEAD_TIME]
    theme = Theme.objects.get()
    assert {s.theme_id for s in statements} == {theme.pk}
    assert (theme.level, theme.accounts, theme.statement_count) == ("confirmed", 3, 3)
    assert list(Notification.objects.values_list("level", flat=True).order_by("id")) == [
        "alarm",
        "confirmed",
    ]


TURF_AND_ICE = [
    "Gummigranulatet fra kunstgræsbanen ender i kloakken og på gulvet i omklædningsrummet.",
    "Vi vil bli kvitt gummikulene på kunstgresset, de havner overalt og til slutt i havet.",
    "Kunstisbanen bør fordele tidene mer rettferdig mellom kunstløp og hockey.",
]


def test_three_accounts_that_do_not_corroborate_each_other_stay_at_alarm(
    team_a: Any, alice: Any
) -> None:
    # The third account shares a word part ("kunst-"), not the matter: a false
    # "confirmed" is the worst mistake, so the theme is held at alarm.
    for text in TURF_AND_ICE:
        _say(team_a, alice, text)
    theme = Theme.objects.get()
    assert (theme.level, theme.accounts, theme.corroborated) == ("alarm", 3, False)
    assert list(Notification.objects.values_list("level", flat=True)) == ["alarm"]
    assert [(i.level, i.accounts) for i in board(team_a)] == [("alarm", 3)]


def test_a_recount_keeps_an_uncorroborated_theme_at_alarm(team_a: Any, alice: Any) -> None:
    said = [_say(team_a, alice, text) for text in TURF_AND_ICE]
    services.themes_recount(team=team_a, account_ids=[said[0].conversation.account_id])
    assert Theme.objects.get().level == "alarm"


def test_one_account_saying_it_many_times_stays_noted(team_a: Any, alice: Any) -> None:
    account = AccountFactory(team=team_a)
    for text in LEAD_TIME:
        _say(team_a, alice, text, account=account)
    assert Theme.objects.get().level == "noted"
    assert Notification.objects.count() == 0


def test_a_corporate_group_counts_once(team_a: Any, alice: Any) -> None:
    parent = AccountFactory(team=team_a, name="Konsern AS")
    _say(team_a, alice, LEAD_TIME[0], account=AccountFactory(team=team_a, parent=parent))
    _say(team_a, alice, LEAD_TIME[1], account=AccountFactory(team=team_a, parent=parent))
    assert Theme.objects.get().accounts == 1


def test_a_group_counts_once_across_levels_and_others_count_apart(team_a: Any, alice: Any) -> None:
    # The group is found down from its top (parent, grandchild), not from the whole
    # team's account tree; an account outside it still counts as another customer.
    top = AccountFactory(team=team_a, name="Konsern AS")
    middle = AccountFactory(team=team_a, parent=top)
    _say(team_a, alice, LEAD_TIME[0], account=AccountFactory(team=team_a, parent=middle))
    _say(team_a, alice, LEAD_TIME[1], account=top)
    _say(team_a, alice, LEAD_TIME[2], account=middle)
    assert Theme.objects.get().accounts == 1
    _say(team_a, alice, LEAD_TIME[0], account=AccountFactory(team=team_a))
    assert Theme.objects.get().accounts == 2


def test_different_needs_make_different_themes(team_a: Any, alice: Any) -> None:
    _say(team_a, alice, LEAD_TIME[0])
    _say(team_a, alice, "Vi vill ha en samlingsfaktura per månad.")
    assert Theme.objects.count() == 2


def test_empty_statement_is_refused_and_nothing_saved(team_a: Any, alice: Any) -> None:
    with pytest.raises(ValidationError):
        _say(team_a, alice, "   ")
    assert Statement.objects.count() == 0
    assert Theme.objects.count() == 0


def test_statement_of_another_teams_conversation_is_refused(
    team_a: Any, team_b: Any, alice: Any
) -> None:
    conversation = ConversationFactory(team=team_b)
    with pytest.raises(ValidationError):
        services.statement_create(
            team=team_a, actor=alice, conversation=conversation, text=LEAD_TIME[0]
        )
    assert Statement.objects.count() == 0


def test_merged_themes_stay_merged_for_later_statements(team_a: Any, alice: Any) -> None:
    first = _say(team_a, alice, LEAD_TIME[0])
    other = _say(team_a, alice, "Vi vill ha en samlingsfaktura per månad.")
    merged = services.theme_merge(into=first.theme, other=other.theme, actor=alice)
    forget(team_a)  # a later request in another process rebuilds from the database
    later = _say(team_a, alice, "Vi ønsker en samlet faktura hver måned.")
    assert Theme.objects.count() == 1
    assert later.theme_id == merged.pk
    assert set(Statement.objects.values_list("pinned", flat=True)) == {True, False}


def test_a_moved_statement_teaches_the_team(team_a: Any, alice: Any) -> None:
    target = _say(team_a, alice, LEAD_TIME[0]).theme
    odd = _say(team_a, alice, "Grunnpakkene fra dere kommer alltid sent fram.")
    services.statement_move(statement=odd, actor=alice, theme=target)
    odd.refresh_from_db()
    assert odd.theme == target
    assert odd.pinned
    assert TaughtTerm.objects.for_team(team_a).exists()
    again = _say(team_a, alice, "Grunnpakkene kommer for sent.")
    assert again.theme == target


def test_split_takes_statements_into_a_new_theme(team_a: Any, alice: Any) -> None:
    statements = [_say(team_a, alice, text) for text in LEAD_TIME]
    theme = statements[0].theme
    new_theme = services.theme_split(theme=theme, actor=alice, statements=[statements[2]])
    theme.refresh_from_db()
    assert new_theme.pk != theme.pk
    assert (theme.accounts, new_theme.accounts) == (2, 1)


def test_split_of_every_statement_is_refused(team_a: Any, alice: Any) -> None:
    statement = _say(team_a, alice, LEAD_TIME[0])
    with pytest.raises(ValidationError):
        services.theme_split(theme=statement.theme, actor=alice, statements=[statement])


def test_dismissed_theme_keeps_its_statements_and_survives_regroup(team_a: Any, alice: Any) -> None:
    statement = _say(team_a, alice, LEAD_TIME[0])
    services.theme_rename(theme=statement.theme, actor=alice, name="Leveringstid")
    services.theme_dismiss(theme=statement.theme, actor=alice)
    _say(team_a, alice, LEAD_TIME[1])
    services.signals_regroup(team=team_a)
    theme = Theme.objects.get()
    assert (theme.name, theme.dismissed, theme.statement_count) == ("Leveringstid", True, 2)


def test_regroup_puts_every_statement_in_exactly_one_theme(team_a: Any, alice: Any) -> None:
    for text in [*LEAD_TIME, "Vi vill ha en samlingsfaktura per månad."]:
        _say(team_a, alice, text)
    themes = services.signals_regroup(team=team_a)
    assert themes == 2
    assert Statement.objects.filter(theme__isnull=True).count() == 0


def test_regroup_assigns_a_large_theme_in_slices(team_a: Any, alice: Any, monkeypatch: Any) -> None:
    # The scale-1000 demo's largest theme held more statements than PostgreSQL binds in
    # one statement; slices of two stand in for slices of thousands.
    monkeypatch.setattr(services, "ASSIGN_SLICE", 2)
    for text in [*LEAD_TIME, "Vi vill ha en samlingsfaktura per månad."]:
        _say(team_a, alice, text)
    with CaptureQueriesContext(connection) as queries:
        services.signals_regroup(team=team_a)
    table = Statement._meta.db_table
    assigning = [
        q["sql"] for q in queries if q["sql"].startswith(f'UPDATE "{table}" SET "theme_id" = ')
    ]
    assert assigning and all(q.count(", ") <= 1 for q in assigning), assigning
    assert Statement.objects.filter(theme__isnull=True).count() == 0
    counts = sorted(Statement.objects.values_list("theme__statement_count", flat=True))
    assert counts == [1, 3, 3, 3]  # the three lead-time statements stay together


def test_regroup_deletes_themes_left_without_statements_in_slices(
    team_a: Any, team_b: Any, alice: Any, monkeypatch: Any
) -> None:
    # Themes not carried over are named a slice at a time, not every carried one in an
    # exclusion that grew with the team's themes.
    from fasit.core import db

    monkeypatch.setattr(db, "ID_SLICE", 2)
    for text in LEAD_TIME:
        _say(team_a, alice, text)
    for i in range(5):
        Theme.objects.create(team=team_a, key=f"empty-{i}", label=f"Empty {i}")
    theirs = Theme.objects.create(team=team_b, key="empty-0", label="Theirs")
    services.signals_regroup(team=team_a)
    assert Theme.objects.for_team(team_a).count() == 1
    assert Theme.objects.filter(pk=theirs.pk).exists()


def test_deleting_a_statement_lowers_the_level(team_a: Any, alice: Any) -> None:
    statements = [_say(team_a, alice, text) for text in LEAD_TIME]
    services.statement_delete(statement=statements[0], actor=alice)
    assert Theme.objects.get().level == "alarm"


def test_last_statement_deleted_removes_the_theme(team_a: Any, alice: Any) -> None:
    statement = _say(team_a, alice, LEAD_TIME[0])
    services.statement_delete(statement=statement, actor=alice)
    assert Theme.objects.count() == 0


def test_statements_are_audited(team_a: Any, alice: Any) -> None:
    statement = _say(team_a, alice, LEAD_TIME[0])
    services.statement_delete(statement=statement, actor=alice)
    assert list(
        AuditEvent.objects.filter(object_type="market_signals.statement").values_list(
            "action", flat=True
        )
    ) == ["delete", "create"]


def test_notes_get_proposals_after_commit(
    team_a: Any, bob: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from fasit.conversations.services import conversation_log

    with django_capture_on_commit_callbacks(execute=True):
        conversation = conversation_log(
            team=team_a,
            actor=bob,
            account=AccountFactory(team=team_a),
            notes="Hyggelig møte. Vi trenger kortere leveringstid på reservedeler.",
        )
    assert list(
        Proposal.objects.filter(conversation=conversation).values_list("text", "status")
    ) == [("Vi trenger kortere leveringstid på reservedeler.", "pending")]


def test_accepting_a_proposal_keeps_the_statement(team_a: Any, bob: Any) -> None:
    conversation = ConversationFactory(
        team=team_a, notes="We need one consolidated invoice per month."
    )
    proposal = services.proposals_from_notes(conversation=conversation)[0]
    statement = services.proposal_accept(proposal=proposal, actor=bob)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.statement, statement.source) == (
        "accepted",
        statement,
        "notes",
    )
    with pytest.raises(ValidationError):
        services.proposal_reject(proposal=proposal, actor=bob)


def test_proposals_are_not_repeated_when_notes_are_saved_again(team_a: Any) -> None:
    conversation = ConversationFactory(team=team_a, notes="Vi behöver support även på helger.")
    services.proposals_from_notes(conversation=conversation)
    assert services.proposals_from_notes(conversation=conversation) == []
    assert Proposal.objects.count() == 1


def test_weak_evidence_is_kept_on_the_statement(team_a: Any, bob: Any) -> None:
    conversation = ConversationFactory(team=team_a)
    proposals = services.proposals_from_turns(
        conversation=conversation,
        turns=[
            (
                "Ja, vi trenger nok kortere leveringstid.",
                None,
                "Svar på: Trenger dere kortere leveringstid?",
                "",
            )
        ],
    )
    statement = services.proposal_accept(proposal=proposals[0], actor=bob)
    assert statement.weak
    assert "Trenger dere" in statement.weak_reason


def test_the_daily_digest_tells_about_raised_themes(team_a: Any, alice: Any, bob: Any) -> None:
    from django.utils import timezone

    from fasit.relationships.digest import build_digest

    for text in LEAD_TIME:
        _say(team_a, alice, text)
    sections = {s.key: s for s in build_digest(team=team_a, user=bob, today=timezone.localdate())}
    items = sections["signals"].items
    assert [i.headline.split(":")[0] for i in items] == ["Confirmed", "Alarm"]
    assert any("lead time" in line or "leveringstid" in line for line in items[0].lines)


def test_a_bare_answer_is_kept_with_its_question(team_a: Any, bob: Any) -> None:
    conversation = ConversationFactory(team=team_a)
    question = "Bruker dere elektronisk faktura i dag?"
    proposals = services.proposals_from_turns(
        conversation=conversation,
        turns=[
            ("Nei, ikke ennå.", None, question, question),
            ("Yes.", None, "", "Does that make sense?"),
        ],
    )
    assert [(p.question, p.text, p.kind) for p in proposals] == [
        (question, "Nei, ikke ennå.", "objection")
    ]
    statement = services.proposal_accept(proposal=proposals[0], actor=bob)
    assert (statement.question, statement.text) == (question, "Nei, ikke ennå.")
    assert statement.full_text == f"{question} Nei, ikke ennå."


def test_the_sellers_own_notes_are_marked_as_the_sellers_summary(team_a: Any, bob: Any) -> None:
    conversation = ConversationFactory(
        team=team_a,
        notes="Wants pay-per-hour.\nVi vil heller betale per driftstime enn å kjøpe maskinen.",
    )
    proposals = services.proposals_from_notes(conversation=conversation)
    assert [(p.text, p.seller_summary) for p in proposals] == [
        ("Wants pay-per-hour.", True),
        ("Vi vil heller betale per driftstime enn å kjøpe maskinen.", False),
    ]
    statement = services.proposal_accept(proposal=proposals[0], actor=bob)
    assert statement.seller_summary


def test_deleting_an_account_recounts_the_themes_of_its_statements(
    team_a: Any, alice: Any, alice_api: Any, charlie_api: Any, victor_api: Any
) -> None:
    """The account's statements go with it by a database cascade: their themes are
    recounted as for a deleted statement (one customer fewer: confirmed → alarm)."""
    statements = [_say(team_a, alice, text) for text in LEAD_TIME]
    account = statements[0].account
    assert Theme.objects.get().level == "confirmed"
    url = f"/api/accounts/{account.pk}"
    assert charlie_api.delete(url).status_code == 404
    assert victor_api.delete(url).status_code == 403
    assert Theme.objects.get().level == "confirmed"
    assert alice_api.delete(url).status_code == 204
    theme = Theme.objects.get()
    assert (theme.level, theme.accounts, theme.statement_count) == ("alarm", 2, 2)
    # The engine's index no longer holds the statement: a regroup agrees.
    services.signals_regroup(team=team_a)
    assert Theme.objects.get().statement_count == 2


def test_deleting_a_conversation_recounts_and_may_remove_its_theme(
    team_a: Any, alice: Any, alice_api: Any
) -> None:
    from fasit.conversations.services import conversation_delete

    lone = _say(team_a, alice, "Vi vill ha en samlingsfaktura per månad.")
    statements = [_say(team_a, alice, text) for text in LEAD_TIME]
    conversation_delete(conversation=lone.conversation, actor=alice)
    assert list(Theme.objects.values_list("statement_count", flat=True)) == [3]
    assert (
        alice_api.delete(f"/api/conversations/{statements[1].conversation_id}").status_code == 204
    )
    theme = Theme.objects.get()
    assert (theme.level, theme.statement_count) == ("alarm", 2)


def test_deleting_an_account_without_statements_leaves_the_index_alone(
    team_a: Any, alice: Any
) -> None:
    from fasit.customers.services import account_delete
    from fasit.signals.models import SignalState

    _say(team_a, alice, LEAD_TIME[0])
    version = SignalState.objects.get(team=team_a).version
    account_delete(account=AccountFactory(team=team_a), actor=alice)
    assert SignalState.objects.get(team=team_a).version == version


def test_regroup_without_keeping_the_index_holds_none_and_the_next_add_rebuilds(
    team_a: Any, alice: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from fasit.signals import index as signal_index

    for text in LEAD_TIME[:2]:
        _say(team_a, alice, text)
    with django_capture_on_commit_callbacks(execute=True):
        services.signals_regroup(team=team_a, keep_index=False)
    # The demo seed's regroup: nothing is cached for after its (long) transaction.
    assert team_a.pk not in signal_index._cache
    # The version moved on, so the next writer rebuilds from the rows and groups right.
    _say(team_a, alice, LEAD_TIME[2])
    assert Theme.objects.get().statement_count == 3


def test_an_add_writes_the_audit_record_audit_create_would_and_its_log_row(
    team_a: Any, team_b: Any, alice: Any
) -> None:
    # The add sends its audit record with its replay-log row (one statement on
    # PostgreSQL): the record must be the one ``audit_create`` writes.
    from fasit.core.audit import audit_create
    from fasit.core.cache import team_data_version
    from fasit.signals.models import IndexAdd

    _say(team_a, alice, LEAD_TIME[0])
    statement = _say(team_a, alice, LEAD_TIME[1])  # joins the first one's theme
    written = AuditEvent.objects.get(
        object_type="market_signals.statement", object_id=str(statement.pk)
    )
    assert team_data_version(team_a) == written.pk
    expected = audit_create(
        team=team_a, actor=alice, instance=Statement.objects.get(pk=statement.pk)
    )
    fields = ["team_id", "actor_id", "action", "object_type", "object_id", "object_repr", "changes"]
    assert {f: getattr(written, f) for f in fields} == {f: getattr(expected, f) for f in fields}
    assert written.changes["theme"] == [None, statement.theme.name]
    assert abs((expected.at - written.at).total_seconds()) < 60
    log = IndexAdd.objects.get(statement=statement)
    assert (log.team_id, log.theme_key) == (team_a.pk, statement.theme.key)
    assert not AuditEvent.objects.filter(team=team_b).exists()


def test_the_theme_row_read_by_key_is_the_orm_row_and_only_the_team_s(
    team_a: Any, team_b: Any, alice: Any
) -> None:
    for text in LEAD_TIME:
        _say(team_a, alice, text)
    theme = Theme.objects.get()
    read = services._theme_by_key(team_a, theme.key)
    assert read is not None and not read._state.adding
    for field in Theme._meta.concrete_fields:
        assert getattr(read, field.attname) == getattr(theme, field.attname), field.name
    assert isinstance(read.labels, dict) and read.last_said_on == theme.last_said_on
    assert services._theme_by_key(team_b, theme.key) is None
    assert services._theme_by_key(team_a, "no-such-key") is None
