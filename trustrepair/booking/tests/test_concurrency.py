"""No double booking under real concurrent writers, and reminders sent exactly once by parallel runners."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from trustrepair.accounts import services as account_services
from trustrepair.booking import services
from trustrepair.booking.models import Appointment
from trustrepair.booking.tests.helpers import another_client, book, open_every_day, upcoming_slots

THREADS = 20


def run_in_threads(count, target):
    """Start `count` threads at the same moment; each gets its own database connection."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def worker(index):
        try:
            barrier.wait()
            results[index] = target(index)
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="20 concurrent writers need PostgreSQL; SQLite serialises writers (see test_services for the SQLite check)",
)
def test_twenty_clients_booking_one_slot_at_once_gives_exactly_one_booking(therapist_tess):
    schedule = open_every_day(therapist_tess)
    start = upcoming_slots(schedule)[0]
    clients = [another_client(f"client{i}@example.test") for i in range(THREADS)]

    def attempt(i):
        try:
            return book(clients[i], therapist_tess, start)
        except services.SlotTaken as taken:
            return taken

    results, errors = run_in_threads(THREADS, attempt)
    assert errors == []
    booked = [r for r in results if isinstance(r, Appointment)]
    refused = [r for r in results if isinstance(r, services.SlotTaken)]
    assert len(booked) == 1
    assert len(refused) == THREADS - 1
    assert all("That time was just taken" in str(r) for r in refused)
    assert Appointment.objects.filter(therapist=therapist_tess, start=start).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="overlapping writers need PostgreSQL's row locks; SQLite serialises writers",
)
def test_twenty_clients_booking_overlapping_times_at_once_never_overlap(therapist_tess):
    schedule = open_every_day(therapist_tess, buffer_minutes=10)
    first = upcoming_slots(schedule, kind="session")[0]
    clients = [another_client(f"client{i}@example.test") for i in range(THREADS)]
    # Everyone asks for a different start, each 5 minutes apart, all overlapping the first session.
    starts = [first + dt.timedelta(minutes=5 * i) for i in range(THREADS)]

    def attempt(i):
        try:
            return services.book_appointment(
                client=clients[i], therapist=therapist_tess, kind="session", start=starts[i], reason="r"
            )
        except services.BookingError as refused:
            return refused

    results, errors = run_in_threads(THREADS, attempt)
    assert errors == []
    booked = sorted((r for r in results if isinstance(r, Appointment)), key=lambda a: a.start)
    for earlier, later in zip(booked, booked[1:], strict=False):
        assert later.start >= earlier.blocks_until


def confirmed_soon(client, therapist, count=3, *, consent=True):
    schedule = open_every_day(therapist)
    now = timezone.now()
    slots = [
        s for s in upcoming_slots(schedule, kind="session", days_ahead=0, days=1) if s < now + dt.timedelta(hours=23)
    ]
    # A client may hold two upcoming appointments with one therapist: more need more clients.
    clients = [client] + [another_client(f"client{i}@example.test") for i in range(count)]
    if consent:
        for person in (*clients, therapist):
            account_services.grant_consent(person, kind="email_reminders")
    return [book(clients[i // 2], therapist, slots[i * 3], kind="session") for i in range(count)]


@pytest.mark.django_db
def test_reminders_are_sent_exactly_once_when_the_command_runs_twice(client_alice, therapist_tess, settings):
    appointments = confirmed_soon(client_alice, therapist_tess)
    mail.outbox.clear()
    call_command("send_booking_reminders")
    call_command("send_booking_reminders")
    reminders = [m for m in mail.outbox if "reminder" in m.subject]
    assert len(reminders) == 2 * len(appointments)  # one to the client, one to the therapist, each once
    assert all(a.reminder_sent_at for a in Appointment.objects.all())


@pytest.mark.django_db
def test_nobody_is_reminded_without_their_reminder_consent(client_alice, therapist_tess):
    confirmed_soon(client_alice, therapist_tess, count=2, consent=False)
    account_services.grant_consent(therapist_tess, kind="email_reminders")
    mail.outbox.clear()
    call_command("send_booking_reminders")
    # Only Tess agreed to reminders: Alice gets neither an email nor an update
    assert [m.to for m in mail.outbox] == [[therapist_tess.email]] * 2
    assert not client_alice.notices.filter(kind="appointment_reminder").exists()


@pytest.mark.django_db
def test_moving_an_appointment_re_arms_its_reminder(client_alice, therapist_tess):
    [appointment] = confirmed_soon(client_alice, therapist_tess, count=1)
    assert services.send_due_reminders() == 1
    schedule = appointment.therapist.booking_schedule
    later = upcoming_slots(schedule, kind="session", days_ahead=0, days=1)[-1]
    services.reschedule(Appointment.objects.get(pk=appointment.pk), by=client_alice, start=later)
    assert Appointment.objects.get(pk=appointment.pk).reminder_sent_at is None


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's in-memory test database (shared cache) answers 'table is locked' instead of waiting, so "
    "parallel runners are proved on PostgreSQL; on SQLite the command running twice is proved above",
)
def test_reminders_are_sent_exactly_once_by_runners_in_parallel(client_alice, therapist_tess):
    appointments = confirmed_soon(client_alice, therapist_tess, count=5)
    mail.outbox.clear()
    counts, errors = run_in_threads(4, lambda i: services.send_due_reminders())
    assert errors == []
    assert sum(counts) == len(appointments)
    assert len([m for m in mail.outbox if "reminder" in m.subject]) == 2 * len(appointments)


@pytest.mark.django_db
def test_a_claimed_reminder_cannot_be_claimed_again(client_alice, therapist_tess):
    [appointment] = confirmed_soon(client_alice, therapist_tess, count=1)
    now = timezone.now()
    assert services.claim_reminder(appointment.pk, now=now) is True
    assert services.claim_reminder(appointment.pk, now=now) is False
