"""The fixed cast every test uses, and the browser fixture (shared/TESTING.md).

client_alice works on her own trust; partner_bob is her partner; therapist_tess and staff_sam run the
practice (both with MFA on); stranger_eve is another client who must never see anything of theirs.
"""

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client, RequestFactory
from hypothesis import settings as hypothesis_settings

from trustrepair.accounts import services as account_services
from trustrepair.accounts.models import User
from trustrepair.core import places

# Properties assert behaviour, never speed (TESTING.md: timing belongs in bench/). Hypothesis's per-example
# deadline turned a busy machine into failures, so it is off for the whole suite.
hypothesis_settings.register_profile("trustrepair", deadline=None)
hypothesis_settings.load_profile("trustrepair")

PASSWORD = "correct-horse-battery-7"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def make_user(email: str, role: str, *, name: str = "", mfa: bool = False, place: str = "US-NY") -> User:
    user = User.objects.create_user(email=email, password=PASSWORD)
    country, subdivision = places.split(place)
    account_services.complete_signup(
        user, role=role, display_name=name, country=country, subdivision=subdivision, time_zone="Europe/London"
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if mfa:
        TOTP.activate(user, TOTP_SECRET)
    return user


class SignedInClient(Client):
    """The test client, whose `force_login` leaves the session a real sign-in through allauth would: indexed
    under the person (allauth's usersessions) and, for a person with MFA on, recorded as having passed MFA
    (clinical pages and the admin check that record). A session that did not pass MFA is made by signing in
    *before* MFA is turned on."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        from allauth.account.internal.flows.login import record_authentication
        from allauth.mfa.models import Authenticator
        from allauth.usersessions.models import UserSession

        from trustrepair.accounts.middleware import INDEX_MARK

        request = RequestFactory().get("/")
        request.session, request.user = self.session, user
        UserSession.objects.create_from_request(request)
        request.session[INDEX_MARK] = [request.session.session_key, time.time(), request.META["REMOTE_ADDR"]]
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is not None:
            record_authentication(request, user, "password", email=user.email)
            record_authentication(request, user, "mfa", id=totp.pk, type=totp.type)
        request.session.save()


def signed_in_session_key(user) -> str:
    """A session key for `user`, signed in as SignedInClient.force_login leaves it: for a browser's cookie."""
    browser = SignedInClient()
    browser.force_login(user)
    return browser.session.session_key


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite the test database is a file in memory-backed storage, not Django's default in-memory database.
    An in-memory database is one connection, which the live server hands to every request thread at once: two
    browser pages polling together (the Transparency Window) then failed at random with "cannot open savepoint -
    SQL statements in progress". A file gives each request thread its own connection, as in production (WAL)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # A private folder (mode 0700) in shared memory where there is one, so commits do not wait on a disk.
        memory = Path("/dev/shm")  # noqa: S108
        folder = Path(tempfile.mkdtemp(prefix="trustrepair-test-", dir=memory if memory.is_dir() else None))
        database.setdefault("TEST", {})["NAME"] = str(folder / "db.sqlite3")
        yield
        shutil.rmtree(folder, ignore_errors=True)
    else:
        yield


@pytest.fixture
def client():
    return SignedInClient()


@pytest.fixture
def another_device():
    """A second browser, for tests where one person is signed in twice."""
    return SignedInClient()


@pytest.fixture
def client_alice(db):
    return make_user("alice@example.test", User.Role.CLIENT, name="Alice")


@pytest.fixture
def partner_bob(db):
    return make_user("bob@example.test", User.Role.PARTNER, name="Bob")


@pytest.fixture
def therapist_tess(db):
    return make_user("tess@example.test", User.Role.THERAPIST, name="Tess", mfa=True)


@pytest.fixture
def staff_sam(db):
    return make_user("sam@example.test", User.Role.STAFF, name="Sam", mfa=True)


@pytest.fixture
def stranger_eve(db):
    return make_user("eve@example.test", User.Role.CLIENT, name="Eve")


@pytest.fixture
def cast(client_alice, partner_bob, therapist_tess, staff_sam, stranger_eve):
    return {
        "anonymous": None,
        "client": client_alice,
        "partner": partner_bob,
        "therapist": therapist_tess,
        "staff": staff_sam,
        "stranger": stranger_eve,
    }


@pytest.fixture
def signed_in(client):
    """`signed_in(user)` returns the test client signed in as `user`, past MFA where the role needs it."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def reauthenticated(client):
    """Sign in and confirm the password again, as a person does before sensitive actions
    (export, erasure, withdrawing consent), through allauth's real forms."""

    def login(user):
        client.force_login(user)
        response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        assert response.status_code == 302, response.content.decode()[:2000]
        return client

    return login


# ---- the browser -------------------------------------------------------------------------------
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def chromium():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests, but /usr/bin/chromium is missing.")
        pytest.skip("Debian's Chromium (/usr/bin/chromium) is not installed; browser tests run in CI.")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    # No page may load anything from another origin. (Leaving the site, as quick exit does, is a
    # navigation, not a request a page makes on its own.)
    outside = []
    page.on(
        "request",
        lambda r: None if r.url.startswith(live_server.url) or r.is_navigation_request() else outside.append(r.url),
    )
    yield page
    context.close()
    assert outside == [], f"a page made third-party requests: {outside}"


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core in the page; return the serious or critical violations, summarised."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result.response["violations"]
        if v["impact"] in impacts
    ]


@pytest.fixture
def no_shared_cache(settings):
    """Pages rendered afresh every time (core.page_cache keeps none): for tests that count what a page's own
    rendering costs."""
    settings.KEPT_PAGE_SECONDS = 0


@pytest.fixture(autouse=True)
def _cache_emptied_after_transactional_tests(request, django_db_blocker):
    """The cache is a table no flush empties: after a transactional test its entries (allauth's record of used
    TOTP codes, rate-limit counts) would reach the next test on the same worker, where the same ids recur."""
    yield
    marker = request.node.get_closest_marker("django_db")
    if (marker and marker.kwargs.get("transaction")) or {"transactional_db", "live_server"} & set(request.fixturenames):
        from django.core.cache import cache

        with django_db_blocker.unblock():
            cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Test speed only: real hashing is PBKDF2 (Django's default) everywhere else.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab, as a keyboard user would, until an element matching `selector` (a Playwright selector) has focus."""
    targets = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if targets.evaluate_all("els => els.includes(document.activeElement)"):
            return
    raise AssertionError(f"could not reach {selector} with the Tab key")


def tab_to_text(page, name: str, limit: int = 80) -> None:
    """Press Tab until the focused element's label or text contains `name`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        text = page.evaluate(
            "() => { const e = document.activeElement; return (e.labels && e.labels[0] ? e.labels[0].innerText : '')"
            " + ' ' + (e.innerText || e.value || '') }"
        )
        if name in text:
            return
    raise AssertionError(f"could not reach {name!r} with the keyboard")
