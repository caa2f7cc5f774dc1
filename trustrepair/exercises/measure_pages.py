"""Queries and server time of the tools' pages, for an empty account and one with a year of entries.

    TRUSTREPAIR_LOCAL=1 .venv/bin/python manage.py shell -c \
        "from trustrepair.exercises.measure_pages import main; main()"

Creates two throwaway clients (deleted afterwards) in the configured database. The full benchmark
(dashboard, insights, every app) is bench/pages.py; this is the tools' part, reusable from there.
"""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from trustrepair.exercises import factories
from trustrepair.exercises.tools import TOOLS


def tool_urls() -> list[str]:
    return [reverse("exercises:index"), *[reverse(t.list_name) for t in TOOLS]]


def measure(user, urls, repeat: int = 12) -> dict[str, tuple[int, float, float]]:
    """{url: (queries, p50 ms, p95 ms)} for `user`, signed in through the test client."""
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    results = {}
    for url in urls:
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
        times.sort()
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        results[url] = (len(queries.captured_queries), statistics.median(times), p95)
    return results


def _client(email):
    from trustrepair.accounts import services as account_services
    from trustrepair.accounts.models import User

    User.objects.filter(email=email).delete()
    user = User.objects.create_user(email=email, password=None)
    account_services.complete_signup(user, role="client", display_name="Bench", region="US", time_zone="UTC")
    return user


def _children(user) -> int:
    from trustrepair.exercises.models import BeliefRating, LadderAttempt, PromiseCheckIn, ThoughtEmotion

    return (
        ThoughtEmotion.objects.filter(record__owner=user).count()
        + BeliefRating.objects.filter(belief__owner=user).count()
        + LadderAttempt.objects.filter(step__owner=user).count()
        + PromiseCheckIn.objects.filter(promise__owner=user).count()
    )


def main() -> None:
    empty, year = _client("bench-empty@example.invalid"), _client("bench-year@example.invalid")
    try:
        made = factories.make_year_of_entries(year)
        print(f"a year of entries: {sum(made.values())} entries + {_children(year)} child rows, {made}")
        urls = tool_urls()
        a, b = measure(empty, urls), measure(year, urls)
        print(f"{'page':28} {'queries':>8} {'queries':>8} {'p50 ms':>8} {'p50 ms':>8} {'p95 ms':>8}")
        print(f"{'':28} {'empty':>8} {'a year':>8} {'empty':>8} {'a year':>8} {'a year':>8}")
        for url in urls:
            print(f"{url:28} {a[url][0]:>8} {b[url][0]:>8} {a[url][1]:>8.1f} {b[url][1]:>8.1f} {b[url][2]:>8.1f}")
    finally:
        empty.delete()
        year.delete()
