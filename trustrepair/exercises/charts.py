"""Tiny server-rendered SVG charts for a tool's own page (pure; no Django). Each chart is drawn next to
a table of the same numbers, so it is never the only way to read them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    width: int
    height: int
    points: str  # for <polyline points="...">
    dots: tuple[tuple[float, float, int], ...]  # (x, y, value) for each point


def line(values: list[int], *, top: int = 100, width: int = 320, height: int = 120, pad: int = 10) -> Line:
    """Values 0..top as a line from left to right, evenly spaced; a single value is drawn in the middle."""
    n = len(values)
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    dots = []
    for i, value in enumerate(values):
        clamped = min(max(value, 0), top)
        x = pad + (inner_w * i / (n - 1) if n > 1 else inner_w / 2)
        y = pad + inner_h * (1 - clamped / top)
        dots.append((round(x, 1), round(y, 1), value))
    return Line(width=width, height=height, points=" ".join(f"{x},{y}" for x, y, _ in dots), dots=tuple(dots))
