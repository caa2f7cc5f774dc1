"""Queries and server time per page, for an empty account and one with a year of daily entries.

    TRUSTREPAIR_LOCAL=1 .venv/bin/python bench/pages.py             # throwaway SQLite file
    TRUSTREPAIR_LOCAL=1 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/wt_program .venv/bin/python bench/pages.py
                                                                     # PostgreSQL: a throwaway test_<name> database
    options: --runs N (timed requests per page and account, default 30), --days N (default 365)

Builds three client accounts: "empty" (enrolled, nothing written), "week" (a week of entries) and "year"
(every tool filled with about a year of daily use by trustrepair.exercises.factories: ~5,000 rows
requested; the table of tools rows actually made is printed), then requests the home
dashboard, today, insights, the printable summary and every tool's list page through Django's test
client. Queries per page must not grow with the data: the last column says whether a week of entries and
a year of them cost the same number of queries (an empty account can cost fewer, since Django skips a
prefetch when there are no parent rows).
Server time is wall time inside the process (no network), p50 and p95 over --runs requests.
Not a test: it prints figures and exits 0 unless a page fails to load.
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


def _owner_paths(models):
    """Each tools model with the lookup to its owner (entries have `owner`; children reach it via their parent)."""
    for model in models:
        if any(f.name == "owner" for f in model._meta.fields):
            yield model, "owner"
        else:
            parent = next(f for f in model._meta.fields if f.many_to_one)
            yield model, f"{parent.name}__owner"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()

    return run_in_throwaway_database(run, args)


def run(args, connection, CaptureQueriesContext) -> int:
    from django.apps import apps
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from trustrepair.accounts import services as account_services
    from trustrepair.accounts.models import User
    from trustrepair.exercises import factories
    from trustrepair.exercises.tools import TOOLS
    from trustrepair.program import curriculum
    from trustrepair.program import services as program

    call_command("createcachetable", verbosity=0)
    people = {}
    for name in ("empty", "week", "year"):
        user = User.objects.create_user(email=f"{name}@bench.test", password="bench-password-123")  # noqa: S106
        account_services.complete_signup(
            user, role="client", display_name=name, country="US", subdivision="US-NY", time_zone="UTC"
        )
        program.enrol(user, starting_phase=curriculum.phase_slugs()[0])
        people[name] = user

    started = time.perf_counter()
    factories.make_year_of_entries(people["week"], days=7)
    factories.make_year_of_entries(people["year"], days=args.days)
    for key in curriculum.all_lesson_keys()[:9]:
        program.mark_lesson_done(people["year"], lesson_key=key)
    rows = sum(
        m.objects.filter(**{owner: people["year"]}).count()
        for m, owner in _owner_paths(apps.get_app_config("exercises").get_models())
    )
    made_in = time.perf_counter() - started
    print(f"database: {connection.vendor} · year account: {rows} rows in the tools, made in {made_in:.1f}s")
    print(f"timing: {args.runs} requests per page and account, after one warm-up request\n")

    pages = [
        ("dashboard", "/"),
        ("program today", reverse("program:today")),
        ("insights", reverse("program:insights")),
        ("summary (all figures)", reverse("program:summary") + "?show=1"),  # choices posted below, kept in session
        ("tools index", reverse("exercises:index")),
    ] + [(f"list: {tool.slug}", reverse(tool.list_name)) for tool in TOOLS]

    clients = {}
    for name, user in people.items():
        clients[name] = Client()
        clients[name].force_login(user)
        # The summary's choices are posted and kept in the session, never in the address (issue 8).
        clients[name].post(reverse("program:summary"), {"include_phases": "on", "include_insights": "on"})

    header = f"{'page':<26} {'queries empty/week/year':>24} {'empty p50/p95 ms':>18} {'year p50/p95 ms':>18}  constant?"
    print(header)
    print("-" * len(header))
    failures = 0
    for label, url in pages:
        counts, times = {}, {}
        for name, client in clients.items():
            response = client.get(url)  # warm-up: template loading, first-touch caches
            if response.status_code != 200:
                print(f"{label:<26} HTTP {response.status_code} for {name}")
                failures += 1
                break
            with CaptureQueriesContext(connection) as ctx:
                client.get(url)
            counts[name] = len(ctx.captured_queries)
            if name == "week":
                continue  # the week account is there for the query count only
            samples = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                client.get(url)
                samples.append((time.perf_counter() - t0) * 1000)
            times[name] = (statistics.median(samples), percentile(samples, 95))
        else:
            same = "yes" if counts["week"] == counts["year"] else "NO"
            print(
                f"{label:<26} {counts['empty']:>12} / {counts['week']:>3} / {counts['year']:<4}"
                f" {times['empty'][0]:>8.1f} / {times['empty'][1]:<7.1f}"
                f" {times['year'][0]:>8.1f} / {times['year'][1]:<7.1f}  {same}"
            )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
