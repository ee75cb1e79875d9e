"""The key accounts page's plain-row paths give what the full rows they replaced give:
each card (``key_account_cards``) what ``account_knowledge_rows`` gives, each health
(``key_account_health``) what ``being_on``'s assessment gives, and the page, ranked from
the stored scores, what it was ranked from every person's score, byte for byte, with
scores stored, missing, partly stored or stale; and nothing of another team."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.models import F
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from fasit.conversations.services import conversation_log
from fasit.customers.models import Account, Person
from fasit.engine.relationships import cadence
from fasit.engine.relationships.dates import time_zone_for
from fasit.relationships import memo, selectors, snapshots, views
from fasit.relationships.models import (
    AccountCadence,
    AccountHealth,
    AccountKnowledgeSnapshot,
    PersonKnowledgeSnapshot,
)
from fasit.relationships.tests.conftest import TODAY, ago
from fasit.relationships.tests.test_knowledge_of import DAYS, _varied_team
from fasit.relationships.tests.test_standings import _team
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(rb"[A-Za-z0-9]{64}")


def _reference_cards(team: Any, ids: list[int], *, today: dt.date) -> list[Any]:
    """The cards as the page drew them before: ``account_knowledge_rows`` of the
    accounts as models, with their people as models."""
    rows = {
        r.account.pk: r
        for r in selectors.account_knowledge_rows(
            team,
            Account.objects.for_team(team).filter(pk__in=ids).select_related("owner"),
            today=today,
        )
    }
    return [
        selectors.KeyAccountCard(
            account_id=pk,
            name=rows[pk].account.name,
            owner=rows[pk].account.owner,
            knowledge=rows[pk].knowledge,
            roles=[
                (r, [(p.pk, p.name, k) for p, k in rows[pk].best_known.get(r.role, [])])
                for r in rows[pk].knowledge.roles
            ],
        )
        for pk in ids
        if pk in rows
    ]


def _reference_health(team: Any, ids: list[int], *, today: dt.date) -> dict[int, Any]:
    """The healths as the page read them before: ``being_on``'s full assessments."""
    return {
        r.account.pk: selectors.HealthMark(
            r.assessment.health, r.assessment.health_before, r.assessment.going_dark is not None
        )
        for r in selectors.being_on(
            team, today=today, accounts=Account.objects.for_team(team).filter(pk__in=ids)
        )
    }


def test_cards_equal_the_full_rows(team_a: Any, team_b: Any, alice: Any) -> None:
    rng = random.Random(31)
    _varied_team(team_a, alice, rng, 90)
    _varied_team(team_b, None, rng, 30)
    everyone = list(Account.objects.order_by("?").values_list("pk", flat=True))
    kinds = set()
    for team in (team_a, team_b):
        for day in DAYS:
            new = selectors.key_account_cards(team, everyone, today=day)
            assert new == _reference_cards(team, everyone, today=day)
            # In the order asked for, of the team's accounts only.
            assert [c.account_id for c in new] == [
                pk for pk in everyone if Account.objects.get(pk=pk).team_id == team.pk
            ]
            kinds |= {(k.score, k.parts) for c in new for _r, best in c.roles for _p, _n, k in best}
    assert len(kinds) > 30
    assert selectors.key_account_cards(team_a, [], today=DAYS[0]) == []
    assert selectors.key_account_cards(None, everyone, today=DAYS[0]) == []


#: The cards' partial as the template drew them before the view built them
#: (``views._key_account_cards_html``): tags and filters per person, the card's own
#: objects; each health went where its stand-in is.
CARDS_BEFORE = """{% load i18n relationships fasit %}{% for row in rows %}
<section class="card">
  <h2><a href="{% url 'accounts:detail' row.account_id %}">{{ row.name }}</a>
    <span class="score {{ row.knowledge.score|health_class }}" title="{% translate 'Knowledge score' %}">{{ row.knowledge.score }}</span>
    <!--fasit:health:{{ row.account_id }}--></h2>
  <p class="small muted">{% blocktranslate with well=row.knowledge.known_well total=row.knowledge.people owner=row.owner|display_name|default:"—" %}{{ well }} of {{ total }} people known well · owner {{ owner }}{% endblocktranslate %}</p>
  <table class="compact responsive">
    <thead><tr><th>{% translate "Buying role" %}</th><th>{% translate "People" %}</th><th>{% translate "Known well" %}</th><th>{% translate "Best known" %}</th></tr></thead>
    <tbody>{% for k, best in row.roles %}<tr><td>{{ k.role|role_label }}</td><td>{{ k.people }}</td><td>{{ k.known_well }}</td>
      <td>{% for person_id, name, pk in best %}<a href="{% url 'people:detail' person_id %}">{{ name }}</a> <span class="score {{ pk.score|health_class }}">{{ pk.score }}</span>{% if pk.missing %} <span class="small muted">{% translate "missing:" %} {{ pk.missing|part_labels }}</span>{% endif %}{% if not forloop.last %}<br>{% endif %}{% endfor %}{% if not k.people %}<span class="trend-down">{% translate "nobody on record" %}</span>{% endif %}</td></tr>{% endfor %}</tbody>
  </table>
</section>
{% empty %}<p class="muted">{% translate "No key accounts yet." %}</p>{% endfor %}
"""  # noqa: E501


#: The healths' partial as the template drew them, each piece ending in ``NEXT``.
HEALTH_BEFORE = (
    "{% load i18n relationships %}{% for h in healths %}{% if h %}"
    '<span class="small muted">{% translate "health" %} {{ h.health }} {{ h.trend|arrow }}'
    '{% if h.going_dark %} · <span class="trend-down">{% translate "going dark" %}</span>'
    "{% endif %}</span>{% endif %}<!--fasit:next-->{% endfor %}"
)
NEXT = "<!--fasit:next-->"
HEALTH = "<!--fasit:health:{}-->"


@pytest.mark.parametrize("language", ["en", "sv", "nb", "da"])
def test_cards_html_is_what_the_template_drew(
    team_a: Any, team_b: Any, alice: Any, language: str
) -> None:
    """The cards' HTML built in the view equals the HTML the old partial drew from the
    cards themselves, byte for byte, in each language: names to escape, owners and
    none, roles with nobody on record, people missing parts and none; and each health
    what the old health partial drew (good, fair and poor, each trend, going dark or
    not, none)."""
    rng = random.Random(18)
    _varied_team(team_a, alice, rng, 60)
    _varied_team(team_b, None, rng, 10)
    Account.objects.filter(pk__in=Account.objects.for_team(team_a)[:3]).update(
        name='Fjord & "Söner" <AS>'
    )
    ids = list(Account.objects.for_team(team_a).order_by("name", "pk").values_list("pk", flat=True))
    before = engines["django"].from_string(CARDS_BEFORE)
    healths_before = engines["django"].from_string(HEALTH_BEFORE)
    marks = [
        selectors.HealthMark(health, before_, dark)
        for health in (0, 39, 40, 69, 70, 100)
        for before_ in (0, 50, 100)
        for dark in (False, True)
    ]
    with translation.override(language):
        for day in DAYS:
            cards = selectors.key_account_cards(team_a, ids, today=day)
            old = before.render({"rows": cards})
            pieces = views._key_account_cards_html(cards)
            assert len(pieces) == len(cards) + 1
            stand_ins = [HEALTH.format(c.account_id) for c in cards]
            assert views._with_healths(pieces, stand_ins) == old
        assert views._key_account_cards_html([]) == [before.render({"rows": []})]
        shown = [*marks, None]
        assert (
            views._key_account_healths_html(shown)
            == (healths_before.render({"healths": shown}).split(NEXT)[:-1])
        )
    assert "&amp; &quot;Söner&quot; &lt;AS&gt;" in old
    assert old.count('<section class="card">') == len(ids) >= 5
    assert all(part in old for part in ('<span class="small muted">', "trend-down", "<br>"))
    assert {m.trend for m in marks} == {"up", "down", "flat"}


@pytest.mark.parametrize("days_ahead", [0, 30, 45])
def test_health_equals_being_ons(
    team_a: Any, team_b: Any, alice: Any, settings: Any, days_ahead: int
) -> None:
    """Contacts at local midnight in four zones, ahead of today, just outside the
    year, people at several accounts, listening scores; norms overridden short, and so
    long that breadth and recency reach past the year's window (where the health a
    month before must read the same window as ``being_on``)."""
    settings.FASIT_LISTENING_SCORES = "fasit.relationships.tests.test_standings.perfect_listening"
    _team(team_a, alice, 1)
    _team(team_b, None, 2)
    accounts = list(Account.objects.for_team(team_a).order_by("pk"))
    for account, days in zip(accounts[::4], (3, 120, 200, 400, 730, 45), strict=False):
        AccountCadence.objects.update_or_create(account=account, defaults={"days": days})
    today = TODAY + dt.timedelta(days=days_ahead)
    everyone = list(Account.objects.values_list("pk", flat=True))
    new = selectors.key_account_health(team_a, everyone, today=today)
    assert new == _reference_health(team_a, everyone, today=today)
    assert len(new) == 24
    assert len({h.trend for h in new.values()}) >= 2
    assert {h.going_dark for h in new.values()} == {True, False}
    assert selectors.key_account_health(team_a, [], today=today) == {}
    assert selectors.key_account_health(None, everyone, today=today) == {}


def test_stored_health_is_the_worked_out_one_until_a_change(
    team_a: Any, team_b: Any, alice: Any, alice_client: Any, charlie_client: Any, settings: Any
) -> None:
    """The refresh stores each key account's health before (``health_before``); the
    page reads health, trend and going dark from today's rows in one query, equal to
    ``being_on``'s; a conversation logged through the service deletes the account's
    row, and the page shows the health worked out again; a row whose stored health is
    not what the page would work out gets none; charlie sees none of it."""
    settings.FASIT_LISTENING_SCORES = "fasit.relationships.tests.test_standings.perfect_listening"
    _team(team_a, alice, 1)
    _team(team_b, None, 2)
    today = timezone.localdate()
    keys = list(selectors.key_account_scope(team_a).order_by("pk").values_list("pk", flat=True))
    everyone = list(Account.objects.values_list("pk", flat=True))
    for account_id, days in zip(keys[::3], (3, 400, 45), strict=False):
        AccountCadence.objects.update_or_create(account_id=account_id, defaults={"days": days})
    snapshots.refresh(team_a, today=today)
    snapshots.refresh(team_b, today=today)
    rows = AccountHealth.objects.filter(day=today)
    assert set(rows.filter(health_before__isnull=False).values_list("account_id", flat=True)) == {
        *keys,
        *selectors.key_account_scope(team_b).values_list("pk", flat=True),
    }
    expected = _reference_health(team_a, everyone, today=today)
    with CaptureQueriesContext(connection) as queries:
        assert selectors.key_account_health(team_a, everyone, today=today) == expected
    # Non-key accounts have no health before stored: worked out from their contacts.
    assert len(queries.captured_queries) > 1
    with CaptureQueriesContext(connection) as queries:
        stored = selectors.key_account_health(team_a, keys, today=today)
    assert len(queries.captured_queries) == 1
    assert stored == {pk: expected[pk] for pk in keys}
    assert len({h.trend for h in stored.values()}) >= 2

    # A row stored with another health is not given a health before.
    AccountHealth.objects.filter(account_id=keys[1]).update(health=F("health") + 1)
    snapshots.store_key_account_trends(team_a, today=today)
    assert AccountHealth.objects.get(account_id=keys[1]).health_before is None
    assert selectors.key_account_health(team_a, keys, today=today) == {
        pk: expected[pk] for pk in keys
    }
    # The next refresh rewrites the row and its health before.
    snapshots.refresh(team_a, today=today)
    assert AccountHealth.objects.get(account_id=keys[1]).health_before is not None

    # A meeting of ours today with the least healthy key account: its row goes, the
    # page works its health out again and shows it.
    page = reverse("relationships:key_accounts")
    least = min(keys, key=lambda pk: (expected[pk].health, pk))
    before_html = alice_client.get(page).content.decode()
    account = Account.objects.get(pk=least)
    person = account.roles.first().person if account.roles.exists() else None
    conversation_log(
        team=team_a,
        actor=alice,
        account=account,
        occurred_at=timezone.now(),
        kind="meeting",
        people=[person] if person else [],
    )
    assert not AccountHealth.objects.filter(account_id=least).exists()
    after = selectors.key_account_health(team_a, keys, today=today)
    assert after == {pk: h for pk, h in _reference_health(team_a, keys, today=today).items()}
    assert after[least] != expected[least]
    after_html = alice_client.get(page).content.decode()
    card = f'href="{reverse("accounts:detail", args=[least])}"'

    def health_of(html: str) -> str:
        start = html.index(card)
        return html[start : html.index("</h2>", start)]

    assert f"health {expected[least].health} " in health_of(before_html)
    assert f"health {after[least].health} " in health_of(after_html)
    # Charlie (team B) sees none of team A's key accounts.
    theirs = charlie_client.get(page).content.decode()
    assert card not in theirs
    assert charlie_client.get(reverse("accounts:detail", args=[least])).status_code == 404


#: Days before today where a contact moves a health or its trend: the norms' edges,
#: the month before (trend) and its own windows, the 90 and 180 days of frequency and
#: reciprocity, and the year's window (``WINDOW_DAYS``) with the days around it.
EDGES = [0, 1, 2, 13, 14, 15, 29, 30, 31, 32, 44, 45, 46, 59, 60, 61, 89, 90, 91, 92]
EDGES += [119, 120, 121, 179, 180, 181, 209, 210, 211, 399, 400, 401, 402, 430, 800]


def _edge_team(team: Any, rng: random.Random) -> None:
    """Accounts of each norm (overridden from 3 days to two years) with people in three
    roles, in contact on the days of ``EDGES`` around local midnight."""
    for i, norm in enumerate((None, 3, 10, 30, 60, 100, 130, 400, 730)):
        account = AccountFactory(
            team=team, name=f"Kant {i}", tier="key", country=("NO", "SE", "FI", "DK")[i % 4]
        )
        if norm is not None:
            AccountCadence.objects.create(account=account, days=norm)
        people = [PersonFactory(team=team) for _ in range(3)]
        for person, role in zip(people, ("decision_maker", "champion", "user"), strict=True):
            PersonRoleFactory(person=person, account=account, buying_role=role)
        for days in rng.sample(EDGES, 14):
            moment = dt.datetime.combine(
                TODAY - dt.timedelta(days=days),
                dt.time(rng.choice([9, 21, 22, 23]), rng.choice([0, 59])),
                tzinfo=dt.UTC,
            )
            conversation = ConversationFactory(
                team=team,
                account=account,
                occurred_at=moment,
                kind=rng.choice(["meeting", "call", "email", "note"]),
                initiated_by=rng.choice(["us", "us", "customer"]),
                customer_replied=rng.random() < 0.5,
            )
            conversation.people.set(rng.sample(people, rng.choice([0, 1, 2])))


@pytest.mark.parametrize("seed", range(6))
def test_health_at_the_edges_equals_being_ons(team_a: Any, settings: Any, seed: int) -> None:
    settings.FASIT_LISTENING_SCORES = "fasit.relationships.tests.test_standings.perfect_listening"
    _edge_team(team_a, random.Random(seed))
    ids = list(Account.objects.for_team(team_a).order_by("pk").values_list("pk", flat=True))
    for ahead in (0, 1, 29, 30, 31):
        today = TODAY + dt.timedelta(days=ahead)
        new = selectors.key_account_health(team_a, ids, today=today)
        assert new == _reference_health(team_a, ids, today=today), (seed, ahead)
        assert [h.trend for h in new.values()] == [
            r.assessment.trend
            for r in sorted(
                selectors.being_on(team_a, today=today), key=lambda r: ids.index(r.account.pk)
            )
        ]


#: Norms short enough that the health a month before reads people from inside the
#: year's window (``WINDOW_DAYS``): the people's read starts where breadth before starts.
SHORT_NORMS = (3, 10, 30, 60, 100, 120)


def _breadth_edge_team(team: Any) -> dict[int, Any]:
    """Per short norm, an account whose champion was met at the first local minutes of
    the first day that breadth a month before counts (``TREND_DAYS`` + three norms ago)
    and whose economic buyer at the last minutes of the day before it; the decision
    maker was met the day before the month's mark. Returns the edge conversation of
    each account. Local midnight is the UTC day before in every Nordic zone, so a read
    cut at the UTC day, or from today rather than the month before, loses the edge."""
    edges = {}
    for i, norm in enumerate(SHORT_NORMS):
        country = ("NO", "SE", "FI", "DK")[i % 4]
        zone = time_zone_for(country)
        account = AccountFactory(team=team, name=f"Bredde {norm}", tier="key", country=country)
        AccountCadence.objects.create(account=account, days=norm)
        people = {}
        for role in ("decision_maker", "champion", "economic_buyer"):
            people[role] = PersonFactory(team=team)
            PersonRoleFactory(person=people[role], account=account, buying_role=role)
        before = TODAY - dt.timedelta(days=cadence.TREND_DAYS)
        edge = before - dt.timedelta(days=cadence.BREADTH_NORMS * norm)
        for role, day, at in (
            ("decision_maker", before - dt.timedelta(days=1), dt.time(12)),
            ("champion", edge, dt.time(0, 0, 30)),
            ("economic_buyer", edge - dt.timedelta(days=1), dt.time(23, 59, 30)),
        ):
            conversation = ConversationFactory(
                team=team,
                account=account,
                occurred_at=dt.datetime.combine(day, at, tzinfo=zone),
                kind="meeting",
                initiated_by="us",
            )
            conversation.people.add(people[role])
            if role == "champion":
                edges[account.pk] = conversation
    return edges


def test_health_before_reads_the_people_from_breadths_first_day(
    team_a: Any, team_b: Any, alice: Any
) -> None:
    """The people of contacts are read from the first local day breadth a month before
    counts, for each account alone (the page's longest norm sets where the read
    starts) and for all of them together; that contact changes the health before (so
    a read that starts a day or a month late gives another health)."""
    edges = _breadth_edge_team(team_a)
    _breadth_edge_team(team_b)
    ids = list(edges)
    for pk in ids:
        new = selectors.key_account_health(team_a, [pk], today=TODAY)
        assert new == _reference_health(team_a, [pk], today=TODAY), pk
    together = selectors.key_account_health(team_a, ids, today=TODAY)
    assert together == _reference_health(team_a, ids, today=TODAY)
    for pk, conversation in edges.items():
        conversation.people.clear()
        without = _reference_health(team_a, [pk], today=TODAY)[pk]
        assert without.health_before < together[pk].health_before, pk
        assert without.health == together[pk].health, pk


#: (local days ago, kind, ours, replied) of each account's contacts: ours only before
#: the window (the last ever counts); ours only after the month's mark (the health
#: before would fall back to the last ever, which is later); ours on the mark's local
#: day and the day after it; an unanswered e-mail of ours (not real) or a real contact
#: of theirs in the window, ours before it; theirs only; none.
LAST_OURS_CASES: tuple[tuple[tuple[int, str, bool, bool], ...], ...] = (
    ((405, "meeting", True, False), (800, "call", True, False)),
    ((10, "call", True, False), (600, "meeting", True, False)),
    ((cadence.TREND_DAYS, "meeting", True, False), (700, "call", True, False)),
    ((cadence.TREND_DAYS - 1, "visit", True, False), (450, "call", True, False)),
    ((40, "email", True, False), (420, "meeting", True, False)),
    ((30, "meeting", False, False), (410, "call", True, False)),
    ((45, "email", True, True), (20, "meeting", False, False)),
    ((5, "call", False, False), (410, "call", False, False)),
    (),
)


def _last_ours_team(team: Any, today: dt.date) -> list[int]:
    """An account per ``LAST_OURS_CASES`` in each Nordic zone (the norm a key account's
    or two years), each contact at the local day's first or last minutes (another UTC
    day than the local one)."""
    ids = []
    for i, contacts in enumerate(LAST_OURS_CASES * 4):
        country = ("NO", "SE", "FI", "DK")[i % 4]
        zone = time_zone_for(country)
        account = AccountFactory(team=team, name=f"Sist {i:02}", tier="key", country=country)
        person = PersonFactory(team=team)
        PersonRoleFactory(person=person, account=account, buying_role="champion")
        for days, kind, ours, replied in contacts:
            at = dt.time(0, 10) if i % 2 else dt.time(23, 50)
            conversation = ConversationFactory(
                team=team,
                account=account,
                occurred_at=dt.datetime.combine(today - dt.timedelta(days=days), at, tzinfo=zone),
                kind=kind,
                initiated_by="us" if ours else "customer",
                customer_replied=replied,
            )
            conversation.people.add(person)
        if i // len(LAST_OURS_CASES) % 2:  # a norm long enough for the last ever to count
            AccountCadence.objects.create(account=account, days=730)
        ids.append(account.pk)
    return ids


@pytest.mark.parametrize(
    "today",
    [
        TODAY,
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 1),
        dt.date(2027, 3, 28),
        dt.date(2027, 10, 31),
    ],
)
def test_last_ours_read_only_where_the_window_has_none(
    team_a: Any, team_b: Any, today: dt.date
) -> None:
    """Our last contact ever is read only for the accounts without one of ours in the
    window, and the healths stay ``being_on``'s: at year end and
    on the clock-change nights, for each account alone and all together."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ids = _last_ours_team(team_a, today)
    _last_ours_team(team_b, today)
    for pk in ids:
        assert selectors.key_account_health(team_a, [pk], today=today) == _reference_health(
            team_a, [pk], today=today
        ), pk
    together = selectors.key_account_health(team_a, ids, today=today)
    assert together == _reference_health(team_a, ids, today=today)
    assert {h.going_dark for h in together.values()} == {True, False}
    assert len({(h.health, h.health_before) for h in together.values()}) >= 4
    # Accounts with a real contact of ours in the window: no aggregate.
    sure = [
        pk for pk, case in zip(ids, LAST_OURS_CASES * 4, strict=True) if case is LAST_OURS_CASES[2]
    ]
    expected = _reference_health(team_a, sure, today=today)
    with CaptureQueriesContext(connection) as queries:
        assert selectors.key_account_health(team_a, sure, today=today) == expected
    assert not [q for q in queries.captured_queries if "MAX(" in q["sql"].upper()]


def _answers(clients: list[Any], urls: list[str], language: str = "en") -> list[bytes]:
    answers = []
    for url in urls:
        for client in clients:
            for cache in caches.all():
                cache.clear()
            memo.clear()
            answer = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content
            answers.append(CSRF.sub(b"csrf", answer))
    return answers


def test_the_page_is_what_the_full_rows_drew(
    team_a: Any,
    alice: Any,
    key_team: list[Person],
    alice_client: Any,
    bob_client: Any,
    charlie_client: Any,
    monkeypatch: Any,
) -> None:
    """Paged by two, in every order, for the manager and a seller (``mine``), with the
    scores stored, missing, partly stored and stale: the page equals the one drawn from
    the full rows and ranked from every person's score."""
    today = timezone.localdate()
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    # Conversations with some of the accounts' people, so the healths differ.
    for i, person in enumerate(key_team[::2]):
        for days in (1, 20 + i, 50 + 7 * i):
            conversation = ConversationFactory(
                team=team_a,
                account=person.roles.first().account,
                occurred_at=ago(days),
                kind=("meeting", "call", "email")[i % 3],
                initiated_by=("us", "customer")[(i + days) % 2],
            )
            conversation.people.add(person)
    page = reverse("relationships:key_accounts")
    urls = [
        f"{page}?{sort}{mine}&page={n}"
        for sort in ("", "sort=-knowledge", "sort=account", "sort=-owner", "sort=people")
        for mine in ("", "&mine=on")
        for n in (1, 2, 4)
    ]
    clients = [alice_client, bob_client]

    def reference(monkey: Any) -> None:
        monkey.setattr(selectors, "key_account_cards", _reference_cards)
        monkey.setattr(selectors, "key_account_health", _reference_health)
        monkey.setattr(
            selectors,
            "key_account_order",
            lambda team, *, today, owner=None: [
                e.account_id for e in selectors.key_account_ranking(team, today=today, owner=owner)
            ],
        )

    def states() -> Any:
        yield "nothing stored"
        snapshots.refresh_knowledge(team_a, today=today)
        yield "all stored"
        ranked = selectors.key_account_order(team_a, today=today)
        AccountKnowledgeSnapshot.objects.filter(account_id__in=ranked[::2]).delete()
        PersonKnowledgeSnapshot.objects.filter(person__in=key_team[::3]).delete()
        yield "some stored"
        AccountKnowledgeSnapshot.objects.filter(account_id=ranked[1]).update(
            day=today - dt.timedelta(days=365), score=100
        )
        yield "one stale"

    # The first pages in Swedish too: the labels each card repeats are translated once
    # per page, the role labels once per role.
    swedish = [url for url in urls if url.endswith("page=1")]
    for state in states():
        new = _answers(clients, urls)
        new_sv = _answers(clients, swedish, "sv")
        with monkeypatch.context() as monkey:
            reference(monkey)
            old = _answers(clients, urls)
            old_sv = _answers(clients, swedish, "sv")
        assert new == old, state
        assert new_sv == old_sv, state
        assert all("Köproll".encode() in a for a in new_sv if b'<section class="card">' in a)
        assert any(b"saknas:" in a for a in new_sv)
        assert any(b"missing:" in a for a in new)
        assert any(b"nobody on record" in a for a in new)
    assert sum(b'<section class="card">' in a for a in new) >= 20
    assert any(b"going dark" in a for a in new)
    assert any(re.search(rb"health [1-9]", a) for a in new)
    # Charlie (team B) sees team B's key account only, and none of team A's pages.
    theirs = charlie_client.get(page).content
    assert b"Other team" in theirs
    for account in selectors.key_account_scope(team_a):
        assert account.name.encode() not in theirs
        assert charlie_client.get(reverse("accounts:detail", args=[account.pk])).status_code == 404
