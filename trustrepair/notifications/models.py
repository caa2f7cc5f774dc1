import uuid

from django.conf import settings
from django.db import models

from trustrepair.core.fields import EncryptedTextField


class Notice(models.Model):
    """One thing the product tells a person: always listed under Updates, and emailed when the
    person's contact preference allows. The email is rendered when the notice is made (worded for
    that person's preference) and sent by whoever claims it first (see services.deliver)."""

    class Email(models.TextChoices):
        NONE = "none", "not emailed (in-app only)"
        PENDING = "pending", "waiting to be sent"
        SENT = "sent", "sent"
        SKIPPED = "skipped", "not sent: the person chose in-app only before it went"
        FAILED = "failed", "could not be sent"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=40)
    # Makes the notice idempotent: a job that runs twice finds the notice it already made.
    key = models.CharField(max_length=200, blank=True)
    text = EncryptedTextField()
    link_path = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    email = models.CharField(max_length=10, choices=Email.choices, default=Email.NONE)
    email_subject = EncryptedTextField(blank=True)
    email_body = EncryptedTextField(blank=True)
    email_calendar = EncryptedTextField(blank=True)
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], condition=~models.Q(key=""), name="one_notice_per_key")
        ]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notice_unread"),
            models.Index(fields=["email", "email_claimed_at"], name="notice_email_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for user {self.user_id}"
