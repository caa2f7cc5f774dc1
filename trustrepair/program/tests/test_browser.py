"""A person enrols, reads a lesson, marks it done and sees today move on, with the keyboard alone."""

import pytest
from django.utils import timezone

from conftest import axe_violations, tab_to_text
from trustrepair.exercises import factories
from trustrepair.program import curriculum, services

FIRST, SECOND = curriculum.phases()[0].lessons[:2]


@pytest.fixture
def signed_in_page(page, client, client_alice, live_server):
    client.force_login(client_alice)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_enrol_read_a_lesson_mark_it_done_and_today_moves_on_by_keyboard(signed_in_page):
    page = signed_in_page
    page.goto("/program/")
    assert axe_violations(page) == []
    tab_to_text(page, "Start the program")
    page.keyboard.press("Enter")
    page.wait_for_url("**/program/today/")
    assert page.get_by_role("heading", name="Your next step").is_visible()
    assert axe_violations(page) == []

    tab_to_text(page, f"Read “{FIRST.title}”")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{FIRST.get_absolute_url()}")
    assert page.get_by_role("heading", level=1, name=FIRST.title).is_visible()
    assert axe_violations(page) == []

    tab_to_text(page, "Mark this lesson done")
    page.keyboard.press("Enter")
    page.wait_for_url("**/program/today/")
    assert page.get_by_text(f"Read “{SECOND.title}”").first.is_visible()
    assert page.get_by_text("1 of 4 lessons done").is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_insights_summary_and_setback_pages_have_no_serious_accessibility_problems(signed_in_page, client_alice):
    page = signed_in_page
    services.enrol(client_alice, starting_phase="trust-history")
    factories.make_year_of_entries(client_alice, days=60)
    services.record_setback(client_alice, happened_on=timezone.localdate(), what_happened="a hard night")
    # The summary's choices are posted (never in the address); the printable sheet then shows at ?show=1.
    page.goto("/program/summary/")
    page.get_by_label("Program progress (phases and lessons done)").check()
    page.get_by_label("Figures from your insights (counts only, no text)").check()
    page.get_by_role("button", name="Show the summary").click()
    page.wait_for_url("**/program/summary/?show=1")
    for url in [
        "/program/insights/",
        "/program/summary/?show=1",
        "/program/setback/",
        "/program/today/",
    ]:
        page.goto(url)
        assert axe_violations(page) == [], url


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_reflection_a_phase_story_and_lower_after_fit_a_phone_and_pass_axe(signed_in_page, client_alice):
    page = signed_in_page
    page.set_viewport_size({"width": 320, "height": 640})
    services.enrol(client_alice, starting_phase="trust-history")
    factories.make_ladder_steps(client_alice, 6, attempts_per_step=2)  # 8 tries: "lower after" shows
    *first, last = curriculum.phases()[0].lessons
    for lesson in first:
        services.mark_lesson_done(client_alice, lesson_key=lesson.key)

    def fits(url):
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{url} is {width}px wide"
        assert axe_violations(page) == [], url

    page.goto(last.get_absolute_url())
    box = page.get_by_label(last.reflection)
    box.fill("Most of it was about then.")
    page.get_by_role("button", name="Save to my journal").click()
    page.wait_for_url(f"**{last.get_absolute_url()}#reflection")
    assert page.get_by_text("Most of it was about then.").is_visible()
    fits(last.get_absolute_url())

    page.get_by_text("Write something new").click()
    page.get_by_role("button", name="Save to my journal").click()  # empty: the browser's own check first
    page.get_by_label(last.reflection).evaluate("el => el.removeAttribute('required')")
    page.get_by_label(last.reflection).fill("   ")
    page.get_by_role("button", name="Save to my journal").click()
    assert page.get_by_text("Write a few words first, or simply leave this for now.").first.is_visible()
    fits(last.get_absolute_url() + " (an error)")

    page.get_by_role("button", name="Mark this lesson done").click()
    page.wait_for_url("**/program/trust-history/#phase-story")
    assert page.get_by_role("heading", name="Looking back on trust history").is_visible()
    fits("/program/trust-history/")

    page.goto("/program/insights/")
    assert page.get_by_text("After a try on your trust ladder").is_visible()
    fits("/program/insights/")
