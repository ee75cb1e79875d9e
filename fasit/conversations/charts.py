"""Line charts as inline SVG geometry, computed on the server (no JS library): the
template draws what this module measures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from fasit.core.formatting import format_month

WIDTH = 520
HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 28


@dataclass
class Series:
    name: str
    values: Sequence[float | None]
    css: str = "series-a"


@dataclass
class Dot:
    x: float
    y: float
    title: str


@dataclass
class DrawnSeries:
    name: str
    css: str
    path: str
    dots: list[Dot]


@dataclass
class Reference:
    y: float
    label: str
    css: str


@dataclass
class LineChart:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    series: list[DrawnSeries]
    y_ticks: list[tuple[float, str]]
    x_labels: list[tuple[float, dt.date]]
    references: list[Reference] = field(default_factory=list)
    band: tuple[float, float, str] | None = None
    """y of its top, its height, and its label."""

    @property
    def plot_width(self) -> float:
        return self.right - self.left

    @property
    def empty(self) -> bool:
        return not any(s.dots for s in self.series)


def _nice_max(value: float) -> float:
    for scale in (0.01, 0.1, 1, 10, 100, 1000, 10000):
        for step in (1, 2, 2.5, 5):
            if step * scale >= value:
                return step * scale
    return value


def line_chart(
    months: Sequence[dt.date],
    series: Sequence[Series],
    *,
    fmt: Callable[[float], str],
    y_max: float | None = None,
    references: Sequence[tuple[float, str, str]] = (),
    band: tuple[float, float, str] | None = None,
) -> LineChart:
    """One point per month; a month without a value breaks its line."""
    values = [v for s in series for v in s.values if v is not None]
    refs = [r[0] for r in references] + ([band[1]] if band else [])
    top_value = y_max or _nice_max(max([*values, *refs, 0.0]) * 1.1 or 1.0)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(i: int) -> float:
        return round(LEFT + (plot_w * (i + 0.5) / len(months) if months else 0), 1)

    def y_of(v: float) -> float:
        return round(TOP + plot_h * (1 - min(v, top_value) / top_value), 1)

    drawn = []
    for s in series:
        parts, dots, pen_down = [], [], False
        for i, (month, value) in enumerate(zip(months, s.values, strict=True)):
            if value is None:
                pen_down = False
                continue
            x, y = x_of(i), y_of(value)
            parts.append(f"{'L' if pen_down else 'M'}{x} {y}")
            pen_down = True
            dots.append(Dot(x, y, f"{format_month(month)}: {fmt(value)}"))
        drawn.append(DrawnSeries(s.name, s.css, " ".join(parts), dots))
    chart = LineChart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        series=drawn,
        y_ticks=[(y_of(top_value * k / 4), fmt(top_value * k / 4)) for k in range(5)],
        x_labels=[(x_of(i), m) for i, m in enumerate(months)],
        references=[Reference(y_of(v), label, css) for v, label, css in references],
    )
    if band is not None:
        low, high, label = band
        chart.band = (y_of(high), round(y_of(low) - y_of(high), 1), label)
    return chart
