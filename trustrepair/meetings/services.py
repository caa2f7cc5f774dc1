"""Every write and read of how sessions meet and who is in them (issue 14 items 3–5)."""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from trustrepair.meetings.models import MeetingWay, Participant

SOON = dt.timedelta(hours=2)


class MeetingError(ValueError):
    """Words to show next to the field."""


# ---- the appointment ---------------------------------------------------------------------------------


def appointment_for_therapist(therapist, public_id):
    from trustrepair.booking.models import Appointment

    try:
        return Appointment.objects.select_related("client", "therapist").get(therapist=therapist, public_id=public_id)
    except (Appointment.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such appointment.") from exc


def appointment_for_person(user, public_id):
    """An appointment the person is the client of, or a second client in (a couples session); 404 otherwise."""
    from trustrepair.booking.models import Appointment

    mine = Q(client=user) | Q(participants__relationship__client=user, participants__relationship__status="active")
    appointment = (
        Appointment.objects.select_related("client", "therapist").filter(mine, public_id=public_id).distinct().first()
    )
    if appointment is None:
        raise Http404("No such appointment.")
    return appointment


# ---- how to meet --------------------------------------------------------------------------------------


def set_way(appointment, *, by, mode: str, detail: str) -> MeetingWay:
    if appointment.therapist_id != by.pk:
        raise MeetingError("Only the appointment's therapist says how it meets.")
    detail = (detail or "").strip()
    if mode not in MeetingWay.Mode.values:
        raise MeetingError("Choose video, phone or in person.")
    if mode == MeetingWay.Mode.VIDEO and not re.match(r"^https://\S+$", detail):
        raise MeetingError("Give the video link, starting https://.")
    if mode == MeetingWay.Mode.IN_PERSON and len(detail) < 5:
        raise MeetingError("Give the address, with anything the client needs to find the door.")
    way, _ = MeetingWay.objects.update_or_create(appointment=appointment, defaults={"mode": mode, "detail": detail})
    return way


def way_for(appointment, viewer) -> MeetingWay | None:
    """How the appointment meets, for `viewer`: the therapist always; a client only once it is confirmed."""
    way = MeetingWay.objects.filter(appointment=appointment).first()
    if way is None:
        return None
    if viewer.pk == appointment.therapist_id:
        return way
    return way if appointment.status == "confirmed" else None


def send_soon_reminders(*, now=None) -> int:
    """A neutral notice to each client in a confirmed appointment starting within two hours, once: the row is
    claimed with a conditional UPDATE, so several workers never send twice. The booking app's own reminder
    a day before is unchanged; this one says that how to join is on the appointment page."""
    from trustrepair.booking.notify import when
    from trustrepair.notifications.services import notify

    now = now or timezone.now()
    due = MeetingWay.objects.filter(
        soon_reminder_sent_at__isnull=True,
        appointment__status="confirmed",
        appointment__start__gt=now,
        appointment__start__lte=now + SOON,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            if not MeetingWay.objects.filter(pk=pk, soon_reminder_sent_at__isnull=True).update(
                soon_reminder_sent_at=now
            ):
                continue
            way = MeetingWay.objects.select_related("appointment__client", "appointment__therapist").get(pk=pk)
            appointment = way.appointment
            people = [appointment.client] + [
                p.relationship.client for p in _second_clients(appointment) if p.relationship.client_id
            ]
            for person in [p for p in people if p is not None]:
                notify(
                    person,
                    kind="session_soon",
                    context={"when": when(appointment.start, person.time_zone), "other": appointment.therapist_label},
                    link_path=f"/meet/{appointment.public_id}/",
                    key=f"soon-{appointment.public_id}-{person.pk}",
                )
                sent += 1
    return sent


# ---- who is in it ----------------------------------------------------------------------------------------


def linked_as_couple(a, b) -> bool | None:
    """Are `a` and `b` linked as a couple? None when the couples app is not installed (lazy lookup)."""
    from django.apps import apps

    if not apps.is_installed("trustrepair.couples"):
        return None
    couple = apps.get_model("couples", "Couple")
    return (
        couple.objects.filter(ended_at__isnull=True)
        .filter(Q(member_a=a, member_b=b) | Q(member_a=b, member_b=a))
        .exists()
    )


def _second_clients(appointment):
    return Participant.objects.filter(appointment=appointment, relationship__isnull=False).select_related(
        "relationship__client"
    )


def second_client_choices(appointment) -> list:
    """The therapist's other clients in active care who could join this appointment as its second client."""
    from trustrepair.clinic.models import CareRelationship

    return list(
        CareRelationship.objects.filter(therapist_id=appointment.therapist_id, status="active")
        .exclude(client_id=appointment.client_id)
        .select_related("client")
    )


def add_second_client(appointment, *, by, relationship_id) -> Participant:
    from trustrepair.clinic.models import CareRelationship

    if appointment.therapist_id != by.pk:
        raise MeetingError("Only the appointment's therapist adds people.")
    rel = (
        CareRelationship.objects.filter(therapist=by, public_id=relationship_id, status="active", client__isnull=False)
        .select_related("client")
        .first()
    )
    if rel is None or rel.client_id == appointment.client_id:
        raise MeetingError("Choose another client in your care.")
    if (
        not appointment.client_id
        or not CareRelationship.objects.filter(therapist=by, client_id=appointment.client_id, status="active").exists()
    ):
        raise MeetingError("The appointment's client is not in your care, so this cannot be a couples session.")
    if linked_as_couple(appointment.client, rel.client) is False:
        raise MeetingError("These two clients are not linked as a couple in their couples space.")
    if _second_clients(appointment).exists():
        raise MeetingError("A couples session has two clients; this one already has both.")
    return Participant.objects.create(appointment=appointment, relationship=rel)


def add_family_member(appointment, *, by, name: str, relation: str) -> Participant:
    if appointment.therapist_id != by.pk:
        raise MeetingError("Only the appointment's therapist adds people.")
    name, relation = (name or "").strip(), (relation or "").strip()
    if not name:
        raise MeetingError("Give the person's name as they would like it used.")
    if Participant.objects.filter(appointment=appointment).count() >= 8:
        raise MeetingError("Eight people at most join one appointment.")
    return Participant.objects.create(appointment=appointment, name=name[:120], relation=relation[:60])


def remove_participant(therapist, public_id):
    """Remove someone from the therapist's appointment; returns the appointment's public id (None if not found)."""
    try:
        participant = Participant.objects.select_related("appointment").get(
            appointment__therapist=therapist, public_id=public_id
        )
    except (Participant.DoesNotExist, ValueError, TypeError):
        return None
    participant.delete()
    return participant.appointment.public_id


def participants_of(appointment) -> list[Participant]:
    return list(Participant.objects.filter(appointment=appointment).select_related("relationship__client"))


# ---- notes: one per client, in their own record -----------------------------------------------------------


def names_of(user) -> set[str]:
    if user is None:
        return set()
    words = {user.email, user.email.split("@")[0], str(user), *str(user).split()}
    return {w for w in words if w and len(w) >= 2}


def naming(text: str, names: set[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        found = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, flags=re.IGNORECASE)
        if found:
            return found.group(0)  # as the note wrote it
    return ""


def note_people(appointment) -> list:
    """(care relationship, person) for each client in the appointment who is in care with the therapist."""
    from trustrepair.clinic.models import CareRelationship

    people = []
    main = (
        CareRelationship.objects.filter(
            therapist_id=appointment.therapist_id, client_id=appointment.client_id, status="active"
        )
        .select_related("client")
        .first()
    )
    if main is not None:
        people.append(main)
    people += [p.relationship for p in _second_clients(appointment) if p.relationship.status == "active"]
    return people


def write_session_notes(appointment, *, by, texts: dict[str, str]) -> list:
    """One progress note (DAP, draft) per client, in that client's own care relationship. A client's note may
    not name the other client (their name, any part of it or their email): each reads their own note in
    their export, and in a couples session each would otherwise read about the other. Nothing is written
    if any note names the other."""
    from trustrepair.clinic import services as clinic

    if appointment.therapist_id != by.pk:
        raise MeetingError("Only the appointment's therapist writes its notes.")
    people = note_people(appointment)
    if not people:
        raise MeetingError("Nobody in this appointment is in your care.")
    if not any((texts.get(str(rel.public_id)) or "").strip() for rel in people):
        raise MeetingError("Write at least one note.")
    for rel in people:
        text = (texts.get(str(rel.public_id)) or "").strip()
        others = set().union(*(names_of(o.client) for o in people if o.pk != rel.pk)) if len(people) > 1 else set()
        found = naming(text, others)
        if found:
            raise MeetingError(
                f"The note for {rel.client_label} names “{found}”. Say “their partner” instead: "
                "each person reads their own note."
            )
    notes = []
    with transaction.atomic():
        for rel in people:
            text = (texts.get(str(rel.public_id)) or "").strip()
            if text:
                notes.append(
                    clinic.save_progress_note(
                        rel,
                        author=by,
                        format="dap",
                        session_date=appointment.start.date(),
                        data=text,
                    )
                )
    return notes


# ---- export ------------------------------------------------------------------------------------------------


def export_meetings(user) -> list[dict]:
    """How each of the person's appointments meets, and who else was in it — a second client never by name."""
    out = []
    ways = (
        MeetingWay.objects.filter(Q(appointment__client=user) | Q(appointment__participants__relationship__client=user))
        .select_related("appointment")
        .distinct()
    )
    for way in ways:
        a = way.appointment
        others = participants_of(a)
        out.append(
            {
                "appointment_start": a.start,
                "how": way.get_mode_display(),
                "detail": way.detail if a.status == "confirmed" else "",
                "also_present": [
                    "another client (a couples session)" if p.is_client else f"{p.name} ({p.relation})".strip()
                    for p in others
                    if not (p.is_client and p.relationship.client_id == user.pk)
                ]
                if a.client_id == user.pk
                else ["the client whose appointment it was"],
            }
        )
    return out
