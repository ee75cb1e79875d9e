from __future__ import annotations

import json
import re
from typing import Any

from django.urls import reverse

from fasit.signals import selectors, services
from fasit.signals.models import Notification, Proposal, Statement, Theme
from fasit.testing import AccountFactory, ConversationFactory

TEXTS = [
    ("NO", "Vi vil heller betale per driftstime enn å kjøpe maskinene."),
    ("SE", "Vi vill inte äga utrustningen, vi vill betala för hur mycket den används."),
    ("DK", "Vi vil hellere lease udstyret og betale efter forbrug i stedet for at købe."),
]


def _seed(team: Any, actor: Any) -> list[Statement]:
    out = []
    for country, text in TEXTS:
        conversation = ConversationFactory(
            team=team, account=AccountFactory(team=team, country=country)
        )
        out.append(
            services.statement_create(team=team, actor=actor, conversation=conversation, text=text)
        )
    return out


def test_board_shows_confirmed_theme_with_evidence(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    _seed(team_a, alice)
    html = alice_client.get(reverse("signals:board")).content.decode()
    assert "level-confirmed" in html
    assert "Vi vill inte äga utrustningen" in html
    assert "3 independent customers" in html


def test_a_theme_held_at_alarm_says_why(team_a: Any, alice: Any, alice_client: Any) -> None:
    for text in (
        "Gummigranulatet fra kunstgræsbanen ender i kloakken og på gulvet i omklædningsrummet.",
        "Vi vil bli kvitt gummikulene på kunstgresset, de havner overalt og til slutt i havet.",
        "Kunstisbanen bør fordele tidene mer rettferdig mellom kunstløp og hockey.",
    ):
        conversation = ConversationFactory(team=team_a, account=AccountFactory(team=team_a))
        services.statement_create(team=team_a, actor=alice, conversation=conversation, text=text)
    html = alice_client.get(reverse("signals:board")).content.decode()
    assert "level-alarm" in html and "level-confirmed" not in html
    assert "not corroborated" in html
    theme = Theme.objects.get()
    detail = alice_client.get(reverse("signals:theme", args=[theme.pk])).content.decode()
    assert "Held at alarm" in detail


def test_board_levels_follow_the_filters(team_a: Any, alice: Any, alice_client: Any) -> None:
    _seed(team_a, alice)
    html = alice_client.get(
        reverse("signals:board"), {"country": "SE"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "1 of 3 independent customers in this filter" in html
    assert "level-noted" in html
    assert "<html" not in html


def test_board_hides_dismissed_themes(team_a: Any, alice: Any, alice_client: Any) -> None:
    theme = _seed(team_a, alice)[0].theme
    services.theme_dismiss(theme=theme, actor=alice)
    assert theme.name not in alice_client.get(reverse("signals:board")).content.decode()
    assert (
        theme.name
        in alice_client.get(reverse("signals:board"), {"dismissed": "on"}).content.decode()
    )


def test_charlie_sees_an_empty_board(team_a: Any, alice: Any, charlie_client: Any) -> None:
    _seed(team_a, alice)
    html = charlie_client.get(reverse("signals:board")).content.decode()
    assert "Vi vill inte äga" not in html


def test_mark_a_statement_from_the_conversation_page(team_a: Any, bob_client: Any) -> None:
    conversation = ConversationFactory(team=team_a)
    response = bob_client.post(
        reverse("signals:statement_mark", args=[conversation.pk]),
        {"text": "Vi trenger support i helgene.", "kind": "need"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'id="signals-card"' in response.content.decode()
    assert Statement.objects.get().conversation == conversation


def test_mark_without_text_shows_the_error(team_a: Any, bob_client: Any) -> None:
    conversation = ConversationFactory(team=team_a)
    response = bob_client.post(
        reverse("signals:statement_mark", args=[conversation.pk]),
        {"text": "", "kind": "need"},
        HTTP_HX_REQUEST="true",
    )
    assert "This field is required" in response.content.decode()
    assert Statement.objects.count() == 0


def test_accept_and_reject_proposals(team_a: Any, bob_client: Any) -> None:
    conversation = ConversationFactory(team=team_a)
    keep, drop = (
        Proposal.objects.create(
            team=team_a,
            conversation=conversation,
            text=t,
            kind="need",
            language="en",
            source="notes",
        )
        for t in ("We need weekend support.", "We had lunch.")
    )
    bob_client.post(reverse("signals:proposal_decide", args=[keep.pk]), {"decision": "accept"})
    bob_client.post(reverse("signals:proposal_decide", args=[drop.pk]), {"decision": "reject"})
    assert list(Proposal.objects.order_by("id").values_list("status", flat=True)) == [
        "accepted",
        "rejected",
    ]
    assert list(Statement.objects.values_list("text", flat=True)) == ["We need weekend support."]


def test_rename_merge_and_move_from_the_theme_page(
    team_a: Any, alice: Any, bob_client: Any
) -> None:
    statements = _seed(team_a, alice)
    other = services.statement_create(
        team=team_a,
        actor=alice,
        conversation=ConversationFactory(team=team_a),
        text="Vi ønsker en samlet faktura hver måned.",
    )
    theme = statements[0].theme
    bob_client.post(reverse("signals:theme_rename", args=[theme.pk]), {"name": "Betale for bruk"})
    bob_client.post(reverse("signals:theme_merge", args=[theme.pk]), {"theme": other.theme_id})
    assert list(Theme.objects.values_list("custom_label", "statement_count")) == [
        ("Betale for bruk", 4)
    ]
    response = bob_client.post(reverse("signals:statement_move", args=[other.pk]), {"theme": ""})
    assert response.status_code == 302
    assert Theme.objects.count() == 2


def test_viewer_cannot_mark(team_a: Any, victor_client: Any) -> None:
    conversation = ConversationFactory(team=team_a)
    response = victor_client.post(
        reverse("signals:statement_mark", args=[conversation.pk]),
        {"text": "Vi trenger mer.", "kind": "need"},
    )
    assert response.status_code == 403
    assert Statement.objects.count() == 0


def test_notifications_are_shown_and_marked_read(
    team_a: Any, alice: Any, bob: Any, bob_client: Any
) -> None:
    _seed(team_a, alice)
    home = bob_client.get(reverse("home")).content.decode()
    assert 'class="nav-count"' in home
    bob_client.post(reverse("signals:notifications"))
    assert Notification.objects.for_team(team_a).unread_by(bob).count() == 0


def test_account_page_lists_its_statements(team_a: Any, alice: Any, alice_client: Any) -> None:
    statement = _seed(team_a, alice)[0]
    html = alice_client.get(
        reverse("accounts:detail", args=[statement.account_id])
    ).content.decode()
    assert statement.text in html


def test_api_themes_and_statements(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any
) -> None:
    statements = _seed(team_a, alice)
    themes = bob_client.get("/api/signals/themes").json()
    assert [(t["level"], t["accounts"]) for t in themes] == [("confirmed", 3)]
    detail = bob_client.get(f"/api/signals/themes/{statements[0].theme_id}").json()
    assert len(detail["evidence"]) == 3
    created = bob_client.post(
        "/api/signals/statements",
        json.dumps(
            {"conversation_id": statements[0].conversation_id, "text": "Vi trenger opplæring."}
        ),
        content_type="application/json",
    )
    assert created.status_code == 201
    foreign = charlie_client.post(
        "/api/signals/statements",
        json.dumps({"conversation_id": statements[0].conversation_id, "text": "x"}),
        content_type="application/json",
    )
    assert foreign.status_code == 400
    assert charlie_client.get("/api/signals/themes").json() == []


def test_board_evidence_shows_each_independent_customer_first(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    first, *_ = _seed(team_a, alice)
    for _i in range(6):
        services.statement_create(
            team=team_a,
            actor=alice,
            conversation=first.conversation,
            text="Vi vil heller betale per driftstime enn å kjøpe maskinene.",
        )
    html = alice_client.get(reverse("signals:board")).content.decode()
    assert "Vi vill inte äga utrustningen" in html
    assert "lease udstyret" in html


def test_theme_page_pages_its_evidence(team_a: Any, alice: Any, alice_client: Any) -> None:
    statement = _seed(team_a, alice)[0]
    for i in range(55):
        services.statement_create(
            team=team_a,
            actor=alice,
            conversation=statement.conversation,
            text=f"Vi vil heller betale per driftstime enn å kjøpe maskinene ({i}).",
        )
    first = alice_client.get(reverse("signals:theme", args=[statement.theme_id])).content.decode()
    second = alice_client.get(
        reverse("signals:theme", args=[statement.theme_id]), {"page": 2}
    ).content.decode()
    assert first.count('name="statements"') == 50
    assert second.count('name="statements"') == 8


def test_a_parent_and_its_subsidiary_count_once_everywhere(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    # The board counted corporate groups, the stored count (theme page, merge list,
    # notification) counted a parent apart from its subsidiaries: 7 against 9.
    parent = AccountFactory(team=team_a, name="Konsern AS", country="NO")
    subsidiary = AccountFactory(team=team_a, name="Konsern Sverige AB", parent=parent)
    speakers = [parent, subsidiary, AccountFactory(team=team_a), AccountFactory(team=team_a)]
    for account, (_, text) in zip(speakers, [*TEXTS, TEXTS[0]], strict=True):
        conversation = ConversationFactory(team=team_a, account=account)
        services.statement_create(team=team_a, actor=alice, conversation=conversation, text=text)
    theme = Theme.objects.get()
    assert (theme.accounts, theme.level) == (3, "confirmed")
    board = alice_client.get(reverse("signals:board")).content.decode()
    page = alice_client.get(reverse("signals:theme", args=[theme.pk])).content.decode()
    assert "3 independent customers" in board
    assert "3 independent customers" in page
    assert "4 independent customers" not in board + page
    assert Notification.objects.filter(level="confirmed").get().text.startswith("Confirmed: 3 ")


def test_joining_a_corporate_group_recounts_the_themes(team_a: Any, alice: Any) -> None:
    from fasit.customers.services import account_update

    statements = _seed(team_a, alice)
    theme = Theme.objects.get()
    assert theme.accounts == 3
    first, second = (s.account for s in statements[:2])
    account_update(account=second, actor=alice, data={"parent": first})
    theme.refresh_from_db()
    assert (theme.accounts, theme.level) == (2, "alarm")
    account_update(account=second, actor=alice, data={"parent": None})
    theme.refresh_from_db()
    assert (theme.accounts, theme.level) == (3, "confirmed")


def test_a_filter_that_narrows_a_theme_says_so(team_a: Any, alice: Any, alice_client: Any) -> None:
    _seed(team_a, alice)
    html = alice_client.get(reverse("signals:board"), {"country": "SE"}).content.decode()
    assert "1 of 3 independent customers in this filter" in html


def test_theme_labels_are_made_in_all_four_languages_and_shown_in_the_readers(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    _seed(team_a, alice)
    theme = Theme.objects.get()
    assert set(theme.labels) == {"sv", "nb", "da", "en"}
    assert len(set(theme.labels.values())) > 1
    for language in ("sv", "nb", "da", "en"):
        html = alice_client.get(
            reverse("signals:board"), HTTP_ACCEPT_LANGUAGE=language
        ).content.decode()
        assert theme.labels[language] in html


def test_an_answer_is_shown_with_its_question_and_a_summary_is_marked(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    conversation = ConversationFactory(team=team_a)
    services.statement_create(
        team=team_a,
        actor=alice,
        conversation=conversation,
        text="Nei, ikke ennå.",
        question="Bruker dere elektronisk faktura i dag?",
        kind="objection",
    )
    services.statement_create(
        team=team_a,
        actor=alice,
        conversation=conversation,
        text="Wants pay-per-hour.",
        seller_summary=True,
    )
    url = reverse("conversations:detail", args=[conversation.pk])
    html = alice_client.get(url).content.decode()
    assert "Seller: “Bruker dere elektronisk faktura i dag?”" in html
    assert "Customer: “Nei, ikke ennå.”" in html
    assert "seller's summary</span> Wants pay-per-hour." in html
    # A "no" to a question about e-invoicing is not a want of e-invoicing.
    assert "Not wanted: e-invoicing" in html
    assert charlie_client.get(url).status_code == 404


def test_the_cached_theme_cards_are_the_page_before_and_a_change_shows_at_once(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    # The theme cards are rendered once per change of team data (signals/views.py).
    statements = _seed(team_a, alice)
    board = reverse("signals:board")
    first = alice_client.get(board).content.decode()
    assert "3 independent customers" in first
    # The same cards from the cache, and through htmx the same cards alone.
    assert _without_csrf(alice_client.get(board).content.decode()) == _without_csrf(first)
    rows = alice_client.get(board, HTTP_HX_REQUEST="true").content.decode()
    assert "3 independent customers" in rows and "<h1>" not in rows
    services.theme_dismiss(theme=statements[0].theme, actor=alice)
    assert statements[0].theme.name not in alice_client.get(board).content.decode()
    charlie = charlie_client.get(board).content.decode()
    assert statements[0].theme.name not in charlie and "Vi vill inte äga" not in charlie


def _without_csrf(html: str) -> str:
    return re.sub(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+"', r"\1", html)


def test_the_cached_filters_and_order_links_are_each_query_strings_own(
    team_a: Any, alice: Any, bob: Any, alice_client: Any, bob_client: Any
) -> None:
    # The filter form and the rows are cached per query string (signals/views.py):
    # each filter keeps its own choice selected and its own order links.
    from fasit.tenancy.models import Membership

    _seed(team_a, alice)
    board = reverse("signals:board")
    for _ in range(2):  # the second from the cache
        sweden = alice_client.get(board, {"country": "SE"}).content.decode()
        everyone = alice_client.get(board).content.decode()
        assert '<option value="SE" selected>' in sweden
        assert '<option value="SE" selected>' not in everyone
        assert "country=SE&amp;sort=" in sweden and "country=SE" not in everyone
    # The role is outside the cached part: a viewer of the same team gets no proposals link.
    Membership.objects.filter(user=bob, team=team_a).update(role="viewer")
    assert reverse("signals:proposals") in everyone
    assert reverse("signals:proposals") not in bob_client.get(board).content.decode()


def test_a_cached_board_keeps_each_querys_filters_and_reads_no_form_choices(
    team_a: Any, alice: Any, bob: Any, alice_client: Any, bob_client: Any, charlie_client: Any
) -> None:
    """The filter form and the rows around the cards are kept as HTML per query: each
    query shows its own choices, a new category (a change of team data) shows on the
    next request, and the menu's unread count stays each reader's own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fasit.customers.services import category_create

    _seed(team_a, alice)
    url = reverse("signals:board")
    assert 'value="SE" selected' in alice_client.get(url, {"country": "SE"}).content.decode()
    html = alice_client.get(url, {"country": "NO"}).content.decode()
    assert 'value="NO" selected' in html and 'value="SE" selected' not in html
    with CaptureQueriesContext(connection) as warm:
        again = alice_client.get(url, {"country": "NO"}).content.decode()
    assert 'value="NO" selected' in again and 'value="SE" selected' not in again
    assert again.split('<div id="rows">')[1] == html.split('<div id="rows">')[1]
    assert not any("customercategory" in q["sql"] for q in warm.captured_queries)
    category_create(team=team_a, actor=alice, name="Rederier")
    assert "Rederier" in alice_client.get(url, {"country": "NO"}).content.decode()
    assert "Rederier" not in charlie_client.get(url).content.decode()

    unread = Notification.objects.filter(team=team_a).count()
    assert unread > 0
    badge = f'title="Unread notifications">{unread}</span>'
    assert badge in bob_client.get(url).content.decode()
    services.notifications_mark_read(team=team_a, user=bob)
    assert "nav-count" not in bob_client.get(url).content.decode()
    assert badge in alice_client.get(url).content.decode()
    assert selectors.unread_count(team_a, bob) == 0
    assert selectors.unread_count(team_a, alice) == unread
    assert selectors.unread_count(None, alice) == 0


def test_an_add_through_the_api_writes_its_statement_once_and_its_version_once(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fasit.signals.models import IndexAdd, SignalState

    statements = _seed(team_a, alice)
    # Past eight statements a join does not relabel the theme.
    for _i in range(6):
        services.statement_create(
            team=team_a, actor=alice, conversation=statements[0].conversation, text=TEXTS[0][1]
        )
    state = SignalState.objects.get(team=team_a)
    with CaptureQueriesContext(connection) as sent:
        created = bob_client.post(
            "/api/signals/statements",
            json.dumps({"conversation_id": statements[1].conversation_id, "text": TEXTS[1][1]}),
            content_type="application/json",
        )
    assert created.status_code == 201
    statement = Statement.objects.get(pk=created.json()["id"])
    assert statement.theme_id == statements[0].theme_id
    sql = [q["sql"] for q in sent.captured_queries]
    table = Statement._meta.db_table
    # Inserted once, already in its theme (its id reserved with the version bump).
    writes = [
        q
        for q in sql
        if q.startswith((f'INSERT INTO "{table}"', f'UPDATE "{table}"', f'DELETE FROM "{table}"'))
    ]
    assert len(writes) == 1 and writes[0].startswith("INSERT"), writes
    # The team's signals locked and their version moved on by one statement.
    state_table = SignalState._meta.db_table
    assert len([q for q in sql if state_table in q]) == 1
    assert SignalState.objects.get(team=team_a).version == state.version + 1
    assert IndexAdd.objects.get(team=team_a, version=state.version + 1).statement_id == statement.pk
    assert Theme.objects.get(pk=statement.theme_id).statement_count == 10
    # Another team's user finds neither the theme nor the statement.
    assert charlie_client.get(f"/api/signals/themes/{statement.theme_id}").status_code == 404
    assert charlie_client.get(f"/api/signals/statements/{statement.pk}").status_code == 404
