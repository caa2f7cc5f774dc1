"""Demo data: a short message thread between the demo client and the demo therapist. Idempotent."""

import datetime as dt

from django.utils import timezone

from trustrepair.messaging.models import Message

THREAD = [
    (
        True,
        50,
        "Demo: I tried the urge log on Tuesday when the phone buzzed. I waited ten minutes and the urge passed.",
    ),
    (False, 30, "Demo: That is a real step. Bring the log on Thursday and we can look at what helped you wait."),
    (True, 4, "Demo: Will do. Could we also talk about the weekend plans? They make me anxious."),
]


def seed(cast) -> None:
    from trustrepair.clinic.models import CareRelationship

    therapist, client = cast.get("therapist"), cast.get("client")
    if therapist is None or client is None:
        return
    rel = CareRelationship.objects.filter(client=client, therapist=therapist, status="active").first()
    if rel is None or Message.objects.filter(relationship=rel).exists():
        return
    now = timezone.now()
    for from_client, hours_ago, body in THREAD:
        Message.objects.create(
            relationship=rel,
            sender=client if from_client else therapist,
            from_client=from_client,
            body=body,
            sent_at=now - dt.timedelta(hours=hours_ago),
            read_at=None if hours_ago < 10 else now - dt.timedelta(hours=hours_ago - 1),
        )
