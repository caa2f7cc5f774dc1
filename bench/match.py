"""Latency of a full therapist match (questionnaire → top 20 with breakdowns), in the database vs naive.

    .venv/bin/python bench/match.py                       # N = 1,000 10,000 100,000 on SQLite and PostgreSQL
    .venv/bin/python bench/match.py --sizes 1000 10000 --backends sqlite

It makes its own databases: SQLite files under var/bench/ and a PostgreSQL database (--pg-db, default
bench_match, plus <pg-db>_template) on the server in BENCH_PG_URL, else postgresql://postgres@127.0.0.1:5432/postgres.
Each backend is migrated once per run into a template, copied for each N (a file copy; CREATE DATABASE … TEMPLATE).
Each (backend, N) runs in its own process: seed N therapists with seed_directory's generator (same distributions)
through bench/bulk_load.py — COPY on PostgreSQL, one executemany on SQLite (synchronous off, journal in memory),
one transaction, secondary indexes dropped before and rebuilt after loading — then ANALYZE, then time the same
questionnaires two ways in the same run:

  sql    the app's path (selectors.match): hard requirements, licence jurisdiction, integer score and order
         all in SQL (directory/sql_matching.py); only the top 20 rows leave the database, and their "why this
         match" is built in Python
  naive  the ranking code as it stood before issue 16 (bench/naive_match.py): every listed row loaded, the
         pure matcher filters, scores and orders in Python → top 20 → profiles fetched

Both return the identical ranking (checked on every questionnaire before timing). The ratio is naive p95 /
sql p95. The naive path takes seconds per run at N = 100,000: there it runs 5 times per mode, the agreement
check's runs included (--naive-runs to change). On PostgreSQL, "rows read" is the rows the scans of the ranking
query touch (sql_matching.ranking_sql under EXPLAIN ANALYZE: rows returned plus rows removed by a filter, summed
over scan nodes), the median/max over the questionnaires. `uptime` is printed before and after (other work on a
shared machine moves the figures), and so are the seconds of each phase.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres"

NEARBY = [
    {
        "format": "couples",
        "mode": "in_person",
        "place": "London, GB",
        "where": "GB",
        "budget_currency": "GBP",
        "radius_km": "25",
        "concerns": ["infidelity-and-betrayal"],
        "budget": "100",
        "times": ["weekday_evenings"],
    },
    {
        "format": "individual",
        "mode": "in_person",
        "place": "Austin, TX, US",
        "where": "US-TX",
        "radius_km": "50",
        "concerns": ["trust-issues", "attachment-anxiety"],
        "involved": ["partner"],
    },
    {
        "format": "family",
        "mode": "either",
        "place": "Toronto",
        "where": "CA-ON",
        "radius_km": "25",
        "concerns": ["family-estrangement"],
    },
    {
        "format": "individual",
        "mode": "in_person",
        "place": "Leeds",
        "where": "GB-ENG",
        "radius_km": "10",
        "language": "en",
        "budget": "70",
    },
    {
        "format": "individual",
        "mode": "either",
        "place": "Sydney",
        "where": "AU-NSW",
        "radius_km": "25",
        "concerns": ["relationship-trauma"],
        "times": ["weekends"],
    },
]
ONLINE = [
    {
        "format": "individual",
        "mode": "online",
        "where": "US-CA",
        "language": "es",
        "budget": "80",
        "concerns": ["trust-issues"],
    },
    {
        "format": "couples",
        "mode": "online",
        "where": "GB",
        "concerns": ["infidelity-and-betrayal"],
        "times": ["weekends"],
    },
    {
        "format": "individual",
        "mode": "online",
        "where": "US-NY",
        "concerns": ["attachment-anxiety", "trust-issues"],
        "budget": "120",
    },
]


IN_PERSON = [a for a in NEARBY if a["mode"] == "in_person"]
EITHER = [a for a in NEARBY if a["mode"] == "either"] + [
    {**a, "mode": "either"} for a in NEARBY if a["mode"] == "in_person"
]


def rows_read(plan: dict) -> int:
    """Rows the scan nodes of an EXPLAIN ANALYZE (FORMAT JSON) plan touched: returned plus filtered out."""
    total = 0
    if "Relation Name" in plan:
        touched = plan.get("Actual Rows", 0) + plan.get("Rows Removed by Filter", 0)
        touched += plan.get("Rows Removed by Index Recheck", 0)
        total += touched * plan.get("Actual Loops", 1)
    for child in plan.get("Plans", ()):
        total += rows_read(child)
    return total


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


# ---- worker: one backend, one N ------------------------------------------------------------------


def worker(n: int, runs: int, naive_runs: int, reuse: bool = False) -> dict:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.http import QueryDict

    from bench.naive_match import naive_match
    from trustrepair.directory import matching, seeding, selectors, sql_matching
    from trustrepair.directory.forms import MatchForm
    from trustrepair.directory.models import Licence, TherapistProfile

    User = get_user_model()

    from bench import bulk_load

    phases = {}
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    phases["migrate_s"] = time.perf_counter() - started
    started = time.perf_counter()
    if not (reuse and TherapistProfile.objects.count() == n):
        insert = bulk_load.Inserter()
        tables = [
            TherapistProfile._meta.db_table,
            TherapistProfile.modalities.through._meta.db_table,
            TherapistProfile.specialties.through._meta.db_table,
            Licence._meta.db_table,
            User._meta.db_table,
        ]
        with bulk_load.fast_sqlite(), transaction.atomic(), bulk_load.without_indexes(tables, phases):
            seeding.seed_therapists(n, email_prefix="bench", seed=42, batch_size=20000, insert=insert)
            insert.reset_sequences()
        phases["insert_s"] = insert.seconds
    seed_s = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    phases["analyze_s"] = time.perf_counter() - started
    listed = TherapistProfile.objects.filter(is_listed=True).count()
    today = datetime.date(2026, 12, 7)

    def request_from(answers: dict) -> matching.Request:
        query = QueryDict(mutable=True)
        for key, value in answers.items():
            if isinstance(value, list):
                query.setlist(key, value)
            else:
                query[key] = value
        form = MatchForm(query)
        assert form.is_valid(), form.errors
        return form.match_request(today=today)

    seed = "2026-12-07:bench"

    def sql_path(answers):
        results = selectors.match(request_from(answers), seed=seed)
        return [r.match.candidate.key for r in results], [r.match.score for r in results]

    def naive_path(answers):
        ranked = naive_match(request_from(answers), seed=seed)
        keys = [m.candidate.key for m in ranked]
        profiles = {
            str(p.public_id): p
            for p in TherapistProfile.objects.filter(public_id__in=keys)
            .select_related("photo")
            .defer("photo__data")
            .prefetch_related("specialties", "modalities")
        }
        return [k for k in keys if k in profiles], [m.score for m in ranked]

    def explain(answers) -> int:
        qs = sql_matching.candidates(selectors.listed_profiles(), request_from(answers), seed)
        sql, params = sql_matching.ranking_sql(qs, 20, seed)  # the query selectors.match runs for the ids
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return rows_read(plan[0]["Plan"])

    out = {"n": n, "listed": listed, "seed_s": seed_s, "vendor": connection.vendor, "classes": {}, "phases": phases}
    measuring = time.perf_counter()
    for name, questionnaires in (("nearby", IN_PERSON), ("either", EITHER), ("online", ONLINE)):
        timings = {"sql": [], "naive": []}
        for answers in questionnaires:  # warm up, and check both paths agree
            t = time.perf_counter()
            naive = naive_path(answers)
            if n > 10000:  # seconds per naive run: the check's runs are timed runs too (warm enough at this size)
                timings["naive"].append((time.perf_counter() - t) * 1000)
            assert sql_path(answers) == naive, f"paths disagree on {answers}"
        returned = [len(sql_path(a)[0]) for a in questionnaires]
        for label, fn, count in (
            ("sql", sql_path, runs),
            ("naive", naive_path, max(0, naive_runs - len(timings["naive"]))),
        ):
            for i in range(count):
                answers = questionnaires[i % len(questionnaires)]
                t = time.perf_counter()
                fn(answers)
                timings[label].append((time.perf_counter() - t) * 1000)
        read = sorted(explain(a) for a in questionnaires) if connection.vendor == "postgresql" else []
        out["classes"][name] = {
            "returned": returned,
            "sql_p50": percentile(timings["sql"], 50),
            "sql_p95": percentile(timings["sql"], 95),
            "naive_p50": percentile(timings["naive"], 50),
            "naive_p95": percentile(timings["naive"], 95),
            "rows_read": read[len(read) // 2] if read else None,
            "rows_read_max": read[-1] if read else None,
            "runs": runs,
            "naive_runs": len(timings["naive"]),
        }
    phases["measure_s"] = time.perf_counter() - measuring
    return out


# ---- orchestrator --------------------------------------------------------------------------------


def pg_admin(base_url: str, bench_db: str, template: str = "") -> None:
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{bench_db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{bench_db}"' + (f' TEMPLATE "{template}"' if template else ""))


_migrated: dict[str, bool] = {}  # backend → its template database is migrated (once per bench run)


def _run_worker(backend: str, env: dict, args: list[str]) -> dict:
    cmd = [sys.executable, __file__, *args]
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603 - our own script
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"worker failed for {backend}: {' '.join(args)}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_one(backend: str, n: int, runs: int, naive_runs: int, pg_db: str = "bench_match", reuse=False) -> dict:
    """One (backend, N) in its own process, on a copy of a database migrated once per backend per run."""
    env = dict(os.environ, TRUSTREPAIR_LOCAL="1", DJANGO_SETTINGS_MODULE="trustrepair.settings")
    if backend == "sqlite":
        folder = ROOT / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"match-{n}.sqlite3"
        template = folder / "match-template.sqlite3"
        if not reuse:
            for file in (path, template) if backend not in _migrated else (path,):
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{file}{suffix}").unlink(missing_ok=True)
            if backend not in _migrated:
                _run_worker(backend, dict(env, DATABASE_URL=f"sqlite:///{template}"), ["--migrate-only"])
                _migrated[backend] = True
            shutil.copyfile(template, path)
        env["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        base = os.environ.get("BENCH_PG_URL") or DEFAULT_PG
        parts = urlsplit(base)
        template = f"{pg_db}_template"
        if not reuse:
            if backend not in _migrated:
                pg_admin(base, template)
                _run_worker(
                    backend,
                    dict(env, DATABASE_URL=urlunsplit(parts._replace(path="/" + template))),
                    ["--migrate-only"],
                )
                _migrated[backend] = True
            pg_admin(base, pg_db, template=template)
        env["DATABASE_URL"] = urlunsplit(parts._replace(path="/" + pg_db))
    args = ["--worker", str(n), "--runs", str(runs), "--naive-runs", str(naive_runs)]
    return _run_worker(backend, env, args + (["--reuse"] if reuse else []))


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()  # noqa: S607
    except OSError:
        return f"load average: {load()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--backends", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"])
    parser.add_argument("--runs", type=int, default=40, help="timed matches per class on the SQL path")
    parser.add_argument("--naive-runs", type=int, default=0, help="timed naive matches per class (default: scaled)")
    parser.add_argument("--pg-db", default="bench_match", help="PostgreSQL database to (re)create for the bench")
    parser.add_argument("--reuse", action="store_true", help="measure the databases of the last run (no reseeding)")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--migrate-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.migrate_only:
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(json.dumps({"migrate_s": time.perf_counter() - started}))
        return
    if args.worker:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(worker(args.worker, args.runs, args.naive_runs, args.reuse)))
        return

    header = (
        f"{'backend':<10} {'N':>7} {'listed':>7} {'mode':<7} {'sql p50':>8} {'sql p95':>8} "
        f"{'naive p50':>9} {'naive p95':>9} {'p95 ratio':>9} {'rows read':>10}  seed  load"
    )
    print("Full match: questionnaire -> top 20 with breakdowns. Times in ms; ratio = naive p95 / sql p95.")
    print(f"uptime before: {uptime()}  (cores: {os.cpu_count()}; other work on this machine moves the figures)")
    print(header)
    print("-" * len(header))
    began = time.perf_counter()
    phase_lines = ["", "phases (s): migrate, seed (rows built + inserted), of which insert, indexes, ANALYZE, measure"]
    for backend in args.backends:
        for n in args.sizes:
            # The naive path takes seconds at 100,000 rows: 5 runs per mode there (at least one per questionnaire).
            naive_runs = args.naive_runs or (args.runs // 2 if n <= 10000 else 5)
            started = time.perf_counter()
            r = run_one(backend, n, args.runs, naive_runs, args.pg_db, args.reuse)
            ph = r["phases"]
            phase_lines.append(
                f"{backend:<10} {n:>7}  migrate {ph['migrate_s']:.1f}  seed {r['seed_s']:.1f}  "
                f"insert {ph.get('insert_s', 0):.1f}  indexes {ph.get('indexes_s', 0):.1f} ({ph.get('indexes', 0)})  "
                f"analyze {ph['analyze_s']:.1f}  measure {ph['measure_s']:.1f}  "
                f"process {time.perf_counter() - started:.1f}  (naive runs per mode: {naive_runs})"
            )
            for name, c in r["classes"].items():
                ratio = c["naive_p95"] / c["sql_p95"] if c["sql_p95"] else float("nan")
                read = f"{c['rows_read']}/{c['rows_read_max']}" if c["rows_read"] is not None else "-"
                print(
                    f"{backend:<10} {n:>7} {r['listed']:>7} {name:<7} {c['sql_p50']:>8.1f} {c['sql_p95']:>8.1f} "
                    f"{c['naive_p50']:>9.1f} {c['naive_p95']:>9.1f} {ratio:>8.1f}x {read:>10}  "
                    f"{r['seed_s']:>3.0f}s  {load()}",
                    flush=True,
                )
    for line in phase_lines:
        print(line)
    print(f"total {time.perf_counter() - began:.0f}s; uptime after: {uptime()}")
    print(
        "nearby = in person near London/Austin/Leeds; either = in person or remote near those and "
        "Toronto/Sydney; online = video or phone in US-CA/GB/US-NY. rows read = median/max over the "
        "questionnaires (PostgreSQL EXPLAIN ANALYZE)."
    )


if __name__ == "__main__":
    main()
