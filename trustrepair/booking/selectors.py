"""Reads: each filters by who is asking, so a view cannot forget (anything not yours is a 404)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from trustrepair.accounts.models import User
from trustrepair.booking import slots
from trustrepair.booking.models import ACTIVE_STATUSES, Appointment, Schedule
from trustrepair.directory import selectors as directory_selectors


def schedule_for(therapist: User) -> Schedule:
    """The therapist's own schedule, created with their time zone on first use."""
    schedule, _ = Schedule.objects.get_or_create(therapist=therapist, defaults={"time_zone": therapist.time_zone})
    return schedule


def bookable_therapist(public_id) -> User:
    """A therapist who takes bookings, by public id; 404 for anyone else."""
    therapist = get_object_or_404(
        User.objects.select_related("booking_schedule"), public_id=public_id, role=User.Role.THERAPIST, is_active=True
    )
    schedule = getattr(therapist, "booking_schedule", None)
    if schedule is None or not schedule.accepts_bookings or not directory_selectors.is_listed(therapist):
        raise Http404("This therapist is not taking bookings here.")
    return therapist


def is_bookable(therapist: User) -> bool:
    schedule = Schedule.objects.filter(therapist=therapist, accepts_bookings=True).first()
    return schedule is not None and schedule.rules.exists() and directory_selectors.is_listed(therapist)


def appointment_for(user: User, public_id) -> Appointment:
    """An appointment the user is part of, as client or therapist."""
    mine = Q(therapist=user) if user.role == User.Role.THERAPIST else Q(client=user)
    return get_object_or_404(
        Appointment.objects.select_related("therapist", "client").filter(mine), public_id=public_id
    )


def appointments_of_client(client: User):
    return Appointment.objects.filter(client=client).select_related("therapist").order_by("-start")


def upcoming_for_client(client: User, *, now: dt.datetime | None = None):
    now = now or timezone.now()
    return (
        Appointment.objects.filter(client=client, status__in=ACTIVE_STATUSES, end__gte=now)
        .select_related("therapist")
        .order_by("start")
    )


def appointments_of_therapist(therapist: User, *, now: dt.datetime | None = None):
    """Requests waiting for an answer, then upcoming appointments; past ones in a separate list."""
    now = now or timezone.now()
    mine = Appointment.objects.filter(therapist=therapist).select_related("client")
    return {
        "requests": mine.filter(status=Appointment.Status.REQUESTED, end__gte=now).order_by("start"),
        "upcoming": mine.filter(status=Appointment.Status.CONFIRMED, end__gte=now).order_by("start"),
        "past": mine.filter(Q(end__lt=now) | Q(status__in=["declined", "cancelled"])).order_by("-start")[:50],
    }


def busy_for(schedule: Schedule, first: dt.datetime, last: dt.datetime, *, excluding=None) -> list[slots.Busy]:
    queryset = Appointment.objects.filter(
        therapist_id=schedule.therapist_id, status__in=ACTIVE_STATUSES, start__lt=last, blocks_until__gt=first
    )
    if excluding is not None:
        queryset = queryset.exclude(pk=excluding.pk)
    busy = [slots.Busy(start, end) for start, end in queryset.values_list("start", "end")]
    return busy + [slots.Busy(start, end) for start, end in other_blocks(schedule.therapist_id, first, last)]


def other_blocks(therapist_id, first: dt.datetime, last: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
    """Calendar blocks that are not appointments: a therapist's group sessions (issue 14). Lazy, so booking
    works whether or not the groups app is installed."""
    from django.apps import apps

    if not apps.is_installed("trustrepair.groups"):
        return []
    from trustrepair.groups import selectors as groups

    return groups.busy_blocks(therapist_id, first, last)


def appointments_overlapping(therapist_id, first: dt.datetime, last: dt.datetime) -> list[dt.datetime]:
    """Start times of the therapist's active appointments overlapping [first, last)."""
    return list(
        Appointment.objects.filter(
            therapist_id=therapist_id, status__in=ACTIVE_STATUSES, start__lt=last, blocks_until__gt=first
        ).values_list("start", flat=True)
    )


def open_slots(
    schedule: Schedule,
    *,
    kind: str,
    first_day: dt.date,
    last_day: dt.date,
    now: dt.datetime | None = None,
    excluding: Appointment | None = None,
) -> list[dt.datetime]:
    """Open slots on the therapist's local days first_day..last_day (aware UTC)."""
    now = now or timezone.now()
    tz = ZoneInfo(schedule.time_zone)
    window_start = dt.datetime.combine(first_day - dt.timedelta(days=1), dt.time(), tz)
    window_end = dt.datetime.combine(last_day + dt.timedelta(days=2), dt.time(), tz)
    return slots.open_slots(
        rules=[slots.Rule(r.weekday, r.start, r.end) for r in schedule.rules.all()],
        zone=schedule.time_zone,
        first_day=first_day,
        last_day=last_day,
        length=schedule.length(kind),
        buffer=dt.timedelta(minutes=schedule.buffer_minutes),
        time_off=[slots.TimeOff(t.first_day, t.last_day) for t in schedule.time_off.all()],
        busy=busy_for(schedule, window_start, window_end, excluding=excluding),
        now=now,
        min_notice=dt.timedelta(hours=schedule.min_notice_hours),
        horizon=dt.timedelta(days=schedule.horizon_days),
    )


def schedule_of(therapist: User) -> Schedule | None:
    """The therapist's schedule if they have one (never creates it)."""
    return Schedule.objects.filter(therapist=therapist).prefetch_related("rules", "time_off").first()


def first_open_slot(schedule: Schedule, *, kind: str = "consultation", now: dt.datetime | None = None):
    """The first open slot from now within the schedule's horizon, or None. Searches a fortnight at a time."""
    now = now or timezone.now()
    if not schedule.accepts_bookings:
        return None
    today = now.astimezone(ZoneInfo(schedule.time_zone)).date()
    last = today + dt.timedelta(days=schedule.horizon_days + 1)
    first = today
    while first <= last:
        window_end = min(first + dt.timedelta(days=13), last)
        found = open_slots(schedule, kind=kind, first_day=first, last_day=window_end, now=now)
        if found:
            return found[0]
        first = window_end + dt.timedelta(days=1)
    return None


def weekly_open_hours(schedule: Schedule, *, now: dt.datetime | None = None) -> frozenset[int]:
    """The UTC hours of this week the therapist's open hours touch (slots.open_hours_of_week)."""
    if not schedule.accepts_bookings:
        return frozenset()
    today = (now or timezone.now()).astimezone(ZoneInfo(schedule.time_zone)).date()
    monday = today - dt.timedelta(days=today.weekday())
    rules = [slots.Rule(r.weekday, r.start, r.end) for r in schedule.rules.all()]
    return slots.open_hours_of_week(rules=rules, zone=schedule.time_zone, monday=monday)


def open_slots_on_viewer_day(
    schedule: Schedule, *, kind: str, day: dt.date, viewer_zone: str, now=None, excluding=None
) -> list[dt.datetime]:
    """Open slots whose start falls on `day` in the viewer's zone (which may straddle two therapist days)."""
    candidates = open_slots(
        schedule,
        kind=kind,
        first_day=day - dt.timedelta(days=1),
        last_day=day + dt.timedelta(days=1),
        now=now,
        excluding=excluding,
    )
    return [s for s in candidates if slots.in_zone(s, viewer_zone).date() == day]


def feed_schedule(token: str) -> Schedule:
    return get_object_or_404(Schedule.objects.select_related("therapist"), feed_token=token)


def feed_appointments(schedule: Schedule, *, now: dt.datetime | None = None):
    now = now or timezone.now()
    return Appointment.objects.filter(
        therapist_id=schedule.therapist_id, status__in=ACTIVE_STATUSES, end__gte=now - dt.timedelta(days=30)
    ).order_by("start")


def appointments_due_reminder(now: dt.datetime):
    return Appointment.objects.filter(
        status=Appointment.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        start__gt=now,
        start__lte=now + dt.timedelta(hours=24),
    ).values_list("id", flat=True)


def next_sessions_with(therapist: User, client_ids, *, now: dt.datetime | None = None) -> dict[int, dt.datetime]:
    """client id → start of their next confirmed appointment with this therapist. One query."""
    from django.db.models import Min

    now = now or timezone.now()
    rows = (
        Appointment.objects.filter(
            therapist=therapist, client_id__in=list(client_ids), status=Appointment.Status.CONFIRMED, start__gt=now
        )
        .values("client_id")
        .annotate(first=Min("start"))
    )
    return {r["client_id"]: r["first"] for r in rows}


def confirmed_appointments_between(client: User, *, now: dt.datetime | None = None):
    """The client's confirmed appointments (past or upcoming) with a therapist still on the service."""
    return Appointment.objects.filter(
        client=client, status=Appointment.Status.CONFIRMED, therapist__isnull=False
    ).select_related("therapist")
