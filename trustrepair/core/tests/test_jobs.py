"""The job registry: every app's jobs are scheduled in the worker, and each can be run once by hand."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from trustrepair.accounts.models import Session
from trustrepair.accounts.sessions import SessionStore
from trustrepair.core import jobs

EXPECTED = {
    "send_measure_reminders",
    "send_booking_reminders",
    "deliver_pending_emails",
    "clear_expired_sessions",
    "refresh_next_available",
}


def test_every_app_job_is_registered_and_scheduled_in_the_worker():
    from trustrepair.core import tasks  # what `run_huey` imports

    assert set(jobs.all_jobs()) >= EXPECTED
    assert set(tasks.SCHEDULED) == set(jobs.all_jobs())
    periodic = {task.__name__ for task in HUEY._registry._periodic_tasks}
    assert periodic >= set(jobs.all_jobs())
    # Each job runs at the minutes it asked for: the reminder jobs every minute, session cleanup hourly
    every_minute = {task.name for task in HUEY.read_periodic(timezone.now().replace(minute=7))}
    assert {"send_measure_reminders", "deliver_pending_emails"} <= every_minute
    assert "clear_expired_sessions" not in every_minute


def test_a_schedule_must_divide_the_hour():
    with pytest.raises(ValueError):
        jobs.every(minutes=7)


@pytest.mark.django_db
def test_session_cleanup_removes_expired_sessions_only():
    old, current = SessionStore(), SessionStore()
    old.create()
    current.create()
    Session.objects.filter(session_key=old.session_key).update(expire_date=timezone.now() - dt.timedelta(days=1))
    call_command("run_job", "clear_expired_sessions")
    assert list(Session.objects.values_list("session_key", flat=True)) == [current.session_key]


@pytest.mark.django_db
def test_an_unknown_job_is_named_in_the_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No job called 'nope'"):
        call_command("run_job", "nope")
