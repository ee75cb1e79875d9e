"""Geometry for the insight page's horizontal bar charts, rendered as inline SVG by
``chart_html`` (no JavaScript library)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from fasit.buying.selectors import CategoryInsight

LABEL_WIDTH = 200
BAR_AREA = 320
ROW_HEIGHT = 26
BAR_HEIGHT = 16


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    y: int
    width: float
    # An optional second, darker part drawn from the left (e.g. stalled of all).
    part: float = 0.0
    # Optional whisker (spread) from low to high, in x coordinates of the bar area.
    low: float | None = None
    high: float | None = None
    muted: bool = False

    @property
    def bar_y(self) -> int:
        return self.y + (ROW_HEIGHT - BAR_HEIGHT) // 2

    @property
    def text_y(self) -> int:
        return self.y + ROW_HEIGHT // 2 + 5

    @property
    def whisker_y(self) -> int:
        return self.y + ROW_HEIGHT // 2

    @property
    def low_x(self) -> float:
        return LABEL_WIDTH + (self.low or 0.0)

    @property
    def high_x(self) -> float:
        return LABEL_WIDTH + (self.high or 0.0)

    @property
    def text_x(self) -> float:
        return LABEL_WIDTH + max(self.width, self.high or 0.0) + 6


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    bars: list[Bar] = field(default_factory=list)
    label_width: int = LABEL_WIDTH
    bar_area: int = BAR_AREA

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * ROW_HEIGHT + 4

    @property
    def width(self) -> int:
        return self.label_width + self.bar_area + 90

    @property
    def bar_x(self) -> int:
        return self.label_width

    @property
    def label_x(self) -> int:
        return self.label_width - 8

    @property
    def bar_height(self) -> int:
        return BAR_HEIGHT

    @property
    def html(self) -> SafeString:
        return chart_html(self)


def _scale(value: float, top: float) -> float:
    return round(BAR_AREA * value / top, 1) if top else 0.0


def insight_charts(insight: CategoryInsight) -> list[Chart]:
    stages = insight.stages
    top_days = max(
        [s.norm.p75 or s.norm.median_days for s in stages] + [s.norm.median_days for s in stages],
        default=0,
    )
    durations = Chart(
        title=_("Days in each stage"),
        description=_(
            "Median days before buyers move on; the line shows the middle half (25th to "
            "75th percentile). Grey bars: too little history, the template's typical days."
        ),
        bars=[
            Bar(
                label=s.name,
                value=s.norm.median_days,
                text=_("%(days)s d (n=%(n)s)")
                % {"days": round(s.norm.median_days), "n": s.norm.samples},
                y=i * ROW_HEIGHT,
                width=_scale(s.norm.median_days, top_days),
                low=_scale(s.norm.p25, top_days) if s.norm.p25 is not None else None,
                high=_scale(s.norm.p75, top_days) if s.norm.p75 is not None else None,
                muted=not s.norm.from_history,
            )
            for i, s in enumerate(stages)
        ],
    )
    top_now = max([s.here_now for s in stages], default=0)
    now = Chart(
        title=_("Where buyers are now, and where they stall"),
        description=_(
            "Open journeys in each stage; the dark part has been there longer than 1.5 "
            "times the median."
        ),
        bars=[
            Bar(
                label=s.name,
                value=s.here_now,
                text=_("%(now)s (%(stalled)s stalled)")
                % {"now": s.here_now, "stalled": s.stalled_now}
                if s.stalled_now
                else str(s.here_now),
                y=i * ROW_HEIGHT,
                width=_scale(s.here_now, top_now),
                part=_scale(s.stalled_now, top_now),
            )
            for i, s in enumerate(stages)
        ],
    )
    moved = Chart(
        title=_("How many move on"),
        description=_(
            "Of the buyers who entered each stage, the share that moved to another stage."
        ),
        bars=[
            Bar(
                label=s.name,
                value=(s.move_on_rate or 0) * 100,
                text=(
                    _("%(rate)s%% of %(n)s")
                    % {"rate": round((s.move_on_rate or 0) * 100), "n": s.entered}
                    if s.entered
                    else "–"
                ),
                y=i * ROW_HEIGHT,
                width=_scale((s.move_on_rate or 0) * 100, 100),
                muted=s.entered == 0,
            )
            for i, s in enumerate(stages)
        ],
    )
    return [durations, now, moved]


def _number(value: float) -> str:
    # As the template wrote it inside {% localize off %}.
    return localize(value, use_l10n=False)


def chart_html(chart: Chart) -> SafeString:
    """The chart's figure with its inline SVG: the text ``buying/_bar_chart.html``
    rendered (test_charts keeps that template and compares). Written here because the
    template's ~15 lookups and filters per bar were a quarter of the insight page's
    first request (scale 100: 9 charts, ~80 bars)."""
    title = escape(chart.title)
    width = _number(chart.width)
    label_x, bar_x, bar_height = _number(chart.label_x), _number(chart.bar_x), _number(BAR_HEIGHT)
    parts = [
        '<figure class="chart" style="margin:0 0 1rem">\n'
        f'  <figcaption><strong>{title}</strong><br><span class="small muted">'
        f"{escape(chart.description)}</span></figcaption>\n"
        "  \n"
        f'  <div class="chart-scroll" tabindex="0"><svg role="img" aria-label="{title}" '
        f'viewBox="0 0 {width} {_number(chart.height)}" width="100%" '
        f'style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg">\n    '
    ]
    for bar in chart.bars:
        bar_y, text_y, text = _number(bar.bar_y), _number(bar.text_y), escape(bar.text)
        muted = " muted" if bar.muted else ""
        parts.append(
            f'\n    <text x="{label_x}" y="{text_y}" text-anchor="end">'
            f"{escape(Truncator(bar.label).chars(30))}</text>\n"
            f'    <rect class="bar{muted}" x="{bar_x}" y="{bar_y}" width="{_number(bar.width)}" '
            f'height="{bar_height}" rx="2"><title>{escape(bar.label)}: {text}</title></rect>\n    '
        )
        if bar.part:
            parts.append(
                f'<rect class="part" x="{bar_x}" y="{bar_y}" width="{_number(bar.part)}" '
                f'height="{bar_height}" rx="2"></rect>'
            )
        parts.append("\n    ")
        if bar.low is not None and bar.high is not None:
            whisker_y = _number(bar.whisker_y)
            parts.append(
                f'<line class="whisker" x1="{_number(bar.low_x)}" x2="{_number(bar.high_x)}" '
                f'y1="{whisker_y}" y2="{whisker_y}"></line>'
            )
        parts.append(f'\n    <text x="{_number(bar.text_x)}" y="{text_y}">{text}</text>\n    ')
    parts.append("\n  </svg></div>\n</figure>\n")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
