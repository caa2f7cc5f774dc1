"""The printable copy on a 320 px phone: choose the parts, read them, no sideways scrolling, nothing axe finds
serious (issue 11, items 8 and 9). The crawl in tests/browser/test_phone_width.py cannot reach these pages,
because they ask for the password again first."""

import re

import pytest

from conftest import PASSWORD, axe_violations
from trustrepair.exercises import services as tool_services
from trustrepair.exercises.models import JournalEntry, ThoughtEmotion, ThoughtRecord
from trustrepair.measures.tests.factories import take
from trustrepair.safety.models import SafetyPlan


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_choose_and_read_the_copy_on_a_phone(chromium, live_server, client, client_alice):
    tool_services.create_entry(client_alice, model=JournalEntry, body="A long line " * 40, is_draft=False)
    record = tool_services.create_entry(
        client_alice, model=ThoughtRecord, situation="He was late", automatic_thought="He is hiding something"
    )
    ThoughtEmotion.objects.create(record=record, name="anxious", intensity_before=85, intensity_after=40)
    SafetyPlan.objects.create(owner=client_alice, warning_signs="I stop sleeping")
    take(client_alice, "phq9", [1] * 9)
    client.force_login(client_alice)
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    try:
        page.goto("/account/data/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert axe_violations(page) == []
        page.get_by_role("link", name="Choose what to include").click()
        page.wait_for_url("**/accounts/reauthenticate/**")
        page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url("**/account/data/copy/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert axe_violations(page) == []
        assert not page.get_by_label("Safety plan").is_checked()
        assert page.get_by_label("Journal entries").is_checked()
        page.get_by_role("button", name="Show my copy").click()
        page.wait_for_url("**/account/data/copy/?*show=1*")
        main = page.locator("main").inner_text()
        assert "He is hiding something" in main and "Questionnaire answers" in main
        assert "I stop sleeping" not in main
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert axe_violations(page) == []
    finally:
        context.close()
