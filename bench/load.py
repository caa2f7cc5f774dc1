"""Requests per second and latency of the main signed-in pages under gunicorn, beside a bare Django view.

    .venv/bin/python bench/load.py                       # PostgreSQL database bench_load (dropped and made anew)
    options: --db-url postgresql://…/NAME (a database this script may drop), --port 8260 (and the next one for
    the bare app), --duration 8 (seconds per page), --connections 50, --out FILE (also write the report there)

What it does, from outside like a person would:
1. makes the database anew, migrates, collects static files and runs `seed_demo` (TRUSTREPAIR_LOCAL=1 only for
   that command: the demo accounts have published passwords);
2. starts the project as production runs it — `gunicorn trustrepair.wsgi`, 2 sync workers, DEBUG off, secrets
   from the environment, PostgreSQL, behind a (pretend) TLS proxy that sets X-Forwarded-Proto — and beside it a
   bare one-view Django app (no middleware, one HttpResponse) under the same gunicorn settings;
3. signs the demo client in through the real login form (CSRF token, cookie, POST) once per connection, so each
   connection has its own session, and the demo therapist through the form and its TOTP step;
4. drives every page with wrk on loopback (installed with apt-get when missing and possible; otherwise a small
   threaded generator in this file, which is named in the output), the bare view before and after the pages;
5. prints per page requests/s, p50/p95/p99, errors (connection errors and non-2xx/3xx answers) and the ratio to
   the bare view's requests/s in the same run (the mean of its two runs). All figures are at --connections
   concurrent signed-in sessions, so p95 is the p95 at 50 users by default.

A page that does not answer 200 for its demo person (not on the branch, or no client in the caseload) is skipped
with the reason.
Bounded: about (pages + 2) × (duration + 2) seconds plus a minute of setup; it stops everything it started.
Not a test: it prints figures and exits 0 unless setup fails. The machine may be shared: `uptime` is printed.
"""

import argparse
import base64
import hashlib
import hmac
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
CLIENT_EMAIL = "alice@demo.trustrepair.test"
THERAPIST_EMAIL = "tess@demo.trustrepair.test"
DEMO_PASSWORD = "demo-trust-2026"  # noqa: S105 - published demo password (accounts/management/commands/seed_demo.py)
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - published demo TOTP secret (same file)
LOGINS_PER_ADDRESS = 25  # the login rate limit is 30 a minute per address; each batch signs in from its own 127.x

BARE_APP = """
import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import path

settings.configure(DEBUG=False, SECRET_KEY="bare", ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__, MIDDLEWARE=[])
django.setup()


def hello(request):
    return HttpResponse("Hello")


urlpatterns = [path("", hello)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
"""

WRK_SCRIPT = """
local cookies = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  if args[1] then
    for line in io.lines(args[1]) do cookies[#cookies + 1] = line end
  end
  n = 0
end
function request()
  n = n + 1
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  if #cookies > 0 then headers["Cookie"] = cookies[((id * 7 + n) % #cookies) + 1] end
  return wrk.format(nil, nil, headers)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


# ---------------------------------------------------------------------------------------------------- HTTP helpers


class Browser:
    """A cookie-keeping HTTP/1.1 client on loopback that tells the app it sits behind a TLS proxy."""

    def __init__(self, port: int, source: str = "127.0.0.1"):
        self.port = port
        self.source = source
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None, referer: str | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=(self.source, 0))
        headers = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
            headers["Referer"] = referer or f"https://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie = value.split(";", 1)[0]
                key, _, val = cookie.partition("=")
                if val and "max-age=0" not in value.lower():
                    self.cookies[key.strip()] = val.strip().strip('"')
                else:
                    self.cookies.pop(key.strip(), None)
        conn.close()
        return response.status, response.getheader("Location") or "", text

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def submit(self, path: str, fields: dict) -> tuple[int, str, str]:
        """GET the page, take its CSRF token, POST the form back: what a browser does with a form."""
        status, _, page = self.request("GET", path)
        if status != 200:
            raise SystemExit(f"load.py: GET {path} answered {status}")
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if not match:
            raise SystemExit(f"load.py: no CSRF token on {path}")
        return self.request("POST", path, {"csrfmiddlewaretoken": match.group(1), **fields})


def totp_now(secret: str) -> str:
    key = base64.b32decode(secret)
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def sign_in(port: int, email: str, source: str, *, totp: bool = False) -> Browser:
    browser = Browser(port, source)
    status, location, _ = browser.submit("/accounts/login/", {"login": email, "password": DEMO_PASSWORD})
    if status != 302:
        raise SystemExit(f"load.py: signing in {email} answered {status}, not a redirect")
    if "2fa" in location or totp:
        path = urlsplit(location).path
        status, location, _ = browser.submit(path, {"code": totp_now(DEMO_TOTP_SECRET)})
        if status != 302:
            raise SystemExit(f"load.py: the TOTP step for {email} answered {status}")
    # Land on the page the sign-in sends to, as a browser does: it shows (and so clears) the "signed in" message,
    # which would otherwise ride along in every measured request's cookies.
    path = urlsplit(location).path or "/"
    for _ in range(5):
        status, location, _ = browser.request("GET", path)
        if status not in (301, 302, 303):
            break
        path = urlsplit(location).path
    if "messages" in browser.cookies:
        raise SystemExit(f"load.py: a message is still waiting after {path} ({status}) for {email}")
    return browser


# ------------------------------------------------------------------------------------------------ load generators


def run_wrk(url: str, cookies_file: Path | None, seconds: int, connections: int, script: Path) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script)]
    command += ["-H", "X-Forwarded-Proto: https", url]
    if cookies_file:
        command += ["--", str(cookies_file)]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=False).stdout  # noqa: S603
    match = re.search(r"RESULT (\{.*\})", out)
    if not match:
        return {"rps": 0.0, "p50": 0.0, "p95": 0.0, "p99": 0.0, "errors": -1, "note": out[-200:]}
    raw = json.loads(match.group(1))
    return {
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50": raw["p50"] / 1000,
        "p95": raw["p95"] / 1000,
        "p99": raw["p99"] / 1000,
        "errors": raw["errors"],
    }


def run_threads(url: str, cookies: list[str], seconds: int, connections: int) -> dict:
    """The fallback generator: one thread and one keep-alive connection per simulated user."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def user(index: int):
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        headers = {"X-Forwarded-Proto": "https"}
        if cookies:
            headers["Cookie"] = cookies[index % len(cookies)]
        mine = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status < 400
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            mine.append(time.perf_counter() - started)
            if not ok:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=user, args=(i,)) for i in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    ordered = sorted(latencies) or [0.0]

    def pct(p):
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000

    return {"rps": len(latencies) / elapsed, "p50": pct(50), "p95": pct(95), "p99": pct(99), "errors": errors[0]}


def process_cpu_seconds(pid) -> tuple[str, float] | None:
    """A process's name and the user + system CPU seconds it used so far (from /proc; Linux only), or None
    when it is gone."""
    try:
        head, rest = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)
    except OSError:
        return None
    fields = rest.split()
    return head.split(" (", 1)[-1], (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def worker_cpu_seconds(master_pid: int) -> float:
    """User + system CPU seconds used so far by a gunicorn master's workers."""
    try:
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    except OSError:
        return 0.0
    return sum(used for _, used in filter(None, map(process_cpu_seconds, children)))


def postgres_cpu_seconds() -> dict[int, float]:
    """CPU seconds used so far by each of PostgreSQL's server processes on this machine (only when the server
    runs here, as on loopback it does). Connections to other databases count too: nothing else should be using
    it while this runs."""
    seconds = {}
    for proc in Path("/proc").glob("[0-9]*"):
        named = process_cpu_seconds(proc.name)
        if named is not None and named[0] == "postgres":
            seconds[int(proc.name)] = named[1]
    return seconds


def postgres_cpu_since(before: dict[int, float]) -> float:
    """PostgreSQL's CPU seconds since `before` (a connection that closed in between takes its share with it)."""
    return sum(used - before.get(pid, 0.0) for pid, used in postgres_cpu_seconds().items())


def count_lines(path: Path) -> int:
    try:
        with path.open("rb") as f:
            return sum(1 for _ in f)
    except OSError:
        return 0


def drain(access_log: Path, limit: float = 60):
    """Wait until the server's access log stops growing: every queued request has been answered."""
    deadline = time.monotonic() + limit
    last = -1
    while time.monotonic() < deadline:
        now = count_lines(access_log)
        if now == last:
            return
        last = now
        time.sleep(1)


def ensure_wrk() -> bool:
    if shutil.which("wrk"):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: installing Debian's wrk package with apt-get", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True, check=False)  # noqa: S607
    return bool(shutil.which("wrk"))


# ------------------------------------------------------------------------------------------------------ the run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-url", default="postgresql://postgres@127.0.0.1:5432/bench_load")
    parser.add_argument("--port", type=int, default=8260)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--label", default="", help="what is measured, printed in the first line")
    parser.add_argument("--only", help="comma-separated page names to measure (default: all)")
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="use this Redis as the shared cache (REDIS_URL), as production may; default: the database cache",
    )
    args = parser.parse_args()
    lines: list[str] = []

    def say(text: str = ""):
        print(text, flush=True)
        lines.append(text)

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)  # noqa: S607
    revision = head.stdout.strip() or "a tree outside git"
    say(f"bench/load.py at {revision} {args.label} on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    say(f"uptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")  # noqa: S607
    say(f"cores: {os.cpu_count()} (shared: other work on this machine changes the figures; compare ratios)")

    tmp = Path(tempfile.mkdtemp(prefix="trustrepair-load-"))
    port, bare_port = args.port, args.port + 1
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "TRUSTREPAIR_LOCAL", "REDIS_URL", "SITE_URL"}}
    env |= {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),
        "DATABASE_URL": args.db_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
        "SITE_URL": f"https://127.0.0.1:{port}",
        "TRUST_X_FORWARDED_PROTO": "1",
        **({"REDIS_URL": args.redis} if args.redis else {}),
        "BEHIND_TLS_TERMINATOR_WITHOUT_REDIRECT": "1",
        "TRUSTREPAIR_VAR": str(tmp),
        "JOBS_URL": f"sqlite:///{tmp / 'jobs.sqlite3'}",
        "EMAIL_URL": f"file://{tmp / 'mail'}",
        "LOG_LEVEL": "WARNING",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    (tmp / "mail").mkdir()
    processes: list[subprocess.Popen] = []
    try:
        setup_started = time.monotonic()
        recreate_database(args.db_url)
        manage = [PYTHON, str(ROOT / "manage.py")]
        for command in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [*manage, "seed_demo"], env=env | {"TRUSTREPAIR_LOCAL": "1"}, cwd=ROOT, check=True, capture_output=True
        )
        (tmp / "bare_app.py").write_text(BARE_APP)
        gunicorn = [
            str(BIN / "gunicorn"),
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
            "--no-control-socket",
        ]
        log = (tmp / "gunicorn.log").open("w")
        processes.append(
            subprocess.Popen(  # noqa: S603
                [*gunicorn, "--bind", f"127.0.0.1:{port}", "--access-logfile", str(tmp / "app.access.log")]
                + ["trustrepair.wsgi"],
                env=env,
                cwd=ROOT,
                stdout=log,
                stderr=log,
            )
        )
        processes.append(
            subprocess.Popen(  # noqa: S603
                [*gunicorn, "--bind", f"127.0.0.1:{bare_port}", "--access-logfile", str(tmp / "bare.access.log")]
                + ["bare_app:application"],
                env=env,
                cwd=tmp,
                stdout=log,
                stderr=log,
            )
        )
        for p in (port, bare_port):
            wait_until_up(p)
        say(f"setup (database, migrate, seed_demo, gunicorn): {time.monotonic() - setup_started:.0f} s")
        cache = f"Redis ({args.redis}) as the cache" if args.redis else "the database cache, no Redis"
        say(f"server: gunicorn, 2 sync workers each, DEBUG off, secrets from the environment, PostgreSQL, {cache}")

        # Sign in through the real form: one session per connection, from 127.0.0.x batches under the rate limit.
        started = time.monotonic()
        with ThreadPoolExecutor(4) as pool:  # two workers each; password hashing is the cost
            sources = [f"127.0.0.{10 + i // LOGINS_PER_ADDRESS}" for i in range(args.connections)]
            sessions = list(pool.map(lambda source: sign_in(port, CLIENT_EMAIL, source), sources))
        therapist = sign_in(port, THERAPIST_EMAIL, "127.0.0.9", totp=True)
        say(
            f"signed in: {len(sessions)} sessions of the demo client through /accounts/login/ (CSRF), and the demo"
            f" therapist through the form and its TOTP step, in {time.monotonic() - started:.0f} s"
        )
        cookies_file = tmp / "client-cookies.txt"
        cookies_file.write_text("\n".join(s.cookie_header() for s in sessions) + "\n")
        therapist_file = tmp / "therapist-cookies.txt"
        therapist_file.write_text(therapist.cookie_header() + "\n")

        pages = discover_pages(sessions[0], therapist, say)
        if args.only:
            pages = [p for p in pages if p[0] in args.only.split(",")]
        use_wrk = ensure_wrk()
        script = tmp / "rotate.lua"
        script.write_text(WRK_SCRIPT)
        say(
            "load generator: "
            + (
                "wrk (-t2, keep-alive; each request takes the next session's cookie)"
                if use_wrk
                else "threads in load.py"
            )
        )
        say(f"each page: {args.connections} concurrent connections for {args.duration} s after a 2 s warm-up")

        def measure(url: str, cookie_source: Path | None) -> dict:
            cookies = cookie_source.read_text().split("\n")[:-1] if cookie_source else []
            bare = url.startswith(f"http://127.0.0.1:{bare_port}/")
            master = processes[1 if bare else 0].pid
            access_log = tmp / ("bare.access.log" if bare else "app.access.log")
            if use_wrk:
                run_wrk(url, cookie_source, 2, args.connections, script)
            else:
                run_threads(url, cookies, 2, args.connections)
            drain(access_log)  # requests the warm-up left queued are served before the measured ones start
            cpu, db_cpu, before = worker_cpu_seconds(master), postgres_cpu_seconds(), count_lines(access_log)
            if use_wrk:
                result = run_wrk(url, cookie_source, args.duration, args.connections, script)
            else:
                result = run_threads(url, cookies, args.duration, args.connections)
            drain(access_log)
            served = count_lines(access_log) - before
            result["cpu_ms"] = (worker_cpu_seconds(master) - cpu) * 1000 / served if served else 0.0
            result["db_ms"] = postgres_cpu_since(db_cpu) * 1000 / served if served else 0.0
            return result

        bare_url = f"http://127.0.0.1:{bare_port}/"
        bare_first = measure(bare_url, None)
        results = []
        for name, path, who in pages:
            source = therapist_file if who == "therapist" else cookies_file
            results.append((name, path, measure(f"http://127.0.0.1:{port}{path}", source)))
        bare_last = measure(bare_url, None)
        bare_rps = statistics.mean([bare_first["rps"], bare_last["rps"]])
        bare_cpu = statistics.mean([bare_first["cpu_ms"], bare_last["cpu_ms"]])

        say()
        say(
            f"{'page':<22}{'path':<34}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'× bare':>8}"
            f"{'cpu ms':>8}{'cpu ×':>7}{'db ms':>7}"
        )
        for label, result in (("bare view (first)", bare_first), ("bare view (last)", bare_last)):
            say(row(label, "/", result, result["rps"] / bare_rps, bare_cpu))
        worst = 1.0
        worst_p95 = 0.0
        for name, path, result in results:
            ratio = result["rps"] / bare_rps
            worst, worst_p95 = min(worst, ratio), max(worst_p95, result["p95"])
            say(row(name, path, result, ratio, bare_cpu))
        say()
        say(f"bare view: {bare_rps:.0f} req/s (mean of its two runs)")
        say(
            "cpu ms: the gunicorn workers' CPU time per request they served (/proc and their access log; PostgreSQL's"
            " share not counted); cpu ×: the bare view's cpu ms over the page's, a ratio other load disturbs far less;"
            " db ms: PostgreSQL's CPU time per request served (all its processes on this machine)"
        )
        say(
            f"slowest page: {worst:.3f} of the bare view (budget ≥ 0.15); highest p95 at {args.connections} "
            f"signed-in sessions: {worst_p95:.0f} ms (budget ≤ 100 ms)"
        )
        say(f"uptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")  # noqa: S607
        errors = (tmp / "gunicorn.log").read_text()
        if "Traceback" in errors or "[ERROR]" in errors:
            say("gunicorn logged errors:\n" + errors[-2000:])
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        if (tmp / "gunicorn.log").exists():
            shutil.copy(tmp / "gunicorn.log", Path(tempfile.gettempdir()) / "trustrepair-load-gunicorn.log")
        shutil.rmtree(tmp, ignore_errors=True)
        if args.out:
            args.out.write_text("\n".join(lines) + "\n")
    return 0


def row(name: str, path: str, r: dict, ratio: float, bare_cpu: float) -> str:
    shown = path if len(path) <= 32 else path[:31] + "…"
    return (
        f"{name:<22}{shown:<34}{r['rps']:>8.0f}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['p99']:>9.1f}"
        f"{r['errors']:>8}{ratio:>8.3f}{r['cpu_ms']:>8.2f}{bare_cpu / r['cpu_ms'] if r['cpu_ms'] else 0:>7.3f}"
        f"{r['db_ms']:>7.2f}"
    )


def discover_pages(client: Browser, therapist: Browser, say) -> list[tuple[str, str, str]]:
    """The main signed-in pages, each checked to answer 200 (not a sign-in redirect) before it is measured."""
    wanted = [
        ("home", "/", "client"),
        ("Today", "/program/today/", "client"),
        ("tools", "/tools/", "client"),
        ("a tool list (journal)", "/tools/journal/", "client"),
        ("measures", "/measures/", "client"),
        ("insights", "/program/insights/", "client"),
        ("directory search", "/therapists/?mode=either&language=en", "client"),
        ("learn", "/learn/", "client"),
        ("caseload", "/care/caseload/", "therapist"),
        ("a client page", None, "therapist"),
        ("couples space", "/together/", "client"),
    ]
    found = []
    for name, path, who in wanted:
        browser = therapist if who == "therapist" else client
        if path is None:  # a client page: the first client link on the caseload
            caseload = next((p for n, p, _ in found if n == "caseload"), None)
            if caseload is None:
                say(f"skipped {name}: no caseload page on this branch")
                continue
            _, _, page = browser.request("GET", caseload)
            links = re.findall(r'href="(/care/clients/[0-9a-f-]{36}/)"', page)
            if not links:
                say(f"skipped {name}: the caseload lists no client page")
                continue
            path = links[0]
        status, location, _ = browser.request("GET", path)
        if status == 404:
            say(f"skipped {name} ({path}): not on this branch (404)")
        elif status != 200:
            say(f"skipped {name} ({path}): answered {status} {location}")
        else:
            found.append((name, path, who))
    return found


def wait_until_up(port: int):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/", headers={"X-Forwarded-Proto": "https"})
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"load.py: nothing answered on port {port} within 60 s")


def recreate_database(url: str):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name) or name in {"postgres", "template0", "template1"}:
        raise SystemExit(f"load.py: refusing to recreate the database {name!r}")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")


if __name__ == "__main__":
    sys.exit(main())
