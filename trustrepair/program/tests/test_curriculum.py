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


# ---- the reflection each lesson ends with (issue 11) ------------------------------------------------
@pytest.mark.parametrize("lesson", [lesson for p in curriculum.phases() for lesson in p.lessons], ids=lambda x: x.key)
def test_every_lesson_ends_with_its_own_reflection_question(lesson):
    assert "?" in lesson.reflection, lesson.reflection  # a question, not an instruction
    assert 40 <= len(lesson.reflection) <= 240


def test_no_two_lessons_share_a_reflection():
    prompts = [lesson.reflection for p in curriculum.phases() for lesson in p.lessons]
    assert len(prompts) == len(set(prompts))


def test_a_lesson_without_a_reflection_is_rejected_with_its_slug():
    with pytest.raises(curriculum.CurriculumError, match="reflection.calm"):
        curriculum.parse_module("p", "m.md", "---\ntitle: T\nsummary: S\n---\n# Calm\ntext")


def test_a_reflection_for_no_lesson_is_rejected():
    source = "---\ntitle: T\nsummary: S\nreflection.calm: Why?\nreflection.clam: Typo?\n---\n# Calm\ntext"
    with pytest.raises(curriculum.CurriculumError, match="reflection.clam"):
        curriculum.parse_module("p", "m.md", source)
