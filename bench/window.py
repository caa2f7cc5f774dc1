"""Many Transparency Windows at once against gunicorn: poll latency and the rating → pause delay.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/wt_couples TRUSTREPAIR_LOCAL=1 \
        .venv/bin/python bench/window.py [--windows 100] [--seconds 90] [--workers 5] [--port 8204]

Seeds --windows couples (2 × that many accounts, emails @bench.test, removed first) each with a running
Window, starts gunicorn (`trustrepair.wsgi`, --workers sync workers: the worker class is printed) on the
database in DATABASE_URL (made when missing), and runs two "browsers" per Window, each polling the live
fragment once a second as couples/window.js does. Every few seconds one partner of each Window rates 7; the
figure is the time from sending that rating to the other partner's next poll showing "One of you needs a
pause". Then that partner rates 4 and both choose to go on, and the cycle repeats. Prints p50/p95 of the poll
and of that delay, and the errors. Not a test: exits 1 when p95 delay > 2 s or any request failed.
"""

import argparse
import http.client
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trustrepair.settings")
os.environ.setdefault("TRUSTREPAIR_LOCAL", "1")
PAUSE = "One of you needs a pause"
TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def seed(n: int) -> list[dict]:
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from conftest import signed_in_session_key
    from trustrepair.accounts import services as accounts
    from trustrepair.accounts.models import User
    from trustrepair.couples import services
    from trustrepair.couples.models import Window

    User.objects.filter(email__endswith="@bench.test").delete()
    password = make_password("bench-only-password")
    windows = []
    clear = dict.fromkeys(["hurt", "threatened", "afraid", "controlled", "forced"], "never")
    for i in range(n):
        pair = []
        for side, role in (("a", "client"), ("b", "partner")):
            user = User.objects.create(email=f"w{i}{side}@bench.test", password=password)
            accounts.complete_signup(
                user, role=role, display_name=f"{side}{i}", country="GB", time_zone="Europe/London"
            )
            accounts.grant_consent(user, kind="health_data")
            pair.append(user)
        _, code = services.create_invitation(pair[0])
        couple = services.accept_invitation(pair[1], code=code)
        for user in pair:
            services.record_screen(user, answers=clear)
        now = timezone.now()
        window = Window.objects.create(
            couple=couple, proposer_slot="a", question="What happened?", minutes=20, status=Window.Status.RUNNING,
            started_at=now, running_since=now, present_a=True, present_b=True,
        )  # fmt: skip
        for user in pair:
            window.parts.create(owner=user)
        windows.append(
            {"id": str(window.public_id), "a": signed_in_session_key(pair[0]), "b": signed_in_session_key(pair[1])}
        )
    return windows


class Browser:
    def __init__(self, port, session):
        self.port, self.cookie, self.token = port, f"sessionid={session}", ""

    def request(self, method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": self.cookie, "HX-Request": "true"}
        if body is not None:
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": self.token}
        conn.request(method, path, body=urlencode(body) if body is not None else None, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("csrftoken="):
                self.cookie = f"sessionid={self.cookie.split('sessionid=')[1].split(';')[0]}; {value.split(';')[0]}"
        conn.close()
        return response.status, text

    def prepare(self, window_id):
        status, page = self.request("GET", f"/together/window/{window_id}/")
        self.token = TOKEN.search(page).group(1)
        return status


def ensure_database(url: str) -> None:
    """Make the database in DATABASE_URL when it does not exist yet (an existing one is kept)."""
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=90)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--port", type=int, default=8204)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL to a PostgreSQL database (your own).", file=sys.stderr)
        return 2
    env = dict(os.environ)
    ensure_database(env["DATABASE_URL"])
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)  # noqa: S603
    started = time.monotonic()
    windows = seed(args.windows)
    print(f"seeded {len(windows)} running windows in {time.monotonic() - started:.0f} s")
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    server = subprocess.Popen(  # noqa: S603
        [gunicorn, "trustrepair.wsgi", "--workers", str(args.workers), "--worker-class", "sync",
         "--bind", f"127.0.0.1:{args.port}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for _ in range(120):
            try:
                Browser(args.port, "x").request("GET", "/")
                break
            except OSError:
                time.sleep(0.5)
        return drive(args, windows)
    finally:
        server.terminate()
        server.wait(timeout=30)


def drive(args, windows) -> int:
    polls, delays, errors = [], [], []
    lock = threading.Lock()
    pending: dict[str, float] = {}  # window → when its pausing rating was sent
    seen_pause: dict[str, threading.Event] = {w["id"]: threading.Event() for w in windows}
    stop = time.monotonic() + args.seconds
    browsers = {}
    for w in windows:
        for side in ("a", "b"):
            browser = Browser(args.port, w[side])
            if browser.prepare(w["id"]) != 200:
                errors.append(f"prepare {side} {w['id']}")
            browsers[w["id"], side] = browser

    def poller(w, side):
        browser = browsers[w["id"], side]
        path = f"/together/window/{w['id']}/live/"
        time.sleep(random.random())  # noqa: S311 - spread the pollers over the second
        while time.monotonic() < stop:
            t0 = time.monotonic()
            try:
                status, text = browser.request("GET", path)
            except OSError as exc:
                with lock:
                    errors.append(f"poll {exc}")
                time.sleep(1)
                continue
            elapsed = time.monotonic() - t0
            with lock:
                polls.append(elapsed)
                if status != 200:
                    errors.append(f"poll status {status}")
                if side == "a" and PAUSE in text and w["id"] in pending:
                    delays.append(time.monotonic() - pending.pop(w["id"]))
                    seen_pause[w["id"]].set()
            time.sleep(max(0.0, 1.0 - elapsed))

    def rater(w):
        b, a = browsers[w["id"], "b"], browsers[w["id"], "a"]
        base = f"/together/window/{w['id']}"
        while time.monotonic() < stop - 12:
            time.sleep(4 + 4 * random.random())  # noqa: S311
            seen_pause[w["id"]].clear()
            with lock:
                pending[w["id"]] = time.monotonic()
            for browser, path, body in [(b, f"{base}/rate/", {"value": 7})]:
                status, _ = browser.request("POST", path, body)
                if status != 200:
                    with lock:
                        errors.append(f"rate status {status}")
            if not seen_pause[w["id"]].wait(10):
                with lock:
                    errors.append("pause not seen within 10 s")
                    pending.pop(w["id"], None)
            time.sleep(2)
            for browser, path, body in [(b, f"{base}/rate/", {"value": 4}), (b, f"{base}/continue/", {}),
                                        (a, f"{base}/continue/", {})]:  # fmt: skip
                status, _ = browser.request("POST", path, body)
                if status != 200:
                    with lock:
                        errors.append(f"{path.rsplit('/', 2)[1]} status {status}")

    threads = [threading.Thread(target=poller, args=(w, s), daemon=True) for w in windows for s in ("a", "b")]
    threads += [threading.Thread(target=rater, args=(w,), daemon=True) for w in windows]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=args.seconds + 60)
    took = time.monotonic() - began
    ms = lambda v: f"{v * 1000:.0f} ms"  # noqa: E731
    print(f"gunicorn worker class: sync, {args.workers} workers; {len(windows)} windows, {2 * len(windows)} pollers")
    print(f"ran {took:.0f} s; {len(polls)} polls ({len(polls) / took:.0f}/s); {len(delays)} pauses")
    print(f"poll latency  p50 {ms(percentile(polls, 50))}  p95 {ms(percentile(polls, 95))}")
    print(f"rating→pause  p50 {ms(percentile(delays, 50))}  p95 {ms(percentile(delays, 95))}"
          f"  max {ms(max(delays) if delays else float('nan'))}")  # fmt: skip
    print(f"errors: {len(errors)}" + (f" (first: {errors[:3]})" if errors else ""))
    if delays:
        print(f"mean delay {statistics.mean(delays) * 1000:.0f} ms")
    return 0 if delays and percentile(delays, 95) <= 2.0 and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
