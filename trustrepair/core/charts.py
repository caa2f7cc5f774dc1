"""The one chart module (issue 11, item 7): server-rendered SVG, each chart with a <title>, a <desc> and the
table or list of its numbers beside it. Pure: no Django. Counts get integer axes.

- `bar_chart`, `line_chart`: the insights page (program/insights.py): series over weeks, with a sentence.
- `history_chart`: one questionnaire's scores over time (measures), with the reliable-change band and cut-off.
- `sparkline`: a small line for a tool's own page (exercises), e.g. how strongly a belief is held.


    chart = bar_chart(key="urges", title="Urges per week", labels=["3 Nov", ...],
                      series=[Series("Rode out", (3, 4, ...)), Series("Acted on", (2, 1, ...))],
                      sentence="You rode out more urges than a month ago.")
    chart.svg        # markup, every text escaped; safe to insert as HTML
    chart.columns    # ["", "Rode out", "Acted on"]
    chart.rows       # [["3 Nov", "3", "2"], ...]

Colours come from CSS classes (`series-0`, `series-1`, …, `chart-axis`, `chart-label`), never inline
styles, so the strict CSP holds and both colour schemes work. The SVG has role="img" and a <title> and
<desc>; the table beside it carries the numbers for screen readers and for print.
"""

import math
from dataclasses import dataclass
from html import escape

WIDTH = 640
HEIGHT = 260
MARGIN_LEFT = 44
MARGIN_RIGHT = 12
MARGIN_TOP = 12
MARGIN_BOTTOM = 52
MAX_X_LABELS = 12


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    sentence: str
    svg: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    series_names: tuple[str, ...]
    is_empty: bool


def nice_max(value: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is at least `value` (and at least 1)."""
    if value <= 1:
        return 1
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return candidate
    return 10 ** (exponent + 1)  # pragma: no cover - the loop always returns


def _fmt(value: float | None) -> str:
    if value is None:
        return "–"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def _table(labels, series) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    columns = ("", *(s.name for s in series))
    rows = tuple((str(label), *(_fmt(s.values[i]) for s in series)) for i, label in enumerate(labels))
    return columns, rows


def _check(labels, series) -> None:
    if not series:
        raise ValueError("A chart needs at least one series.")
    for s in series:
        if len(s.values) != len(labels):
            raise ValueError(f"Series {s.name!r} has {len(s.values)} values for {len(labels)} labels.")
        if any(v is not None and (v < 0 or math.isnan(v) or math.isinf(v)) for v in s.values):
            raise ValueError(f"Series {s.name!r} has a negative or non-finite value.")


def _legend(names: list[str]) -> str:
    """Swatches under the plot when there is more than one series (aria-hidden: the table names them)."""
    if len(names) < 2:
        return ""
    parts, x, y = ['<g aria-hidden="true">'], MARGIN_LEFT, HEIGHT - 10
    for n, name in enumerate(names):
        parts.append(f'<rect class="series-{n % 3}" x="{x}" y="{y - 10}" width="12" height="12"/>')
        parts.append(f'<text class="chart-label" x="{x + 17}" y="{y}">{escape(name)}</text>')
        x += 40 + 7 * len(name)
    parts.append("</g>")
    return "".join(parts)


def _frame(key: str, title: str, sentence: str, top: float, labels, *, body: str, unit: str, legend: str = "") -> str:
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    base = MARGIN_TOP + plot_h
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{key}-title {key}-desc" class="chart-svg">',
        f'<title id="{key}-title">{escape(title)}</title>',
        f'<desc id="{key}-desc">{escape(sentence)} The numbers are in the table below.</desc>',
    ]
    # Axis labels are whole numbers: counts are never drawn as 2.5 of something.
    for fraction in (0, 0.5, 1) if float(top * 0.5).is_integer() else (0, 1):
        y = base - fraction * plot_h
        parts.append(
            f'<line class="chart-axis" x1="{MARGIN_LEFT}" y1="{y:.1f}" x2="{WIDTH - MARGIN_RIGHT}" y2="{y:.1f}" '
            f'stroke-width="{1 if fraction == 0 else 0.5}"/>'
        )
        parts.append(
            f'<text class="chart-label" x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(_fmt(top * fraction))}{escape(unit)}</text>"
        )
    count = len(labels)
    every = max(1, math.ceil(count / MAX_X_LABELS))
    slot = plot_w / count if count else plot_w
    for i, label in enumerate(labels):
        if i % every:
            continue
        x = MARGIN_LEFT + slot * (i + 0.5)
        parts.append(
            f'<text class="chart-label" x="{x:.1f}" y="{base + 18}" text-anchor="middle">{escape(str(label))}</text>'
        )
    parts.append(body)
    parts.append(legend)
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    *,
    key: str,
    title: str,
    labels,
    series: list[Series],
    sentence: str,
    stacked: bool = False,
    unit: str = "",
    y_max: float | None = None,
) -> Chart:
    """Bars per label: side by side (grouped) or one on top of another (stacked)."""
    labels = list(labels)
    _check(labels, series)
    values = [[v or 0 for v in s.values] for s in series]
    if stacked:
        highest = max((sum(col) for col in zip(*values, strict=True)), default=0)
    else:
        highest = max((max(v, default=0) for v in values), default=0)
    top = y_max if y_max is not None else nice_max(highest)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    base = MARGIN_TOP + plot_h
    slot = plot_w / len(labels) if labels else plot_w
    inner = slot * 0.8
    bars = []
    for i in range(len(labels)):
        x0 = MARGIN_LEFT + slot * i + (slot - inner) / 2
        stack = 0.0
        for n, s in enumerate(series):
            v = min(values[n][i], top)
            h = plot_h * v / top if top else 0
            if v > 0:
                h = max(h, 1.0)  # a small count still shows as a sliver, not as nothing
            if stacked:
                x, w = x0, inner
                y = min(base - plot_h * min(stack + v, top) / top, base - h)
                stack += v
            else:
                w = inner / len(series)
                x, y = x0 + w * n, base - h
            if h > 0:
                bars.append(
                    f'<rect class="series-{n % 3}" x="{x:.1f}" y="{y:.1f}" width="{max(w - 1, 1):.1f}" '
                    f'height="{h:.1f}"><title>{escape(str(labels[i]))}, {escape(s.name)}: '
                    f"{escape(_fmt(s.values[i]))}</title></rect>"
                )
    empty = not any(v for s in series for v in s.values)
    return _chart(key, title, sentence, top, labels, series, body="".join(bars), unit=unit, is_empty=empty)


def line_chart(
    *,
    key: str,
    title: str,
    labels,
    series: list[Series],
    sentence: str,
    unit: str = "",
    y_max: float | None = None,
) -> Chart:
    """One line per series; a None value leaves a gap (the line resumes at the next known value)."""
    labels = list(labels)
    _check(labels, series)
    highest = max((v for s in series for v in s.values if v is not None), default=0)
    top = y_max if y_max is not None else nice_max(highest)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    base = MARGIN_TOP + plot_h
    slot = plot_w / len(labels) if labels else plot_w
    body = []
    for n, s in enumerate(series):
        points = [
            (MARGIN_LEFT + slot * (i + 0.5), base - plot_h * min(v, top) / top if top else base, i)
            for i, v in enumerate(s.values)
            if v is not None
        ]
        if len(points) > 1:
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
            body.append(f'<polyline class="line series-{n % 3}" points="{coords}"/>')
        for x, y, i in points:
            body.append(
                f'<circle class="series-{n % 3}" cx="{x:.1f}" cy="{y:.1f}" r="4"><title>{escape(str(labels[i]))}, '
                f"{escape(s.name)}: {escape(_fmt(s.values[i]))}</title></circle>"
            )
    empty = not any(v is not None for s in series for v in s.values)
    return _chart(key, title, sentence, top, labels, series, body="".join(body), unit=unit, is_empty=empty)


def _chart(key, title, sentence, top, labels, series, *, body: str, unit: str, is_empty: bool) -> Chart:
    """The drawn body in its frame (axes, legend), with the same figures as a table for screen readers."""
    columns, rows = _table(labels, series)
    legend = _legend([x.name for x in series])
    return Chart(
        key=key,
        title=title,
        sentence=sentence,
        svg=_frame(key, title, sentence, top, labels, body=body, unit=unit, legend=legend),
        columns=columns,
        rows=rows,
        series_names=tuple(x.name for x in series),
        is_empty=is_empty,
    )


# --- history_chart: one questionnaire over time (was measures/charts.py) ---
H_WIDTH, H_HEIGHT = 640, 260
H_LEFT, H_RIGHT, H_TOP, H_BOTTOM = 48, 16, 16, 40


@dataclass(frozen=True)
class Point:
    label: str  # e.g. "3 Nov"
    value: float


def _fmt_score(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}"


def history_chart(
    points: list[Point],
    *,
    y_min: float,
    y_max: float,
    title: str,
    description: str,
    band: tuple[float, float] | None = None,
    cutoff: float | None = None,
    chart_id: str = "chart",
) -> str:
    """An SVG string. `band` (low, high) is shaded: the range around the baseline inside which a
    change is not reliable. `cutoff` draws a dashed line at a published clinical cut-off."""
    span = (y_max - y_min) or 1
    plot_w, plot_h = H_WIDTH - H_LEFT - H_RIGHT, H_HEIGHT - H_TOP - H_BOTTOM

    def y(value: float) -> float:
        value = min(max(value, y_min), y_max)
        return round(H_TOP + plot_h * (1 - (value - y_min) / span), 1)

    def x(index: int) -> float:
        if len(points) == 1:
            return H_LEFT + plot_w / 2
        return round(H_LEFT + plot_w * index / (len(points) - 1), 1)

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="measure-chart" viewBox="0 0 {H_WIDTH} {H_HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    if band is not None:
        top, bottom = y(band[1]), y(band[0])
        parts.append(
            f'<rect class="chart-band" x="{H_LEFT}" y="{top}" width="{plot_w}" height="{round(bottom - top, 1)}"/>'
        )
    for tick in _score_ticks(y_min, y_max):
        parts.append(f'<line class="chart-grid" x1="{H_LEFT}" x2="{H_WIDTH - H_RIGHT}" y1="{y(tick)}" y2="{y(tick)}"/>')
        parts.append(
            f'<text class="chart-label" x="{H_LEFT - 6}" y="{y(tick) + 4}" text-anchor="end">{_fmt_score(tick)}</text>'
        )
    if cutoff is not None and y_min <= cutoff <= y_max:
        parts.append(
            f'<line class="chart-cutoff" x1="{H_LEFT}" x2="{H_WIDTH - H_RIGHT}" y1="{y(cutoff)}" y2="{y(cutoff)}"/>'
        )
    if points:
        path = " ".join(f"{x(i)},{y(p.value)}" for i, p in enumerate(points))
        parts.append(f'<polyline class="chart-line" points="{path}"/>')
        step = max(1, len(points) // 8)
        for i, p in enumerate(points):
            parts.append(f'<circle class="chart-point" cx="{x(i)}" cy="{y(p.value)}" r="4"/>')
            if i % step == 0 or i == len(points) - 1:
                label = escape(p.label)
                parts.append(
                    f'<text class="chart-label" x="{x(i)}" y="{H_HEIGHT - 12}" text-anchor="middle">{label}</text>'
                )
    parts.append("</svg>")
    return "".join(parts)


def _score_ticks(low: float, high: float) -> list[float]:
    span = high - low
    if span <= 0:
        return [low]
    for step in (1, 2, 5, 10, 20, 50):
        if span / step <= 6:
            break
    first = step * -(-low // step)  # ceil to a multiple of step
    ticks, value = [], first
    while value <= high:
        ticks.append(value)
        value += step
    return ticks


# --- sparkline: a tool's own small line (was exercises/charts.py) ---
@dataclass(frozen=True)
class Sparkline:
    width: int
    height: int
    points: str  # for <polyline points="...">
    dots: tuple[tuple[float, float, int], ...]  # (x, y, value) for each point


def sparkline(values: list[int], *, top: int = 100, width: int = 320, height: int = 120, pad: int = 10) -> Sparkline:
    """Values 0..top as a line from left to right, evenly spaced; a single value is drawn in the middle."""
    n = len(values)
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    dots = []
    for i, value in enumerate(values):
        clamped = min(max(value, 0), top)
        x = pad + (inner_w * i / (n - 1) if n > 1 else inner_w / 2)
        y = pad + inner_h * (1 - clamped / top)
        dots.append((round(x, 1), round(y, 1), value))
    return Sparkline(width=width, height=height, points=" ".join(f"{x},{y}" for x, y, _ in dots), dots=tuple(dots))
