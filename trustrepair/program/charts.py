"""Server-rendered SVG charts, each with the table of its numbers. Pure: no Django, usable by any app.

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
    for fraction in (0, 0.5, 1):
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
    columns, rows = _table(labels, series)
    return Chart(
        key=key,
        title=title,
        sentence=sentence,
        svg=_frame(
            key, title, sentence, top, labels, body="".join(bars), unit=unit, legend=_legend([x.name for x in series])
        ),
        columns=columns,
        rows=rows,
        series_names=tuple(s.name for s in series),
        is_empty=not any(v for s in series for v in s.values),
    )


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
    columns, rows = _table(labels, series)
    return Chart(
        key=key,
        title=title,
        sentence=sentence,
        svg=_frame(
            key, title, sentence, top, labels, body="".join(body), unit=unit, legend=_legend([x.name for x in series])
        ),
        columns=columns,
        rows=rows,
        series_names=tuple(s.name for s in series),
        is_empty=not any(v is not None for s in series for v in s.values),
    )
