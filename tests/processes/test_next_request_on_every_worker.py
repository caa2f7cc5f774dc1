"""Quick exit, erasure and withdrawn consent take effect on the next request, whichever worker answers it.

Starts the app as production runs it — `gunicorn trustrepair.wsgi`, two sync workers, DEBUG off, secrets from
the environment, behind a (pretend) TLS proxy — and drives it from outside through the real sign-in form. Each
session is first used on both workers (so any per-process cache would now hold it), then the change is made
through one worker, and requests are sent until both workers have answered: every answer must refuse.
The access log names the worker (its process id) that answered each request. (issue 16)
"""

import base64
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.processes.test_make_run import free_port, server_database

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
PASSWORD = "correct-horse-battery-7"  # noqa: S105 - a test account's password
SEED = """
from allauth.account.models import EmailAddress
from trustrepair.accounts import services as accounts
from trustrepair.accounts.models import User
for email, name in (("alice@example.test", "Alice"), ("carol@example.test", "Carol"), ("dan@example.test", "Dan")):
    user = User.objects.create_user(email=email, password="correct-horse-battery-7")
    accounts.complete_signup(user, role="client", display_name=name, country="GB", time_zone="Europe/London")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
"""

pytestmark = pytest.mark.skipif(not Path(GUNICORN).exists(), reason="gunicorn is not installed in this venv")


class Browser:
    """Keeps cookies; one connection per request, so the two workers take turns at random."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://127.0.0.1:{self.port}",
                "Referer": f"https://127.0.0.1:{self.port}{path}",
            }
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, val = value.split(";", 1)[0].partition("=")
                if val and "max-age=0" not in value.lower():
                    self.cookies[key] = val.strip('"')
                else:
                    self.cookies.pop(key, None)
        conn.close()
        return response.status, response.getheader("Location") or "", text

    def submit(self, path: str, fields: dict) -> tuple[int, str, str]:
        status, location, page = self.request("GET", path)
        if status == 302 and "/reauthenticate/" in location:  # the page asks for the password again first
            where = location.split("127.0.0.1:" + str(self.port), 1)[-1]
            status, _, _ = self.submit(where, {"password": PASSWORD})
            assert status == 302, (where, status)
            status, location, page = self.request("GET", path)
        assert status == 200, (path, status, location)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request("POST", path, {"csrfmiddlewaretoken": token, **fields})


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gunicorn")
    with server_database(tmp) as database_url:
        yield from _serving(tmp, database_url)


def _serving(tmp, database_url):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "TRUSTREPAIR_LOCAL", "REDIS_URL", "SITE_URL"}}
    env |= {
        "SECRET_KEY": base64.urlsafe_b64encode(os.urandom(40)).decode(),
        "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"https://127.0.0.1:{port}",
        "TRUST_X_FORWARDED_PROTO": "1",
        "BEHIND_TLS_TERMINATOR_WITHOUT_REDIRECT": "1",
        "TRUSTREPAIR_VAR": str(tmp),
        "JOBS_URL": f"sqlite:///{tmp / 'jobs.sqlite3'}",
        "EMAIL_URL": f"file://{tmp}",
        "LOG_LEVEL": "WARNING",
    }
    for command in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([*MANAGE, *command], env=env, check=True, cwd=ROOT)  # noqa: S603
    subprocess.run([*MANAGE, "shell", "-c", SEED], env=env, check=True, cwd=ROOT)  # noqa: S603
    access_log = tmp / "access.log"
    with (tmp / "gunicorn.log").open("w") as log:
        process = subprocess.Popen(  # noqa: S603
            [GUNICORN, "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}"]
            + ["--no-control-socket"] * _has_control_socket()
            + ["--access-logfile", str(access_log), "--access-logformat", "%(p)s %(U)s?%(q)s %(s)s"]
            + ["trustrepair.wsgi"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                Browser(port).request("GET", "/")
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError((tmp / "gunicorn.log").read_text()) from None
                time.sleep(0.3)
        yield port, access_log
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        shutil.rmtree(tmp / "static", ignore_errors=True)


def _has_control_socket() -> int:
    help_text = subprocess.run([GUNICORN, "--help"], capture_output=True, text=True, check=False).stdout  # noqa: S603
    return int("--no-control-socket" in help_text)


def sign_in(port: int, email: str) -> Browser:
    browser = Browser(port)
    status, location, _ = browser.submit("/accounts/login/", {"login": email, "password": PASSWORD})
    assert status == 302 and "login" not in location, (status, location)
    return browser


def answers_from_both_workers(browser: Browser, access_log: Path, probe: str) -> list[tuple[int, str]]:
    """GET /tools/?probe=… until both workers have answered it; return every (status, Location)."""
    answers = []
    for n in range(80):
        status, location, _ = browser.request("GET", f"/tools/?probe={probe}-{n}")
        answers.append((status, location))
        time.sleep(0.05)  # the access log is written after the response
        workers = set(re.findall(rf"^<?(\d+)>? /tools/\?probe={probe}-\d+ ", access_log.read_text(), re.MULTILINE))
        if len(workers) == 2 and n >= 3:
            return answers
    raise AssertionError(f"only one worker answered {probe} in 80 requests")


def test_quick_exit_ends_the_session_on_both_workers(server):
    port, access_log = server
    browser = sign_in(port, "alice@example.test")
    assert {s for s, _ in answers_from_both_workers(browser, access_log, "alice-before")} == {200}

    status, location, _ = browser.request("GET", "/leave/")
    assert status == 302

    answers = answers_from_both_workers(browser, access_log, "alice-after")
    assert all(status == 302 and "/accounts/login/" in location for status, location in answers), answers


def test_an_erasure_ends_every_session_of_the_person_on_both_workers(server):
    port, access_log = server
    other_device = sign_in(port, "carol@example.test")
    assert {s for s, _ in answers_from_both_workers(other_device, access_log, "carol-before")} == {200}

    erasing = sign_in(port, "carol@example.test")
    status, location, _ = erasing.submit("/account/erase/", {"confirmation": "ERASE"})
    assert status == 302 and location.endswith("/account/erased/"), (status, location)

    answers = answers_from_both_workers(other_device, access_log, "carol-after")
    assert all(status == 302 and "/accounts/login/" in location for status, location in answers), answers
    status, location, _ = Browser(port).submit(
        "/accounts/login/", {"login": "carol@example.test", "password": PASSWORD}
    )
    assert status == 200  # the sign-in form again: no such account any more


def test_withdrawn_consent_closes_the_tools_on_both_workers(server):
    port, access_log = server
    other_device = sign_in(port, "dan@example.test")
    assert {s for s, _ in answers_from_both_workers(other_device, access_log, "dan-before")} == {200}

    withdrawing = sign_in(port, "dan@example.test")
    status, _, _ = withdrawing.submit("/account/consents/health_data/revoke/", {})
    assert status == 302

    answers = answers_from_both_workers(other_device, access_log, "dan-after")
    assert all(status == 302 and "/account/consents/" in location for status, location in answers), answers
