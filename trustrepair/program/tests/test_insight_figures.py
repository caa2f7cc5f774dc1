"""Figures and sentences for the insights page, checked against worked examples."""

import datetime

from trustrepair.program import insight_figures as f

TODAY = datetime.date(2026, 11, 24)  # a Tuesday


def test_weeks_end_with_this_week_starting_monday():
    weeks = f.last_weeks(TODAY, 3)
    assert weeks == [datetime.date(2026, 11, 9), datetime.date(2026, 11, 16), datetime.date(2026, 11, 23)]


def test_months_cross_the_year_boundary():
    assert f.last_months(datetime.date(2026, 2, 3), 3) == [(2025, 12), (2026, 1), (2026, 2)]


def test_urges_are_counted_in_their_week_and_old_ones_ignored():
    urges = [(TODAY, "rode_out"), (TODAY, "acted_on"), (TODAY - datetime.timedelta(days=7), "rode_out")]
    urges.append((TODAY - datetime.timedelta(days=400), "acted_on"))
    data = f.urges_by_week(urges, TODAY)
    assert (data.rode_out[-1], data.acted_on[-1], data.rode_out[-2]) == (1, 1, 1)
    assert sum(data.acted_on) == 1


def test_the_urge_sentence_compares_the_last_four_weeks_with_the_four_before():
    data = f.UrgeWeeks(
        weeks=[], rode_out=[0] * 4 + [1, 1, 1, 1] + [3, 2, 2, 0], acted_on=[0] * 4 + [2, 2, 1, 1] + [1, 0, 1, 1]
    )
    assert f.urge_sentence(data) == (
        "In the last 4 weeks you rode out 7 of 10 urges (70%), compared with 4 of 10 (40%) in the 4 weeks before."
    )


def test_no_urges_is_said_plainly_without_blame():
    assert f.urge_sentence(f.UrgeWeeks(weeks=[], rode_out=[0] * 12, acted_on=[0] * 12)) == (
        "No urges logged in the last eight weeks."
    )


def test_belief_sentence_names_the_belief_that_moved_most():
    day = datetime.date(2026, 6, 1)
    months, lines = f.belief_lines([("People leave", [(day, 90), (TODAY, 40)]), ("Unrated", [])], TODAY)
    assert [line.name for line in lines] == ["People leave"]
    assert lines[0].values[-1] == 40 and lines[0].values[months.index((2026, 6))] == 90
    assert (
        f.belief_sentence(lines) == "“People leave” has moved down from 90 to 40 out of 100 since you first rated it."
    )


def test_context_sentence_reports_the_biggest_change():
    labels, earlier, recent = ["Partner", "Work"], [10, 2], [4, 3]
    assert f.context_sentence(labels, earlier, recent) == (
        "Triggers around partner changed most: 4 in the last 12 weeks, 6 fewer than the 12 weeks before (10)."
    )


def test_fear_sentence_uses_the_base_rate():
    rate = {"came_true": 1, "partly": 2, "did_not": 7, "known": 10}
    assert (
        f.fear_sentence(rate) == "Of 10 fears with a known outcome, 7 did not come true, 2 partly did and 1 came true."
    )


def test_ladder_sentence_compares_distress_before_and_after():
    assert f.ladder_sentence(5, 2, 50, 20) == (
        "You have climbed 2 of 5 rungs; on the rungs you tried, distress averaged 50 before and 20 after."
    )


def test_a_ladder_never_tried_says_so_without_averages():
    assert f.ladder_sentence(0, 0) == "No trust ladder yet."
    assert f.ladder_sentence(3, 0) == "You have climbed 0 of 3 rungs."


def test_aggregate_rows_are_placed_in_their_slots():
    weeks = f.last_weeks(TODAY, 3)
    rows = [{"week": weeks[2], "kept": 4}, {"week": datetime.date(2020, 1, 6), "kept": 9}]
    assert f.align(rows, weeks, "week", "kept") == [0, 0, 4]


def test_bricks_sentence_counts_this_month_and_last():
    assert f.bricks_sentence(40, 3, 12) == "Your wall has 40 bricks: 3 so far this month, and 12 last month."
    assert f.bricks_sentence(0, 0, 0) == "No bricks of evidence yet."


def test_promise_sentence_never_mentions_a_broken_streak():
    text = f.promises_sentence([0] * 8 + [1, 1, 0, 0], [0] * 8 + [1, 0, 0, 0])
    assert (
        text
        == "In the last 4 weeks you kept a promise to yourself on 2 of 3 check-ins, against 0 kept the 4 weeks before."
    )
    assert "streak" not in text.lower()


# ---- after which tools my own ratings were lower ---------------------------------------------------------
CAUSAL = ("works", "worked", "helps", "helped", "because", "caus", "effective", "reduc", "thanks to", "led to")


def test_a_tool_with_five_pairs_is_shown_with_its_count():
    pairs = {"ladder_step": [(60, 30), (50, 40), (40, 45), (70, 20), (30, 30)]}
    (line,) = f.lower_after(pairs)
    assert (line.tool, line.lower, line.total) == ("ladder_step", 3, 5)
    assert "3 of 5 times" in line.sentence  # equal is not lower


def test_a_tool_with_four_pairs_is_not_shown():
    assert f.lower_after({"thought_record": [(80, 40)] * 4, "journal_entry": [(5, 3)] * 4}) == []


def test_tools_with_most_pairs_come_first_and_unknown_tools_are_ignored():
    lines = f.lower_after({"journal_entry": [(5, 3)] * 5, "trigger_log": [(5, 6)] * 7, "breathing": [(9, 1)] * 9})
    assert [line.tool for line in lines] == ["trigger_log", "journal_entry"]
    assert lines[0].sentence == (
        "On the day after you logged a trigger or urge, your strongest urge was lower than on the day before "
        "0 of 7 times."
    )


def test_every_sentence_says_what_was_noticed_never_that_a_tool_works():
    tools = [*f.OWN_RATINGS, *f.DAY_AFTER]
    for line in f.lower_after({tool: [(5, 3)] * 6 for tool in tools}):
        assert "5 of 6" not in line.sentence and "6 of 6 times" in line.sentence
        assert not any(word in line.sentence.lower() for word in CAUSAL), line.sentence
    assert len(f.lower_after({tool: [(5, 3)] * 6 for tool in tools})) == len(tools)


def test_check_in_pairs_use_the_day_before_and_after_each_day_of_use_once():
    d = datetime.date
    ratings = {d(2026, 11, 1): 7, d(2026, 11, 3): 4, d(2026, 11, 4): 6, d(2026, 11, 5): 2}
    used = [d(2026, 11, 2), d(2026, 11, 2), d(2026, 11, 4), d(2026, 11, 5)]  # twice on the 2nd: one pair
    assert f.check_in_pairs(used, ratings) == [(7, 4), (4, 2)]  # the 5th has no check-in on the 6th


def test_a_thought_record_pair_averages_the_emotions_that_were_re_rated():
    assert f.average_pair([(80, 40), (60, None), (70, 30)]) == (75, 35)
    assert f.average_pair([(80, None)]) is None
