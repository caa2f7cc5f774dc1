"""The program's content: four phases in the order of the clinical spine, every lesson readable in minutes."""

import pytest

from trustrepair.program import curriculum
from trustrepair.program.exercise_links import EXERCISES


def test_the_four_phases_come_in_order():
    assert [p.slug for p in curriculum.phases()] == [
        "trust-history",
        "core-beliefs",
        "regulation-and-safety",
        "gradual-rebuilding",
    ]


@pytest.mark.parametrize("phase", curriculum.phases(), ids=lambda p: p.slug)
def test_each_phase_has_two_to_four_modules(phase):
    assert 2 <= len(phase.modules) <= 4


@pytest.mark.parametrize("lesson", [lesson for p in curriculum.phases() for lesson in p.lessons], ids=lambda x: x.key)
def test_each_lesson_is_short_but_substantial(lesson):
    assert 200 <= lesson.words <= 500


def test_lesson_keys_are_unique():
    keys = curriculum.all_lesson_keys()
    assert len(keys) == len(set(keys))


def test_every_module_asks_for_known_exercises():
    for phase in curriculum.phases():
        for module in phase.modules:
            assert module.exercises, f"{module.slug} names no exercises"
            assert set(module.exercises) <= set(EXERCISES), module.exercises


def test_a_lesson_is_found_by_its_key_and_nonsense_is_not():
    first = curriculum.phases()[0].lessons[0]
    assert curriculum.lesson_by_key(first.key) == first
    assert curriculum.lesson_by_key("no/such/lesson") is None
    assert curriculum.lesson_by_key("not-a-key") is None


def test_a_module_file_without_front_matter_is_rejected_with_its_name():
    with pytest.raises(curriculum.CurriculumError, match="broken.md"):
        curriculum.parse_module("p", "broken.md", "# Lesson\ntext")


def test_a_module_file_without_lessons_is_rejected():
    with pytest.raises(curriculum.CurriculumError, match="at least one lesson"):
        curriculum.parse_module("p", "empty.md", "---\ntitle: T\nsummary: S\n---\n")


@pytest.mark.parametrize("exercise", list(EXERCISES.values()), ids=lambda e: e.key)
def test_every_exercise_link_resolves_to_a_real_tools_page(exercise):
    from django.urls import resolve, reverse

    url = reverse(exercise.url_name)  # the tools app names it: no fallback needed
    assert url == exercise.fallback_path == exercise.url
    assert resolve(url).app_name == "exercises"
