"""A client's revocation takes effect on the therapist's next request on every worker: gunicorn with two
sync workers, production settings (DEBUG and TRUSTREPAIR_LOCAL off), watched from outside over HTTP.

Recipe from test_make_run.py: a fresh database (a SQLite file, or a new PostgreSQL database when the suite runs
on PostgreSQL: `server_database`), seeded with `manage.py shell`.
The access log names the worker (pid) that answered each request, so the test proves both workers served the
page after the revocation and neither showed what was revoked.
"""

import json
import os
import re
import signal
import subprocess
import sys
import urllib.request

import pytest
from cryptography.fernet import Fernet

from tests.processes.test_make_run import ROOT, free_port, server_database, wait_for

MANAGE = [sys.executable, str(ROOT / "manage.py")]
SEED = """
import datetime as dt, json
from django.utils import timezone
from conftest import make_user, signed_in_session_key
from trustrepair.clinic import services
from trustrepair.measures import registry, services as measures
tess = make_user("tess@example.test", "therapist", name="Tess", mfa=True)
alice = make_user("alice@example.test", "client", name="Alice")
lena = make_user("lena@example.test", "therapist", name="Lena", mfa=True)
services.create_practice(name="Riverside", lead=lena, backup=tess)
text, _ = services.issue_code(tess)
care = services.redeem_code(alice, text)
services.share(care, "measures")
for days, v in ((14, 1), (1, 2)):
    measures.submit_answers(alice, instrument=registry.get("gad7"), answers={str(n): v for n in range(1, 8)},
                            completed_at=timezone.now() - dt.timedelta(days=days))
print("SEEDED" + json.dumps({"session": signed_in_session_key(tess), "care": str(care.public_id)}))
"""
REVOKE = """
from trustrepair.clinic import services
from trustrepair.clinic.models import CareRelationship
services.revoke(CareRelationship.objects.get(), "measures")
"""


@pytest.fixture
def production(tmp_path):
    with server_database(tmp_path) as database_url:
        yield _prepared(tmp_path, database_url)


def _prepared(tmp_path, database_url):
    port = free_port()
    keep = {"PATH", "HOME", "LANG", "PYTHONPATH", "VIRTUAL_ENV"}
    env = {k: v for k, v in os.environ.items() if k in keep} | {
        "SECRET_KEY": "process-test-" + "x" * 40,
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "TRUSTREPAIR_VAR": str(tmp_path),
        "DATABASE_URL": database_url,
        "JOBS_URL": f"sqlite:///{tmp_path / 'jobs.sqlite3'}",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "BEHIND_TLS_TERMINATOR_WITHOUT_REDIRECT": "1",
        "EMAIL_URL": f"file://{tmp_path}",
        "PYTHONUNBUFFERED": "1",
    }
    subprocess.run([*MANAGE, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603
    subprocess.run([*MANAGE, "createcachetable"], env=env, check=True, cwd=ROOT)  # noqa: S603
    subprocess.run([*MANAGE, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603
    out = subprocess.run(  # noqa: S603
        [*MANAGE, "shell", "-c", SEED], env=env, check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout
    seeded = json.loads(out.split("SEEDED", 1)[1])
    return env, port, seeded, tmp_path / "access.log"


def _get(port, path, session):
    request = urllib.request.Request(  # noqa: S310
        f"http://127.0.0.1:{port}{path}",
        # A browser also holds a CSRF cookie after its first page; with it, pages are kept (core.page_cache), so
        # this also proves that a kept page never outlives the revocation.
        headers={"Cookie": f"sessionid={session}; csrftoken={'k' * 32}", "Connection": "close"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.status, response.read().decode()


def test_revoking_takes_effect_on_the_next_request_on_both_workers(production):
    env, port, seeded, access_log = production
    path = f"/care/clients/{seeded['care']}/"
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable, "-m", "gunicorn", "trustrepair.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}",
            "--access-logfile", str(access_log), "--control-socket", str(access_log.parent / "gunicorn.ctl"),
            "--access-logformat", "%(p)s %(U)s %(s)s",
        ],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=(access_log.parent / "gunicorn.log").open("w"),
    )  # fmt: skip
    try:
        wait_for(lambda: _status(port) == 200, timeout=60, what="gunicorn")

        def pids_serving(shows_it: bool) -> set[str]:
            """Twelve requests; every one must (or must not) show the questionnaire. Returns the workers' pids."""
            before = access_log.read_text() if access_log.exists() else ""
            for _ in range(12):
                status, body = _get(port, path, seeded["session"])
                assert status == 200
                assert ("GAD-7" in body) is shows_it
            new = access_log.read_text()[len(before) :]
            return {pid for pid, url in re.findall(r"^<(\d+)> (\S+) 200$", new, re.M) if url == path}

        def both_workers(shows_it: bool) -> set[str]:
            served: set[str] = set()
            for _ in range(6):
                served |= pids_serving(shows_it)
                if len(served) == 2:
                    break
            return served

        # Both workers show the shared questionnaire (each has read the consent, and could have kept it).
        assert len(both_workers(True)) == 2
        subprocess.run([*MANAGE, "shell", "-c", REVOKE], env=env, check=True, cwd=ROOT)  # noqa: S603
        # The very next requests, on whichever worker answers, show nothing of it.
        assert len(both_workers(False)) == 2
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def _status(port) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:  # noqa: S310
            return response.status
    except OSError:
        return 0
