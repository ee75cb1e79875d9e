"""The Being on page's rows built in Python (``views._being_on_rows_html``) are the
HTML its template's ``row`` partial drew from the same full rows, byte for byte, in
each language: going dark with and without their people still reaching out, never
contacted, other alerts, the customer's initiative last (today and days ago), never
contacted by us, revenue in the team's currency, in others, without a rate and none,
names to escape, and rows of another team."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.template import engines
from django.utils import translation
from django.utils.safestring import SafeString

from fasit.customers.models import Account
from fasit.relationships import selectors, views
from fasit.relationships.tests.conftest import TODAY
from fasit.relationships.tests.test_standings import _team
from fasit.relationships.tests.test_standings_page import _world
from fasit.testing import ConversationFactory

pytestmark = pytest.mark.django_db

#: The row partial as the template drew it before the view built the rows.
ROW_BEFORE = (
    "{% load i18n relationships fasit %}"
    """{% with a=r.assessment %}
    <tr>
      <td><a href="{% url 'accounts:detail' r.account.pk %}">{{ r.account.name }}</a> <span class="badge {{ r.account.tier }}">{{ r.account.get_tier_display }}</span>
        {% for alert in a.alerts %}{% if forloop.first %}<br><span class="small trend-down">{% if alert.code == "going_dark" %}{% blocktranslate with days=alert.days norm=alert.norm_days since=alert.since|date:"SHORT_DATE_FORMAT" %}Going dark: {{ days }} days since we last took the initiative, norm {{ norm }}, behind since {{ since }}{% endblocktranslate %}{% if alert.count %} · {% blocktranslate with n=alert.count total=alert.total %}{{ n }} of {{ total }} of their people still reach out{% endblocktranslate %}{% endif %}{% elif alert.code == "never_contacted" %}{% translate "Never contacted by us" %}{% else %}{% translate "Needs attention" %}{% endif %}</span>{% endif %}{% endfor %}</td>
      <td><span class="score {{ a.health|health_class }}">{{ a.health }}</span> <span class="trend-{{ a.trend }}">{{ a.trend|arrow }}</span></td>
      <td>{% if a.days_since_our_contact is None %}<span class="muted">{% translate "never" %}</span>{% else %}{% blocktranslate count days=a.days_since_our_contact %}{{ days }} day{% plural %}{{ days }} days{% endblocktranslate %}{% endif %} <span class="small muted">/ {{ a.norm_days }}</span>{% if a.last_contact_theirs %}<br><span class="small muted">{% include "relationships/_last_contact.html" %}</span>{% endif %}</td>
      <td>{% sparkline a.monthly_ours a.monthly_theirs %}</td>
      <td>{% bar a.coverage.in_contact a.coverage.on_record 70 %} <span class="small">{{ a.coverage.in_contact }}/{{ a.coverage.on_record }}</span></td>
      <td>{% if r.revenue is not None %}{{ a.revenue_at_risk|amount:r.currency }}{% if r.currency != r.team_currency and r.at_risk_team is not None %}<br><span class="small muted">≈ {{ r.at_risk_team|amount:r.team_currency }}</span>{% endif %}{% else %}—{% endif %}</td>
      <td class="small">{% next_step r %}</td>
    </tr>
  {% endwith %}"""
)  # noqa: E501


@pytest.mark.parametrize("language", ["en", "sv", "nb", "da"])
def test_rows_are_what_the_template_drew(
    team_a: Any, team_b: Any, alice: Any, settings: Any, language: str
) -> None:
    settings.FASIT_LISTENING_SCORES = "fasit.relationships.tests.test_standings.perfect_listening"
    _team(team_a, alice, 1)
    _world(team_a, alice, 2)
    _team(team_b, None, 3)
    Account.objects.filter(pk__in=Account.objects.for_team(team_a)[:3]).update(
        name='Fjord & "Söner" <AS>'
    )
    # Their initiative today: the last contact is the customer's, today.
    theirs = Account.objects.for_team(team_a).order_by("pk")[5]
    ConversationFactory(
        team=team_a,
        account=theirs,
        occurred_at=dt.datetime.combine(TODAY, dt.time(10), tzinfo=dt.UTC),
        kind="call",
        initiated_by="customer",
    )
    before = engines["django"].from_string(ROW_BEFORE)
    seen: set[Any] = set()
    with translation.override(language):
        for day in (TODAY, TODAY + dt.timedelta(days=45)):
            rows = {r.account.pk: r for r in selectors.being_on(team_a, today=day)}
            new = views._being_on_rows_html(rows)
            assert list(new) == list(rows)
            for pk, row in rows.items():
                assert new[pk] == before.render({"r": row})
                # Safe, as the partial's output was: the list's partial prints it as is.
                assert isinstance(new[pk], SafeString)
                a = row.assessment
                seen.add(a.alerts[0].code if a.alerts else None)
                seen.add(("count", bool(a.alerts and a.alerts[0].count)))
                seen.add(("theirs", a.last_contact_theirs, a.last_contact == TODAY))
                seen.add(("never", a.days_since_our_contact is None))
                seen.add(("revenue", row.revenue is None, row.currency == row.team_currency))
                seen.add(("rate", row.at_risk_team is None))
    assert {"going_dark", "never_contacted", None} <= seen
    assert len(seen - {"going_dark", "never_contacted", None}) >= 1  # another alert
    assert {("count", True), ("count", False), ("never", True), ("never", False)} <= seen
    assert {("theirs", True, True), ("theirs", True, False), ("theirs", False, False)} <= seen
    assert {("revenue", True, False), ("revenue", False, True), ("revenue", False, False)} <= seen
    assert {("rate", True), ("rate", False)} <= seen
    assert "&amp; &quot;Söner&quot; &lt;AS&gt;" in "".join(new.values())
    # Another team's rows are not built from this team's.
    assert not set(new) & set(Account.objects.for_team(team_b).values_list("pk", flat=True))
