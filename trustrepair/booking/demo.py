"""Demo data: the demo therapist's open hours and one upcoming session for the demo client. Idempotent."""

import datetime as dt

from django.utils import timezone

from trustrepair.booking import selectors
from trustrepair.booking.models import ACTIVE_STATUSES, Appointment, AppointmentChange, AvailabilityRule

WEEKLY_HOURS = [(weekday, dt.time(9, 0), dt.time(17, 0)) for weekday in range(5)] + [
    (5, dt.time(10, 0), dt.time(13, 0))
]


def seed(cast) -> None:
    therapist, client = cast["therapist"], cast["client"]
    schedule = selectors.schedule_for(therapist)
    if not schedule.rules.exists():
        AvailabilityRule.objects.bulk_create(
            AvailabilityRule(schedule=schedule, weekday=w, start=s, end=e) for w, s, e in WEEKLY_HOURS
        )
    # The directory's "next available" is kept by booking's services; these rows were written directly.
    from trustrepair.directory import services as directory_services

    directory_services.availability_changed(therapist)
    now = timezone.now()
    if Appointment.objects.filter(
        client=client, therapist=therapist, status__in=ACTIVE_STATUSES, start__gt=now
    ).exists():
        return
    first_day = (now + dt.timedelta(days=2)).date()
    open_times = selectors.open_slots(
        schedule, kind=Appointment.Kind.SESSION, first_day=first_day, last_day=first_day + dt.timedelta(days=7), now=now
    )
    if not open_times:
        return
    start = open_times[0]
    end = start + schedule.length(Appointment.Kind.SESSION)
    appointment = Appointment.objects.create(
        therapist=therapist,
        client=client,
        kind=Appointment.Kind.SESSION,
        status=Appointment.Status.CONFIRMED,
        start=start,
        end=end,
        blocks_until=end + dt.timedelta(minutes=schedule.buffer_minutes),
        reason="Demo: I check my partner's phone and want to understand why, and to stop.",
        who_is_involved="Demo: my partner and me.",
        preferences="Demo: evenings are easier for me.",
        contact_method=Appointment.Contact.EMAIL,
        may_leave_messages=False,
    )
    AppointmentChange.objects.create(appointment=appointment, actor=client, action=AppointmentChange.Action.BOOKED)
