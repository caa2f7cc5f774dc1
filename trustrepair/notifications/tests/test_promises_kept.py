"""Tests that keep promise sentences listed in docs/promises.md and not already kept elsewhere."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from trustrepair.accounts.services import revoke_consent
from trustrepair.booking import services as booking
from trustrepair.booking.models import AppointmentChange
from trustrepair.booking.tests.helpers import book, open_every_day, upcoming_slots
from trustrepair.notifications.models import Notice
from trustrepair.safety.services import screen_text


def test_nobody_is_alerted_by_what_a_person_writes(client_alice, therapist_tess, django_capture_on_commit_callbacks):
    # "Nobody is alerted by what you write here": no therapist alert exists yet, so none may be implied.
    with django_capture_on_commit_callbacks(execute=True):
        screen = screen_text(client_alice, "I want to end my life tonight", source="test")
    assert screen.is_positive and screen.events  # a risk event is recorded ...
    assert mail.outbox == [] and not Notice.objects.exists()  # ... and nobody is told


def test_the_client_is_told_when_the_therapist_decides_and_both_when_it_moves_or_is_cancelled(
    client_alice, therapist_tess, django_capture_on_commit_callbacks
):
    schedule = open_every_day(therapist_tess)
    slots = upcoming_slots(schedule)
    with django_capture_on_commit_callbacks(execute=True):
        appointment = book(client_alice, therapist_tess, slots[0])
        booking.decide(appointment, therapist=therapist_tess, accept=True)
    assert Notice.objects.filter(user=client_alice, kind="appointment_confirmed").exists()
    with django_capture_on_commit_callbacks(execute=True):
        booking.reschedule(appointment, by=client_alice, start=slots[3])
        booking.cancel(appointment, by=therapist_tess)
    for person in (client_alice, therapist_tess):
        kinds = set(Notice.objects.filter(user=person).values_list("kind", flat=True))
        assert {"appointment_moved", "appointment_cancelled"} <= kinds


def test_a_booking_by_someone_in_app_only_is_listed_under_updates_and_not_emailed(
    client_alice, therapist_tess, django_capture_on_commit_callbacks
):
    client_alice.contact = "in_app"
    client_alice.save(update_fields=["contact"])
    schedule = open_every_day(therapist_tess)
    with django_capture_on_commit_callbacks(execute=True):
        book(client_alice, therapist_tess, upcoming_slots(schedule, kind="session")[0], kind="session")
    assert Notice.objects.filter(user=client_alice, kind="appointment_confirmed").exists()
    assert [m.to for m in mail.outbox] == [[therapist_tess.email]]


def test_a_client_moving_within_the_notice_period_is_recorded_as_late(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess)
    soon = upcoming_slots(schedule, days_ahead=0, days=1)
    appointment = book(client_alice, therapist_tess, soon[0])
    assert appointment.start - timezone.now() < dt.timedelta(hours=24)
    booking.reschedule(appointment, by=client_alice, start=soon[4])
    assert AppointmentChange.objects.get(appointment=appointment, action="rescheduled").is_late


def test_withdrawing_consent_keeps_the_account_and_what_was_written(client_alice):
    from trustrepair.measures import registry
    from trustrepair.measures import services as measures

    measures.schedule_instrument(client_alice, instrument=registry.get("gad7"), every_days=7)
    revoke_consent(client_alice, kind="health_data")
    client_alice.refresh_from_db()
    assert client_alice.is_active and client_alice.measure_schedules.exists()
