import datetime as dt
from collections import OrderedDict

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from trustrepair.booking import forms, selectors, services
from trustrepair.booking.ics import NEUTRAL_PRODID, PRODID, Event, calendar
from trustrepair.booking.models import Appointment
from trustrepair.booking.notify import ics_for
from trustrepair.booking.slots import in_zone
from trustrepair.core.access import member_required, public, role_required, therapist_required
from trustrepair.core.http import client_address
from trustrepair.notifications.sender import wants_email

participant_required = role_required("client", "partner", "therapist")
DAYS_LISTED = 14


def _today(user) -> dt.date:
    return in_zone(timezone.now(), user.time_zone).date()


def _days_with_openings(schedule, *, kind: str, viewer_zone: str, first: dt.date, excluding=None) -> list[tuple]:
    """The next days (in the viewer's zone) that have at least one open slot, with how many."""
    found = selectors.open_slots(
        schedule,
        kind=kind,
        first_day=first - dt.timedelta(days=1),
        last_day=first + dt.timedelta(days=DAYS_LISTED),
        excluding=excluding,
    )
    days: OrderedDict[dt.date, int] = OrderedDict()
    for start in found:
        day = in_zone(start, viewer_zone).date()
        if first <= day < first + dt.timedelta(days=DAYS_LISTED):
            days[day] = days.get(day, 0) + 1
    return list(days.items())


# ---- a client books -----------------------------------------------------------------------------
@member_required
def book(request, therapist_id, kind=None):
    """Pick a day, then see that day's open times in your own time zone."""
    therapist = selectors.bookable_therapist(therapist_id)
    schedule = therapist.booking_schedule
    today = _today(request.user)
    data = request.GET.copy()
    if kind and "kind" not in data:
        data["kind"] = kind
    form = forms.DayForm(
        data if "day" in data else None,
        today=today,
        horizon_days=schedule.horizon_days,
        initial={"kind": data.get("kind", "consultation")},
    )
    chosen_kind = data.get("kind") if data.get("kind") in Appointment.Kind.values else Appointment.Kind.CONSULTATION
    day_slots = None
    if form.is_bound and form.is_valid():
        chosen_kind = form.cleaned_data["kind"]
        day_slots = selectors.open_slots_on_viewer_day(
            schedule, kind=chosen_kind, day=form.cleaned_data["day"], viewer_zone=request.user.time_zone
        )
    context = {
        "therapist": therapist,
        "schedule": schedule,
        "form": form,
        "kind": chosen_kind,
        "kind_label": Appointment.Kind(chosen_kind).label,
        "day_slots": day_slots,
        "days": _days_with_openings(schedule, kind=chosen_kind, viewer_zone=request.user.time_zone, first=today),
        "length": int(schedule.length(chosen_kind).total_seconds() // 60),
    }
    return render(request, "booking/book.html", context)


@member_required
def intake(request, therapist_id):
    """The confidential intake for one chosen time; on a clash it comes back with everything kept."""
    therapist = selectors.bookable_therapist(therapist_id)
    schedule = therapist.booking_schedule
    # A link may choose the time and the kind, never the contact details or what the person writes.
    from_link = {name: request.GET[name] for name in forms.IntakeForm.FROM_LINK if name in request.GET}
    now = timezone.now()
    form = forms.IntakeForm(
        request.POST or None,
        initial={"where": request.user.place, **from_link},
        now=now,
        horizon_days=schedule.horizon_days,
    )
    if request.method == "POST" and form.is_valid():
        try:
            appointment = services.book_appointment(
                client=request.user,
                therapist=therapist,
                kind=form.cleaned_data["kind"],
                start=form.cleaned_data["start"],
                reason=form.cleaned_data["reason"],
                who_is_involved=form.cleaned_data["who_is_involved"],
                preferences=form.cleaned_data["preferences"],
                contact_method=form.cleaned_data["contact_method"],
                contact_detail=form.cleaned_data["contact_detail"],
                may_leave_messages=form.cleaned_data["may_leave_messages"],
                client_place=form.cleaned_data["where"],
            )
        except services.BookingError as error:
            form.add_error(error.field, str(error))
        else:
            by_email = wants_email(request.user)
            if appointment.status == Appointment.Status.REQUESTED:
                messages.success(
                    request,
                    "Your request is sent. The therapist's reply will appear under Updates"
                    + (", and you will get an email." if by_email else "."),
                )
            else:
                messages.success(
                    request,
                    "Your appointment is booked."
                    + (
                        " A calendar invitation is on its way by email." if by_email else " It is listed under Updates."
                    ),
                )
            return redirect(appointment)
    start = forms.parse_start(request.POST.get("start") or request.GET.get("start", ""))
    kind = request.POST.get("kind") or request.GET.get("kind") or "consultation"
    if kind not in Appointment.Kind.values:
        kind = Appointment.Kind.CONSULTATION
    in_range = forms.within_horizon(start, now=now, horizon_days=schedule.horizon_days)
    if not in_range and request.method == "GET":
        messages.error(request, "That time could not be used. Please pick a time from the list.")
        return redirect("booking:book", therapist_id=therapist.public_id)
    other_slots = []
    if in_range and form.errors:
        day = in_zone(start, request.user.time_zone).date()
        other_slots = selectors.open_slots_on_viewer_day(
            schedule, kind=kind, day=day, viewer_zone=request.user.time_zone
        )[:12]
    context = {
        "therapist": therapist,
        "form": form,
        "start": start if in_range else None,
        "kind": kind,
        "kind_label": Appointment.Kind(kind).label,
        "length": int(schedule.length(kind).total_seconds() // 60),
        "other_slots": other_slots,
    }
    return render(request, "booking/intake.html", context, status=400 if form.errors else 200)


@member_required
def my_appointments(request):
    appointments = list(selectors.appointments_of_client(request.user))
    now = timezone.now()
    return render(
        request,
        "booking/mine.html",
        {
            "upcoming": [a for a in appointments if a.is_active and a.end >= now][::-1],
            "earlier": [a for a in appointments if not (a.is_active and a.end >= now)],
        },
    )


# ---- one appointment, for either side -----------------------------------------------------------
@participant_required
def appointment(request, public_id):
    appointment = selectors.appointment_for(request.user, public_id)
    intake_visible = services.read_intake(appointment, reader=request.user, ip_address=client_address(request))
    now = timezone.now()
    return render(
        request,
        "booking/appointment.html",
        {
            "appointment": appointment,
            "is_therapist": request.user.pk == appointment.therapist_id,
            "intake_visible": intake_visible,
            "can_change": appointment.is_active and appointment.end > now,
            "is_late": appointment.is_active and services.is_late(appointment, now=now),
            "changes": appointment.changes.select_related("actor"),
            "decision_form": forms.DecisionForm(),
        },
    )


@therapist_required
@require_POST
def decide(request, public_id):
    appointment = selectors.appointment_for(request.user, public_id)
    form = forms.DecisionForm(request.POST)
    accept = request.POST.get("decision") == "accept"
    if form.is_valid():
        try:
            services.decide(appointment, therapist=request.user, accept=accept, message=form.cleaned_data["message"])
        except services.BookingError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, "Accepted: the client has been told." if accept else "Declined: the client has been told."
            )
    else:
        messages.error(request, "The message is too long (2,000 characters at most).")
    return redirect(appointment)


@participant_required
def cancel(request, public_id):
    appointment = selectors.appointment_for(request.user, public_id)
    if appointment.therapist_id is None or appointment.client_id is None:
        messages.error(request, "This appointment can no longer be changed.")
        return redirect(appointment)
    now = timezone.now()
    is_client = request.user.pk == appointment.client_id
    late = is_client and appointment.is_active and services.is_late(appointment, now=now)
    if request.method == "POST":
        try:
            services.cancel(appointment, by=request.user, now=now)
        except services.BookingError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                "Cancelled. " + ("It was recorded as a late cancellation." if late else "Both of you have been told."),
            )
        return redirect(appointment)
    schedule = selectors.schedule_for(appointment.therapist)
    return render(
        request,
        "booking/cancel.html",
        {"appointment": appointment, "late": late, "notice_hours": schedule.cancel_notice_hours},
    )


@participant_required
def reschedule(request, public_id):
    appointment = selectors.appointment_for(request.user, public_id)
    if appointment.therapist_id is None or appointment.client_id is None:
        messages.error(request, "This appointment can no longer be changed.")
        return redirect(appointment)
    schedule = selectors.schedule_for(appointment.therapist)
    viewer_zone = request.user.time_zone
    today = _today(request.user)
    form = forms.RescheduleForm(request.POST or None, now=timezone.now(), horizon_days=schedule.horizon_days)
    if request.method == "POST" and form.is_valid():
        try:
            services.reschedule(appointment, by=request.user, start=form.cleaned_data["start"])
        except services.BookingError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, "Moved. Both of you have been told.")
            return redirect(appointment)
    picked = request.GET.copy()
    picked["kind"] = appointment.kind  # the kind never changes when moving
    day_form = forms.DayForm(
        picked if "day" in picked else None,
        today=today,
        horizon_days=schedule.horizon_days,
        initial={"kind": appointment.kind},
    )
    day_form.fields["kind"].widget = forms.forms.HiddenInput()
    day_slots = None
    if day_form.is_bound and day_form.is_valid():
        day_slots = selectors.open_slots_on_viewer_day(
            schedule,
            kind=appointment.kind,
            day=day_form.cleaned_data["day"],
            viewer_zone=viewer_zone,
            excluding=appointment,
        )
    is_client = request.user.pk == appointment.client_id
    return render(
        request,
        "booking/reschedule.html",
        {
            "appointment": appointment,
            "form": form,
            "day_form": day_form,
            "day_slots": day_slots,
            "days": _days_with_openings(
                schedule, kind=appointment.kind, viewer_zone=viewer_zone, first=today, excluding=appointment
            ),
            "late": is_client and appointment.is_active and services.is_late(appointment, now=timezone.now()),
            "notice_hours": schedule.cancel_notice_hours,
        },
        status=400 if form.errors else 200,
    )


@participant_required
def appointment_ics(request, public_id):
    appointment = selectors.appointment_for(request.user, public_id)
    body = ics_for(appointment, cancelled=not appointment.is_active, named=request.user.allows_names_in_email)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="trustrepair-appointment.ics"'
    return response


# ---- the therapist's side -----------------------------------------------------------------------
@therapist_required
def therapist_appointments(request):
    lists = {k: list(v) for k, v in selectors.appointments_of_therapist(request.user).items()}
    services.read_appointment_list(
        reader=request.user,
        appointments=[a for shown in lists.values() for a in shown],
        ip_address=client_address(request),
    )
    return render(request, "booking/therapist_list.html", lists)


def _availability_page(request, schedule, *, status=200, **bound):
    """The open-hours page with fresh forms, except the one form a failed POST hands back with its errors."""
    forms_on_page = {
        "schedule_form": forms.ScheduleForm(instance=schedule, prefix="s"),
        "rule_form": forms.RuleForm(prefix="r", schedule=schedule),
        "off_form": forms.TimeOffForm(prefix="t"),
        **bound,
    }
    return render(
        request,
        "booking/availability.html",
        {
            "schedule": schedule,
            **forms_on_page,
            "rules": list(schedule.rules.all()),
            "time_off": list(schedule.time_off.all()),
            "feed_url": request.build_absolute_uri(reverse("booking:feed", args=[schedule.feed_token])),
        },
        status=status,
    )


@therapist_required
def availability(request):
    return _availability_page(request, selectors.schedule_for(request.user))


@therapist_required
@require_POST
def availability_settings(request):
    schedule = selectors.schedule_for(request.user)
    form = forms.ScheduleForm(request.POST, instance=schedule, prefix="s")
    if not form.is_valid():
        return _availability_page(request, schedule, schedule_form=form, status=400)
    services.update_schedule(schedule, **form.cleaned_data)
    messages.success(request, "Booking settings saved.")
    return redirect("booking:availability")


@therapist_required
@require_POST
def open_hours_add(request):
    schedule = selectors.schedule_for(request.user)
    form = forms.RuleForm(request.POST, prefix="r", schedule=schedule)
    if not form.is_valid():
        return _availability_page(request, schedule, rule_form=form, status=400)
    services.add_rule(schedule, **form.cleaned_data)
    messages.success(request, "Open hours added.")
    return redirect("booking:availability")


@therapist_required
@require_POST
def open_hours_remove(request, rule_id):
    services.remove_rule(selectors.schedule_for(request.user), rule_id=rule_id)
    messages.success(request, "Removed.")
    return redirect("booking:availability")


@therapist_required
@require_POST
def time_off_add(request):
    schedule = selectors.schedule_for(request.user)
    form = forms.TimeOffForm(request.POST, prefix="t")
    if not form.is_valid():
        return _availability_page(request, schedule, off_form=form, status=400)
    services.add_time_off(schedule, **form.cleaned_data)
    messages.success(request, "Time off added.")
    return redirect("booking:availability")


@therapist_required
@require_POST
def time_off_remove(request, time_off_id):
    services.remove_time_off(selectors.schedule_for(request.user), time_off_id=time_off_id)
    messages.success(request, "Removed.")
    return redirect("booking:availability")


@therapist_required
@require_POST
def feed_address_new(request):
    services.regenerate_feed_token(selectors.schedule_for(request.user))
    messages.success(request, "Your calendar feed has a new address. The old address no longer works.")
    return redirect("booking:availability")


@public
def feed(request, token):
    """A therapist's private calendar feed. The secret address is the key; it shows no clinical detail."""
    schedule = selectors.feed_schedule(token)
    # Discreet unless the therapist allowed names: a phone's calendar is seen by others too.
    named = schedule.therapist.allows_names_in_email
    events = [
        Event(
            uid=f"{a.public_id}@trustrepair" if named else f"{a.public_id}@appointments",
            start=a.start,
            end=a.end,
            sequence=a.sequence,
            status="TENTATIVE" if a.status == Appointment.Status.REQUESTED else "CONFIRMED",
            summary="TrustRepair appointment" if named else "Appointment",
        )
        for a in selectors.feed_appointments(schedule)
    ]
    body = calendar(
        events,
        now=timezone.now(),
        name="TrustRepair" if named else "Appointments",
        prodid=PRODID if named else NEUTRAL_PRODID,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex"
    return response
