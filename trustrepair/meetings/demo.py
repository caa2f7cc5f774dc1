"""Demo data: the demo client's next confirmed appointment says how to meet (a video link); a past couples
session with the demo partner (also in care with the demo therapist) left one note in each one's record; a
family session with a named family member. Idempotent."""

import datetime as dt

from django.utils import timezone

from trustrepair.meetings import services
from trustrepair.meetings.models import MeetingWay, Participant


def _appointment(client, therapist, start, status="confirmed"):
    from trustrepair.booking.models import Appointment
    from trustrepair.booking.selectors import appointments_overlapping

    # An hour later while the therapist already has an active appointment then (the booking demo's one is
    # placed by open hours, so it can fall on the same hour); PostgreSQL refuses overlapping appointments.
    while appointments_overlapping(therapist.pk, start, start + dt.timedelta(minutes=60)):
        start += dt.timedelta(hours=1)
    return Appointment.objects.create(
        therapist=therapist,
        client=client,
        kind="session",
        status=status,
        start=start,
        end=start + dt.timedelta(minutes=50),
        blocks_until=start + dt.timedelta(minutes=60),
        reason="Demo: a session booked by the therapist.",
        contact_method="app",
    )


def seed(cast) -> None:
    from trustrepair.clinic import services as clinic
    from trustrepair.clinic.models import CareRelationship

    therapist, client, partner = cast.get("therapist"), cast.get("client"), cast.get("partner")
    if therapist is None or client is None or partner is None:
        return
    if MeetingWay.objects.filter(appointment__therapist=therapist).exists():
        return
    if not CareRelationship.objects.filter(client=client, therapist=therapist, status="active").exists():
        return
    partner_rel = CareRelationship.objects.filter(client=partner, therapist=therapist, status="active").first()
    if partner_rel is None:
        text, _ = clinic.issue_code(therapist)
        partner_rel = clinic.redeem_code(partner, text)
    now = timezone.now()
    base = now.replace(minute=5, second=0, microsecond=0)

    upcoming = _appointment(client, therapist, base + dt.timedelta(days=2, hours=1))
    services.set_way(upcoming, by=therapist, mode="video", detail="https://video.example.test/demo-tess-room")

    couples = _appointment(client, therapist, base - dt.timedelta(days=5))
    services.set_way(couples, by=therapist, mode="in_person", detail="Demo: 12 Riverside Walk, second floor, ring 2B")
    # Made directly: the demo pair may not be linked in the couples space when this runs (the service checks).
    Participant.objects.create(appointment=couples, relationship=partner_rel)
    alice_rel = services.note_people(couples)[0]
    services.write_session_notes(
        couples,
        by=therapist,
        texts={
            str(alice_rel.public_id): "Demo (couples session): described the checking cycle; their partner listened "
            "and reflected it back. Agreed one evening without checking.",
            str(
                partner_rel.public_id
            ): "Demo (couples session): named feeling watched; agreed to say when a reassurance "
            "request lands as pressure.",
        },
    )

    family = _appointment(client, therapist, base + dt.timedelta(days=9, hours=2))
    services.set_way(family, by=therapist, mode="phone", detail="Demo: Tess calls the client's number on file.")
    services.add_family_member(family, by=therapist, name="Demo Rosa", relation="mother")
