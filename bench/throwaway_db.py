"""What bench/pages.py and bench/caseload.py share: a percentile and a throwaway test database.

SQLite gets a file in a temporary folder; PostgreSQL gets test_<name>, made and dropped around the run, as
Django's test runner would. Imported by scripts run as `python bench/<script>.py` (bench/ is on sys.path).
"""

import tempfile
from pathlib import Path


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


def run_in_throwaway_database(run, args) -> int:
    """Set Django up, make a test database, call run(args, connection, CaptureQueriesContext), drop it."""
    import django
    from django.conf import settings

    tmp = tempfile.TemporaryDirectory(prefix="trustrepair-bench-")
    django.setup()
    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db["TEST"]["NAME"] = str(Path(tmp.name) / "bench.sqlite3")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        return run(args, connection, CaptureQueriesContext)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        tmp.cleanup()
