"""Revoking a share, unlinking, closing the safety gate and erasing take effect on the other partner's very
next request, whichever of two gunicorn sync workers answers it (DESIGN: nothing per-process holds consent,
links or gate state).

gunicorn runs as in production (`gunicorn trustrepair.wsgi`, two sync workers) against a fresh SQLite file;
the partners sign in through the real sign-in form and act through the pages, each request on a new
connection so that both workers answer.
"""

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.processes.test_make_run import free_port, server_database, wait_for

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
PASSWORD = "correct-horse-battery-7"
FELT = "I felt shut out when the door was locked"

SEED = f"""
from allauth.account.models import EmailAddress
from trustrepair.accounts import services as accounts
from trustrepair.accounts.models import User
from trustrepair.couples import services
for email, role in (("alice@example.test", "client"), ("bob@example.test", "partner")):
    user = User.objects.create_user(email=email, password={PASSWORD!r})
    accounts.complete_signup(user, role=role, display_name=email[:3], country="GB", time_zone="Europe/London")
    accounts.grant_consent(user, kind="health_data")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
"""
LINK = f"""
from trustrepair.accounts.models import User
from trustrepair.couples import services
alice, bob = User.objects.get(email="alice@example.test"), User.objects.get(email="bob@example.test")
_, code = services.create_invitation(alice)
couple = services.accept_invitation(bob, code=code)
clear = dict.fromkeys(["hurt", "threatened", "afraid", "controlled", "forced"], "never")
services.record_screen(alice, answers=clear)
services.record_screen(bob, answers=clear)
rupture, _ = services.log_rupture(bob, couple=couple, sharing="partner", felt={FELT!r})
print("RUPTURE", rupture.public_id)
"""
ERASE = """
from trustrepair.accounts.models import User
from trustrepair.core import privacy
privacy.erase_user(User.objects.get(email="bob@example.test"))
"""


class Person:
    """A browser: its own cookies, a new connection per request."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=20) as response:
            return response.read().decode()

    def post(self, path: str, data: dict, *, form_from: str | None = None) -> str:
        page = self.get(form_from or path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})  # noqa: S310
        with self.opener.open(request, timeout=20) as response:
            return response.read().decode()

    def sign_in(self, email: str) -> None:
        self.post("/accounts/login/", {"login": email, "password": PASSWORD})
        assert "sessionid" in {c.name for c in self.jar}


def shell(env, code: str) -> str:
    return subprocess.run(  # noqa: S603
        [*MANAGE, "shell", "-c", code], env=env, check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout


@pytest.fixture
def server(tmp_path):
    with server_database(tmp_path) as database_url:
        yield from _serving(tmp_path, database_url)


def _serving(tmp_path, database_url):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SITE_URL", "JOBS_URL", "EMAIL_URL"}}
    env |= {
        "TRUSTREPAIR_LOCAL": "1",
        "DEBUG": "1",
        "TRUSTREPAIR_VAR": str(tmp_path),
        "DATABASE_URL": database_url,
        "EMAIL_URL": f"file://{tmp_path}",
        "PORT": str(port),
    }
    subprocess.run([*MANAGE, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603
    subprocess.run([*MANAGE, "createcachetable"], env=env, check=True, cwd=ROOT)  # noqa: S603
    shell(env, SEED)
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603
        [GUNICORN, "trustrepair.wsgi", "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}"],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"

    def up():
        try:
            return urllib.request.urlopen(base + "/", timeout=2).status == 200  # noqa: S310
        except OSError:
            return False

    try:
        wait_for(up, timeout=60, what="gunicorn to answer")
        yield env, base
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def sees_it(person: Person, path: str, times: int = 6) -> list[bool]:
    return [FELT in person.get(path) for _ in range(times)]


def test_revoke_unlink_and_erase_take_effect_on_the_next_request_under_two_workers(server):
    env, base = server
    rupture = shell(env, LINK).split("RUPTURE ")[1].strip()
    path = f"/together/repair/{rupture}/"
    alice, bob = Person(base), Person(base)
    alice.sign_in("alice@example.test")
    bob.sign_in("bob@example.test")
    first = alice.get(path)
    assert FELT in first, re.sub(r"\s+", " ", first)[-3000:]
    assert sees_it(alice, path) == [True] * 6

    # Bob revokes: on Alice's next requests, on either worker, it is gone.
    bob.post(path, {"sharing": "private", "felt": FELT, "accepts_repair": "unknown"})
    assert sees_it(alice, path) == [False] * 6
    bob.post(path, {"sharing": "partner", "felt": FELT, "accepts_repair": "unknown"})
    assert sees_it(alice, path) == [True] * 6

    # Bob unlinks.
    bob.post("/together/unlink/", {})
    assert sees_it(alice, path) == [False] * 6

    # Linked again, then Bob's account is erased (from another process altogether).
    rupture = shell(env, LINK).split("RUPTURE ")[1].strip()
    path = f"/together/repair/{rupture}/"
    assert sees_it(alice, path) == [True] * 6

    # Bob says he does not feel safe: the gate closes for Alice on her next request, on either worker, and
    # only Bob's own clear screen opens it again.
    bob.post("/together/not-safe/", {}, form_from="/together/")
    assert sees_it(alice, path) == [False] * 6
    clear = dict.fromkeys(["hurt", "threatened", "afraid", "controlled", "forced"], "never")
    bob.post("/together/screen/", clear, form_from="/together/")
    assert sees_it(alice, path) == [True] * 6

    shell(env, ERASE)
    assert sees_it(alice, path) == [False] * 6
