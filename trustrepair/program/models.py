import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from trustrepair.core.fields import EncryptedTextField


class Enrolment(models.Model):
    """A person's place in the program. One per person; nothing here counts days in a row."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="program_enrolment")
    started_at = models.DateTimeField(default=timezone.now)
    starting_phase = models.CharField(max_length=60)
    current_phase = models.CharField(max_length=60)
    # The last time the person opened their today page; used only to welcome them back after a gap.
    last_visit_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Enrolment of {self.owner_id} in {self.current_phase}"

    def get_absolute_url(self) -> str:
        return reverse("program:today")


class LessonCompletion(models.Model):
    """A lesson the person has marked done. Keyed by the lesson's stable key from content/program/."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson_key = models.CharField(max_length=200)
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "lesson_key"], name="program_one_completion_per_lesson")
        ]

    def __str__(self) -> str:
        return self.lesson_key


class Setback(models.Model):
    """ "I had a setback": a normal part of rebuilding trust, noted so the program can look after the person."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="program_setbacks")
    happened_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(default=timezone.now)
    what_happened = EncryptedTextField(blank=True)
    what_might_help = EncryptedTextField(blank=True)
    returned_to_phase = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["-happened_on", "-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return f"Setback on {self.happened_on}"

    def get_absolute_url(self) -> str:
        return reverse("program:setback_detail", kwargs={"public_id": self.public_id})
