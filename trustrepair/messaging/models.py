"""Secure messages between a client and their therapist, inside one active care relationship.

A message is part of the practice's clinical record about the client (shared/DESIGN.md, records table): in
the client's export; on the client's erasure it stays with the restricted care relationship. The text is kept
in an encrypted field. There are no attachments: a message is words only.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from trustrepair.core.fields import EncryptedTextField

MAX_LENGTH = 4000


class Message(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    relationship = models.ForeignKey("clinic.CareRelationship", on_delete=models.PROTECT, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # Which side wrote it, kept when the sender's account is gone ("a former client").
    from_client = models.BooleanField()
    body = EncryptedTextField()
    sent_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["sent_at", "id"]
        indexes = [
            models.Index(fields=["relationship", "sent_at"], name="messaging_thread_time"),
            models.Index(fields=["sender", "sent_at"], name="messaging_sender_time"),
        ]

    def __str__(self) -> str:
        return f"Message {self.sent_at:%Y-%m-%d %H:%M}"
