"""Two taps on "Kept it" at the same moment still make one check-in for the day (PostgreSQL and SQLite)."""

import threading

import pytest
from django.db import connection

from trustrepair.exercises import factories, services
from trustrepair.exercises.models import PromiseCheckIn


@pytest.mark.django_db(transaction=True)
def test_simultaneous_check_ins_make_one_row(client_alice):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs a database with concurrent writers")
    promise = factories.make_self_promises(client_alice, 1, days=0)[0]
    barrier = threading.Barrier(4)
    errors = []

    def tap(kept):
        try:
            barrier.wait()
            services.check_in_promise(promise, kept=kept)
        except Exception as exc:  # noqa: BLE001 - any failure is what the test reports
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=tap, args=(i % 2 == 0,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert PromiseCheckIn.objects.filter(promise=promise).count() == 1
