"""How an appointment meets, and who else is in it (issue 14, items 3–5).

- `MeetingWay`: the therapist's video link, a phone call, or an address. The client sees it only once the
  appointment is confirmed. Encrypted: a link or an address says where someone goes for therapy.
- `Participant`: someone else in the appointment. A couples session adds the second client's *care
  relationship* with the same therapist (both accounts in care; linked as a couple when the couples app
  exists); a family session adds named family members who need no account. Family names are
  stored in an encrypted field.
Both belong to the practice's clinical record about the appointment's client (DESIGN records table).
"""

import uuid

from django.db import models
from django.db.models import Q

from trustrepair.core.fields import EncryptedTextField


class MeetingWay(models.Model):
    class Mode(models.TextChoices):
        VIDEO = "video", "Video call"
        PHONE = "phone", "Phone call"
        IN_PERSON = "in_person", "In person"

    appointment = models.OneToOneField("booking.Appointment", on_delete=models.CASCADE, related_name="meeting_way")
    mode = models.CharField(max_length=10, choices=Mode.choices)
    detail = EncryptedTextField(
        blank=True, help_text="The video link, who calls whom and on which number, or the address."
    )
    updated_at = models.DateTimeField(auto_now=True)
    soon_reminder_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.get_mode_display()


class Participant(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    appointment = models.ForeignKey("booking.Appointment", on_delete=models.CASCADE, related_name="participants")
    # A couples session: the second client's care relationship with the same therapist.
    relationship = models.ForeignKey(
        "clinic.CareRelationship", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A family session: a named person who needs no account.
    name = EncryptedTextField(blank=True)
    relation = models.CharField(max_length=60, blank=True, help_text="For example: mother, adult son.")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["appointment", "relationship"],
                condition=Q(relationship__isnull=False),
                name="meetings_one_row_per_second_client",
            )
        ]

    def __str__(self) -> str:
        return "second client" if self.relationship_id else "family participant"

    @property
    def is_client(self) -> bool:
        return self.relationship_id is not None
