"""Queries and in-process time of every main signed-in page, with the demo data (`seed_demo`).

    TRUSTREPAIR_LOCAL=1 .venv/bin/python bench/main_pages.py            # throwaway SQLite file
    TRUSTREPAIR_LOCAL=1 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<name> .venv/bin/python bench/main_pages.py
    options: --runs N (timed requests per page, default 30); --queries (print each page's SQL);
             --profile PAGE (cProfile one page over --runs requests, top 40 by cumulative time)

The pages are bench/load.py's: home, Today, tools, a tool list, measures, insights, directory search, learn
(index, a topic, a lesson), the caseload, a client page and the couples space, requested through Django's test
client signed in as the demo client or the demo therapist (past MFA), as a real sign-in leaves the session.
"cpu p50 ms" is the process's CPU time per request (with SQLite, the database's work included), which other
load on a shared machine disturbs less than wall time. Not a test: it prints figures and exits 0 unless a page
fails to load.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trustrepair.settings")
os.environ.setdefault("TRUSTREPAIR_LOCAL", "1")

from throwaway_db import percentile, run_in_throwaway_database  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--queries", action="store_true")
    parser.add_argument("--profile", default="")
    args = parser.parse_args()
    return run_in_throwaway_database(run, args)


def main_pages(client, therapist):
    """(label, path, test client) for each main signed-in page; the client page is the caseload's first link."""
    import re

    from django.urls import reverse

    from trustrepair.learn import library

    topic = library.all_topics()[0]
    pages = [
        ("home", "/", client),
        ("Today", reverse("program:today"), client),
        ("tools", reverse("exercises:index"), client),
        ("a tool list (journal)", "/tools/journal/", client),
        ("measures", reverse("measures:index"), client),
        ("insights", reverse("program:insights"), client),
        ("directory search", reverse("directory:list") + "?mode=either&language=en", client),
        ("learn", reverse("learn:index"), client),
        ("a learn topic", reverse("learn:topic", args=[topic.slug]), client),
        ("caseload", reverse("clinic:caseload"), therapist),
        ("couples space", reverse("couples:home"), client),
    ]
    caseload = therapist.get(reverse("clinic:caseload")).content.decode()
    link = re.search(r'href="(/care/clients/[^"?#]+/)"', caseload)
    if link:
        pages.insert(-1, ("a client page", link.group(1), therapist))
    return pages


def run(args, connection, CaptureQueriesContext) -> int:
    from django.core.management import call_command

    from trustrepair.accounts.models import User

    sys.path.insert(0, str(ROOT))
    from django.template import Template
    from django.test.utils import _TestState

    from conftest import SignedInClient

    # Render templates as production does: without the test environment's per-template signal.
    Template._render = _TestState.saved_data.template_render
    call_command("createcachetable", verbosity=0)
    call_command("seed_demo", verbosity=0)
    client, therapist = SignedInClient(), SignedInClient()
    client.force_login(User.objects.get(email="alice@demo.trustrepair.test"))
    therapist.force_login(User.objects.get(email="tess@demo.trustrepair.test"))

    print(f"database: {connection.vendor} · {args.runs} requests per page after one warm-up request\n")
    header = f"{'page':<24} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50 ms':>10}"
    print(header)
    print("-" * len(header))
    failures = 0
    for label, url, browser in main_pages(client, therapist):
        response = browser.get(url)
        if response.status_code != 200:
            print(f"{label:<24} HTTP {response.status_code} {response.get('Location', '')}")
            failures += 1
            continue
        with CaptureQueriesContext(connection) as ctx:
            browser.get(url)
        queries = [q["sql"] for q in ctx.captured_queries]  # now: the next request empties Django's query log
        if args.profile and args.profile == label:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.runs):
                browser.get(url)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        samples, cpu = [], []
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            browser.get(url)
            samples.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        print(
            f"{label:<24} {len(queries):>7} {statistics.median(samples):>8.1f} {percentile(samples, 95):>8.1f}"
            f" {statistics.median(cpu):>10.2f}"
        )
        if args.queries:
            for sql in queries:
                print("    ", sql[:300])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
