"""Booking rules that hold on every database: no double booking, notice, decisions, privacy."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from trustrepair.booking import services
from trustrepair.booking.models import Appointment, AppointmentChange
from trustrepair.booking.tests.helpers import INTAKE_SECRET, book, open_every_day, upcoming_slots
from trustrepair.core import privacy
from trustrepair.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_consultation_waits_for_the_therapist_and_a_session_is_confirmed(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess)
    first, second = upcoming_slots(schedule)[:2]
    consultation = book(client_alice, therapist_tess, first)
    session = book(client_alice, therapist_tess, upcoming_slots(schedule, kind="session")[3], kind="session")
    assert consultation.status == "requested"
    assert consultation.end - consultation.start == dt.timedelta(minutes=20)
    assert session.status == "confirmed"
    assert session.end - session.start == dt.timedelta(minutes=50)
    assert first != second


def test_the_intake_is_stored_encrypted(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess)
    appointment = book(client_alice, therapist_tess, upcoming_slots(schedule)[0], contact_detail="+1 555 0100")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reason, who_is_involved, preferences, contact_detail FROM booking_appointment WHERE id = %s",
            [appointment.pk],
        )
        raw = cursor.fetchone()
    assert all(value and "partner" not in value and "555" not in value for value in raw)
    appointment.refresh_from_db()
    assert appointment.reason == INTAKE_SECRET


def test_a_second_booking_of_the_same_slot_is_refused(client_alice, stranger_eve, therapist_tess):
    schedule = open_every_day(therapist_tess)
    start = upcoming_slots(schedule)[0]
    book(client_alice, therapist_tess, start)
    with pytest.raises(services.SlotTaken, match="just taken"):
        book(stranger_eve, therapist_tess, start)
    assert Appointment.objects.filter(therapist=therapist_tess).count() == 1


def test_an_overlapping_booking_is_refused_including_the_buffer(client_alice, stranger_eve, therapist_tess):
    schedule = open_every_day(therapist_tess, buffer_minutes=10)
    start = upcoming_slots(schedule, kind="session")[0]
    book(client_alice, therapist_tess, start, kind="session")
    for minutes in (20, 55):  # inside the session; inside the 10-minute break after it
        with pytest.raises(services.BookingError):
            book(stranger_eve, therapist_tess, start + dt.timedelta(minutes=minutes))
    later = start + dt.timedelta(minutes=60)
    assert later in upcoming_slots(schedule)
    book(stranger_eve, therapist_tess, later)


def test_the_database_itself_refuses_two_active_appointments_at_one_start(client_alice, stranger_eve, therapist_tess):
    schedule = open_every_day(therapist_tess)
    first = book(client_alice, therapist_tess, upcoming_slots(schedule)[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(
            therapist=therapist_tess,
            client=stranger_eve,
            kind="consultation",
            status="confirmed",
            start=first.start,
            end=first.end,
            blocks_until=first.blocks_until,
            reason="x",
            contact_method="email",
        )


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the overlap exclusion constraint exists on PostgreSQL only"
)
def test_postgresql_refuses_overlapping_active_appointments(client_alice, stranger_eve, therapist_tess):
    schedule = open_every_day(therapist_tess)
    first = book(client_alice, therapist_tess, upcoming_slots(schedule)[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(
            therapist=therapist_tess,
            client=stranger_eve,
            kind="consultation",
            status="confirmed",
            start=first.start + dt.timedelta(minutes=5),
            end=first.end + dt.timedelta(minutes=5),
            blocks_until=first.blocks_until + dt.timedelta(minutes=5),
            reason="x",
            contact_method="email",
        )


def test_a_cancelled_slot_can_be_booked_again(client_alice, stranger_eve, therapist_tess):
    schedule = open_every_day(therapist_tess)
    start = upcoming_slots(schedule)[0]
    services.cancel(book(client_alice, therapist_tess, start), by=client_alice)
    assert book(stranger_eve, therapist_tess, start).status == "requested"


def test_a_time_in_the_past_is_refused(client_alice, therapist_tess):
    open_every_day(therapist_tess)
    past = timezone.now().replace(second=0, microsecond=0) - dt.timedelta(hours=2)
    with pytest.raises(services.SlotInPast, match="already passed"):
        book(client_alice, therapist_tess, past)


def test_a_time_outside_open_hours_or_inside_the_notice_is_refused(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess, start=dt.time(9), end=dt.time(10), min_notice_hours=0)
    start = upcoming_slots(schedule)[0]
    with pytest.raises(services.SlotNotOffered):
        book(client_alice, therapist_tess, start + dt.timedelta(hours=3))
    services.update_schedule(schedule, min_notice_hours=24 * 30)
    with pytest.raises(services.SlotNotOffered):
        book(client_alice, therapist_tess, start)


def test_time_off_closes_the_days_it_covers(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess)
    start = upcoming_slots(schedule)[0]
    local_day = start.astimezone(dt.timezone(dt.timedelta(0))).date()
    services.add_time_off(
        schedule, first_day=local_day - dt.timedelta(days=1), last_day=local_day + dt.timedelta(days=1)
    )
    with pytest.raises(services.SlotNotOffered):
        book(client_alice, therapist_tess, start)


def test_a_therapist_cannot_be_booked_without_a_schedule_and_nobody_books_themselves(client_alice, therapist_tess):
    with pytest.raises(services.NotAllowed):
        book(client_alice, therapist_tess, timezone.now() + dt.timedelta(days=2))
    schedule = open_every_day(therapist_tess)
    with pytest.raises(services.NotAllowed):
        book(therapist_tess, therapist_tess, upcoming_slots(schedule)[0])


def test_crisis_words_in_the_intake_never_block_booking(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess)
    appointment = book(client_alice, therapist_tess, upcoming_slots(schedule)[0], reason="some days I want to die")
    assert appointment.pk is not None


def test_the_therapist_accepts_or_declines_with_a_message(client_alice, stranger_eve, therapist_tess):
    schedule = open_every_day(therapist_tess)
    first, *rest = upcoming_slots(schedule)
    accepted = services.decide(book(client_alice, therapist_tess, first), therapist=therapist_tess, accept=True)
    declined = services.decide(
        book(stranger_eve, therapist_tess, rest[3]), therapist=therapist_tess, accept=False, message="I am full."
    )
    assert (accepted.status, accepted.sequence) == ("confirmed", 1)
    assert (declined.status, declined.therapist_message) == ("declined", "I am full.")
    with pytest.raises(services.NotAllowed):
        services.decide(accepted, therapist=therapist_tess, accept=False)


def test_a_client_cancelling_within_the_notice_period_is_recorded_as_late(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess)
    appointment = book(client_alice, therapist_tess, upcoming_slots(schedule, days_ahead=0, days=1)[0])
    assert appointment.start - timezone.now() < dt.timedelta(hours=24)
    cancelled = services.cancel(appointment, by=client_alice)
    assert cancelled.status == "cancelled" and cancelled.is_late_cancellation
    assert AppointmentChange.objects.get(appointment=appointment, action="cancelled").is_late


def test_cancelling_with_notice_or_by_the_therapist_is_not_late(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess)
    soon, later = upcoming_slots(schedule, days_ahead=0, days=1)[0], upcoming_slots(schedule, days_ahead=3)[0]
    assert not services.cancel(book(client_alice, therapist_tess, later), by=client_alice).is_late_cancellation
    assert not services.cancel(book(client_alice, therapist_tess, soon), by=therapist_tess).is_late_cancellation


def test_only_the_two_people_involved_can_cancel(client_alice, stranger_eve, therapist_tess):
    schedule = open_every_day(therapist_tess)
    appointment = book(client_alice, therapist_tess, upcoming_slots(schedule)[0])
    with pytest.raises(services.NotAllowed):
        services.cancel(appointment, by=stranger_eve)


def test_rescheduling_moves_the_appointment_and_frees_the_old_time(client_alice, stranger_eve, therapist_tess):
    schedule = open_every_day(therapist_tess)
    slots = upcoming_slots(schedule)
    appointment = book(client_alice, therapist_tess, slots[0])
    moved = services.reschedule(appointment, by=client_alice, start=slots[5])
    assert moved.start == slots[5] and moved.end - moved.start == dt.timedelta(minutes=20)
    assert moved.sequence == 1
    assert book(stranger_eve, therapist_tess, slots[0]).pk  # the old time is open again


def test_rescheduling_onto_a_taken_time_is_refused(client_alice, stranger_eve, therapist_tess):
    schedule = open_every_day(therapist_tess)
    slots = upcoming_slots(schedule)
    mine = book(client_alice, therapist_tess, slots[0])
    book(stranger_eve, therapist_tess, slots[2])
    with pytest.raises(services.SlotTaken):
        services.reschedule(mine, by=client_alice, start=slots[2])


def test_a_small_move_overlapping_the_old_time_is_allowed(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess, buffer_minutes=0)
    slots = upcoming_slots(schedule)
    appointment = book(client_alice, therapist_tess, slots[0])
    assert services.reschedule(appointment, by=therapist_tess, start=slots[1]).start == slots[1]


def test_a_therapist_reading_the_intake_is_audited_but_the_client_is_not(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess)
    appointment = book(client_alice, therapist_tess, upcoming_slots(schedule)[0])
    reads = AuditEvent.objects.filter(object_type="booking.appointment")
    services.read_intake(appointment, reader=client_alice)
    assert not reads.exists()
    services.read_intake(appointment, reader=therapist_tess)
    event = reads.get()
    assert (event.actor, event.subject, event.action) == (therapist_tess, client_alice, "read")


def test_export_includes_the_intake_and_erase_restricts_it(client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess)
    book(client_alice, therapist_tess, upcoming_slots(schedule)[0])
    exported = privacy.export_user_data(client_alice)["sections"]["booking.appointments"]
    assert exported["appointments"][0]["reason"] == INTAKE_SECRET
    therapist_export = privacy.export_user_data(therapist_tess)["sections"]["booking.appointments"]
    assert len(therapist_export["appointments_given"]) == 1
    assert INTAKE_SECRET not in str(therapist_export)
    privacy.erase_user(client_alice)
    # The practice's record stays, restricted and without the person (issue 8 item 14).
    appointment = Appointment.objects.get()
    assert appointment.client is None and appointment.restricted_at is not None
