"""The one helper every app calls when someone reads or changes another person's data."""

import re
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache

from django.db import connection, models
from django.utils import timezone

from trustrepair.core.http import client_address
from trustrepair.core.models import AuditEvent


def record_access(
    *, actor, subject, action: str, obj: models.Model | str, reason: str, ip_address=None, request=None
) -> AuditEvent:
    """Write an audit event. `obj` is a model instance or a short label such as "measures.history".

    Pass the view's `request` (or an `ip_address` already known) so the event records where the read came
    from; the address is for the practice's investigations and is never shown to the person it is about.
    Reading your own data is not audited; anything else is, including staff and therapists.
    """
    if isinstance(obj, models.Model):
        object_type = obj._meta.label_lower
        object_id = str(getattr(obj, "public_id", None) or obj.pk or "")
    else:
        object_type, object_id = obj, ""
    if ip_address is None and request is not None:
        ip_address = client_address(request)
    event = AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        subject=subject,
        action=action,
        object_type=object_type,
        object_id=object_id,
        reason=reason[:200],
        ip_address=ip_address,
    )
    noted([event])
    return event


_REPLAYED_FIELDS = ("actor_id", "subject_id", "action", "object_type", "object_id", "reason")
_noting: ContextVar[list | None] = ContextVar("audit_noting", default=None)


def noted(events) -> None:
    """Called with every audit event written, so a cached page can write the same reads again when it is
    served from the cache (`core.page_cache`): every read of someone else's data is audited, cached or not."""
    into = _noting.get()
    if into is not None:
        into.extend({name: getattr(event, name) for name in _REPLAYED_FIELDS} for event in events)


@contextmanager
def noting():
    """The audit events written inside this block, as field values for `replay`."""
    events: list[dict] = []
    token = _noting.set(events)
    try:
        yield events
    finally:
        _noting.reset(token)


def replay(events: list[dict], request) -> None:
    """Write these reads again, now, from this request's address (a page served from the cache). One INSERT of
    all the rows, its SQL built once per process and number of rows: on a kept caseload this is most of the
    request.

    On PostgreSQL the statement commits without waiting for the disk (`synchronous_commit` off for its own
    transaction only): under load, waiting for that flush was a third of a kept therapist page. A crash of the
    database server may lose the last fraction of a second of such rows, never more; the page was kept for at
    most a minute, and the reads that rendered it wrote their rows the ordinary way, waiting for the disk, so
    the trail always holds a durable row of that person's read of that page within the minute before
    (docs/decisions.md, "Audit rows of a kept page commit without waiting for the disk")."""
    if not events:
        return
    at, ip_address = timezone.now(), client_address(request)
    fields = _replay_fields()
    values = []
    for event in events:
        row = {**event, "public_id": uuid.uuid4(), "at": at, "ip_address": ip_address}
        values.extend(field.get_db_prep_save(row[field.attname], connection) for field in fields)
    # Without waiting for the disk only when the statement is its own transaction, never inside a caller's.
    waits = connection.vendor != "postgresql" or connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute(_replay_sql(len(events), waits_for_disk=waits), values)


@cache
def _replay_fields() -> list:
    return [AuditEvent._meta.get_field(name) for name in ("public_id", "at", *_REPLAYED_FIELDS, "ip_address")]


@lru_cache(maxsize=128)
def _replay_sql(rows: int, *, waits_for_disk: bool) -> str:
    quote = connection.ops.quote_name
    fields = _replay_fields()
    columns = ", ".join(quote(field.column) for field in fields)
    table = quote(AuditEvent._meta.db_table)
    if waits_for_disk:
        row = "(" + ", ".join(["%s"] * len(fields)) + ")"
        return f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * rows)}"  # noqa: S608
    # Rows selected from a VALUES list carry no column types of their own: each value is cast to its column's
    # type without a length (varchar(200) -> varchar), so a value too long still fails the insert, as it would.
    row = "(" + ", ".join(f"CAST(%s AS {_without_length(field.db_type(connection))})" for field in fields) + ")"
    return (
        "WITH commit_without_waiting_for_disk AS (SELECT set_config('synchronous_commit', 'off', true)) "
        f"INSERT INTO {table} ({columns}) SELECT replayed.* FROM (VALUES {', '.join([row] * rows)}) AS replayed"  # noqa: S608
        " CROSS JOIN commit_without_waiting_for_disk"
    )


def _without_length(db_type: str) -> str:
    return re.sub(r"\(\d+\)", "", db_type)


def events_about(user):
    """Every audit event about this person, for the practice."""
    return AuditEvent.objects.filter(subject=user).select_related("actor")


def who_looked(user):
    """Who else looked at or changed this person's data: what the person sees (never the viewer's address)."""
    return events_about(user).exclude(actor=user)


def object_in_words(object_type: str) -> str:
    """What was looked at, in words ("appointment", "questionnaire result"), never the internal label."""
    from django.apps import apps

    label = object_type.removeprefix("admin list of ")
    try:
        words = str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        words = label.rsplit(".", 1)[-1].replace("_", " ")
    return f"list of {words}s" if object_type.startswith("admin list of ") else words


def export_who_looked(user) -> list[dict]:
    """The Your-data page's "who looked" list, for the person's own download. No addresses."""
    return [
        {
            "at": event.at,
            "who": str(event.actor) if event.actor else "a former account",
            "did": event.action,
            "what": event.object_type,
            "why": event.reason,
        }
        for event in who_looked(user)
    ]


def copy_who_looked(user) -> list[dict]:
    """The same list for the printable copy: what was looked at in words, not its internal label."""
    return [{**row, "what": object_in_words(row["what"])} for row in export_who_looked(user)]
