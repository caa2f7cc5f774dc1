"""The moment a phase ends: the person's own numbers for it, calm whatever their size."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from trustrepair.exercises.models import DailyCheckIn
from trustrepair.program import curriculum, services
from trustrepair.program.phase_story import Measure, measure_lines, phase_story

D = datetime.date
KEYS = ["p/m/a", "p/m/b", "p/m/c"]
DONE = {"p/m/a": D(2026, 10, 1), "p/m/b": D(2026, 10, 8), "p/m/c": D(2026, 10, 20)}
SHAMING = ("streak", "missed", "only", "just ", "should", "behind", "in a row", "failed")


def story(**kwargs):
    base = {"title": "Core beliefs", "lesson_keys": KEYS, "completions": DONE, "reflection_keys": [], "use_days": {}}
    return phase_story(**{**base, **kwargs})


def test_no_story_until_every_lesson_is_done():
    assert story(completions={"p/m/a": D(2026, 10, 1)}) is None


def test_the_story_counts_lessons_reflections_and_tools_within_the_phases_dates():
    s = story(
        reflection_keys=["p/m/a", "p/m/c", "other/phase/x"],
        use_days={
            "journal_entry": [D(2026, 10, 2), D(2026, 10, 20), D(2026, 9, 30)],  # the last is before the phase
            "daily_check_in": [D(2026, 10, 5)],
        },
        thought_records=[(D(2026, 10, 3), [(80, 40), (60, 30)]), (D(2026, 11, 1), [(90, 10)])],
        ladder_tries=[(D(2026, 10, 9), 50, 20)],
        next_title="Regulation and safety",
        next_summary="Grounding and breathing.",
    )
    assert (s.started, s.finished, s.lessons_done, s.reflections) == (D(2026, 10, 1), D(2026, 10, 20), 3, 2)
    assert s.lines == (
        "You worked through all 3 lessons.",
        "You wrote 2 reflections in your journal along the way.",
        "You filled in 1 thought record; on average your feelings went from 70 at the start to 35 at the end.",
        "You tried 1 step on your trust ladder; on average your distress went from 50 before to 20 after.",
        "In the tools: 1 daily check-in and 2 journal entries.",
    )
    assert s.next_title == "Regulation and safety"


def test_small_numbers_get_kind_words_and_nothing_shames():
    s = story()
    assert s.lines == ("You worked through all 3 lessons.",)
    assert "you did it" in s.closing and "never required" in s.closing
    text = " ".join([*s.lines, s.closing]).lower()
    assert not any(word in text for word in SHAMING)


def test_measures_taken_before_and_during_are_said_in_words():
    measures = [
        Measure("PHQ-9", D(2026, 9, 20), 12.0, "moderate"),
        Measure("PHQ-9", D(2026, 10, 15), 8.0, "mild"),
        Measure("GAD-7", D(2026, 10, 15), 5.0, "mild"),  # nothing before the phase to compare with
        Measure("TRS", D(2026, 9, 1), 40.0, "some"),
        Measure("TRS", D(2026, 10, 2), 38.0, "some"),
    ]
    assert measure_lines(measures, D(2026, 10, 1), D(2026, 10, 20)) == [
        "TRS: 40 (some) before this phase, 38 (some) by its end (in the same band, some).",
        "PHQ-9: 12 (moderate) before this phase, 8 (mild) by its end (from moderate to mild).",
    ]


# ---- the pages ------------------------------------------------------------------------------------------
pytestmark_db = pytest.mark.django_db
PHASE = curriculum.phases()[0]


@pytestmark_db
def test_finishing_the_last_lesson_of_a_phase_opens_its_story(signed_in, client_alice):
    services.enrol(client_alice, starting_phase=PHASE.slug)
    *first, last = PHASE.lessons
    for lesson in first:
        services.mark_lesson_done(client_alice, lesson_key=lesson.key)
    services.save_reflection(client_alice, lesson_key=first[0].key, body="What I noticed")
    DailyCheckIn.objects.create(owner=client_alice, day=timezone.localdate(), trust=6, urge="none", urge_strength=0)
    client = signed_in(client_alice)
    response = client.post(reverse("program:lesson_done", args=last.key.split("/")), {"done": "1"})
    assert response.status_code == 302 and response.url == PHASE.get_absolute_url() + "#phase-story"
    page = client.get(PHASE.get_absolute_url()).content.decode()
    assert 'id="phase-story"' in page and f"You worked through all {len(PHASE.lessons)} lessons." in page
    assert "You wrote 1 reflection in your journal along the way." in page
    assert "1 daily check-in" in page
    following = curriculum.phases()[1]
    assert f"What comes next: {following.title}" in page


@pytestmark_db
def test_an_unfinished_phase_has_no_story_and_the_next_lesson_still_leads_to_today(signed_in, client_alice):
    services.enrol(client_alice, starting_phase=PHASE.slug)
    client = signed_in(client_alice)
    response = client.post(reverse("program:lesson_done", args=PHASE.lessons[0].key.split("/")), {"done": "1"})
    assert response.url == reverse("program:today")
    assert 'id="phase-story"' not in client.get(PHASE.get_absolute_url()).content.decode()
