"""The shared space of a couple. Partners share a relationship, not a record (shared/instruments.md §4.6):

- a `Couple` is two member accounts, each with a `Membership` that carries that person's consent to the link,
  their own safety-gate state and nothing else; one active membership per person (a database constraint);
- every joint item (a Transparency Window, a rupture and its repair, a weekly check-in) is a container that
  holds nothing personal, plus one *part* per partner that belongs to that partner alone: their ratings,
  words and answers, with their own sharing choices. Exports hold only your own parts; erasure deletes them
  and keeps the other's.

The couple's member fields are SET_NULL so that erasing one account never deletes the other's parts.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from trustrepair.core.fields import EncryptedTextField

SHORT = 500
MEDIUM = 4_000

USER = settings.AUTH_USER_MODEL


def zero_to(top: int) -> list:
    return [MinValueValidator(0), MaxValueValidator(top)]


class Invitation(models.Model):
    """A one-time invitation to link. Only a hash of the code is kept; the code is shown once to the
    inviter (or sent to an address) and works once, within seven days."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inviter = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return "invitation " + str(getattr(self, "public_id", None) or self.pk)


class Couple(models.Model):
    """Two people linked by mutual consent. Ended (never reopened) when either unlinks or is erased.

    `open_until` is the gate's one bit, kept here so every couples page reads it with the couple itself:
    set only while both partners have a clear screen younger than 30 days and neither has closed the space
    (the earlier of the two screens + 30 days); None otherwise. Services recompute it on every gate change.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    member_a = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    member_b = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    linked_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    open_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return "couple " + str(getattr(self, "public_id", None) or self.pk)

    def other(self, user):
        if user is None:
            return None
        if self.member_a_id == user.pk:
            return self.member_b
        if self.member_b_id == user.pk:
            return self.member_a
        return None

    def slot(self, user) -> str:
        """ "a" or "b": which side of the couple `user` is on."""
        return "a" if self.member_a_id == user.pk else "b"

    def is_open(self, now=None) -> bool:
        return self.ended_at is None and self.open_until is not None and self.open_until > (now or timezone.now())


class Membership(models.Model):
    """One person's side of a link: their consent and their own safety-gate state.

    The gate's answers are never stored, only what they decided: `screened_at` (a clear screen, every
    answer "Never") and `closed_at` (the person closed the space: an answer other than Never, or "I don't
    feel safe"). Only this person can clear `closed_at`, by a fresh clear screen.
    """

    CONSENT_VERSION = "2026-12"

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="couple_memberships")
    consented_at = models.DateTimeField(default=timezone.now)
    consent_version = models.CharField(max_length=20, default=CONSENT_VERSION)
    left_at = models.DateTimeField(null=True, blank=True)
    screened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(left_at__isnull=True), name="one_active_link_per_person"
            ),
        ]

    def __str__(self) -> str:
        return "membership " + str(getattr(self, "public_id", None) or self.pk)


class Part(models.Model):
    """What every partner's part shares: an owner, a public id, and that person's sharing choices.

    `held_back` is set when the crisis screen found danger from others in this part's text: it is then not
    shown to anyone else whatever the sharing choices, until the writer edits it and it screens clear.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    shared_with_partner = models.BooleanField(default=False)
    shared_with_therapist = models.BooleanField(default=False)
    held_back = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def visible_to_partner(self) -> bool:
        return self.shared_with_partner and not self.held_back

    @property
    def visible_to_therapist(self) -> bool:
        return self.shared_with_therapist and not self.held_back

    @property
    def sharing(self) -> str:
        if self.shared_with_partner and self.shared_with_therapist:
            return "both"
        if self.shared_with_partner:
            return "partner"
        if self.shared_with_therapist:
            return "therapist"
        return "private"


# ---- the Transparency Window ------------------------------------------------------------------------
class Window(models.Model):
    """A timed conversation. Its live state sits on this one row, so the poll reads one row by index.

    Per side ("a"/"b", as in the couple): present, the current defensiveness rating, and whether that person
    chose to continue after a pause. The current rating never leaves the server towards the other partner;
    the rating history is in WindowRating under the rater's part.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ACCEPTED = "accepted", "Waiting for both to be present"
        RUNNING = "running", "Running"
        PAUSED = "paused", "Paused"
        ENDED = "ended", "Ended"
        DECLINED = "declined", "Not now"

    PAUSE_ABOVE = 5
    MIN_MINUTES, DEFAULT_MINUTES, MAX_MINUTES = 5, 10, 20

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="windows")
    proposer_slot = models.CharField(max_length=1, choices=[("a", "a"), ("b", "b")])
    question = EncryptedTextField(max_length=SHORT)
    minutes = models.PositiveSmallIntegerField(
        default=DEFAULT_MINUTES, validators=[MinValueValidator(MIN_MINUTES), MaxValueValidator(MAX_MINUTES)]
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    running_since = models.DateTimeField(null=True, blank=True)
    elapsed_seconds = models.FloatField(default=0)
    pause_count = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)  # bumped on every change: screens announce on change
    present_a = models.BooleanField(default=False)
    present_b = models.BooleanField(default=False)
    rating_a = models.PositiveSmallIntegerField(null=True, blank=True, validators=zero_to(10))
    rating_b = models.PositiveSmallIntegerField(null=True, blank=True, validators=zero_to(10))
    continue_a = models.BooleanField(default=False)
    continue_b = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["couple", "created_at"])]

    def __str__(self) -> str:
        return "window " + str(getattr(self, "public_id", None) or self.pk)

    def get_absolute_url(self) -> str:
        return reverse("couples:window", args=[self.public_id])

    def elapsed(self, now=None) -> float:
        extra = ((now or timezone.now()) - self.running_since).total_seconds() if self.running_since else 0
        return min(self.elapsed_seconds + max(extra, 0), self.minutes * 60)

    def remaining(self, now=None) -> int:
        return max(0, round(self.minutes * 60 - self.elapsed(now)))

    def is_time_up(self, now=None) -> bool:
        return self.status == self.Status.RUNNING and self.remaining(now) <= 0


class WindowPart(Part):
    """One partner's part of a Window: their private reflection and their rating history (in WindowRating).
    `shared_with_partner` shares the reflection; `ratings_shared` shares the ratings over time."""

    window = models.ForeignKey(Window, on_delete=models.CASCADE, related_name="parts")
    reflection = EncryptedTextField(max_length=MEDIUM, blank=True, default="")
    ratings_shared = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["window", "owner"], name="one_window_part_per_person")]

    def __str__(self) -> str:
        return "windowpart " + str(getattr(self, "public_id", None) or self.pk)


class WindowRating(models.Model):
    part = models.ForeignKey(WindowPart, on_delete=models.CASCADE, related_name="ratings")
    at = models.DateTimeField(default=timezone.now)
    seconds_in = models.PositiveIntegerField(default=0)  # unpaused seconds into the Window when rated
    value = models.PositiveSmallIntegerField(validators=zero_to(10))

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return "windowrating " + str(getattr(self, "public_id", None) or self.pk)


# ---- rupture and repair -----------------------------------------------------------------------------
class Rupture(models.Model):
    """A rupture logged by one partner; repaired when both have marked it repaired."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="ruptures")
    logged_at = models.DateTimeField(default=timezone.now)
    repaired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-logged_at"]

    def __str__(self) -> str:
        return "rupture " + str(getattr(self, "public_id", None) or self.pk)

    def get_absolute_url(self) -> str:
        return reverse("couples:rupture", args=[self.public_id])

    @property
    def time_to_repair(self):
        return self.repaired_at - self.logged_at if self.repaired_at else None


class RupturePart(Part):
    """One partner's account of a rupture, in their own words, and whether they accept the repair."""

    rupture = models.ForeignKey(Rupture, on_delete=models.CASCADE, related_name="parts")
    what_happened = EncryptedTextField("what happened, as you saw it", max_length=MEDIUM, blank=True, default="")
    felt = EncryptedTextField("I felt…", max_length=MEDIUM, blank=True, default="")
    impact = EncryptedTextField("the impact on me", max_length=MEDIUM, blank=True, default="")
    need = EncryptedTextField("what I need", max_length=MEDIUM, blank=True, default="")
    repair_attempt = EncryptedTextField("what I offer or try, to repair", max_length=MEDIUM, blank=True, default="")
    accepts_repair = models.BooleanField(null=True, blank=True)
    repaired_at = models.DateTimeField(null=True, blank=True)

    TEXT_FIELDS = ("what_happened", "felt", "impact", "need", "repair_attempt")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["rupture", "owner"], name="one_rupture_part_per_person")]

    def __str__(self) -> str:
        return "rupturepart " + str(getattr(self, "public_id", None) or self.pk)


class CycleMap(Part):
    """One partner's own moves in the couple's conflict cycle."""

    MOVES = [
        ("pursue", "I pursue: I push to talk, ask, follow"),
        ("withdraw", "I withdraw: I go quiet, leave, shut down"),
        ("criticise", "I criticise: I point out what is wrong with them"),
        ("defend", "I defend: I explain, justify, push back"),
    ]
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="cycle_maps")
    moves = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["couple", "owner"], name="one_cycle_map_per_person")]

    def __str__(self) -> str:
        return "cyclemap " + str(getattr(self, "public_id", None) or self.pk)


# ---- weekly check-in --------------------------------------------------------------------------------
class CheckIn(models.Model):
    """A couple's week (the Monday it starts). Answers are parts; revealed only when both have answered."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="check_ins")
    week = models.DateField()

    class Meta:
        ordering = ["-week"]
        constraints = [models.UniqueConstraint(fields=["couple", "week"], name="one_check_in_per_couple_week")]

    def __str__(self) -> str:
        return "checkin " + str(getattr(self, "public_id", None) or self.pk)


class CheckInPart(Part):
    check_in = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="parts")
    safe = models.PositiveSmallIntegerField("how safe the week felt", validators=zero_to(10))
    connected = models.PositiveSmallIntegerField("how connected", validators=zero_to(10))
    trusting = models.PositiveSmallIntegerField("how trusting", validators=zero_to(10))
    appreciation = EncryptedTextField("one thing I appreciated", max_length=SHORT, blank=True, default="")
    need = EncryptedTextField("one thing I need", max_length=SHORT, blank=True, default="")

    TEXT_FIELDS = ("appreciation", "need")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["check_in", "owner"], name="one_check_in_part_per_person")]

    def __str__(self) -> str:
        return "checkinpart " + str(getattr(self, "public_id", None) or self.pk)
