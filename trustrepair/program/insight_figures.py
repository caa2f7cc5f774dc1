"""The numbers behind the insights page, and the one plain sentence for each. Pure: no Django.

Every function takes plain values (dates, choices, numbers) that the insights selector has already read,
so each figure can be tested exactly. Sentences describe what changed, in neutral words: they never
count days in a row, never scold a gap, and treat using the tools less as perfectly fine.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

WEEKS = 12
MONTHS = 12
RECENT_WEEKS = 4


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def last_weeks(today: datetime.date, count: int = WEEKS) -> list[datetime.date]:
    """The Mondays of the last `count` weeks, oldest first, ending with this week."""
    this_week = week_start(today)
    return [this_week - datetime.timedelta(weeks=n) for n in range(count - 1, -1, -1)]


def last_months(today: datetime.date, count: int = MONTHS) -> list[tuple[int, int]]:
    """(year, month) of the last `count` months, oldest first, ending with this month."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def week_label(monday: datetime.date) -> str:
    return f"{monday.day} {monday:%b}"


def month_label(year_month: tuple[int, int]) -> str:
    return datetime.date(year_month[0], year_month[1], 1).strftime("%b")


def _share(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def align(rows: Iterable[dict], slots: list, key: str, field: str) -> list[int]:
    """Counts from aggregate rows ({key: a week or month start, field: n}) placed in `slots`, 0 where absent."""
    found = {row[key]: row[field] for row in rows}
    return [found.get(slot, 0) for slot in slots]


def month_starts(today: datetime.date, count: int = MONTHS) -> list[datetime.date]:
    return [datetime.date(year, month, 1) for year, month in last_months(today, count)]


# ---- urges ridden out vs acted on, per week -------------------------------------------------------
@dataclass(frozen=True)
class UrgeWeeks:
    weeks: list[datetime.date]
    rode_out: list[int]
    acted_on: list[int]


def urges_by_week(urges: Iterable[tuple[datetime.date, str]], today: datetime.date, weeks: int = WEEKS) -> UrgeWeeks:
    """`urges` are (local date, "rode_out" | "acted_on") pairs."""
    mondays = last_weeks(today, weeks)
    index = {m: i for i, m in enumerate(mondays)}
    rode, acted = [0] * weeks, [0] * weeks
    for day, response in urges:
        i = index.get(week_start(day))
        if i is None:
            continue
        if response == "rode_out":
            rode[i] += 1
        elif response == "acted_on":
            acted[i] += 1
    return UrgeWeeks(weeks=mondays, rode_out=rode, acted_on=acted)


def urge_sentence(data: UrgeWeeks, recent: int = RECENT_WEEKS) -> str:
    rode_now, acted_now = sum(data.rode_out[-recent:]), sum(data.acted_on[-recent:])
    rode_before = sum(data.rode_out[-2 * recent : -recent])
    acted_before = sum(data.acted_on[-2 * recent : -recent])
    now, before = rode_now + acted_now, rode_before + acted_before
    if now == 0 and before == 0:
        return "No urges logged in the last eight weeks."
    if now == 0:
        return f"No urges logged in the last {recent} weeks, after {before} in the {recent} weeks before."
    text = f"In the last {recent} weeks you rode out {rode_now} of {now} urges ({_share(rode_now, now)}%)"
    if before == 0:
        return text + "."
    return (
        text
        + f", compared with {rode_before} of {before} ({_share(rode_before, before)}%) in the {recent} weeks before."
    )


# ---- core-belief strength over time ---------------------------------------------------------------
@dataclass(frozen=True)
class BeliefLine:
    name: str
    values: list[float | None]  # the average rating in each month, None when not rated
    first: int
    latest: int


def belief_lines(
    beliefs: Iterable[tuple[str, list[tuple[datetime.date, int]]]], today: datetime.date, months: int = MONTHS
) -> tuple[list[tuple[int, int]], list[BeliefLine]]:
    """`beliefs` are (short name, [(local date, strength 0–100), …]) pairs; a belief never rated is left out."""
    month_list = last_months(today, months)
    index = {m: i for i, m in enumerate(month_list)}
    lines = []
    for name, ratings in beliefs:
        ratings = sorted(ratings)
        if not ratings:
            continue
        sums, counts = [0] * months, [0] * months
        for day, strength in ratings:
            i = index.get((day.year, day.month))
            if i is not None:
                sums[i] += strength
                counts[i] += 1
        values = [round(sums[i] / counts[i], 1) if counts[i] else None for i in range(months)]
        lines.append(BeliefLine(name=name, values=values, first=ratings[0][1], latest=ratings[-1][1]))
    return month_list, lines


def belief_sentence(lines: list[BeliefLine]) -> str:
    if not lines:
        return "No core beliefs rated yet."
    moved = max(lines, key=lambda line: abs(line.first - line.latest))
    if moved.first == moved.latest:
        return f"“{moved.name}” is rated {moved.latest} out of 100, the same as when you first rated it."
    direction = "down" if moved.latest < moved.first else "up"
    return (
        f"“{moved.name}” has moved {direction} from {moved.first} to {moved.latest} out of 100 "
        "since you first rated it."
    )


# ---- triggers by context --------------------------------------------------------------------------
def context_sentence(labels: list[str], earlier: list[int], recent: list[int], weeks: int = WEEKS) -> str:
    if not any(recent) and not any(earlier):
        return f"No triggers logged in the last {2 * weeks} weeks."
    changes = [(recent[i] - earlier[i], labels[i], earlier[i], recent[i]) for i in range(len(labels))]
    biggest = max(changes, key=lambda c: (abs(c[0]), c[3]))
    if biggest[0] == 0:
        top = max(range(len(labels)), key=lambda i: recent[i])
        return f"Most triggers in the last {weeks} weeks came up around {labels[top].lower()}, as before."
    word = "fewer" if biggest[0] < 0 else "more"
    return (
        f"Triggers around {biggest[1].lower()} changed most: {biggest[3]} in the last {weeks} weeks, "
        f"{abs(biggest[0])} {word} than the {weeks} weeks before ({biggest[2]})."
    )


# ---- fears that came true vs did not --------------------------------------------------------------
def fears_by_month(
    fears: Iterable[tuple[datetime.date, str]], today: datetime.date, months: int = MONTHS
) -> tuple[list[tuple[int, int]], dict[str, list[int]]]:
    """`fears` are (local date the outcome was known, outcome) for fears with a known outcome."""
    month_list = last_months(today, months)
    index = {m: i for i, m in enumerate(month_list)}
    counts = {"came_true": [0] * months, "partly": [0] * months, "did_not": [0] * months}
    for day, outcome in fears:
        i = index.get((day.year, day.month))
        if i is not None and outcome in counts:
            counts[outcome][i] += 1
    return month_list, counts


def fear_sentence(base_rate: dict) -> str:
    known = base_rate.get("known", 0)
    if not known:
        return "No fear predictions with a known outcome yet."
    did_not = base_rate.get("did_not", 0)
    return (
        f"Of {known} fears with a known outcome, {did_not} did not come true, "
        f"{base_rate.get('partly', 0)} partly did and {base_rate.get('came_true', 0)} came true."
    )


# ---- ladder steps climbed -------------------------------------------------------------------------
def climbed_by_month(
    climbed: Iterable[datetime.date], today: datetime.date, months: int = MONTHS
) -> tuple[list[tuple[int, int]], list[int]]:
    month_list = last_months(today, months)
    index = {m: i for i, m in enumerate(month_list)}
    counts = [0] * months
    for day in climbed:
        i = index.get((day.year, day.month))
        if i is not None:
            counts[i] += 1
    return month_list, counts


def ladder_sentence(
    total_steps: int, climbed: int, average_before: float | None = None, average_after: float | None = None
) -> str:
    if not total_steps:
        return "No trust ladder yet."
    text = f"You have climbed {climbed} of {total_steps} rungs"
    if average_before is not None and average_after is not None:
        text += (
            f"; on the rungs you tried, distress averaged {round(average_before)} before "
            f"and {round(average_after)} after"
        )
    return text + "."


# ---- bricks and promises --------------------------------------------------------------------------
def count_by_month(days: Iterable[datetime.date], today: datetime.date, months: int = MONTHS) -> list[int]:
    return climbed_by_month(days, today, months)[1]


def bricks_sentence(total: int, this_month: int, last_month: int) -> str:
    if not total:
        return "No bricks of evidence yet."
    return f"Your wall has {total} bricks: {this_month} so far this month, and {last_month} last month."


def promises_by_week(
    check_ins: Iterable[tuple[datetime.date, bool]], today: datetime.date, weeks: int = WEEKS
) -> tuple[list[datetime.date], list[int], list[int]]:
    mondays = last_weeks(today, weeks)
    index = {m: i for i, m in enumerate(mondays)}
    kept, not_kept = [0] * weeks, [0] * weeks
    for day, was_kept in check_ins:
        i = index.get(week_start(day))
        if i is not None:
            if was_kept:
                kept[i] += 1
            else:
                not_kept[i] += 1
    return mondays, kept, not_kept


def promises_sentence(kept: list[int], not_kept: list[int], recent: int = RECENT_WEEKS) -> str:
    kept_now, all_now = sum(kept[-recent:]), sum(kept[-recent:]) + sum(not_kept[-recent:])
    kept_before = sum(kept[-2 * recent : -recent])
    if not all_now and not kept_before:
        return "No promise check-ins in the last eight weeks. Whenever you want to start again is a good time."
    if not all_now:
        return (
            f"No check-ins in the last {recent} weeks; "
            f"you kept promises on {kept_before} days in the {recent} weeks before."
        )
    return (
        f"In the last {recent} weeks you kept a promise to yourself on {kept_now} of {all_now} check-ins, "
        f"against {kept_before} kept the {recent} weeks before."
    )


# ---- "after which tools my own ratings were lower" (issue 11, item 7) -------------------------------
# A pair is two of the person's own ratings around one use of a tool (docs/decisions.md):
# - tools that record their own before and after (a finished thought record: the average intensity of its
#   re-rated emotions at the start and at the end; a try on the trust ladder: distress before and after)
#   give one pair per use;
# - every other tool gives one pair per local day it was used: the daily check-in's urge strength (0–10)
#   on the day before against the day after. A day with no check-in on either side gives no pair.
# Only tools with at least MIN_PAIRS pairs are shown, always with their count. The words describe what the
# person recorded, side by side in time; they never say a tool caused, helped or worked.
MIN_PAIRS = 5

OWN_RATINGS = {
    "thought_record": "By the end of a thought record, your feelings were less intense than at the start",
    "ladder_step": "After a try on your trust ladder, your distress was lower than just before it",
}
DAY_AFTER = {
    "journal_entry": "you wrote in your journal",
    "trigger_log": "you logged a trigger or urge",
    "evidence_brick": "you added a brick of evidence",
    "fear_prediction": "you wrote down a fear as a prediction",
    "core_belief": "you named a core belief",
    "trust_event": "you added to your trust history",
    "need_statement": "you wrote a need or a boundary",
    "communication_script": "you wrote a script",
    "self_promise": "you checked in on a promise to yourself",
}


@dataclass(frozen=True)
class LowerAfter:
    tool: str
    lower: int
    total: int
    sentence: str


def check_in_pairs(use_days: Iterable[datetime.date], ratings: dict[datetime.date, int]) -> list[tuple[int, int]]:
    """(rating the day before, rating the day after) for each distinct day the tool was used."""
    one = datetime.timedelta(days=1)
    return [
        (ratings[day - one], ratings[day + one])
        for day in sorted(set(use_days))
        if day - one in ratings and day + one in ratings
    ]


def average_pair(pairs: Iterable[tuple[int, int | None]]) -> tuple[float, float] | None:
    """One use's own before and after: the averages over the ratings that have both (None if none do)."""
    both = [(before, after) for before, after in pairs if after is not None]
    if not both:
        return None
    return sum(b for b, _ in both) / len(both), sum(a for _, a in both) / len(both)


def lower_after_sentence(tool: str, lower: int, total: int) -> str:
    times = f"{lower} of {total} times"
    if tool in OWN_RATINGS:
        return f"{OWN_RATINGS[tool]} {times}."
    return f"On the day after {DAY_AFTER[tool]}, your strongest urge was lower than on the day before {times}."


def lower_after(pairs_by_tool: dict[str, list[tuple[float, float]]], minimum: int = MIN_PAIRS) -> list[LowerAfter]:
    """The tools with at least `minimum` pairs, most pairs first; each with how often the after was lower."""
    shown = []
    for tool, pairs in pairs_by_tool.items():
        if len(pairs) < minimum or (tool not in OWN_RATINGS and tool not in DAY_AFTER):
            continue
        lower = sum(1 for before, after in pairs if after < before)
        shown.append(LowerAfter(tool, lower, len(pairs), lower_after_sentence(tool, lower, len(pairs))))
    return sorted(shown, key=lambda line: (-line.total, line.tool))
