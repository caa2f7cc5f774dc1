"""Server-rendered SVG line charts (no JavaScript), each with a title and description for screen
readers; the page always puts the same numbers in a data table beside the chart."""

from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


@dataclass(frozen=True)
class Point:
    label: str  # e.g. "3 Nov"
    value: float


def _fmt(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}"


def line_chart(
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
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        value = min(max(value, y_min), y_max)
        return round(TOP + plot_h * (1 - (value - y_min) / span), 1)

    def x(index: int) -> float:
        if len(points) == 1:
            return LEFT + plot_w / 2
        return round(LEFT + plot_w * index / (len(points) - 1), 1)

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="measure-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    if band is not None:
        top, bottom = y(band[1]), y(band[0])
        parts.append(
            f'<rect class="chart-band" x="{LEFT}" y="{top}" width="{plot_w}" height="{round(bottom - top, 1)}"/>'
        )
    for tick in _ticks(y_min, y_max):
        parts.append(f'<line class="chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick)}" y2="{y(tick)}"/>')
        parts.append(
            f'<text class="chart-label" x="{LEFT - 6}" y="{y(tick) + 4}" text-anchor="end">{_fmt(tick)}</text>'
        )
    if cutoff is not None and y_min <= cutoff <= y_max:
        parts.append(f'<line class="chart-cutoff" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(cutoff)}" y2="{y(cutoff)}"/>')
    if points:
        path = " ".join(f"{x(i)},{y(p.value)}" for i, p in enumerate(points))
        parts.append(f'<polyline class="chart-line" points="{path}"/>')
        step = max(1, len(points) // 8)
        for i, p in enumerate(points):
            parts.append(f'<circle class="chart-point" cx="{x(i)}" cy="{y(p.value)}" r="4"/>')
            if i % step == 0 or i == len(points) - 1:
                label = escape(p.label)
                parts.append(
                    f'<text class="chart-label" x="{x(i)}" y="{HEIGHT - 12}" text-anchor="middle">{label}</text>'
                )
    parts.append("</svg>")
    return "".join(parts)


def _ticks(low: float, high: float) -> list[float]:
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
