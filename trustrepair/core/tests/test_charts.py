"""The SVG chart helpers: valid, accessible markup with every value in the table beside it."""

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustrepair.core.charts import Series, bar_chart, line_chart, nice_max

SVG = "{http://www.w3.org/2000/svg}"
values = st.lists(st.one_of(st.none(), st.integers(0, 10_000)), min_size=1, max_size=60)
labels_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)


def parse(svg):
    return ET.fromstring(svg)  # noqa: S314 - markup we generated ourselves


@settings(deadline=None)  # drawing 60 bars can pass 200 ms on a loaded CI machine
@given(values, st.booleans(), labels_text)
def test_bar_charts_are_well_formed_and_stay_inside_the_plot(vals, stacked, name):
    labels = [f"w{i}" for i in range(len(vals))]
    chart = bar_chart(
        key="k",
        title="T <&>",
        labels=labels,
        series=[Series(name, tuple(vals)), Series("b", tuple(vals))],
        sentence="S",
        stacked=stacked,
    )
    root = parse(chart.svg)
    assert root.get("role") == "img"
    for rect in root.iter(f"{SVG}rect"):
        assert float(rect.get("height")) > 0
        assert 0 <= float(rect.get("y")) <= 260
    assert len(chart.rows) == len(labels)
    assert chart.columns == ("", name, "b")


@settings(deadline=None)
@given(values)
def test_line_charts_are_well_formed_and_leave_gaps_for_missing_values(vals):
    labels = [str(i) for i in range(len(vals))]
    chart = line_chart(key="k", title="T", labels=labels, series=[Series("s", tuple(vals))], sentence="S")
    root = parse(chart.svg)
    assert len(list(root.iter(f"{SVG}circle"))) == sum(v is not None for v in vals)
    assert chart.is_empty == all(v is None for v in vals)


def test_text_in_a_chart_is_escaped():
    chart = bar_chart(key="k", title="<script>", labels=["<b>"], series=[Series("<i>", (1,))], sentence="&")
    assert "<script>" not in chart.svg and "&lt;script&gt;" in chart.svg
    parse(chart.svg)


def test_the_table_carries_every_number():
    chart = bar_chart(key="k", title="T", labels=["Mon", "Tue"], series=[Series("A", (3, None))], sentence="S")
    assert chart.rows == (("Mon", "3"), ("Tue", "–"))


def test_a_series_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError, match="2 values for 3 labels"):
        bar_chart(key="k", title="T", labels=["a", "b", "c"], series=[Series("A", (1, 2))], sentence="S")


def test_negative_values_are_refused():
    with pytest.raises(ValueError, match="negative"):
        line_chart(key="k", title="T", labels=["a"], series=[Series("A", (-1,))], sentence="S")


@given(st.floats(0, 1e9))
def test_nice_max_is_at_least_the_value_and_a_round_number(value):
    top = nice_max(value)
    assert top >= value and top >= 1
    mantissa = top / 10 ** len(str(int(top)).rstrip("0")[1:] or "")
    assert str(int(top)).rstrip("0") in {"1", "2", "5"}
    assert mantissa > 0


@pytest.mark.parametrize("highest", [1, 3, 5, 7])
def test_count_axes_show_whole_numbers_only(highest):
    chart = bar_chart(key="k", title="T", labels=["a", "b"], series=[Series("A", (highest, 0))], sentence="S")
    labels = re.findall(r'text-anchor="end">([^<]*)<', chart.svg)
    assert labels and all(label.isdigit() for label in labels), labels
