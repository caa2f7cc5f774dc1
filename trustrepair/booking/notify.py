"""Booking notices. They say when, with whom and where to sign in — never why, never what was written.

Anyone may see an email on a shared screen or a partner's phone, so notices carry no clinical detail:
no intake text, no therapist message, not even whether it is a consultation. Each goes through the one
notification sender (trustrepair.notifications), which lists it under Updates and emails it worded for
the person's contact preference; the calendar attachment is neutral unless the person allowed names.
"""

import datetime as dt

from django.utils import timezone

from trustrepair.accounts.services import has_reminder_consent
from trustrepair.booking import ics
from trustrepair.booking.models import Appointment
from trustrepair.booking.slots import in_zone
from trustrepair.notifications import sender
from trustrepair.notifications.services import notify


def when(moment: dt.datetime, zone: str) -> str:
    local = in_zone(moment, zone)
    return f"{local:%A %-d %B %Y at %H:%M} ({zone})"


def site_url(path: str) -> str:
    return sender.absolute_url(path)


def ics_for(appointment: Appointment, *, cancelled: bool = False, named: bool = True) -> str:
    event = ics.Event(
        uid=f"{appointment.public_id}@trustrepair" if named else f"{appointment.public_id}@appointments",
        start=appointment.start,
        end=appointment.end,
        sequence=appointment.sequence,
        status="CANCELLED"
        if cancelled
        else ("TENTATIVE" if appointment.status == Appointment.Status.REQUESTED else "CONFIRMED"),
        summary="TrustRepair appointment" if named else "Appointment",
        url=site_url(appointment.get_absolute_url()),
    )
    return ics.calendar(
        [event],
        now=timezone.now(),
        method="CANCEL" if cancelled else "PUBLISH",
        prodid=ics.PRODID if named else ics.NEUTRAL_PRODID,
    )


def _tell(person, kind: str, appointment: Appointment, *, calendar: bool = False, cancelled: bool = False, **context):
    other = appointment.therapist if person == appointment.client else appointment.client
    return notify(
        person,
        kind=kind,
        context={"other": str(other), "when": when(appointment.start, person.time_zone), **context},
        link_path=appointment.get_absolute_url(),
        calendar_for=(lambda named: ics_for(appointment, cancelled=cancelled, named=named)) if calendar else None,
    )


def booked(appointment: Appointment) -> None:
    confirmed = appointment.status == Appointment.Status.CONFIRMED
    _tell(
        appointment.client,
        "appointment_confirmed" if confirmed else "appointment_requested",
        appointment,
        calendar=confirmed,
    )
    _tell(
        appointment.therapist,
        "appointment_new" if confirmed else "appointment_request_new",
        appointment,
        calendar=confirmed,
    )


def decided(appointment: Appointment) -> None:
    accepted = appointment.status == Appointment.Status.CONFIRMED
    _tell(
        appointment.client,
        "appointment_confirmed" if accepted else "appointment_declined",
        appointment,
        calendar=accepted,
        message_left=bool(appointment.therapist_message),
    )


def cancelled(appointment: Appointment, *, by) -> None:
    for person in (appointment.client, appointment.therapist):
        _tell(person, "appointment_cancelled", appointment, calendar=True, cancelled=True, by_you=person == by)


def rescheduled(appointment: Appointment, *, previous_start: dt.datetime, by) -> None:
    for person in (appointment.client, appointment.therapist):
        _tell(
            person,
            "appointment_moved",
            appointment,
            calendar=appointment.status == Appointment.Status.CONFIRMED,
            previous_when=when(previous_start, person.time_zone),
        )


def reminder(appointment: Appointment, *, deliver_now: bool = True) -> list:
    """A reminder to each person who agreed to reminders; one per person per version of the appointment."""
    notices = []
    for person in (appointment.client, appointment.therapist):
        if not has_reminder_consent(person):
            continue
        notices.append(
            notify(
                person,
                kind="appointment_reminder",
                context={
                    "other": str(appointment.therapist if person == appointment.client else appointment.client),
                    "when": when(appointment.start, person.time_zone),
                },
                link_path=appointment.get_absolute_url(),
                key=f"booking-reminder:{appointment.public_id}:{appointment.sequence}",
                calendar_for=lambda named: ics_for(appointment, named=named),
                deliver_now=deliver_now,
            )
        )
    return notices
