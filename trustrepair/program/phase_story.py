"""The moment a phase ends: what the person did in it, in their own numbers. Pure: no Django.

The phase's dates run from the local day the person marked its first lesson done to the day they marked its
last one done (both included). Within them: lessons done, reflections written for the phase's lessons, and
entries in each tool; thought records with the average intensity of their re-rated feelings at the start and
at the end; trust-ladder tries with distress before and after; and, for each questionnaire taken both before
the phase began and during it, the two results with their bands in words.

Never a streak, never a count of days missed, never a comparison with anyone else. Small numbers get the same
calm words as big ones: a phase read and finished is a phase done.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

# How a count of each tool's entries is said ("1 journal entry", "3 journal entries").
TOOL_WORDS = {
    "daily_check_in": ("daily check-in", "daily check-ins"),
    "journal_entry": ("journal entry", "journal entries"),
    "trigger_log": ("trigger noted", "triggers noted"),
    "evidence_brick": ("brick of evidence", "bricks of evidence"),
    "fear_prediction": ("fear written as a prediction", "fears written as predictions"),
    "core_belief": ("core belief named", "core beliefs named"),
    "trust_event": ("moment added to your trust history", "moments added to your trust history"),
    "need_statement": ("need or boundary written", "needs and boundaries written"),
    "communication_script": ("script written", "scripts written"),
    "self_promise": ("promise check-in", "promise check-ins"),
}


@dataclass(frozen=True)
class Measure:
    title: str
    completed_on: datetime.date
    total: float | None
    band: str


@dataclass(frozen=True)
class PhaseStory:
    title: str
    started: datetime.date
    finished: datetime.date
    lessons_done: int
    reflections: int
    lines: tuple[str, ...]  # one sentence each: what the person did, in their own numbers
    measures: tuple[str, ...]  # "PHQ-9: 12 (moderate) before this phase, 8 (mild) by its end."
    closing: str
    next_title: str
    next_summary: str


def _count(n: int, words: tuple[str, str]) -> str:
    return f"{n} {words[0] if n == 1 else words[1]}"


def _within(day: datetime.date, start: datetime.date, end: datetime.date) -> bool:
    return start <= day <= end


def _score(m: Measure) -> str:
    total = "no total" if m.total is None else f"{round(m.total)}"
    return f"{total} ({m.band})" if m.band else total


def _average(values: list[float]) -> int:
    return round(sum(values) / len(values))


def measure_lines(measures: Iterable[Measure], start: datetime.date, end: datetime.date) -> list[str]:
    """For each questionnaire taken before the phase and again during it: the two results, in words."""
    by_title: dict[str, list[Measure]] = {}
    for m in sorted(measures, key=lambda m: m.completed_on):
        by_title.setdefault(m.title, []).append(m)
    lines = []
    for title, taken in by_title.items():
        before = [m for m in taken if m.completed_on < start]
        during = [m for m in taken if _within(m.completed_on, start, end)]
        if not before or not during:
            continue
        first, last = before[-1], during[-1]
        if first.band and first.band == last.band:
            change = f"in the same band, {last.band}"
        elif first.band and last.band:
            change = f"from {first.band} to {last.band}"
        else:
            change = "taken again"
        lines.append(f"{title}: {_score(first)} before this phase, {_score(last)} by its end ({change}).")
    return lines


def phase_story(
    *,
    title: str,
    lesson_keys: Iterable[str],
    completions: dict[str, datetime.date],
    reflection_keys: Iterable[str],
    use_days: dict[str, Iterable[datetime.date]],
    thought_records: Iterable[tuple[datetime.date, list[tuple[int, int | None]]]] = (),
    ladder_tries: Iterable[tuple[datetime.date, int, int]] = (),
    measures: Iterable[Measure] = (),
    next_title: str = "",
    next_summary: str = "",
) -> PhaseStory | None:
    """The story of a finished phase, or None while any of its lessons is still to do."""
    keys = list(lesson_keys)
    if not keys or any(key not in completions for key in keys):
        return None
    days = [completions[key] for key in keys]
    start, end = min(days), max(days)
    in_phase = set(keys)
    reflections = sum(1 for key in reflection_keys if key in in_phase)
    lines = [f"You worked through all {_count(len(keys), ('lesson', 'lessons'))}."]
    if reflections:
        lines.append(f"You wrote {_count(reflections, ('reflection', 'reflections'))} in your journal along the way.")

    thoughts = [(d, r) for d, r in thought_records if _within(d, start, end)]
    if thoughts:
        both = [(b, a) for _, ratings in thoughts for b, a in ratings if a is not None]
        line = f"You filled in {_count(len(thoughts), ('thought record', 'thought records'))}"
        if both:
            line += (
                f"; on average your feelings went from {_average([b for b, _ in both])} at the start "
                f"to {_average([a for _, a in both])} at the end"
            )
        lines.append(line + ".")
    tries = [(b, a) for d, b, a in ladder_tries if _within(d, start, end)]
    if tries:
        lines.append(
            f"You tried {_count(len(tries), ('step', 'steps'))} on your trust ladder; on average your distress went "
            f"from {_average([b for b, _ in tries])} before to {_average([a for _, a in tries])} after."
        )
    counted = []
    for tool, words in TOOL_WORDS.items():
        n = sum(1 for d in use_days.get(tool, ()) if _within(d, start, end))
        if n:
            counted.append(_count(n, words))
    if counted:
        joined = counted[0] if len(counted) == 1 else ", ".join(counted[:-1]) + " and " + counted[-1]
        lines.append(f"In the tools: {joined}.")

    if len(lines) == 1:
        closing = (
            "Reading and thinking things through is the heart of a phase, and you did it. "
            "The tools are there whenever you'd like them, and never required."
        )
    else:
        closing = "That is real work, done at your own pace. Whatever the numbers, they are yours, and they count."
    return PhaseStory(
        title=title,
        started=start,
        finished=end,
        lessons_done=len(keys),
        reflections=reflections,
        lines=tuple(lines),
        measures=tuple(measure_lines(measures, start, end)),
        closing=closing,
        next_title=next_title,
        next_summary=next_summary,
    )
