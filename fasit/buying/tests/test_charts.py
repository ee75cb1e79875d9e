"""``chart_html`` writes what the ``buying/_bar_chart.html`` template it replaced
rendered, byte for byte: the demo's charts in four languages and odd bars."""

from __future__ import annotations

from typing import Any

from django.template import Context, Template
from django.utils import translation

from fasit.buying import charts, selectors
from fasit.core.demo.generator import seed_demo

# The template as it was (buying/_bar_chart.html before chart_html).
OLD_TEMPLATE = """\
{% load l10n %}<figure class="chart" style="margin:0 0 1rem">
  <figcaption><strong>{{ chart.title }}</strong><br><span class="small muted">{{ chart.description }}</span></figcaption>
  {# Scaled to its column but never narrower than .chart-scroll's minimum (fasit.css), so labels stay readable; a narrower screen scrolls the chart sideways. #}
  <div class="chart-scroll" tabindex="0">{% localize off %}<svg role="img" aria-label="{{ chart.title }}" viewBox="0 0 {{ chart.width }} {{ chart.height }}" width="100%" style="max-width:{{ chart.width }}px" xmlns="http://www.w3.org/2000/svg">
    {% for bar in chart.bars %}
    <text x="{{ chart.label_x }}" y="{{ bar.text_y }}" text-anchor="end">{{ bar.label|truncatechars:30 }}</text>
    <rect class="bar{% if bar.muted %} muted{% endif %}" x="{{ chart.bar_x }}" y="{{ bar.bar_y }}" width="{{ bar.width }}" height="{{ chart.bar_height }}" rx="2"><title>{{ bar.label }}: {{ bar.text }}</title></rect>
    {% if bar.part %}<rect class="part" x="{{ chart.bar_x }}" y="{{ bar.bar_y }}" width="{{ bar.part }}" height="{{ chart.bar_height }}" rx="2"></rect>{% endif %}
    {% if bar.low is not None and bar.high is not None %}<line class="whisker" x1="{{ bar.low_x }}" x2="{{ bar.high_x }}" y1="{{ bar.whisker_y }}" y2="{{ bar.whisker_y }}"></line>{% endif %}
    <text x="{{ bar.text_x }}" y="{{ bar.text_y }}">{{ bar.text }}</text>
    {% endfor %}
  </svg>{% endlocalize %}</div>
</figure>
"""  # noqa: E501


def _old(chart: charts.Chart) -> str:
    return Template(OLD_TEMPLATE).render(Context({"chart": chart}))


def test_chart_html_is_the_old_template_text(db: Any) -> None:
    team = seed_demo(seed=3).team
    odd = charts.Chart(
        title="Odd <\"bars\"> & 'more'",
        description="Ærlig talt – ≠ 🚀 <b>",
        bars=[
            charts.Bar(
                label="A label much longer than thirty characters, <&>",
                value=1.0,
                text="1 & 2",
                y=0,
                width=0.1,
                part=0.05,
                low=0.0,
                high=320.0,
            ),
            charts.Bar(
                label="", value=0.0, text="–", y=26, width=0.0, muted=True, low=None, high=3.5
            ),
            charts.Bar(
                label="x" * 30,
                value=1e-7,
                text="",
                y=52,
                width=1e-7,
                part=1e20,
                low=2.25,
                high=1e-5,
            ),
        ],
    )
    empty = charts.Chart(title="", description="")
    for language in ("en", "sv", "nb", "da"):
        with translation.override(language):
            shown = [c for i in selectors.team_insight(team) for c in charts.insight_charts(i)]
            assert len(shown) >= 3
            for chart in [*shown, odd, empty]:
                assert charts.chart_html(chart) == _old(chart)
