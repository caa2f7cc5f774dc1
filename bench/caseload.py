"""The caseload page's queries and server time for a therapist with 10 and with 200 clients, each client with
a year of data (weekly PHQ-9 and GAD-7, an alert or two, assigned questionnaires, an upcoming session).

    TRUSTREPAIR_LOCAL=1 .venv/bin/python bench/caseload.py            # throwaway SQLite file
    TRUSTREPAIR_LOCAL=1 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/wt_clinic .venv/bin/python bench/caseload.py
                                                                      # PostgreSQL: a throwaway test_<name> database
    options: --runs N (timed requests per caseload, default 40), --sizes 10,200, --weeks 52

Seeding uses bulk inserts (one per table and therapist), so it finishes in a minute or two. The query count
must be the same for 10 and 200 clients (and any amount of data); p95 should stay within 100 ms on PostgreSQL.
Server time is wall time inside the process (Django's test client, no network). Not a test: it prints figures.
"""

import argparse
import datetime as dt
import hashlib
import os
import random
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
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--sizes", default="10,200")
    parser.add_argument("--weeks", type=int, default=52)
    args = parser.parse_args()

    return run_in_throwaway_database(run, args)


def seed(therapist, practice, n: int, weeks: int, tag: str) -> int:
    """n clients in care with `therapist`, each with `weeks` of weekly PHQ-9 and GAD-7. Bulk inserts only."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from trustrepair.accounts.models import ConsentRecord, User
    from trustrepair.booking.models import Appointment
    from trustrepair.clinic.models import Assignment, CareRelationship, RiskAlert, SharingConsent
    from trustrepair.measures.models import Administration

    rng = random.Random(n)
    now = timezone.now()
    password = make_password("bench-password-123")
    clients = User.objects.bulk_create(
        User(email=f"{tag}-{i}@bench.test", password=password, role="client", display_name=f"Client {tag}{i}")
        for i in range(n)
    )
    clients = list(User.objects.filter(email__startswith=f"{tag}-").order_by("id"))
    ConsentRecord.objects.bulk_create(ConsentRecord(user=c, kind="health_data", version="bench") for c in clients)
    CareRelationship.objects.bulk_create(
        CareRelationship(client=c, therapist=therapist, practice=practice, started_via="code") for c in clients
    )
    relationships = list(CareRelationship.objects.filter(therapist=therapist).order_by("id"))
    SharingConsent.objects.bulk_create(
        SharingConsent(relationship=r, scope=scope)
        for r in relationships
        for scope in ("measures", "program", "risk_alerts", "tool:thought_record")
    )
    admins = []
    for c in clients:
        for instrument, items, top in (("phq9", 9, 3), ("gad7", 7, 3)):
            for w in range(weeks):
                answers = {str(k): rng.randint(0, top) for k in range(1, items + 1)}
                total = sum(answers.values())
                admins.append(
                    Administration(
                        owner=c,
                        instrument_id=instrument,
                        instrument_version="bench",
                        scoring_version="1",
                        answers_json="{}",
                        total=total,
                        completed_at=now - dt.timedelta(weeks=weeks - w, hours=rng.randint(0, 48)),
                        checksum=hashlib.sha256(f"{c.pk}{instrument}{w}".encode()).hexdigest(),
                    )
                )
    Administration.objects.bulk_create(admins, batch_size=2000)
    alerts = [
        RiskAlert(relationship=r, origin="screen", acknowledged_at=None if i % 7 == 0 else now)
        for i, r in enumerate(relationships)
        for _ in range(2)
    ]
    RiskAlert.objects.bulk_create(alerts)
    Assignment.objects.bulk_create(
        Assignment(relationship=r, kind="measure", target="phq9", due_at=now - dt.timedelta(days=i % 10 - 3))
        for i, r in enumerate(relationships)
    )
    appointments = []
    for i, c in enumerate(clients):
        start = (now + dt.timedelta(days=1 + i // 8, hours=i % 8)).replace(minute=0, second=0, microsecond=0)
        appointments.append(
            Appointment(
                therapist=therapist, client=c, kind="session", status="confirmed", start=start,
                end=start + dt.timedelta(minutes=50), blocks_until=start + dt.timedelta(minutes=55),
                reason="bench", contact_method="email",
            )
        )  # fmt: skip
    Appointment.objects.bulk_create(appointments)
    return len(admins)


def run(args, connection, CaptureQueriesContext) -> int:
    from allauth.mfa.totp.internal.auth import TOTP
    from django.core.management import call_command

    from conftest import TOTP_SECRET, SignedInClient, make_user
    from trustrepair.clinic import services

    call_command("createcachetable", verbosity=0)
    sizes = [int(s) for s in args.sizes.split(",")]
    lead = make_user("lead@bench.test", "therapist", name="Lead", mfa=True)
    backup = make_user("backup@bench.test", "therapist", name="Backup", mfa=True)
    practice = services.create_practice(name="Bench practice", lead=lead, backup=backup)
    therapists = {}
    for size in sizes:
        therapist = make_user(f"t{size}@bench.test", "therapist", name=f"T{size}")
        TOTP.activate(therapist, TOTP_SECRET)
        services.add_member(practice, therapist, role="therapist")
        started = time.perf_counter()
        rows = seed(therapist, practice, size, args.weeks, f"c{size}")
        print(f"seeded {size} clients, {rows} questionnaire rows in {time.perf_counter() - started:.1f}s")
        therapists[size] = therapist

    print(f"database: {connection.vendor} · {args.runs} timed requests per caseload after one warm-up\n")
    header = f"{'clients':>8} {'queries':>8} {'rows shown':>11} {'p50 ms':>8} {'p95 ms':>8}"
    print(header)
    print("-" * len(header))
    counts = []
    for size, therapist in therapists.items():
        client = SignedInClient()
        client.force_login(therapist)
        response = client.get("/care/caseload/")
        if response.status_code != 200:
            print(f"{size:>8} HTTP {response.status_code}")
            return 1
        connection.queries_log.clear()  # request_started resets the log; start the capture from empty
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/care/caseload/")
        queries = len(ctx.captured_queries)  # read now: the next request resets the connection's log
        counts.append(queries)
        if os.environ.get("BENCH_SHOW_QUERIES"):
            for q in ctx.captured_queries:
                print(f"  {q['time']} {q['sql'][:160]}")
        samples = []
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            client.get("/care/caseload/")
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        for _ in range(args.runs):
            t0 = time.perf_counter()
            client.get("/care/caseload/")
            samples.append((time.perf_counter() - t0) * 1000)
        shown = len(response.context["rows"])
        print(f"{size:>8} {queries:>8} {shown:>11} {statistics.median(samples):>8.1f} {percentile(samples, 95):>8.1f}")
    print(f"\nquery count flat across sizes: {'yes' if len(set(counts)) == 1 else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
