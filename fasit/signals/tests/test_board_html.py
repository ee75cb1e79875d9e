"""The board's theme cards are built in Python (``views._theme_cards``): they must be
byte for byte what the template gave, which is kept here as the reference (it
includes ``_quote.html`` and ``_level.html``, as the theme page still does). The team
has every branch of a card: quotes with a question, a seller's summary, a speaker or
none, weaker evidence with a reason, text and names that need escaping, a narrowed
filter, a dismissed theme, one held at alarm, dates and counts in four languages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.paginator import Paginator
from django.template import engines
from django.urls import reverse
from django.utils import translation

from fasit.signals import selectors
from fasit.signals.index import group_roots
from fasit.signals.models import Statement, Theme
from fasit.signals.tests.test_board_counts import _team
from fasit.signals.views import _theme_cards
from fasit.testing import PersonFactory

# The template's theme cards as they were before the cards were built in Python.
REFERENCE = """{% load i18n %}{% for item in page_obj %}
<section class="card theme-card level-border-{{ item.level }}">
  <div class="header-row">
    <h2><a href="{% url 'signals:theme' item.theme.pk %}">{{ item.theme.name }}</a></h2>
    {% include "signals/_level.html" with level=item.level %}
  </div>
  <p class="small muted">{% if item.narrowed %}{% blocktranslate count n=item.accounts with total=item.total_accounts %}{{ n }} of {{ total }} independent customers in this filter{% plural %}{{ n }} of {{ total }} independent customers in this filter{% endblocktranslate %}{% else %}{% blocktranslate count n=item.accounts %}{{ n }} independent customer{% plural %}{{ n }} independent customers{% endblocktranslate %}{% endif %} · {% blocktranslate count n=item.statements %}{{ n }} statement{% plural %}{{ n }} statements{% endblocktranslate %}{% if item.last_said_on %} · {% blocktranslate with d=item.last_said_on|date:"SHORT_DATE_FORMAT" %}last said {{ d }}{% endblocktranslate %}{% endif %}{% if item.weak %} · {% blocktranslate count n=item.weak %}{{ n }} weaker{% plural %}{{ n }} weaker{% endblocktranslate %}{% endif %}{% if item.theme.dismissed %} · <strong>{% translate "dismissed" %}</strong>{% endif %}{% if not item.theme.corroborated and item.accounts >= 3 %} · <span title="{% translate "Held at alarm: three or more customers, but their statements do not yet clearly say the same thing. Read them; merge or move statements if they do." %}">{% translate "not corroborated" %}</span>{% endif %}</p>
  {% for s in item.evidence %}{% include "signals/_quote.html" %}{% endfor %}
  {% if item.statements > item.evidence|length %}<a class="small" href="{% url 'signals:theme' item.theme.pk %}">{% translate "All evidence" %} →</a>{% endif %}
</section>
{% endfor %}"""  # noqa: E501


def _odd_quotes(team: Any) -> None:
    """Give the newest quotes every branch of ``_quote.html`` and things to escape."""
    theme = Theme.objects.for_team(team).get(key="t1")
    theme.custom_label = 'Leasing <b>& "pay per use"</b>'
    theme.save()
    newest = list(Statement.objects.for_team(team).filter(theme__key__in=["t0", "t1", "t3"])[:40])
    person = PersonFactory(team=team, name="Åsa <O'Hara>")
    for i, statement in enumerate(newest):
        statement.text = f"We'd <rather> lease & pay {i}"
        statement.question = "Do you want to “own” it?" if i % 3 == 0 else ""
        statement.seller_summary = i % 4 == 1
        statement.person = person if i % 2 else None
        statement.language = "nb" if i % 5 else "sv"
        statement.weak = i % 3 == 0
        statement.weak_reason = 'Answered "yes" to <a leading> question' if statement.weak else ""
        statement.said_on = dt.date(2026, 3, 1) + dt.timedelta(days=i % 7)
    Statement.objects.bulk_update(
        newest,
        [
            "text",
            "question",
            "seller_summary",
            "person",
            "language",
            "weak",
            "weak_reason",
            "said_on",
        ],
    )
    account = newest[0].account
    account.name = "Bergen & <Søn>"
    account.save()


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"include_dismissed": True},
        {"country": "SE"},
        {"kind": "need", "include_dismissed": True},
        {"since": dt.date(2026, 1, 10), "until": dt.date(2026, 3, 5)},
    ],
)
def test_the_cards_are_what_the_template_gave(
    team_a: Any, team_b: Any, options: dict[str, Any]
) -> None:
    _team(team_a, team_b)
    _odd_quotes(team_a)
    options = dict(options)
    include_dismissed = options.pop("include_dismissed", False)
    roots = group_roots(team_a)
    items = selectors.board(team_a, include_dismissed=include_dismissed, roots=roots, **options)
    reference = engines["django"].from_string(REFERENCE)
    compared = 0
    for number in (1, 2):
        page = list(Paginator(items, 3).get_page(number))
        selectors.attach_evidence(team_a, page, roots=roots, **options)
        for language in ("en", "sv", "nb", "da"):
            with translation.override(language):
                assert "".join(_theme_cards(page)) == reference.render({"page_obj": page})
                compared += 1
    assert compared and items


def test_the_board_page_shows_the_cards_and_not_to_another_team(
    team_a: Any, team_b: Any, alice_client: Any, charlie_client: Any
) -> None:
    _team(team_a, team_b)
    _odd_quotes(team_a)
    html = alice_client.get(reverse("signals:board"), {"dismissed": "on"}).content.decode()
    assert "Leasing &lt;b&gt;&amp; &quot;pay per use&quot;&lt;/b&gt;" in html
    assert "<b>" not in html
    theme = Theme.objects.for_team(team_a).get(key="t1")
    assert charlie_client.get(reverse("signals:theme", args=[theme.pk])).status_code == 404
    assert "Leasing" not in charlie_client.get(reverse("signals:board")).content.decode()
