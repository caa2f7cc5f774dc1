"""The one next step, progress per phase, and how gaps and setbacks are met. Pure logic."""

import datetime
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from trustrepair.program import curriculum, pathway


@dataclass(frozen=True)
class L:
    key: str


@dataclass(frozen=True)
class M:
    lessons: tuple


@dataclass(frozen=True)
class P:
    slug: str
    modules: tuple

    @property
    def lessons(self):
        return tuple(lesson for m in self.modules for lesson in m.lessons)


PHASES = (
    P("a", (M((L("a/1"), L("a/2"))), M((L("a/3"),)))),
    P("b", (M((L("b/1"),)),)),
    P("c", (M((L("c/1"), L("c/2"))),)),
)
ALL = [lesson.key for p in PHASES for lesson in p.lessons]
NOW = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.UTC)


def test_the_next_step_is_the_first_lesson_not_done_in_the_current_phase():
    step = pathway.next_step(PHASES, {"a/1"}, "a")
    assert (step.kind, step.lesson.key) == ("lesson", "a/2")


def test_a_finished_phase_suggests_the_next_phase_with_lessons_left():
    step = pathway.next_step(PHASES, {"a/1", "a/2", "a/3", "b/1"}, "a")
    assert (step.kind, step.next_phase.slug, step.lesson.key) == ("move_on", "c", "c/1")


def test_revisiting_an_earlier_phase_that_is_done_points_onward_not_back():
    step = pathway.next_step(PHASES, {"a/1", "a/2", "a/3"}, "a")
    assert step.next_phase.slug == "b"


def test_lessons_left_in_an_earlier_phase_are_offered_after_the_later_ones():
    step = pathway.next_step(PHASES, {"b/1", "c/1", "c/2"}, "c")
    assert (step.kind, step.next_phase.slug, step.lesson.key) == ("move_on", "a", "a/1")


def test_everything_done_leaves_practice():
    assert pathway.next_step(PHASES, set(ALL), "b").kind == "all_done"


@given(st.sets(st.sampled_from(ALL)), st.sampled_from(["a", "b", "c"]))
def test_the_next_step_is_never_a_lesson_already_done(done, current):
    step = pathway.next_step(PHASES, done, current)
    if step.kind == "all_done":
        assert done == set(ALL)
    else:
        assert step.lesson.key not in done


@given(st.sets(st.sampled_from(ALL)), st.sampled_from(["a", "b", "c"]))
def test_progress_counts_every_done_lesson_once(done, current):
    progress = pathway.progress(PHASES, done, current)
    assert sum(p.done for p in progress) == len(done)
    assert [p.is_current for p in progress].count(True) == 1


def test_the_real_curriculum_always_has_a_next_step():
    phases = curriculum.phases()
    assert pathway.next_step(phases, set(), phases[2].slug).lesson == phases[2].lessons[0]


def test_two_weeks_away_is_welcomed_back():
    assert pathway.is_welcome_back(NOW - datetime.timedelta(days=14), NOW)


def test_a_visit_yesterday_or_a_first_visit_is_not_a_return():
    assert not pathway.is_welcome_back(NOW - datetime.timedelta(days=1), NOW)
    assert not pathway.is_welcome_back(None, NOW)


def test_setback_care_lasts_a_week():
    assert pathway.is_in_setback_care(NOW - datetime.timedelta(days=6), NOW)
    assert not pathway.is_in_setback_care(NOW - datetime.timedelta(days=8), NOW)
    assert not pathway.is_in_setback_care(None, NOW)
