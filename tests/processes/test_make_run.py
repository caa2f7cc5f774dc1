"""`make run` starts the web server and the job worker together (manage.py serve), and a reminder
that falls due is emailed once, even when the worker is killed and started again.

This starts exactly what `make run` starts — `manage.py serve` — against a fresh SQLite database
and a file email backend in a temporary directory, and watches from outside like a person would.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
SEED = """
from trustrepair.accounts import services as accounts
from trustrepair.accounts.models import User
from trustrepair.measures import registry, services as measures
alice = User.objects.create_user(email="alice@example.test", password="correct-horse-battery-7")
accounts.complete_signup(alice, role="client", display_name="Alice", country="GB", time_zone="Europe/London",
                         reminders=True)
measures.schedule_instrument(alice, instrument=registry.get("gad7"), every_days=7)  # due now: never taken
"""


@contextmanager
def server_database(folder: Path):
    """The database a test's own server runs on: a file in `folder`, or, when the suite runs on PostgreSQL (its
    DATABASE_URL), a new database beside the suite's, dropped afterwards, so these tests of the app as production
    runs it cover both databases, as CI does."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{folder / 'db.sqlite3'}"
        return
    import psycopg

    name = f"process_{uuid.uuid4().hex[:16]}"
    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield urlunsplit(parts._replace(path=f"/{name}"))
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, *, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"waited {timeout:.0f} s for {what}")


def emails_to(mail_dir: Path, address: str) -> list[str]:
    messages = []
    for path in sorted(mail_dir.glob("*.log")):
        messages += [m for m in path.read_text().split("-" * 79) if f"To: {address}" in m]
    return messages


@pytest.fixture
def environment(tmp_path):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SITE_URL", "JOBS_URL", "EMAIL_URL"}}
    env |= {
        "TRUSTREPAIR_LOCAL": "1",
        "DEBUG": "1",
        "TRUSTREPAIR_VAR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "EMAIL_URL": f"file://{mail_dir}",
        "PORT": str(port),
        "PYTHONUNBUFFERED": "1",
    }
    subprocess.run([*MANAGE, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)  # noqa: S603
    subprocess.run([*MANAGE, "createcachetable"], env=env, check=True, cwd=ROOT)  # noqa: S603
    subprocess.run([*MANAGE, "shell", "-c", SEED], env=env, check=True, cwd=ROOT)  # noqa: S603
    return env, port, mail_dir, tmp_path / "serve.log"


def test_make_run_starts_the_serve_command_on_its_port():
    # The process test below starts `manage.py serve --port …`; this keeps it the command `make run` runs.
    recipe = (ROOT / "Makefile").read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "PORT=$(PORT) $(BIN)/python manage.py serve --port $(PORT)" in recipe


def test_make_run_serves_on_its_port_and_its_worker_sends_a_due_reminder_exactly_once(environment):
    env, port, mail_dir, log_path = environment
    with log_path.open("w") as log:
        # The very command `make run PORT=…` runs (see the Makefile).
        serve = subprocess.Popen(  # noqa: S603
            [*MANAGE, "serve", "--port", str(port)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )
    output = log_path.read_text
    try:
        # The web server answers on the port asked for.
        wait_for(lambda: _status(f"http://127.0.0.1:{port}/") == 200, timeout=60, what="the web server")

        # The worker's scheduler runs the reminder job; the email arrives, worded discreetly, with a
        # link built from SITE_URL, which follows the port.
        [email] = wait_for(lambda: emails_to(mail_dir, "alice@example.test"), timeout=60, what="the email")
        assert "Subject: A reminder" in email
        assert f"http://127.0.0.1:{port}/measures/" in email
        assert "trustrepair" not in email.lower() and "gad" not in email.lower()

        # Kill the worker outright; serve starts it again, and the new worker runs every job again.
        [worker_pid] = re.findall(r"serve: worker started \(pid (\d+)\)", output())
        os.killpg(int(worker_pid), signal.SIGKILL)
        wait_for(lambda: len(re.findall(r"serve: worker started", output())) == 2, timeout=30, what="a restart")
        after_restart = lambda: output().rsplit("serve: worker started", 1)[1]  # noqa: E731
        for job in ("send_measure_reminders", "deliver_pending_emails"):
            wait_for(lambda job=job: f"job {job} finished" in after_restart(), timeout=60, what=f"{job} to run")

        # Nothing was sent twice.
        assert len(emails_to(mail_dir, "alice@example.test")) == 1
    finally:
        serve.send_signal(signal.SIGINT)  # what Ctrl-C does
        serve.wait(timeout=30)

    # Ctrl-C stopped the web server and the worker together.
    pids = [int(pid) for pid in re.findall(r"started \(pid (\d+)\)", output())]
    assert pids and not any(_alive(pid) for pid in pids)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)  # noqa: S310


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            return response.status
    except OSError:
        return 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
