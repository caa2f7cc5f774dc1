"""Where a person is in the program and the one next step. Pure: no Django, no database.

It takes the curriculum (phases → modules → lessons, anything with those attributes), the set of lesson
keys the person has marked done, and their current phase. Nothing here counts days in a row: a gap is
met with a welcome, and a setback with care, never with a reset.
"""

import datetime
from dataclasses import dataclass

# Away this long (or longer) and the today page greets the person back instead of carrying on as if
# nothing happened. Nothing is reset or lost by being away.
WELCOME_BACK_AFTER_DAYS = 7
# For this many days after "I had a setback" the today page puts looking-after-yourself first.
SETBACK_CARE_DAYS = 7


@dataclass(frozen=True)
class PhaseProgress:
    phase: object
    done: int
    total: int
    is_current: bool

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.done >= self.total

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass(frozen=True)
class NextStep:
    kind: str  # "lesson" | "move_on" | "all_done"
    phase: object
    lesson: object = None
    module: object = None
    next_phase: object = None


def progress(phases, completed: set[str], current_slug: str) -> list[PhaseProgress]:
    return [
        PhaseProgress(
            phase=p,
            done=sum(1 for lesson in p.lessons if lesson.key in completed),
            total=len(p.lessons),
            is_current=p.slug == current_slug,
        )
        for p in phases
    ]


def _first_undone(phase, completed: set[str]):
    for module in phase.modules:
        for lesson in module.lessons:
            if lesson.key not in completed:
                return module, lesson
    return None, None


def next_step(phases, completed: set[str], current_slug: str) -> NextStep:
    """The single next thing to do: the first lesson not yet done in the current phase; when that phase
    is finished, the next phase that has lessons left (then any earlier one); when all are done, practice."""
    phases = list(phases)
    if not phases:
        raise ValueError("The program has no phases.")
    index = next((i for i, p in enumerate(phases) if p.slug == current_slug), 0)
    current = phases[index]
    module, lesson = _first_undone(current, completed)
    if lesson is not None:
        return NextStep(kind="lesson", phase=current, module=module, lesson=lesson)
    for candidate in phases[index + 1 :] + phases[:index]:
        module, lesson = _first_undone(candidate, completed)
        if lesson is not None:
            return NextStep(kind="move_on", phase=current, module=module, lesson=lesson, next_phase=candidate)
    return NextStep(kind="all_done", phase=current)


def days_between(earlier: datetime.datetime | None, later: datetime.datetime) -> int | None:
    if earlier is None:
        return None
    return max(0, (later - earlier).days)


def is_welcome_back(previous_visit: datetime.datetime | None, now: datetime.datetime) -> bool:
    away = days_between(previous_visit, now)
    return away is not None and away >= WELCOME_BACK_AFTER_DAYS


def is_in_setback_care(last_setback_at: datetime.datetime | None, now: datetime.datetime) -> bool:
    away = days_between(last_setback_at, now)
    return away is not None and away < SETBACK_CARE_DAYS
