"""A whole Transparency Window in two browsers at once (shared/TESTING.md: two contexts, one live server)."""

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, signed_in_session_key
from trustrepair.couples.tests.helpers import link_and_open

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAUSE = "One of you needs a pause"


def browser_for(chromium, live_server, user):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 900, "height": 1000})
    context.add_cookies([{"name": "sessionid", "value": signed_in_session_key(user), "url": live_server.url}])
    return context, context.new_page()


def test_two_partners_run_a_whole_window(chromium, live_server, client_alice, partner_bob):
    link_and_open(client_alice, partner_bob)
    context_a, a = browser_for(chromium, live_server, client_alice)
    context_b, b = browser_for(chromium, live_server, partner_bob)
    try:
        a.goto("/together/window/new/")
        a.fill("#id_question", "When you went quiet on Friday, what was happening for you?")
        a.get_by_role("button", name="Propose").click()
        expect(a.get_by_text("Waiting for your partner to answer.")).to_be_visible()
        window_url = a.url

        b.goto(window_url)
        b.get_by_role("button", name="Accept").click()
        for page in (a, b):
            expect(page.get_by_role("button", name="I'm here")).to_be_visible(timeout=5000)
            page.get_by_role("button", name="I'm here").click()
        for page in (a, b):
            expect(page.locator("#window-live").get_by_text("Running.")).to_be_visible(timeout=5000)
        assert axe_violations(a) == []

        # B rates 7: A's screen pauses within 2 s, without saying who or the number.
        b.locator("#id_value").fill("7")
        expect(a.get_by_role("heading", name=PAUSE)).to_be_visible(timeout=2000)
        expect(a.get_by_text("feet flat on the floor")).to_be_visible()
        live_a = a.locator("#window-live").inner_text()
        assert "Bob" not in live_a and "7 out of 10" not in live_a and "bob" not in live_a.lower()
        assert a.locator("[data-rating-output]").inner_text() == "0"  # A's own slider, untouched
        expect(b.get_by_role("heading", name=PAUSE)).to_be_visible(timeout=2000)
        expect(a.locator("#window-announce")).to_have_text(PAUSE, timeout=2000)

        # Both at 4, both choose to go on: it resumes for both.
        for page in (a, b):
            page.locator("#id_value").fill("4")
            expect(page.locator("[data-rating-output]")).to_have_text("4")
        for page in (a, b):
            page.get_by_role("button", name="Ready to go on").click()
        for page in (a, b):
            expect(page.locator("#window-live").get_by_text("Running.")).to_be_visible(timeout=3000)

        a.get_by_role("button", name="End the Window").click()
        for page in (a, b):
            expect(page.get_by_role("heading", name="Summary")).to_be_visible(timeout=5000)
        assert a.locator("[data-summary-pauses]").inner_text() == b.locator("[data-summary-pauses]").inner_text() == "1"
        assert a.locator("[data-summary-time]").inner_text() == b.locator("[data-summary-time]").inner_text()
        assert axe_violations(b) == []
    finally:
        context_a.close()
        context_b.close()
