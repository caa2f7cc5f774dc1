"""Every write of secure messages: send (screened, rate-limited, a neutral notice), mark read, export.

Only the two people of an active care relationship write into its thread. What a client writes is screened
by the crisis screen after the write's transaction (docs/decisions.md, issue 10): help appears for the client
at once, and a therapist the client shares risk alerts with gets an alert through the care team's own hook
(safety.signals.risk_event_recorded → clinic.services.raise_risk_alerts).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from trustrepair.messaging.models import MAX_LENGTH, Message

log = logging.getLogger(__name__)

PER_HOUR = 10
PER_DAY = 30


def reply_working_days() -> int:
    """The reply norm shown above every thread (a deployment setting, two working days by default)."""
    return int(getattr(settings, "MESSAGE_REPLY_WORKING_DAYS", 2))


class MessageError(ValueError):
    """A message the service refuses, with words to show next to the field."""


def _check_rate(sender, *, now: dt.datetime) -> None:
    recent = Message.objects.filter(sender=sender, sent_at__gte=now - dt.timedelta(days=1)).values_list(
        "sent_at", flat=True
    )
    times = list(recent)
    if len(times) >= PER_DAY or sum(1 for t in times if t >= now - dt.timedelta(hours=1)) >= PER_HOUR:
        raise MessageError(
            "You have sent several messages in a short time; please wait a little before sending more. "
            "Your message is still here. If you need help now, use the crisis link below."
        )


def send_message(relationship, *, sender, body: str, now: dt.datetime | None = None):
    """Send `body` into the relationship's thread. Returns (message, screen) — screen is None for a therapist."""
    from trustrepair.clinic.models import CareRelationship

    now = now or timezone.now()
    body = (body or "").strip()
    if not body:
        raise MessageError("Write a message first.")
    if len(body) > MAX_LENGTH:
        raise MessageError(f"Keep a message under {MAX_LENGTH} characters (this one has {len(body)}).")
    if relationship.status != CareRelationship.Status.ACTIVE:
        raise MessageError("This care relationship has ended, so messages can no longer be sent here.")
    if sender.pk not in (relationship.client_id, relationship.therapist_id):
        raise MessageError("Only the client and their therapist write in this thread.")
    from_client = sender.pk == relationship.client_id
    with transaction.atomic():
        _check_rate(sender, now=now)
        waiting = Message.objects.filter(
            relationship=relationship, from_client=from_client, read_at__isnull=True
        ).exists()
        message = Message.objects.create(
            relationship=relationship, sender=sender, from_client=from_client, body=body, sent_at=now
        )
        recipient = relationship.therapist if from_client else relationship.client
        if recipient is not None and not waiting:
            # One neutral notice until the other person reads: never the text, never who wrote it.
            _notify(recipient, message, relationship)
    screen = None
    if from_client:
        from trustrepair.safety.services import screen_text

        screen = screen_text(sender, body, source="messaging.message", obj=message)
    return message, screen


def _notify(recipient, message: Message, relationship) -> None:
    from trustrepair.notifications.services import notify

    is_therapist = recipient.pk == relationship.therapist_id
    path = f"/messages/{'clients' if is_therapist else 'with'}/{relationship.public_id}/"
    try:
        with transaction.atomic():
            notify(recipient, kind="message_new", link_path=path, key=f"message-{message.public_id}")
    except Exception:
        log.exception("Could not send a message notice.")


def mark_read(relationship, *, reader, now: dt.datetime | None = None) -> int:
    """The reader opened the thread: what the other side wrote is now read."""
    from_client = reader.pk != relationship.client_id
    return Message.objects.filter(relationship=relationship, from_client=from_client, read_at__isnull=True).update(
        read_at=now or timezone.now()
    )


# ---- export and erasure (shared/DESIGN.md, records table) ---------------------------------------------


def export_messages(user) -> list[dict]:
    rows = Message.objects.filter(relationship__client=user).select_related("relationship__therapist")
    return [
        {
            "with": m.relationship.therapist_label,
            "from": "you" if m.from_client else m.relationship.therapist_label,
            "sent_at": m.sent_at,
            "read_at": m.read_at,
            "text": m.body,
        }
        for m in rows
    ]


def restrict_messages(user) -> None:
    """Messages are the practice's record: they stay with the care relationship, which clinic restricts."""
    return
