"""Two tabs (or a double click) marking the same lesson done at the same moment leave one tick, no error."""

import threading

import pytest
from django.db import connection

from trustrepair.program import curriculum, services
from trustrepair.program.models import Enrolment, LessonCompletion


@pytest.mark.django_db(transaction=True)
def test_marking_the_same_lesson_done_at_once_keeps_one_tick(client_alice):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL (CI runs it there).")
    key = curriculum.all_lesson_keys()[0]
    start = threading.Barrier(4)
    errors = []

    def mark():
        try:
            start.wait()
            services.mark_lesson_done(client_alice, lesson_key=key)
        except Exception as exc:  # noqa: BLE001 - any error is the failure we are looking for
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=mark) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert LessonCompletion.objects.filter(owner=client_alice, lesson_key=key).count() == 1


@pytest.mark.django_db(transaction=True)
def test_enrolling_twice_at_once_keeps_one_enrolment(client_alice):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL (CI runs it there).")
    start = threading.Barrier(3)
    errors = []

    def enrol():
        try:
            start.wait()
            services.enrol(client_alice, starting_phase="trust-history")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=enrol) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Enrolment.objects.filter(owner=client_alice).count() == 1
