"""A new person, by keyboard alone: sign up, verify, sign in, read, download their data, erase.

Each page visited must show zero serious or critical axe violations, and no page may make a request
to any other origin (the `page` fixture fails the test if one does).
"""

import json
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "river@example.test"
PASSWORD = "a-quiet-river-2026"


def accessible(page):
    violations = axe_violations(page)
    assert violations == [], f"{page.url}: {violations}"


def type_into(page, label, text):
    field = page.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))
    field.focus()
    page.keyboard.type(text)


def test_sign_up_verify_sign_in_read_export_and_erase(page, live_server, settings):
    settings.SITE_URL = live_server.url  # links in emails come from SITE_URL alone
    page.goto("/")
    accessible(page)
    # Keyboard: the first Tab reaches the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"

    page.goto("/accounts/signup/")
    accessible(page)
    type_into(page, "Email", EMAIL)
    type_into(page, "Password", PASSWORD)
    type_into(page, "Password (again)", PASSWORD)
    type_into(page, "Name to show (optional)", "River")
    page.get_by_label("I want to work on my own trust").focus()
    page.keyboard.press("Space")
    page.get_by_label(re.compile("^Where do you live")).select_option("GB")
    page.get_by_label(re.compile("^Time zone")).select_option("Europe/London")
    # Submitting without the agreements names them next to their fields, and keeps what was typed
    page.get_by_role("button", name="Sign up").press("Enter")
    expect(page.locator("#id_agree_terms_error")).to_be_visible()
    expect(page.get_by_label(re.compile("^Name to show"))).to_have_value("River")
    accessible(page)
    type_into(page, "Password", PASSWORD)
    type_into(page, "Password (again)", PASSWORD)
    for label in ("I am 18 or over", "I have read and agree", "I agree that TrustRepair stores"):
        page.get_by_label(re.compile(label)).focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Sign up").press("Enter")
    page.wait_for_url("**/accounts/confirm-email/")
    accessible(page)

    # The verification email links to a confirmation page
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    assert link.startswith(live_server.url)
    page.goto(link)
    accessible(page)
    page.get_by_role("button", name="Yes, confirm").press("Enter")
    page.wait_for_url(lambda url: "confirm-email" not in url)
    assert "Welcome, River" in page.content()

    # Sign out and back in
    page.locator(".nav-more > summary").press("Enter")  # "More", a disclosure in the main navigation
    page.get_by_role("button", name="Sign out").press("Enter")
    page.goto("/accounts/login/")
    accessible(page)
    type_into(page, "Email", EMAIL)
    type_into(page, "Password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    assert "Welcome, River" in page.content()

    # Read a topic, found through search
    page.goto("/learn/")
    accessible(page)
    type_into(page, "Search the library", "checking")
    page.keyboard.press("Enter")
    page.wait_for_url("**/learn/?q=checking")
    accessible(page)
    page.get_by_role("link", name="Signs of trust issues", exact=False).first.press("Enter")
    page.wait_for_url("**/learn/signs/")
    accessible(page)
    assert page.get_by_role("navigation", name="On this page").is_visible()

    # Download my data: asks for the password again, then gives one JSON file
    page.goto("/account/data/")
    accessible(page)
    page.get_by_role("link", name="Download my data").press("Enter")
    page.wait_for_url("**/accounts/reauthenticate/**")
    accessible(page)
    type_into(page, "Password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/data/export/")
    accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the file").press("Enter")
    with open(download_info.value.path()) as f:
        data = json.load(f)
    assert data["sections"]["account"]["email"] == EMAIL

    # Erase the account
    page.goto("/account/erase/")
    accessible(page)
    type_into(page, "Type ERASE to confirm", "ERASE")
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/erased/")
    accessible(page)
    assert "Your account is erased" in page.content()
    page.goto("/accounts/login/")
    type_into(page, "Email", EMAIL)
    type_into(page, "Password", PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator("[data-error-summary]")).to_contain_text("not correct")  # Alice's account is gone


def test_quick_exit_leaves_for_a_neutral_site_and_back_does_not_return(page):
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(status=200, body="<title>Weather</title>"))
    page.goto("/learn/")
    page.goto("/learn/signs/")
    page.get_by_role("link", name="Quick exit").press("Enter")
    page.wait_for_url("https://www.bbc.co.uk/weather")
    page.go_back()
    assert "/learn/signs/" not in page.url


def test_escape_twice_is_a_quick_exit_too(page):
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(status=200, body="<title>Weather</title>"))
    page.goto("/learn/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.bbc.co.uk/weather")


def test_pages_work_at_320_pixels_wide_without_sideways_scrolling(page):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["/", "/learn/", "/learn/kinds-of-therapy/", "/accounts/signup/", "/help/crisis/"]:
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_typed_text_survives_an_expired_session(page, live_server):
    from conftest import PASSWORD as KNOWN_PASSWORD
    from conftest import make_user

    make_user("june@example.test", "client", name="June")
    page.goto("/accounts/login/")
    type_into(page, "Email", "june@example.test")
    type_into(page, "Password", KNOWN_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto("/account/profile/")
    field = page.get_by_label(re.compile("^Name to show"))
    field.fill("")
    field.focus()
    page.keyboard.type("June B., typed before the session ran out")
    # The session expires while the person is typing
    page.context.clear_cookies(name="sessionid")
    page.get_by_role("button", name="Save profile").press("Enter")
    page.wait_for_url("**/accounts/login/**")
    type_into(page, "Email", "june@example.test")
    type_into(page, "Password", KNOWN_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/profile/")
    # Back on the form, with what they typed, ready to save
    expect(page.get_by_label(re.compile("^Name to show"))).to_have_value("June B., typed before the session ran out")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_public_pages_are_accessible_in_both_colour_schemes(page, scheme):
    page.emulate_media(color_scheme=scheme)
    for path in ["/", "/learn/", "/learn/faq/", "/help/crisis/", "/accounts/login/", "/terms/", "/nope/"]:
        page.goto(path)
        accessible(page)
