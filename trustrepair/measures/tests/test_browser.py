"""A person takes the trust self-check with the keyboard only, then reads results and history."""

import pytest

from conftest import axe_violations
from trustrepair.measures.models import Administration


def sign_in(page, client, user, live_server):
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def focused(page) -> dict:
    return page.evaluate(
        "() => ({name: document.activeElement.name || '', type: document.activeElement.type || '',"
        " tag: document.activeElement.tagName, text: document.activeElement.textContent || ''})"
    )


def tab_until(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate(focused(page)):
            return
    raise AssertionError("never reached the element with Tab")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_keyboard_only_self_check_to_results_and_history(page, client, client_alice, live_server):
    sign_in(page, client, client_alice, live_server)
    page.goto("/measures/trust_signs/take/")
    assert axe_violations(page) == []

    tab_until(page, lambda el: el["name"] == "item_1")
    for question in range(1, 14):
        assert focused(page)["name"] == f"item_{question}"
        page.keyboard.press("Space")  # "Not like me"
        page.keyboard.press("ArrowDown")  # → "A little like me"
        page.keyboard.press("ArrowDown")  # → "Somewhat like me"
        page.keyboard.press("Tab")
    tab_until(page, lambda el: el["tag"] == "BUTTON" and "See my results" in el["text"])
    page.keyboard.press("Enter")

    page.wait_for_url("**/measures/results/**")
    assert page.locator("h1").inner_text() == "Your Trust self-check results"
    assert "26" in page.locator("main").inner_text()  # 13 statements × "Somewhat like me" (2)
    assert "not a diagnosis" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    assert Administration.objects.get(owner=client_alice).total == 26

    page.goto("/measures/trust_signs/history/")
    assert page.locator("svg[role=img]").count() == 1
    assert axe_violations(page) == []
    page.goto("/measures/profile/")
    assert axe_violations(page) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_failed_submit_keeps_answers_and_names_the_missing_question(page, client, client_alice, live_server):
    sign_in(page, client, client_alice, live_server)
    page.goto("/measures/phq9/take/")
    for n in range(1, 9):  # item 9 left unanswered
        page.locator(f"input[name=item_{n}][value='1']").check()
    page.get_by_role("button", name="See my results").click()
    error = page.locator("#id_item_9_error")
    assert "Please choose an answer" in error.inner_text()
    assert page.locator("input[name=item_3][value='1']").is_checked()
    assert axe_violations(page) == []
    assert not Administration.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_answers_survive_an_expired_session(page, client, client_alice, live_server):
    from conftest import PASSWORD

    sign_in(page, client, client_alice, live_server)
    page.goto("/measures/gad7/take/")
    for n in range(1, 8):
        page.locator(f"input[name=item_{n}][value='2']").check()
    page.context.clear_cookies(name="sessionid")  # the session has expired
    page.get_by_role("button", name="See my results").click()
    page.wait_for_url("**/accounts/login/**")
    page.get_by_label("Email").fill("alice@example.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/measures/gad7/take/")
    for n in range(1, 8):
        assert page.locator(f"input[name=item_{n}][value='2']").is_checked()
    page.get_by_role("button", name="See my results").click()
    page.wait_for_url("**/measures/results/**")
    assert Administration.objects.get(owner=client_alice).total == 14
