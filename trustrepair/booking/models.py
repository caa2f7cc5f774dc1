"""Availability, appointments and their history. Everything is keyed on the therapist's User, not on a
directory profile, so booking and the directory stay independent.

No double booking: the service locks the therapist's Schedule row and checks for overlap inside one
transaction; the database backs that up with a unique constraint on (therapist, start) for active
appointments and, on PostgreSQL, an exclusion constraint on overlapping [start, blocks_until) ranges
(migration 0002, created only on PostgreSQL).
"""

import datetime as dt
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from trustrepair.core.fields import EncryptedTextField

WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class Schedule(models.Model):
    """A therapist's booking settings. Its row is also the lock every booking for that therapist takes."""

    therapist = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booking_schedule"
    )
    time_zone = models.CharField(max_length=64, default="UTC")
    consultation_minutes = models.PositiveSmallIntegerField("free consultation length (minutes)", default=20)
    session_minutes = models.PositiveSmallIntegerField("session length (minutes)", default=50)
    buffer_minutes = models.PositiveSmallIntegerField("break between appointments (minutes)", default=10)
    min_notice_hours = models.PositiveSmallIntegerField("minimum notice (hours)", default=24)
    horizon_days = models.PositiveSmallIntegerField("how far ahead people may book (days)", default=60)
    cancel_notice_hours = models.PositiveSmallIntegerField("cancellation notice (hours)", default=24)
    accepts_bookings = models.BooleanField("taking bookings", default=True)
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(consultation_minutes__gte=5), name="booking_consultation_at_least_5"),
            models.CheckConstraint(condition=Q(session_minutes__gte=5), name="booking_session_at_least_5"),
        ]

    def __str__(self) -> str:
        return f"Schedule of {self.therapist}"

    def length(self, kind: str) -> dt.timedelta:
        minutes = self.consultation_minutes if kind == Appointment.Kind.CONSULTATION else self.session_minutes
        return dt.timedelta(minutes=minutes)


class AvailabilityRule(models.Model):
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="rules")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    start = models.TimeField()
    end = models.TimeField()

    class Meta:
        ordering = ["weekday", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=models.F("end")), name="booking_rule_starts_before_end")
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"


class TimeOff(models.Model):
    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="time_off")
    first_day = models.DateField()
    last_day = models.DateField()
    label = models.CharField(max_length=80, blank=True, help_text="Only you see this, e.g. “conference”.")

    class Meta:
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(condition=Q(first_day__lte=models.F("last_day")), name="booking_time_off_in_order")
        ]

    def __str__(self) -> str:
        return f"{self.first_day}–{self.last_day}"


ACTIVE_STATUSES = ("requested", "confirmed")


class Appointment(models.Model):
    class Kind(models.TextChoices):
        CONSULTATION = "consultation", "Free consultation"
        SESSION = "session", "Session"

    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for the therapist"
        CONFIRMED = "confirmed", "Confirmed"
        DECLINED = "declined", "Declined"
        CANCELLED = "cancelled", "Cancelled"

    class CancelReason(models.TextChoices):
        """Why the practice (not a person) cancelled: neutral words both sides may read."""

        NONE = "", "—"
        THERAPIST_UNAVAILABLE = "therapist_unavailable", "The therapist is no longer taking appointments here."
        THERAPIST_LEFT = "therapist_left", "The therapist no longer works through TrustRepair."
        CLIENT_LEFT = "client_left", "The client closed their account."

    class Contact(models.TextChoices):
        EMAIL = "email", "Email to my account address"
        PHONE = "phone", "Phone call"
        TEXT = "text", "Text message"
        APP_ONLY = "app", "Only through TrustRepair"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Either side may be erased: the appointment is the practice's clinical record about the client and stays
    # (DESIGN, records table). A client's erasure restricts it (see restricted_at); a therapist's leaves it
    # with the client. Null means "a former client" / "a former therapist".
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="appointments_given"
    )
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="appointments_booked"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices)
    start = models.DateTimeField()
    end = models.DateTimeField()
    blocks_until = models.DateTimeField(
        help_text="end plus the therapist's buffer: the span no other booking may touch"
    )
    sequence = models.PositiveIntegerField(default=0, help_text="iCalendar SEQUENCE: bumped on every change")
    # The confidential intake: free text encrypted at rest.
    reason = EncryptedTextField("what brings you")
    who_is_involved = EncryptedTextField("who is involved", blank=True)
    preferences = EncryptedTextField("anything you would like the therapist to know or to avoid", blank=True)
    contact_method = models.CharField("safest way to reach you", max_length=10, choices=Contact.choices)
    contact_detail = EncryptedTextField("number to use", blank=True)
    may_leave_messages = models.BooleanField("may we leave a message?", default=False)
    client_place = models.CharField(
        "where the client will be", max_length=6, blank=True, help_text="ISO code the client confirmed at booking."
    )
    therapist_message = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_late_cancellation = models.BooleanField(default=False)
    cancel_reason = models.CharField(max_length=30, choices=CancelReason.choices, blank=True, default="")
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Set when the client erased their account: kept only for the practice's retention period, then deleted.
    restricted_at = models.DateTimeField(null=True, blank=True)
    retain_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["start"]
        indexes = [
            models.Index(fields=["therapist", "start"]),
            models.Index(fields=["status", "start"]),
            models.Index(fields=["retain_until"], name="booking_appointment_retention"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["therapist", "start"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="booking_one_active_appointment_per_start",
            ),
            models.CheckConstraint(condition=Q(start__lt=models.F("end")), name="booking_appointment_in_order"),
            models.CheckConstraint(
                condition=Q(end__lte=models.F("blocks_until")), name="booking_appointment_block_covers_it"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start:%Y-%m-%d %H:%M} UTC"

    def get_absolute_url(self) -> str:
        return reverse("booking:appointment", args=[self.public_id])

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_restricted(self) -> bool:
        return self.restricted_at is not None

    @property
    def client_label(self) -> str:
        return str(self.client) if self.client_id else "a former client"

    @property
    def therapist_label(self) -> str:
        return str(self.therapist) if self.therapist_id else "a former therapist"

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


class AppointmentChange(models.Model):
    """What happened to an appointment and whether it was inside the notice period."""

    class Action(models.TextChoices):
        BOOKED = "booked", "Booked"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        CANCELLED = "cancelled", "Cancelled"
        RESCHEDULED = "rescheduled", "Moved"

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="changes")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True)
    previous_start = models.DateTimeField(null=True, blank=True)
    is_late = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d %H:%M}"


class BookingAttempt(models.Model):
    """One call to book, kept for an hour: the rate limit every worker on every machine shares.

    Rows live in the database (not process memory or a per-process cache), so ten attempts an hour hold
    however many gunicorn processes answer; old rows are pruned by the next attempt.
    """

    client = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["client", "at"], name="booking_attempt_client_at")]

    def __str__(self) -> str:
        return f"Booking attempt at {self.at:%Y-%m-%d %H:%M}"
