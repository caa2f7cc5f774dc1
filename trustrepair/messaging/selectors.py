"""Every read of secure messages: one thread per active care relationship, for its two people only."""

from __future__ import annotations

from django.db.models import Count, Max, Q
from django.http import Http404

from trustrepair.messaging.models import Message


def thread_for(user, relationship_id):
    """The active care relationship `user` is the client or the therapist of; 404 for anyone else."""
    from trustrepair.clinic.models import CareRelationship

    side = Q(therapist=user) if user.role == "therapist" else Q(client=user)
    try:
        return CareRelationship.objects.select_related("client", "therapist", "practice").get(
            side, public_id=relationship_id, status=CareRelationship.Status.ACTIVE
        )
    except (CareRelationship.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such conversation.") from exc


def messages_in(relationship, *, limit: int = 200) -> list[Message]:
    rows = list(Message.objects.filter(relationship=relationship).order_by("-sent_at", "-id")[:limit])
    rows.reverse()
    return rows


def threads_of(user) -> list:
    """The person's active care relationships, each with its unread count and last message time. One query."""
    from trustrepair.clinic.models import CareRelationship

    is_therapist = user.role == "therapist"
    side = Q(therapist=user) if is_therapist else Q(client=user)
    return list(
        CareRelationship.objects.filter(side, status=CareRelationship.Status.ACTIVE)
        .select_related("client", "therapist")
        .annotate(
            unread=Count(
                "messages",
                filter=Q(messages__read_at__isnull=True, messages__from_client=is_therapist),
            ),
            last_at=Max("messages__sent_at"),
        )
        .order_by("-last_at", "-started_at")
    )
