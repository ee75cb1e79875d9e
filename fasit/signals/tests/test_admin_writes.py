"""The operator's admin writes statements and themes through the signals services: an
edit is audited (the team's cached pages, keyed by its newest audit record, show it at
once), and a change of what grouping reads moves the team's signal version on (no
process keeps an index made from the old words)."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from fasit.core.cache import team_data_version
from fasit.core.models import AuditEvent
from fasit.search.models import Kind, SearchEntry
from fasit.signals import index as signal_index
from fasit.signals import services
from fasit.signals.models import SignalState, Statement, TaughtTerm, Theme
from fasit.testing import AccountFactory, ConversationFactory, UserFactory

TEXTS = [
    "Vi trenger kortere leveringstid på reservedeler.",
    "Vi behöver kortare leveranstid på reservdelar.",
    "We need spare parts delivered faster, the lead time is too long.",
]


def _seed(team: Any, actor: Any) -> list[Statement]:
    return [
        services.statement_create(
            team=team,
            actor=actor,
            conversation=ConversationFactory(team=team, account=AccountFactory(team=team)),
            text=text,
        )
        for text in TEXTS
    ]


def _operator() -> Client:
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def _form(statement: Statement, **changes: Any) -> dict[str, Any]:
    data = {
        "text": statement.text,
        "question": statement.question,
        "language": statement.language,
        "kind": statement.kind,
        "said_on": statement.said_on.isoformat(),
        "weak_reason": statement.weak_reason,
        "person": statement.person_id or "",
    }
    for flag in ("seller_summary", "weak"):
        if getattr(statement, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def test_an_admin_edit_of_a_statements_text_reaches_the_cached_board(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        statements = _seed(team_a, alice)
    theme = Theme.objects.get()
    board = reverse("signals:board")
    page = reverse("signals:theme", args=[theme.pk])
    assert "kortere leveringstid" in alice_client.get(board).content.decode()
    assert "kortere leveringstid" in alice_client.get(page).content.decode()
    data_version = team_data_version(team_a)
    signal_version = SignalState.objects.get(team=team_a).version
    edited = "Vi trenger reservedeler levert raskere, leveringstiden er for lang."
    url = reverse("admin:market_signals_statement_change", args=[statements[0].pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = _operator().post(url, _form(statements[0], text=edited))
    assert response.status_code == 302, response.content.decode()[:2000]
    statement = Statement.objects.get(pk=statements[0].pk)
    assert statement.text == edited
    # Audited: the team's data version moved, and the cached pages show the new words.
    assert team_data_version(team_a) > data_version
    event = AuditEvent.objects.filter(team=team_a, object_id=str(statement.pk)).latest("id")
    assert event.action == "update" and event.changes["text"][1] == edited
    for html in (alice_client.get(board).content.decode(), alice_client.get(page).content.decode()):
        assert "leveringstiden er for lang" in html
        assert "kortere leveringstid" not in html
    # The grouping index: the version moved on and this process's index has the new words.
    assert SignalState.objects.get(team=team_a).version == signal_version + 1
    version, index = signal_index.cached(team_a) or (None, None)
    assert version == signal_version + 1 and index is not None
    assert index.statement(str(statement.pk)).text == edited
    assert Theme.objects.get().statement_count == 3
    body = SearchEntry.objects.get(kind=Kind.THEME, object_id=theme.pk).body_index
    assert "raskere" in body and "kortere" not in body
    # Another team's user never sees the theme.
    assert charlie_client.get(page).status_code == 404


def test_an_admin_edit_of_a_detail_is_audited_without_regrouping(
    team_a: Any, alice: Any, charlie_client: Any
) -> None:
    statements = _seed(team_a, alice)
    data_version = team_data_version(team_a)
    signal_version = SignalState.objects.get(team=team_a).version
    url = reverse("admin:market_signals_statement_change", args=[statements[1].pk])
    response = _operator().post(url, _form(statements[1], kind="objection"))
    assert response.status_code == 302
    assert Statement.objects.get(pk=statements[1].pk).kind == "objection"
    assert team_data_version(team_a) > data_version
    assert SignalState.objects.get(team=team_a).version == signal_version
    theme = Theme.objects.get()
    assert charlie_client.get(reverse("signals:theme", args=[theme.pk])).status_code == 404


def test_an_admin_deletion_recounts_the_theme(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    statements = _seed(team_a, alice)
    theme = Theme.objects.get()
    assert theme.level == "confirmed"
    data_version = team_data_version(team_a)
    response = _operator().post(
        reverse("admin:market_signals_statement_changelist"),
        {
            "action": "delete_selected",
            "post": "yes",
            "_selected_action": [statements[0].pk, statements[1].pk],
        },
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert (theme.statement_count, theme.accounts, theme.level) == (1, 1, "noted")
    assert team_data_version(team_a) > data_version
    assert AuditEvent.objects.filter(team=team_a, action="delete").count() == 2
    page = reverse("signals:theme", args=[theme.pk])
    assert "spare parts" in alice_client.get(page).content.decode()
    assert charlie_client.get(page).status_code == 404


def test_an_admin_rename_goes_through_the_service_and_the_rest_is_read_only(
    team_a: Any, alice: Any, charlie_client: Any
) -> None:
    _seed(team_a, alice)
    theme = Theme.objects.get()
    data_version = team_data_version(team_a)
    operator = _operator()
    url = reverse("admin:market_signals_theme_change", args=[theme.pk])
    # Counts and level are the engine's: a posted value is not taken.
    response = operator.post(url, {"custom_label": "Spare parts, faster", "accounts": 99})
    assert response.status_code == 302
    theme.refresh_from_db()
    assert (theme.custom_label, theme.accounts) == ("Spare parts, faster", 3)
    assert team_data_version(team_a) > data_version
    assert operator.get(reverse("admin:market_signals_theme_add")).status_code == 403
    assert operator.get(reverse("admin:market_signals_theme_delete", args=[theme.pk])).status_code == 403
    assert operator.get(reverse("admin:market_signals_statement_add")).status_code == 403
    assert operator.get(reverse("admin:market_signals_taughtterm_add")).status_code == 403
    assert not TaughtTerm.objects.exists()
    assert charlie_client.get(reverse("signals:theme", args=[theme.pk])).status_code == 404


def test_staff_of_another_team_cannot_edit_a_statement_through_the_admin(
    team_a: Any, alice: Any, charlie: Any
) -> None:
    statement = _seed(team_a, alice)[0]
    charlie.is_staff = True
    charlie.save()
    client = Client()
    client.force_login(charlie)
    url = reverse("admin:market_signals_statement_change", args=[statement.pk])
    response = client.post(url, _form(statement, text="Planted words."))
    # The admin is for superusers only: a team's staff are sent to its login page.
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    assert Statement.objects.get(pk=statement.pk).text == TEXTS[0]
