"""Keyboard-only journeys through the safety app in Debian's Chromium, with axe-core on each page."""

import pytest

from conftest import PASSWORD, axe_violations, tab_to_text
from trustrepair.safety.models import RiskEvent, SafetyPlan
from trustrepair.safety.services import screen_answers, screen_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url("**/")


def test_writing_a_safety_plan_with_the_keyboard_only(page, client_alice):
    sign_in(page, client_alice)
    page.goto("/help/safety-plan/")
    assert axe_violations(page) == []
    tab_to_text(page, "Write your safety plan")
    page.keyboard.press("Enter")
    page.wait_for_url("**/help/safety-plan/edit/")
    assert axe_violations(page) == []
    tab_to_text(page, "People I can ask for help")
    page.keyboard.type("My sister Jo")
    tab_to_text(page, "What matters to me")
    page.keyboard.type("My dog, Biscuit")
    tab_to_text(page, "Save your plan")
    page.keyboard.press("Enter")
    page.wait_for_url("**/help/safety-plan/")
    assert "My dog, Biscuit" in page.content()
    assert SafetyPlan.objects.get(owner=client_alice).people_to_ask == "My sister Jo"
    assert axe_violations(page) == []


def test_the_crisis_panel_appears_and_a_text_panel_closes_with_the_keyboard(page, client_alice):
    sign_in(page, client_alice)
    screen_text(client_alice, "I don't want to live anymore", source="exercises.journal")
    page.goto("/")
    panel = page.locator("main .crisis-panel").first
    assert "You don't have to carry this alone" in panel.inner_text()
    assert axe_violations(page) == []
    tab_to_text(page, "I'm safe right now")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("main .crisis-panel").count() == 0
    assert RiskEvent.objects.get().resolution == "safe_now"


def test_a_structured_panel_folds_but_stays_until_the_check_in(page, client_alice):
    sign_in(page, client_alice)
    screen_answers(client_alice, instrument="phq9", answers={"phq9_9": 1}, safety_items=["phq9_9"])
    page.goto("/")
    assert page.get_by_role("button", name="I'm safe right now").count() == 0
    assert axe_violations(page) == []
    tab_to_text(page, "Show less for now")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto("/help/crisis/")
    assert "Your support is here." in page.locator("main").inner_text()
    assert axe_violations(page) == []
    tab_to_text(page, "Check in")
    page.keyboard.press("Enter")
    page.wait_for_url("**/help/check-in/**")
    assert axe_violations(page) == []
    assert RiskEvent.objects.get().is_open
