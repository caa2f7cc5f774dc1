"""Browser journeys for what the person sees when screening finds something (issue 10, items 4 and 5):
the gentle question with the keyboard only, help in place after an autosave, the phone panel, and crisis
lines for a signed-out visitor. Debian's Chromium, axe-core on every new piece of UI.
"""

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, tab_to
from trustrepair.safety.models import GentleQuestion, RiskEvent
from trustrepair.safety.services import screen_text
from trustrepair.safety.tests.test_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 320, "height": 568}


def focused(page) -> str:
    return page.evaluate("() => document.activeElement.id || document.activeElement.tagName")


def shift_tab_to_text(page, name: str, limit: int = 60) -> None:
    """Press Shift+Tab until the focused element's text is `name` (the question sits above the form)."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("() => (document.activeElement.innerText || '').trim()") == name:
            return
    raise AssertionError(f"could not reach {name!r} with Shift+Tab")


def type_in_journal(page, text: str) -> None:
    page.goto("/tools/journal/new/")
    tab_to(page, "#id_body")
    page.keyboard.type(text)


def test_the_gentle_question_with_the_keyboard_only(page, client_alice, ask_sentence):
    sign_in(page, client_alice)
    type_in_journal(page, ask_sentence.self)
    region = page.locator("#safety-ask")
    expect(region).to_contain_text("are you having thoughts of ending your life", timeout=10_000)
    assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"
    assert focused(page) == "id_body"  # the question appeared without taking the person's place
    assert axe_violations(page) == []
    # Answer "No" with the keyboard: it closes the question for this entry
    shift_tab_to_text(page, "No")
    page.keyboard.press("Enter")
    expect(region).to_contain_text("Thank you for answering", timeout=10_000)
    assert focused(page) != "BODY"  # focus lands on the thank-you, not lost at the top of the page
    [question] = GentleQuestion.objects.all()
    assert question.answer == "no"
    assert not RiskEvent.objects.exists()
    # More of the same words: asked no more. A new category: asked again, about that.
    tab_to(page, "#id_body")
    page.keyboard.press("Control+End")
    page.keyboard.type(" " + ask_sentence.others)
    expect(region).to_contain_text("Do you feel safe at home right now?", timeout=10_000)
    assert focused(page) == "id_body"
    assert axe_violations(page) == []


def test_not_sure_opens_the_panel_in_place(page, client_alice, ask_sentence):
    sign_in(page, client_alice)
    type_in_journal(page, ask_sentence.self)
    expect(page.locator("#safety-ask")).to_contain_text("ending your life", timeout=10_000)
    shift_tab_to_text(page, "Not sure")
    page.keyboard.press("Enter")
    expect(page.locator("#safety-help")).to_contain_text("You don't have to carry this alone", timeout=10_000)
    assert page.url.endswith("/tools/journal/new/")  # no navigation: in place
    assert RiskEvent.objects.get().category == "hopelessness"
    assert axe_violations(page) == []


def test_help_appears_in_place_after_an_autosave(page, client_alice):
    sign_in(page, client_alice)
    type_in_journal(page, "Honestly I want to die")
    help_box = page.locator("#safety-help")
    expect(help_box).to_contain_text("You don't have to carry this alone", timeout=10_000)
    expect(page.locator("#autosave-status")).to_contain_text("Some support is shown at the top of this page.")
    assert page.url.endswith("/tools/journal/new/") and focused(page) == "id_body"
    assert help_box.locator('a[href^="tel:"]').count() > 0
    assert axe_violations(page) == []


def phone_page(chromium, live_server, **options):
    context = chromium.new_context(base_url=live_server.url, viewport=PHONE, **options)
    return context, context.new_page()


def first_tel_box(page) -> dict:
    """The bounding box of the first call link in <main>, which must be visible (not inside a closed fold)."""
    link = page.locator('main a[href^="tel:"]').first
    assert link.is_visible()
    box = link.bounding_box()
    assert box["width"] > 0 and box["height"] > 0
    return box


@pytest.mark.parametrize(
    ("text", "number"),
    [("I want to die", "988"), ("I have saved up enough pills to end it", "911"), ("I'm scared he'll hurt me", None)],
)
def test_on_a_phone_the_first_call_link_is_on_the_first_screen(chromium, live_server, client_alice, text, number):
    screen_text(client_alice, text, source="exercises.journal")
    context, page = phone_page(chromium, live_server)
    try:
        sign_in(page, client_alice)  # lands on the home page: the first page since the screen, panel in full
        box = first_tel_box(page)
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
        first = page.locator('main a[href^="tel:"]').first.get_attribute("href")
        if number:
            assert first == f"tel:{number}"
        assert axe_violations(page) == []
        # Seen once, the panel folds to one line and stays one tap away.
        page.goto("/learn/")
        summary = page.locator("#crisis-panel > summary")
        assert summary.bounding_box()["height"] < 60  # one line
        assert not page.locator('#crisis-panel a[href^="tel:"]').first.is_visible()
        tab_to(page, "#crisis-panel > summary")
        page.keyboard.press("Enter")
        assert page.locator('#crisis-panel a[href^="tel:"]').first.is_visible()
        assert axe_violations(page) == []
    finally:
        context.close()


def test_on_a_phone_the_crisis_page_puts_a_call_link_on_the_first_screen(chromium, live_server, client_alice):
    context, page = phone_page(chromium, live_server)
    try:
        sign_in(page, client_alice)
        page.goto("/help/crisis/")
        box = first_tel_box(page)
        assert box["y"] + box["height"] <= PHONE["height"], box
    finally:
        context.close()


@pytest.mark.parametrize(
    ("locale", "zone", "lines_for", "tel"),
    [
        ("en-GB", "Europe/London", "United Kingdom", "116123"),
        ("en-US", "America/Chicago", "United States", "988"),
        ("en-US", "Australia/Sydney", "Australia", "131114"),  # the device's place wins over the language
        ("fr-FR", "Europe/Paris", "European Union", "112"),
    ],
)
def test_a_signed_out_visitor_gets_lines_for_the_region_their_browser_suggests(
    chromium, live_server, locale, zone, lines_for, tel
):
    context, page = phone_page(chromium, live_server, locale=locale, timezone_id=zone)
    try:
        page.goto("/help/crisis/")
        expect(page.locator("#crisis-lines h2").first).to_contain_text(f"Lines for {lines_for}", timeout=10_000)
        assert page.locator(f'a[href="tel:{tel}"]').count() > 0
        box = first_tel_box(page)  # one tap on a phone: on the first screen
        assert box["y"] + box["height"] <= PHONE["height"], box
        assert "Chosen from your browser" in page.locator("#crisis-lines").inner_text()
        assert "guessed=1" in page.url  # a reload keeps the guess
        assert axe_violations(page) == []
    finally:
        context.close()


def test_a_signed_out_visitor_in_a_region_without_lines_keeps_the_picker(chromium, live_server):
    context, page = phone_page(chromium, live_server, locale="ja-JP", timezone_id="Asia/Tokyo")
    try:
        page.goto("/help/crisis/")
        page.wait_for_load_state("networkidle")
        assert page.locator("[data-region-unknown]").count() == 1
        assert page.locator('main a[href^="tel:"]').count() == 0  # never another country's lines
        assert "Find A Helpline" in page.locator("main").inner_text()
        assert axe_violations(page) == []
    finally:
        context.close()
