import uuid

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One read or change of someone else's data: who, whose, what, when, why. Append-only."""

    class Action(models.TextChoices):
        READ = "read", "read"
        CREATE = "create", "create"
        UPDATE = "update", "update"
        DELETE = "delete", "delete"
        EXPORT = "export", "export"
        ERASE = "erase", "erase"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="audit_events_as_actor"
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="audit_events_as_subject"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64, blank=True)
    reason = models.CharField(max_length=200)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["subject", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.action} {self.object_type} of {self.subject_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)


class PageVersion(models.Model):
    """A token that changes whenever anything a person may see changes (`core.page_versions`): the key of their
    cached pages (`core.page_cache`) carries it, so a change reaches every worker's next request. The token is
    random, never counted up, so no write can bring an old key back. Not a foreign key: a version outlives an
    erased account harmlessly and never blocks the erasure."""

    person_id = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.person_id}: {self.version}"
