"""Writes: availability, booking, decisions, cancellation, rescheduling, reminders.

Booking is one transaction that first locks the therapist's Schedule row (select_for_update; on SQLite
the IMMEDIATE transaction already serialises writers), then re-computes the open slots and checks the
requested start is among them. The database constraints (unique active start; on PostgreSQL an exclusion
constraint on overlapping ranges) are the last line: an IntegrityError there is reported as SlotTaken too.
"""

import datetime as dt
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from trustrepair.accounts.models import User
from trustrepair.booking import notify, selectors
from trustrepair.booking.models import (
    ACTIVE_STATUSES,
    Appointment,
    AppointmentChange,
    AvailabilityRule,
    BookingAttempt,
    Schedule,
    TimeOff,
    new_feed_token,
)
from trustrepair.core.audit import record_access
from trustrepair.directory import selectors as directory_selectors
from trustrepair.notifications.services import deliver
from trustrepair.safety.services import screen_text

log = logging.getLogger(__name__)


class BookingError(Exception):
    """A booking could not be made; the message is written for the person and safe to show."""

    field = "start"


class SlotTaken(BookingError):
    def __init__(self):
        super().__init__(
            "That time was just taken by someone else. Please choose another time; what you wrote is kept."
        )


class SlotInPast(BookingError):
    def __init__(self):
        super().__init__("That time has already passed. Please choose a time in the future.")


class SlotNotOffered(BookingError):
    def __init__(self):
        super().__init__("That time is not open for booking (it may be too soon, too far ahead or outside open hours).")


class SlotTooFar(BookingError):
    def __init__(self, horizon_days: int):
        super().__init__(
            f"Please choose a time within the next {horizon_days} days: "
            "that is as far ahead as this therapist takes bookings."
        )


class NotAllowed(BookingError):
    field = None


# Limits on one client's bookings (issue 8): each booking emails two people and holds a therapist's time.
MAX_ACTIVE_PER_THERAPIST = 2
MAX_ACTIVE_IN_ALL = 4
MAX_ATTEMPTS_PER_HOUR = 10


class BookingLimitReached(BookingError):
    field = None


class TooManyAttempts(BookingError):
    field = None

    def __init__(self):
        super().__init__(
            f"You have tried to book {MAX_ATTEMPTS_PER_HOUR} times in the last hour. "
            "Please wait a while and try again; what you wrote is kept."
        )


class OutsideCoverage(BookingError):
    """The therapist is not licensed or registered where the client will be during the session."""

    field = "where"


def _availability_changed(therapist: User) -> None:
    """Keep the directory's precomputed "next available" current (it refreshes after the commit)."""
    from trustrepair.directory import services as directory_services

    directory_services.availability_changed(therapist)


# ---- availability -------------------------------------------------------------------------------
def update_schedule(schedule: Schedule, **fields) -> Schedule:
    allowed = {
        "time_zone",
        "consultation_minutes",
        "session_minutes",
        "buffer_minutes",
        "min_notice_hours",
        "horizon_days",
        "cancel_notice_hours",
        "accepts_bookings",
    }
    changed = [name for name in fields if name in allowed]
    for name in changed:
        setattr(schedule, name, fields[name])
    schedule.save(update_fields=changed)
    _availability_changed(schedule.therapist)
    return schedule


def add_rule(schedule: Schedule, *, weekday: int, start: dt.time, end: dt.time) -> AvailabilityRule:
    rule = AvailabilityRule.objects.create(schedule=schedule, weekday=weekday, start=start, end=end)
    _availability_changed(schedule.therapist)
    return rule


def remove_rule(schedule: Schedule, *, rule_id: int) -> int:
    deleted, _ = AvailabilityRule.objects.filter(schedule=schedule, pk=rule_id).delete()
    _availability_changed(schedule.therapist)
    return deleted


def add_time_off(schedule: Schedule, *, first_day: dt.date, last_day: dt.date, label: str = "") -> TimeOff:
    time_off = TimeOff.objects.create(schedule=schedule, first_day=first_day, last_day=last_day, label=label)
    _availability_changed(schedule.therapist)
    return time_off


def remove_time_off(schedule: Schedule, *, time_off_id: int) -> int:
    deleted, _ = TimeOff.objects.filter(schedule=schedule, pk=time_off_id).delete()
    _availability_changed(schedule.therapist)
    return deleted


def regenerate_feed_token(schedule: Schedule) -> Schedule:
    """A new secret feed address; the old one stops working at once."""
    schedule.feed_token = new_feed_token()
    schedule.save(update_fields=["feed_token"])
    return schedule


# ---- booking ------------------------------------------------------------------------------------
def _check_slot(schedule: Schedule, *, kind: str, start: dt.datetime, now: dt.datetime, excluding=None) -> None:
    if start <= now:
        raise SlotInPast()
    if start > now + dt.timedelta(days=schedule.horizon_days):
        raise SlotTooFar(schedule.horizon_days)  # checked before any arithmetic that could overflow
    tz = ZoneInfo(schedule.time_zone)
    local_day = start.astimezone(tz).date()
    offered = selectors.open_slots(
        schedule, kind=kind, first_day=local_day, last_day=local_day, now=now, excluding=excluding
    )
    if start in offered:
        return
    length = schedule.length(kind)
    buffer = dt.timedelta(minutes=schedule.buffer_minutes)
    overlapping = Appointment.objects.filter(
        therapist_id=schedule.therapist_id,
        status__in=ACTIVE_STATUSES,
        start__lt=start + length + buffer,
        blocks_until__gt=start,
    )
    if excluding is not None:
        overlapping = overlapping.exclude(pk=excluding.pk)
    if overlapping.exists():
        raise SlotTaken()
    raise SlotNotOffered()


def _note_attempt(client: User, *, now: dt.datetime) -> None:
    """Count this attempt, or refuse it when the client already made the hourly maximum.

    Its own committed transaction, so a booking that then fails still counts; the client's row is locked
    so two workers cannot both let the eleventh attempt through.
    """
    since = now - dt.timedelta(hours=1)
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=client.pk).values_list("pk", flat=True).first()
        BookingAttempt.objects.filter(client=client, at__lte=since).delete()
        if BookingAttempt.objects.filter(client=client, at__gt=since).count() >= MAX_ATTEMPTS_PER_HOUR:
            raise TooManyAttempts()
        BookingAttempt.objects.create(client=client, at=now)


def _check_limits(client: User, *, therapist: User, now: dt.datetime) -> None:
    """At most two upcoming appointments with one therapist and four in all (requests count too)."""
    upcoming = list(
        Appointment.objects.select_for_update()
        .filter(client=client, status__in=ACTIVE_STATUSES, end__gt=now)
        .values_list("therapist_id", flat=True)
    )
    if upcoming.count(therapist.pk) >= MAX_ACTIVE_PER_THERAPIST:
        raise BookingLimitReached(
            f"You already have {MAX_ACTIVE_PER_THERAPIST} upcoming appointments with this therapist. "
            "Please wait until one has taken place, or cancel one, before booking another."
        )
    if len(upcoming) >= MAX_ACTIVE_IN_ALL:
        raise BookingLimitReached(
            f"You already have {MAX_ACTIVE_IN_ALL} upcoming appointments. "
            "Please wait until one has taken place, or cancel one, before booking another."
        )


def _locked_schedule(therapist: User) -> Schedule:
    try:
        return Schedule.objects.select_for_update().get(therapist=therapist, accepts_bookings=True)
    except Schedule.DoesNotExist:
        raise NotAllowed("This therapist is not taking bookings here.")


def book_appointment(
    *,
    client: User,
    therapist: User,
    kind: str,
    start: dt.datetime,
    reason: str,
    who_is_involved: str = "",
    preferences: str = "",
    contact_method: str = Appointment.Contact.EMAIL,
    contact_detail: str = "",
    may_leave_messages: bool = False,
    client_place: str | None = None,
    now: dt.datetime | None = None,
) -> Appointment:
    """Book `start` for `client`. Consultations wait for the therapist; sessions are confirmed at once.

    `client_place` is where the client confirmed they will be during the session (their account's place when
    not given); a therapist not licensed or registered there is refused (OutsideCoverage).
    """
    from trustrepair.directory import selectors as directory_selectors

    now = now or timezone.now()
    if client.pk == therapist.pk or therapist.role != User.Role.THERAPIST:
        raise NotAllowed("You cannot book this person.")
    if not directory_selectors.is_listed(therapist):
        raise NotAllowed("This therapist is not taking bookings here.")
    place = client.place if client_place is None else client_place
    refusal = directory_selectors.coverage_refusal(therapist=therapist, place=place)
    if refusal:
        raise OutsideCoverage(refusal)
    _note_attempt(client, now=now)
    try:
        with transaction.atomic():
            schedule = _locked_schedule(therapist)
            # The client's row serialises their own bookings across therapists (the limit in all).
            User.objects.select_for_update().filter(pk=client.pk).values_list("pk", flat=True).first()
            _check_limits(client, therapist=therapist, now=now)
            _check_slot(schedule, kind=kind, start=start, now=now)
            end = start + schedule.length(kind)
            appointment = Appointment.objects.create(
                therapist=therapist,
                client=client,
                kind=kind,
                status=Appointment.Status.REQUESTED
                if kind == Appointment.Kind.CONSULTATION
                else Appointment.Status.CONFIRMED,
                start=start,
                end=end,
                blocks_until=end + dt.timedelta(minutes=schedule.buffer_minutes),
                reason=reason,
                who_is_involved=who_is_involved,
                preferences=preferences,
                contact_method=contact_method,
                contact_detail=contact_detail,
                may_leave_messages=may_leave_messages,
                client_place=place,
            )
            AppointmentChange.objects.create(appointment=appointment, actor=client, action="booked")
            _availability_changed(therapist)
            transaction.on_commit(lambda: notify.booked(appointment), robust=True)
    except IntegrityError:
        # Another booking committed between our check and our insert: the constraint said no.
        raise SlotTaken()
    # Screened after the booking is safe: screening never blocks, and a crisis shows help at once.
    screen_text(client, reason, who_is_involved, preferences, source="booking.intake", obj=appointment)
    return appointment


def _lock_appointment(appointment: Appointment) -> Appointment:
    # of=("self",): either person may be gone (a nullable join), and only the appointment row needs the lock.
    return (
        Appointment.objects.select_for_update(of=("self",)).select_related("therapist", "client").get(pk=appointment.pk)
    )


def decide(appointment: Appointment, *, therapist: User, accept: bool, message: str = "") -> Appointment:
    with transaction.atomic():
        appointment = _lock_appointment(appointment)
        if appointment.therapist_id != therapist.pk:
            raise NotAllowed("Only the therapist can answer this request.")
        if appointment.status != Appointment.Status.REQUESTED:
            raise NotAllowed("This request has already been answered or cancelled.")
        if accept and appointment.start <= timezone.now():
            raise NotAllowed("This request's time has passed; please decline it and suggest another time.")
        appointment.status = Appointment.Status.CONFIRMED if accept else Appointment.Status.DECLINED
        appointment.therapist_message = message
        appointment.decided_at = timezone.now()
        appointment.sequence += 1
        appointment.save(update_fields=["status", "therapist_message", "decided_at", "sequence"])
        AppointmentChange.objects.create(
            appointment=appointment, actor=therapist, action="accepted" if accept else "declined"
        )
        transaction.on_commit(lambda: notify.decided(appointment), robust=True)
        _availability_changed(appointment.therapist)
    return appointment


def is_late(appointment: Appointment, *, now: dt.datetime) -> bool:
    """Inside the therapist's notice period (e.g. less than 24 hours before the start)."""
    schedule = Schedule.objects.filter(therapist_id=appointment.therapist_id).first()
    hours = schedule.cancel_notice_hours if schedule else 24
    return appointment.start - now < dt.timedelta(hours=hours)


def cancel(appointment: Appointment, *, by: User, now: dt.datetime | None = None) -> Appointment:
    """Either side may cancel an active appointment; a client's cancellation inside the notice period is late."""
    now = now or timezone.now()
    with transaction.atomic():
        appointment = _lock_appointment(appointment)
        if by.pk not in (appointment.client_id, appointment.therapist_id):
            raise NotAllowed("This is not your appointment.")
        if not appointment.is_active:
            raise NotAllowed("This appointment is no longer active.")
        if appointment.end <= now:
            raise NotAllowed("This appointment is already over.")
        late = by.pk == appointment.client_id and is_late(appointment, now=now)
        appointment.status = Appointment.Status.CANCELLED
        appointment.cancelled_at = now
        appointment.cancelled_by = by
        appointment.is_late_cancellation = late
        appointment.sequence += 1
        appointment.save(update_fields=["status", "cancelled_at", "cancelled_by", "is_late_cancellation", "sequence"])
        AppointmentChange.objects.create(appointment=appointment, actor=by, action="cancelled", is_late=late)
        transaction.on_commit(lambda: notify.cancelled(appointment, by=by), robust=True)
        _availability_changed(appointment.therapist)
    return appointment


def reschedule(
    appointment: Appointment, *, by: User, start: dt.datetime, now: dt.datetime | None = None
) -> Appointment:
    """Move an active appointment to another open slot, under the same lock and checks as a new booking."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            schedule = _locked_schedule(appointment.therapist)
            appointment = _lock_appointment(appointment)
            if by.pk not in (appointment.client_id, appointment.therapist_id):
                raise NotAllowed("This is not your appointment.")
            if not appointment.is_active or appointment.end <= now:
                raise NotAllowed("Only an upcoming appointment can be moved.")
            _check_slot(schedule, kind=appointment.kind, start=start, now=now, excluding=appointment)
            late = by.pk == appointment.client_id and is_late(appointment, now=now)
            previous = appointment.start
            length = appointment.end - appointment.start
            appointment.start = start
            appointment.end = start + length
            appointment.blocks_until = appointment.end + dt.timedelta(minutes=schedule.buffer_minutes)
            appointment.reminder_sent_at = None
            appointment.sequence += 1
            appointment.save(update_fields=["start", "end", "blocks_until", "reminder_sent_at", "sequence"])
            AppointmentChange.objects.create(
                appointment=appointment, actor=by, action="rescheduled", previous_start=previous, is_late=late
            )
            transaction.on_commit(lambda: notify.rescheduled(appointment, previous_start=previous, by=by), robust=True)
            _availability_changed(appointment.therapist)
    except IntegrityError:
        raise SlotTaken()
    return appointment


def read_intake(appointment: Appointment, *, reader: User, ip_address: str | None = None) -> bool:
    """Whether `reader` may see the intake now. The client always sees their own (not audited); the therapist
    only while staff verify their licence, and each such read is audited."""
    if reader.pk == appointment.client_id:
        return True
    if appointment.is_restricted or reader.pk != appointment.therapist_id:
        return False  # a restricted record is kept for the retention period, not read
    if not directory_selectors.is_verified(reader):
        return False
    record_access(
        actor=reader,
        subject=appointment.client,
        action="read",
        obj=appointment,
        reason="Read the intake form of an appointment booked with them",
        ip_address=ip_address,
    )
    return True


def read_appointment_list(*, reader: User, appointments, ip_address: str | None = None) -> None:
    """The therapist's list names their clients: one audit event per client shown (not per appointment)."""
    clients = {a.client_id: a.client for a in appointments if a.client_id and a.client_id != reader.pk}
    for client in clients.values():
        record_access(
            actor=reader,
            subject=client,
            action="read",
            obj="booking.appointment_list",
            reason="Saw their appointments in the therapist's list",
            ip_address=ip_address,
        )


def _cancel_for_the_practice(appointment: Appointment, *, reason: str, now: dt.datetime) -> None:
    """Cancel on the practice's behalf (nobody's late cancellation); the caller tells whoever must know."""
    appointment.status = Appointment.Status.CANCELLED
    appointment.cancelled_at = now
    appointment.cancelled_by = None
    appointment.cancel_reason = reason
    appointment.sequence += 1
    appointment.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason", "sequence"])
    AppointmentChange.objects.create(appointment=appointment, actor=None, action=AppointmentChange.Action.CANCELLED)


def withdraw_bookings(*, therapist: User, include_confirmed: bool, now: dt.datetime | None = None) -> int:
    """A therapist leaves the directory (returned or suspended): their upcoming requests are cancelled, and
    their confirmed appointments too when `include_confirmed` (a suspension for cause). Each client gets a
    neutral notice with a way to find someone else."""
    now = now or timezone.now()
    statuses = ACTIVE_STATUSES if include_confirmed else (Appointment.Status.REQUESTED,)
    withdrawn = 0
    with transaction.atomic():
        upcoming = (
            Appointment.objects.select_for_update(of=("self",))
            .select_related("client", "therapist")
            .filter(therapist=therapist, status__in=statuses, end__gt=now)
        )
        for appointment in upcoming:
            _cancel_for_the_practice(appointment, reason=Appointment.CancelReason.THERAPIST_UNAVAILABLE, now=now)
            transaction.on_commit(lambda a=appointment: notify.withdrawn(a), robust=True)
            withdrawn += 1
    return withdrawn


# ---- reminders ----------------------------------------------------------------------------------
def claim_reminder(appointment_id: int, *, now: dt.datetime) -> bool:
    """Claim one reminder with a conditional UPDATE: exactly one caller anywhere gets True."""
    return (
        Appointment.objects.filter(
            pk=appointment_id, reminder_sent_at__isnull=True, status=Appointment.Status.CONFIRMED
        ).update(reminder_sent_at=now)
        == 1
    )


def send_due_reminders(*, now: dt.datetime | None = None) -> int:
    """Remind about every confirmed appointment in the next 24 hours, each exactly once, even with several
    runners at once. The claim and the reminder notices commit together; their emails are then sent by
    the notification sender's own claim (see notifications.services.deliver)."""
    now = now or timezone.now()
    reminded, notices = 0, []
    for appointment_id in list(selectors.appointments_due_reminder(now)):
        with transaction.atomic():
            if not claim_reminder(appointment_id, now=now):
                continue  # another runner has it
            appointment = Appointment.objects.select_related("therapist", "client").get(pk=appointment_id)
            notices += notify.reminder(appointment, deliver_now=False)
        reminded += 1
    for notice in notices:
        deliver(notice.pk)
    return reminded


# ---- export and erase ---------------------------------------------------------------------------
def export_booking(user: User) -> dict:
    data: dict = {"appointments": []}
    for a in Appointment.objects.filter(client=user).select_related("therapist").prefetch_related("changes"):
        data["appointments"].append(
            {
                "therapist": a.therapist_label,
                "kind": a.kind,
                "status": a.status,
                "start": a.start,
                "end": a.end,
                "reason": a.reason,
                "who_is_involved": a.who_is_involved,
                "preferences": a.preferences,
                "contact_method": a.contact_method,
                "contact_detail": a.contact_detail,
                "may_leave_messages": a.may_leave_messages,
                "therapist_message": a.therapist_message,
                "is_late_cancellation": a.is_late_cancellation,
                "history": [{"action": c.action, "at": c.at, "is_late": c.is_late} for c in a.changes.all()],
            }
        )
    schedule = Schedule.objects.filter(therapist=user).first()
    if schedule is not None:
        data["schedule"] = {
            "time_zone": schedule.time_zone,
            "consultation_minutes": schedule.consultation_minutes,
            "session_minutes": schedule.session_minutes,
            "buffer_minutes": schedule.buffer_minutes,
            "rules": [str(r) for r in schedule.rules.all()],
            "time_off": [
                {"first_day": t.first_day, "last_day": t.last_day, "label": t.label} for t in schedule.time_off.all()
            ],
        }
        data["appointments_given"] = [
            {"start": a.start, "end": a.end, "status": a.status}
            for a in Appointment.objects.filter(therapist=user).only("start", "end", "status")
        ]
    return data


def erase_booking(user: User) -> None:
    """Erasure follows DESIGN's records table: appointments are the practice's record about the client.

    As a client: the account goes; each appointment is kept, restricted (no link to the person, no phone
    number) until the retention period ends; an upcoming one is cancelled and the therapist told neutrally.
    As a therapist: the schedule goes; upcoming appointments are cancelled and each client told neutrally
    with a way to find someone else; clients keep their appointments and what they wrote.
    """
    now = timezone.now()
    upcoming = Appointment.objects.select_for_update(of=("self",)).select_related("client", "therapist")
    upcoming = upcoming.filter(status__in=ACTIVE_STATUSES, end__gt=now)
    for appointment in upcoming.filter(client=user):
        _cancel_for_the_practice(appointment, reason=Appointment.CancelReason.CLIENT_LEFT, now=now)
        transaction.on_commit(lambda a=appointment: notify.client_left(a), robust=True)
    Appointment.objects.filter(client=user).update(
        client=None,
        contact_detail="",
        contact_method=Appointment.Contact.APP_ONLY,
        restricted_at=now,
        retain_until=now + retention_period(),
    )
    for appointment in upcoming.filter(therapist=user):
        _cancel_for_the_practice(appointment, reason=Appointment.CancelReason.THERAPIST_LEFT, now=now)
        transaction.on_commit(lambda a=appointment: notify.withdrawn(a), robust=True)
    Appointment.objects.filter(therapist=user).update(therapist=None)
    BookingAttempt.objects.filter(client=user).delete()
    Schedule.objects.filter(therapist=user).delete()


def retention_period() -> dt.timedelta:
    """How long a practice keeps a restricted record after care ends (DESIGN: 7 years by default)."""
    years = getattr(settings, "CLINICAL_RETENTION_YEARS", 7)
    return dt.timedelta(days=round(365.25 * years))


def purge_expired_records(*, now: dt.datetime | None = None) -> int:
    """Delete restricted records whose retention period has ended. Idempotent; safe on several machines."""
    now = now or timezone.now()
    _total, per_model = Appointment.objects.filter(restricted_at__isnull=False, retain_until__lte=now).delete()
    return per_model.get(Appointment._meta.label, 0)
