"""How sessions meet, and who is in them. Thin views: authorize through a selector, call one service."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from trustrepair.core.access import member_required, therapist_required
from trustrepair.core.audit import record_access
from trustrepair.meetings import forms, services
from trustrepair.meetings.services import MeetingError


@member_required
def appointment(request, appointment_id):
    """The client's view: when, and how to meet (once confirmed). A second client sees no one else's details."""
    the_appointment = services.appointment_for_person(request.user, appointment_id)
    return render(
        request,
        "meetings/appointment.html",
        {
            "appointment": the_appointment,
            "way": services.way_for(the_appointment, request.user),
            "is_main_client": the_appointment.client_id == request.user.pk,
            "family": [p for p in services.participants_of(the_appointment) if not p.is_client]
            if the_appointment.client_id == request.user.pk
            else [],
        },
    )


def _setup_context(the_appointment, request, **extra):
    way = services.way_for(the_appointment, request.user)
    return {
        "appointment": the_appointment,
        "way_form": extra.pop("way_form", None)
        or forms.WayForm(initial={"mode": way.mode, "detail": way.detail} if way else None),
        "family_form": extra.pop("family_form", None) or forms.FamilyForm(),
        "participants": services.participants_of(the_appointment),
        "choices": services.second_client_choices(the_appointment),
        **extra,
    }


@therapist_required
def setup(request, appointment_id):
    the_appointment = services.appointment_for_therapist(request.user, appointment_id)
    form = forms.WayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_way(the_appointment, by=request.user, **form.cleaned_data)
        except MeetingError as exc:
            form.add_error("detail", str(exc))
        else:
            messages.success(request, "Saved. The client sees it once the appointment is confirmed.")
            return redirect("meetings:setup", the_appointment.public_id)
    return render(request, "meetings/setup.html", _setup_context(the_appointment, request, way_form=form))


@therapist_required
@require_POST
def add_second_client(request, appointment_id):
    the_appointment = services.appointment_for_therapist(request.user, appointment_id)
    try:
        services.add_second_client(the_appointment, by=request.user, relationship_id=request.POST.get("relationship"))
    except MeetingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Added: this is now a couples session.")
    return redirect("meetings:setup", the_appointment.public_id)


@therapist_required
@require_POST
def add_family_member(request, appointment_id):
    the_appointment = services.appointment_for_therapist(request.user, appointment_id)
    form = forms.FamilyForm(request.POST)
    if form.is_valid():
        try:
            services.add_family_member(the_appointment, by=request.user, **form.cleaned_data)
        except MeetingError as exc:
            form.add_error("name", str(exc))
        else:
            messages.success(request, "Added to the session.")
            return redirect("meetings:setup", the_appointment.public_id)
    return render(request, "meetings/setup.html", _setup_context(the_appointment, request, family_form=form))


@therapist_required
@require_POST
def remove_participant(request, participant_id):
    appointment_id = services.remove_participant(request.user, participant_id)
    messages.success(request, "Removed from the session.")
    return redirect("meetings:setup", appointment_id) if appointment_id else redirect("booking:mine")


@therapist_required
def notes(request, appointment_id):
    the_appointment = services.appointment_for_therapist(request.user, appointment_id)
    people = services.note_people(the_appointment)
    error = ""
    texts = {str(rel.public_id): request.POST.get(f"note-{rel.public_id}", "") for rel in people}
    if request.method == "POST":
        try:
            written = services.write_session_notes(the_appointment, by=request.user, texts=texts)
        except MeetingError as exc:
            error = str(exc)
        else:
            for note in written:
                record_access(
                    actor=request.user,
                    subject=note.relationship.client,
                    action="create",
                    obj=note,
                    reason="wrote a session note",
                    request=request,
                )
            messages.success(request, "Saved as draft notes, one in each client's own record. Sign each when ready.")
            return redirect("meetings:setup", the_appointment.public_id)
    return render(
        request,
        "meetings/notes.html",
        {"appointment": the_appointment, "rows": [(rel, texts[str(rel.public_id)]) for rel in people], "error": error},
    )
