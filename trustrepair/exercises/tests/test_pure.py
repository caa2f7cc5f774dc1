"""The pure modules: promise runs, the fear base rate, script composition, the thinking-trap list."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from trustrepair.exercises import distortions, scripts, summaries

TODAY = datetime.date(2026, 11, 24)


def day(n):
    return TODAY - datetime.timedelta(days=n)


def test_a_run_counts_kept_days_ending_today():
    assert summaries.summarise([(day(2), True), (day(1), True), (day(0), True)], TODAY).current_run == 3


def test_a_run_still_counts_when_today_has_no_check_in_yet():
    result = summaries.summarise([(day(2), True), (day(1), True)], TODAY)
    assert result.current_run == 2 and result.checked_today is None


def test_not_today_ends_the_run_but_not_the_kept_days():
    result = summaries.summarise([(day(2), True), (day(1), True), (day(0), False)], TODAY)
    assert result.current_run == 0 and result.kept_recently == 2 and result.checked_today is False


def test_a_restart_after_a_missed_day_begins_a_new_run():
    result = summaries.summarise([(day(3), True), (day(2), False), (day(1), True), (day(0), True)], TODAY)
    assert result.current_run == 2


checkins = st.dictionaries(st.integers(0, 60), st.booleans()).map(lambda d: [(day(k), v) for k, v in d.items()])


@given(checkins)
def test_runs_and_counts_stay_within_what_was_kept(items):
    result = summaries.summarise(items, TODAY)
    kept = sum(1 for _, v in items if v)
    assert 0 <= result.current_run <= kept
    assert 0 <= result.kept_recently <= min(kept, result.window)


@given(checkins)
def test_check_ins_in_the_future_are_ignored(items):
    future = [(TODAY + datetime.timedelta(days=5), True)]
    assert summaries.summarise(items + future, TODAY) == summaries.summarise(items, TODAY)


def test_the_base_rate_counts_partly_as_half():
    rate = summaries.base_rate(["came_true", "partly", "did_not", "did_not", "pending"])
    assert rate["known"] == 4 and rate["pending"] == 1 and rate["rate"] == 0.375 and rate["percent"] == 38


def test_no_known_outcomes_gives_no_rate():
    assert summaries.base_rate(["pending"])["rate"] is None


@given(st.lists(st.sampled_from(["came_true", "partly", "did_not", "pending"])))
def test_the_base_rate_is_a_proportion(outcomes):
    rate = summaries.base_rate(outcomes)
    assert rate["known"] + rate["pending"] == len(outcomes)
    assert rate["rate"] is None or 0 <= rate["rate"] <= 1


def test_a_script_reads_as_the_person_would_say_it():
    text = scripts.compose(
        feeling="insecure", because="past experiences", not_responsible="that", need="some reassurance."
    )
    assert text == (
        "I'm feeling insecure because of past experiences. You are not responsible for that. I need some reassurance."
    )


def test_a_half_written_script_still_previews():
    assert scripts.compose(feeling="", because="", not_responsible="", need="a hug") == "I need a hug."
    assert scripts.compose(feeling="scared", because="", not_responsible="", need="") == "I'm feeling scared."


@given(st.text(), st.text(), st.text(), st.text())
def test_composing_never_fails_and_keeps_the_words(feeling, because, not_responsible, need):
    text = scripts.compose(feeling=feeling, because=because, not_responsible=not_responsible, need=need)
    for part in (feeling, need):
        words = " ".join(part.split()).rstrip(".!;, ")
        if words:
            assert words in text


def test_built_in_thinking_traps_have_unique_slugs_and_plain_explanations():
    slugs = [d.slug for d in distortions.BUILT_IN]
    assert len(slugs) == len(set(slugs)) >= 10
    assert all(d.explanation.endswith((".", "”", "”.")) for d in distortions.BUILT_IN)
    assert [d.slug for d in distortions.named(["past_as_present", "unknown", "mind_reading"])] == [
        "mind_reading",
        "past_as_present",
    ]


def test_a_line_chart_puts_high_values_near_the_top_and_spreads_points_evenly():
    from trustrepair.core import charts

    chart = charts.sparkline([100, 50, 0], width=120, height=120, pad=10)
    assert [d[:2] for d in chart.dots] == [(10.0, 10.0), (60.0, 60.0), (110.0, 110.0)]
    assert chart.points == "10.0,10.0 60.0,60.0 110.0,110.0"


@given(st.lists(st.integers(-50, 150), min_size=1, max_size=60))
def test_every_point_stays_inside_the_chart(values):
    from trustrepair.core import charts

    chart = charts.sparkline(values)
    assert all(0 <= x <= chart.width and 0 <= y <= chart.height for x, y, _ in chart.dots)
