"""The account pages (allauth's, in our own templates) fit a 320 px phone and pass axe, for a visitor, a client
without two-step sign-in and a therapist with it. The 320 px crawl (test_phone_width.py) walks the product's
own URLs; these live under allauth's. Where a page first asks the person to confirm it's them, the
confirmation page is checked too, then passed with the password, as a person would."""

import pytest
from django.urls import reverse

from conftest import PASSWORD, signed_in_session_key
from tests.browser.test_phone_width import look_at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "visitor": ["account_login", "account_signup", "account_reset_password"],
    "client": [
        "account_email",
        "account_change_password",
        "account_logout",
        "usersessions_list",
        "mfa_index",
        "mfa_activate_totp",
        "account_reauthenticate",
    ],
    "therapist": ["mfa_index", "mfa_view_recovery_codes", "mfa_deactivate_totp", "mfa_reauthenticate"],
}


@pytest.mark.parametrize("who", list(PAGES))
def test_account_pages_fit_a_phone_and_pass_axe(chromium, live_server, who, client_alice, therapist_tess):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    user = {"visitor": None, "client": client_alice, "therapist": therapist_tess}[who]
    if user is therapist_tess:
        RecoveryCodes.activate(therapist_tess)
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    if user is not None:
        context.add_cookies([{"name": "sessionid", "value": signed_in_session_key(user), "url": live_server.url}])
    page = context.new_page()
    problems = []
    try:
        for name in PAGES[who]:
            page.goto(reverse(name))
            if "/reauthenticate/" in page.url and not name.endswith("reauthenticate"):
                look_at(page, page.url, problems)
                page.fill("input[name=password]", PASSWORD)
                with page.expect_navigation():
                    page.press("input[name=password]", "Enter")
            assert page.locator("h1").count() == 1, page.url
            look_at(page, page.url, problems)
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
