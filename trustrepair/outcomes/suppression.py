"""Small-cell suppression for de-identified tables (issue 14, item 7). Pure Python, no Django.

A row is a total and the components that add up to it (e.g. clients measured = improved + no reliable change
+ deteriorated). Primary suppression hides any cell below the threshold (10), zero included. Complementary
suppression then makes sure no hidden cell can be recovered by subtraction: if the total is hidden, every
component is hidden; if exactly one component is hidden while the total is shown, the next smallest shown
component is hidden too, so two unknowns share one equation. Rows are independent here: our tables never
show column totals (one client can count under several measures, so columns do not add up).
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 10


@dataclass(frozen=True)
class Row:
    label: str
    total: int | None  # None: suppressed
    cells: dict[str, int | None]  # component -> count, None when suppressed

    def share(self, key: str) -> float | None:
        value = self.cells.get(key)
        if value is None or not self.total:
            return None
        return value / self.total


def suppress(label: str, total: int, components: dict[str, int], *, threshold: int = THRESHOLD) -> Row:
    """Suppress one additive row. `components` must add up to `total` (a ValueError otherwise)."""
    if sum(components.values()) != total:
        raise ValueError("the components must add up to the total")
    if total < threshold:
        return Row(label, None, dict.fromkeys(components))
    hidden = {key for key, value in components.items() if value < threshold}
    if len(hidden) == 1:
        shown = sorted((value, key) for key, value in components.items() if key not in hidden)
        if shown:
            hidden.add(shown[0][1])
    return Row(label, total, {key: (None if key in hidden else value) for key, value in components.items()})


def suppress_single(value: int, *, threshold: int = THRESHOLD) -> int | None:
    """A count that is part of no additive row (e.g. clients in care this month)."""
    return None if value < threshold else value


def derivable(row: Row) -> bool:
    """Could any hidden component be worked out from the shown cells? (For tests and the page's own check.)"""
    hidden = [k for k, v in row.cells.items() if v is None]
    if row.total is None:
        return False
    return len(hidden) == 1
