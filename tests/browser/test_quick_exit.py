"""Quick exit ends the session and leaves nothing to go back to.

The neutral site is served locally (settings.QUICK_EXIT_URL), so the test makes no third-party request.
"""

import http.server
import threading

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from playwright.sync_api import expect

from conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEUTRAL_PAGE = b"<!doctype html><html lang=en><title>Weather</title><h1>Weather today</h1></html>"


class NeutralSite(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(NEUTRAL_PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def neutral_site(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NeutralSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.QUICK_EXIT_URL = f"http://127.0.0.1:{server.server_port}/weather"
    yield settings.QUICK_EXIT_URL
    server.shutdown()


@pytest.fixture
def alice_session(live_server):
    alice = make_user("alice@example.test", "client", name="Alice")
    client = Client()
    client.force_login(alice)
    return client.cookies["sessionid"].value


def sign_in_browser(context, live_server, session_key):
    context.add_cookies([{"name": "sessionid", "value": session_key, "url": live_server.url}])


def assert_signed_out_or_neutral(page, neutral_url):
    if page.url.startswith(neutral_url):
        expect(page.get_by_role("heading", name="Weather today")).to_be_visible()
        return
    assert page.locator("body[data-signed-in]").count() == 0, page.url
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in")).to_be_visible()
    assert "alice@example.test" not in page.content() and "Alice" not in page.content(), page.url


def test_quick_exit_signs_out_and_back_twice_and_reload_show_nothing_private(
    page, live_server, neutral_site, alice_session
):
    sign_in_browser(page.context, live_server, alice_session)
    page.goto("/")  # the dashboard
    page.goto("/account/profile/")
    expect(page.get_by_text("Signed in as alice@example.test")).to_be_visible()
    page.goto("/updates/")

    page.get_by_role("link", name="Quick exit").press("Enter")
    page.wait_for_url(neutral_site)
    # The beacon signed her out on the server: the session is gone
    expect(page.get_by_role("heading", name="Weather today")).to_be_visible()
    for _ in range(20):  # the beacon may still be on its way: poll, up to 5 s
        if not Session.objects.filter(session_key=alice_session).exists():
            break
        page.wait_for_timeout(250)
    assert not Session.objects.filter(session_key=alice_session).exists()

    page.go_back()  # the Updates page's entry was replaced by the neutral site: this is the profile
    assert_signed_out_or_neutral(page, neutral_site)
    page.go_back()
    assert_signed_out_or_neutral(page, neutral_site)
    page.reload()
    assert_signed_out_or_neutral(page, neutral_site)


def test_without_javascript_the_quick_exit_link_also_signs_out(chromium, live_server, neutral_site, alice_session):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        sign_in_browser(context, live_server, alice_session)
        page = context.new_page()
        page.goto("/account/profile/")
        page.get_by_role("link", name="Quick exit").click()
        page.wait_for_url(neutral_site)
        assert not Session.objects.filter(session_key=alice_session).exists()
        page.go_back()
        assert_signed_out_or_neutral(page, neutral_site)
    finally:
        context.close()
