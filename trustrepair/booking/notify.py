"""Booking emails. They say when, with whom and where to sign in — never why, never what was written.

Anyone may see an email on a shared screen or a partner's phone, so subjects and bodies carry no
clinical detail: no intake text, no therapist message, not even whether it is a consultation.
"""

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from trustrepair.booking import ics
from trustrepair.booking.models import Appointment
from trustrepair.booking.slots import in_zone


def when(moment: dt.datetime, zone: str) -> str:
    local = in_zone(moment, zone)
    return f"{local:%A %-d %B %Y at %H:%M} ({zone})"


def site_url(path: str) -> str:
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return f"{base}{path}" if base else path


def ics_for(appointment: Appointment, *, cancelled: bool = False) -> str:
    event = ics.Event(
        uid=f"{appointment.public_id}@trustrepair",
        start=appointment.start,
        end=appointment.end,
        sequence=appointment.sequence,
        status="CANCELLED"
        if cancelled
        else ("TENTATIVE" if appointment.status == Appointment.Status.REQUESTED else "CONFIRMED"),
        url=site_url(appointment.get_absolute_url()),
    )
    return ics.calendar([event], now=timezone.now(), method="CANCEL" if cancelled else "PUBLISH")


def _send(to, subject: str, lines: list[str], *, attach_ics: str | None = None) -> None:
    if to is None:
        return  # that side erased their account
    body = "\n\n".join(lines + ["— TrustRepair. You are receiving this because of an appointment in your account."])
    message = EmailMessage(subject=f"TrustRepair: {subject}", body=body, to=[to.email])
    if attach_ics:
        message.attach("appointment.ics", attach_ics, "text/calendar")
    message.send()


def _link(appointment: Appointment) -> str:
    return f"Details (sign-in needed): {site_url(appointment.get_absolute_url())}"


def booked(appointment: Appointment) -> None:
    therapist, client = appointment.therapist, appointment.client
    confirmed = appointment.status == Appointment.Status.CONFIRMED
    _send(
        client,
        "appointment confirmed" if confirmed else "appointment request sent",
        [
            f"Your appointment with {therapist} on {when(appointment.start, client.time_zone)} "
            + ("is confirmed." if confirmed else "has been requested. We will email you when they reply."),
            _link(appointment),
        ],
        attach_ics=ics_for(appointment) if confirmed else None,
    )
    _send(
        therapist,
        "new appointment" if confirmed else "new appointment request",
        [
            f"{client} booked a time with you on {when(appointment.start, therapist.time_zone)}."
            + ("" if confirmed else " Please accept or decline it."),
            _link(appointment),
        ],
        attach_ics=ics_for(appointment) if confirmed else None,
    )


def decided(appointment: Appointment) -> None:
    client = appointment.client
    if client is None:
        return
    accepted = appointment.status == Appointment.Status.CONFIRMED
    lines = [
        f"Your appointment request with {appointment.therapist} on {when(appointment.start, client.time_zone)} "
        + ("has been accepted." if accepted else "could not be accepted.")
    ]
    if appointment.therapist_message:
        lines.append("They left you a message; sign in to read it.")
    lines.append(_link(appointment))
    _send(
        client,
        "appointment confirmed" if accepted else "appointment request declined",
        lines,
        attach_ics=ics_for(appointment) if accepted else None,
    )


def cancelled(appointment: Appointment, *, by) -> None:
    for person in (appointment.client, appointment.therapist):
        other = appointment.therapist if person == appointment.client else appointment.client
        who = "You" if person == by else str(other)
        _send(
            person,
            "appointment cancelled",
            [
                f"{who} cancelled the appointment on {when(appointment.start, person.time_zone)}.",
                _link(appointment),
            ],
            attach_ics=ics_for(appointment, cancelled=True),
        )


def rescheduled(appointment: Appointment, *, previous_start: dt.datetime, by) -> None:
    for person in (appointment.client, appointment.therapist):
        _send(
            person,
            "appointment moved",
            [
                f"The appointment on {when(previous_start, person.time_zone)} has moved to "
                f"{when(appointment.start, person.time_zone)}.",
                _link(appointment),
            ],
            attach_ics=ics_for(appointment) if appointment.status == Appointment.Status.CONFIRMED else None,
        )


def reminder(appointment: Appointment) -> None:
    for person in (appointment.client, appointment.therapist):
        _send(
            person,
            "appointment reminder",
            [f"A reminder of your appointment on {when(appointment.start, person.time_zone)}.", _link(appointment)],
            attach_ics=ics_for(appointment),
        )


def withdrawn(appointment: Appointment) -> None:
    """The practice cancelled because the therapist is no longer available here (returned, suspended or gone).

    One neutral notice to the client: no therapist name, no reason, and a way to find someone else. It is
    one function so the shared notification sender can take it over without touching the callers.
    """
    client = appointment.client
    if client is None:
        return
    _send(
        client,
        "appointment cancelled",
        [
            f"Your appointment on {when(appointment.start, client.time_zone)} has been cancelled, because the "
            "therapist is no longer available through TrustRepair. Nothing you did caused this.",
            f"You can find another therapist here: {site_url(reverse('directory:find'))}",
            _link(appointment),
        ],
        attach_ics=ics_for(appointment, cancelled=True),
    )


def client_left(appointment: Appointment) -> None:
    """The client erased their account: the therapist is told the time is free, neutrally and without a name.

    One function so the shared notification sender can take it over without touching the callers.
    """
    therapist = appointment.therapist
    if therapist is None:
        return
    _send(
        therapist,
        "appointment cancelled",
        [
            f"The appointment on {when(appointment.start, therapist.time_zone)} has been cancelled: the client "
            "closed their TrustRepair account. The time is free again.",
            _link(appointment),
        ],
        attach_ics=ics_for(appointment, cancelled=True),
    )
