"""The one helper every app calls when someone reads or changes another person's data."""

from django.db import models

from trustrepair.core.models import AuditEvent


def record_access(*, actor, subject, action: str, obj: models.Model | str, reason: str, ip_address=None) -> AuditEvent:
    """Write an audit event. `obj` is a model instance or a short label such as "measures.history".

    Reading your own data is not audited; anything else is, including staff and therapists.
    """
    if isinstance(obj, models.Model):
        object_type = obj._meta.label_lower
        object_id = str(getattr(obj, "public_id", None) or obj.pk or "")
    else:
        object_type, object_id = obj, ""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        subject=subject,
        action=action,
        object_type=object_type,
        object_id=object_id,
        reason=reason[:200],
        ip_address=ip_address,
    )


def events_about(user):
    """Who looked at or changed this person's data: shown to the person themselves."""
    return AuditEvent.objects.filter(subject=user).select_related("actor")
