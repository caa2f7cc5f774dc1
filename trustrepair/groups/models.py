"""Therapy groups run by a therapist (issue 14, item 6): an intensive programme meets in groups of 3–9.

Members join by an invitation code and are known to one another only by the first name or handle they
choose. Each group session is one block in the therapist's calendar (booking's open slots leave it out). A
group note is written as one entry per member, into that member's own record, naming no one else. Leaving
ends access at once: every member read filters on `left_at IS NULL`.
"""

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from trustrepair.core.fields import EncryptedTextField

MIN_MEMBERS = 3
MAX_MEMBERS = 9


def hash_code(code: str) -> str:
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(("group:" + normalised).encode()).hexdigest()


class Group(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="groups_run"
    )
    name = models.CharField(max_length=80)
    theme = models.CharField(max_length=120, help_text="For example: rebuilding after betrayal.")
    schedule = models.CharField(max_length=160, help_text="In words, e.g. Tuesdays and Thursdays, 18:00–19:30.")
    max_members = models.PositiveSmallIntegerField(default=8)
    code_hash = models.CharField(max_length=64, unique=True)
    code_hint = models.CharField(max_length=4)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_members__gte=MIN_MEMBERS, max_members__lte=MAX_MEMBERS), name="groups_size_3_to_9"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("groups:group", args=[self.public_id])


class Member(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    handle = models.CharField(max_length=30, help_text="The only name other members see.")
    adult_confirmed_at = models.DateTimeField()
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"], condition=Q(left_at__isnull=True), name="groups_one_active_membership"
            ),
            models.UniqueConstraint(
                fields=["group", "handle"], condition=Q(left_at__isnull=True), name="groups_handles_differ"
            ),
        ]

    def __str__(self) -> str:
        return self.handle


class GroupSession(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField()
    end = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["start", "end"], name="groups_session_span")]
        constraints = [models.CheckConstraint(condition=Q(start__lt=models.F("end")), name="groups_session_in_order")]

    def __str__(self) -> str:
        return f"{self.group} {self.start:%Y-%m-%d %H:%M}"


class Attendance(models.Model):
    session = models.ForeignKey(GroupSession, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="groups_one_attendance_each")]

    def __str__(self) -> str:
        return "present" if self.present else "absent"


class NoteEntry(models.Model):
    """One member's part of a group note: in that member's record only, naming no one else."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(GroupSession, on_delete=models.PROTECT, related_name="note_entries")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="note_entries")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="groups_one_note_entry_each")]

    def __str__(self) -> str:
        return f"Group note {self.created_at:%Y-%m-%d}"
