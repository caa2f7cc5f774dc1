"""Small cells and cells derivable by subtraction are never shown (issue 14 item 7)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustrepair.outcomes.suppression import THRESHOLD, derivable, suppress, suppress_single


def test_a_small_practice_shows_nothing():
    row = suppress("GAD-7", 7, {"improved": 4, "unchanged": 2, "deteriorated": 1})
    assert row.total is None and set(row.cells.values()) == {None}


def test_one_small_cell_takes_the_next_smallest_with_it():
    row = suppress("GAD-7", 30, {"improved": 15, "unchanged": 12, "deteriorated": 3})
    assert row.cells == {"improved": 15, "unchanged": None, "deteriorated": None}
    assert not derivable(row)


def test_zero_is_a_small_cell_too():
    row = suppress("PHQ-9", 40, {"improved": 20, "unchanged": 20, "deteriorated": 0})
    assert row.cells["deteriorated"] is None
    assert list(row.cells.values()).count(None) == 2  # and one more, so the zero cannot be worked out


def test_large_cells_are_shown_with_their_share():
    row = suppress("PHQ-9", 40, {"improved": 20, "unchanged": 10, "deteriorated": 10})
    assert row.cells == {"improved": 20, "unchanged": 10, "deteriorated": 10}
    assert row.share("improved") == 0.5


def test_components_must_add_up():
    with pytest.raises(ValueError):
        suppress("x", 10, {"a": 3})


def test_a_single_count_below_ten_is_hidden():
    assert suppress_single(9) is None and suppress_single(10) == 10


@given(st.lists(st.integers(min_value=0, max_value=60), min_size=2, max_size=4))
def test_no_shown_cell_is_small_and_no_hidden_cell_is_derivable(parts):
    components = {f"c{i}": v for i, v in enumerate(parts)}
    row = suppress("row", sum(parts), components)
    shown = [v for v in row.cells.values() if v is not None]
    assert all(v >= THRESHOLD for v in shown)
    assert row.total is None or row.total >= THRESHOLD
    assert not derivable(row)
    if row.total is None:
        assert shown == []
