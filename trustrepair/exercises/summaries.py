"""Gentle numbers for two tools, pure and Django-free.

Promise check-ins: the current run of kept days and kept days lately. A day that was not kept ends a
run and a new one can start the next day; a missing check-in does not break a run that is still
"today or yesterday" (people forget to check in). Fear predictions: the person's own base rate.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class PromiseSummary:
    current_run: int  # kept days in a row, ending today or yesterday
    kept_recently: int  # kept days in the last `window` days
    window: int
    checked_today: bool | None  # True kept, False not today, None no check-in yet


def summarise(check_ins: Iterable[tuple[datetime.date, bool]], today: datetime.date, window: int = 14):
    by_day = {day: kept for day, kept in check_ins if day <= today}
    run = 0
    day = today if today in by_day else today - datetime.timedelta(days=1)
    while by_day.get(day) is True:
        run += 1
        day -= datetime.timedelta(days=1)
    start = today - datetime.timedelta(days=window - 1)
    kept_recently = sum(1 for d, kept in by_day.items() if kept and d >= start)
    return PromiseSummary(current_run=run, kept_recently=kept_recently, window=window, checked_today=by_day.get(today))


def base_rate(outcomes: Iterable[str], *, average_confidence: float | None = None) -> dict:
    """Fears with a known outcome: how many came true, partly, or did not. `rate` counts partly as half.

    `average_confidence` (how sure the person was, 0–100, over the fears with a known outcome) is passed
    through as `confidence`, so a page can set "you were 80% sure on average" beside "1 in 5 came true".
    """
    counts = {"came_true": 0, "partly": 0, "did_not": 0, "pending": 0}
    for outcome in outcomes:
        counts[outcome] = counts.get(outcome, 0) + 1
    known = counts["came_true"] + counts["partly"] + counts["did_not"]
    rate = (counts["came_true"] + counts["partly"] / 2) / known if known else None
    confidence = round(average_confidence) if known and average_confidence is not None else None
    return {
        **counts,
        "known": known,
        "rate": rate,
        "percent": None if rate is None else round(rate * 100),
        "confidence": confidence,
    }


def emotion_change(emotions) -> str:
    """ "anxious 85 → 40, jealous 70 → 30": each re-rated emotion, before and after (issue 11)."""
    parts = [f"{e.name} {e.intensity_before} → {e.intensity_after}" for e in emotions if e.intensity_after is not None]
    return ", ".join(parts)


def eased(emotions) -> bool:
    """Did any emotion ease? Decides the wording after a thought record, never a score."""
    return any(e.intensity_after is not None and e.intensity_after < e.intensity_before for e in emotions)
