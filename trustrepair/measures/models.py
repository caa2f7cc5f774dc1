import hashlib
import json
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from trustrepair.core.fields import EncryptedTextField


class ImmutableRecordError(Exception):
    """A completed response cannot be changed; a correction is a new version linked to it."""


class AdministrationQuerySet(models.QuerySet):
    def current(self):
        """The latest version of each response: corrected ones are replaced by their correction."""
        return self.filter(superseded_by__isnull=True)


class Administration(models.Model):
    """One completed questionnaire: the answers, the scores, and exactly which rules scored them.

    Answers (item by item, including safety items) and any note are encrypted at rest. Scores are
    kept in plain columns so that history and reminders need no decryption. The row is immutable;
    `supersedes` links a correction to the version it replaces, with the reason.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="measure_administrations"
    )
    instrument_id = models.CharField(max_length=40)
    instrument_version = models.CharField(max_length=60)
    scoring_version = models.CharField(max_length=10)
    answers_json = EncryptedTextField()
    note = EncryptedTextField(blank=True, default="")
    total = models.FloatField(null=True, blank=True)
    subscales = models.JSONField(default=dict, blank=True)
    band = models.CharField(max_length=60, blank=True)
    completed_at = models.DateTimeField(default=timezone.now)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="superseded_by"
    )
    correction_reason = EncryptedTextField(blank=True)  # why the person corrected it: health data
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the answers and the versions that scored them.")

    objects = AdministrationQuerySet.as_manager()

    class Meta:
        ordering = ["completed_at", "id"]
        indexes = [models.Index(fields=["owner", "instrument_id", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.instrument_id} {self.completed_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError("A completed response cannot be changed; save a correction instead.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("measures:result", args=[self.public_id])

    @property
    def answers(self) -> dict[str, int]:
        return json.loads(self.answers_json)

    @staticmethod
    def checksum_for(*, answers: dict, instrument_id: str, instrument_version: str, scoring_version: str) -> str:
        canonical = json.dumps(
            {
                "answers": answers,
                "instrument": instrument_id,
                "version": instrument_version,
                "scoring": scoring_version,
            },
            sort_keys=True,
        )
        return hashlib.sha256(canonical.encode()).hexdigest()

    def is_intact(self) -> bool:
        return self.checksum == self.checksum_for(
            answers=self.answers,
            instrument_id=self.instrument_id,
            instrument_version=self.instrument_version,
            scoring_version=self.scoring_version,
        )

    @property
    def is_correction(self) -> bool:
        return self.supersedes_id is not None


class Schedule(models.Model):
    """A person's own plan to repeat an instrument every so many days, with a reminder when due."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="measure_schedules")
    instrument_id = models.CharField(max_length=40)
    every_days = models.PositiveSmallIntegerField()
    next_due_at = models.DateTimeField()
    reminded_for = models.DateTimeField(
        null=True, blank=True, help_text="The due time a reminder was last claimed for; one reminder per due time."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "instrument_id"], name="measures_one_schedule_per_instrument"),
            models.CheckConstraint(condition=models.Q(every_days__gte=1), name="measures_schedule_every_day_or_more"),
        ]
        indexes = [models.Index(fields=["next_due_at"])]

    def __str__(self) -> str:
        return f"{self.instrument_id} every {self.every_days} days"

    def is_due(self, now=None) -> bool:
        return self.next_due_at <= (now or timezone.now())


class AnswerDraft(models.Model):
    """The answers given so far to a questionnaire not yet finished (issue 11): saved as each is given, so a
    safety item (PHQ-9 item 9) is seen at once, and the person can carry on later. Deleted when submitted."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="measure_drafts")
    instrument_id = models.CharField(max_length=40)
    answers_json = EncryptedTextField(default="{}")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "instrument_id"], name="measures_one_draft_each")]

    def __str__(self) -> str:
        return "Unfinished answers"

    @property
    def answers(self) -> dict:
        return json.loads(self.answers_json or "{}")
