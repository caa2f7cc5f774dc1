"""The caseload, sorted by need, in a fixed number of queries whatever the number of clients or their data.

Order: unacknowledged risk alerts first, then reliable deterioration on any shared questionnaire, then
questionnaires the therapist asked for that are overdue, then overdue homework, then upcoming sessions.
Each row says in words why it is where it is. Inactivity counts only what the therapist assigned, never
the client's logins or private reminders; nothing carries a severity, and a row without signals says that
this says nothing about how the person is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Min, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from trustrepair.clinic.models import Assignment, CareRelationship, RiskAlert
from trustrepair.clinic.selectors import live_consents_for
from trustrepair.core import audit
from trustrepair.core.models import AuditEvent

NO_SIGNAL = "Nothing in what is shared asks for attention. That says nothing about how they are: ask them."


@dataclass
class Row:
    relationship: CareRelationship
    reasons: list[str] = field(default_factory=list)
    rank: int = 9
    since: dt.datetime | None = None
    shared: dict = field(default_factory=dict)
    next_session: dt.datetime | None = None
    open_alerts: int = 0

    url: str = ""

    @property
    def client_label(self) -> str:
        return self.relationship.client_label


def deterioration(instrument_id: str, scores: dict) -> str:
    """Words for a reliable worsening since the first or the previous score, or "" when there is none."""
    from trustrepair.measures import registry, scoring

    instrument = registry.get(instrument_id)
    if instrument is None or "latest" not in scores:
        return ""
    latest = scores["latest"]
    for key, words in (("first", "the first score"), ("previous", "the score before")):
        before = scores.get(key)
        if before is None or (key == "first" and "previous" not in scores):
            continue
        change = scoring.reliable_change(instrument, before, latest)
        if change.verdict == scoring.DETERIORATED:
            return f"{instrument.short_title}: reliably worse than {words} ({before:g} → {latest:g})."
    return ""


def caseload_for(therapist, *, now=None, audit_request=None) -> list[Row]:
    from trustrepair.booking import selectors as booking_selectors
    from trustrepair.measures import selectors as measures_selectors

    now = now or timezone.now()
    relationships = list(
        CareRelationship.objects.filter(therapist=therapist, status=CareRelationship.Status.ACTIVE)
        .select_related("client")
        .order_by("started_at")
    )
    if not relationships:
        return []
    # One reverse() for the whole list: the client page's address with the relationship's id at the end.
    placeholder = "00000000-0000-0000-0000-000000000000"
    page = reverse("clinic:client_page", args=[placeholder])
    rows = {rel.pk: Row(relationship=rel, url=page.replace(placeholder, str(rel.public_id))) for rel in relationships}
    by_client = {rel.client_id: rows[rel.pk] for rel in relationships}
    consents = live_consents_for([rel.pk for rel in relationships])
    for rel_id, shared in consents.items():
        rows[rel_id].shared = shared

    alert_rows = (
        RiskAlert.objects.filter(relationship_id__in=rows, acknowledged_at__isnull=True)
        .values("relationship_id")
        .annotate(n=Count("id"), first=Min("raised_at"))
    )
    for a in alert_rows:
        row = rows[a["relationship_id"]]
        if "risk_alerts" not in row.shared:
            continue  # an alert raised while shared stays in the record; the caseload follows today's consent
        row.open_alerts = a["n"]
        row.reasons.append(
            "An alert has not been acknowledged yet."
            if a["n"] == 1
            else f"{a['n']} alerts have not been acknowledged yet."
        )
        row.rank, row.since = 0, a["first"]

    sharing_measures = [rel.client_id for rel in relationships if "measures" in rows[rel.pk].shared]
    if sharing_measures:
        for (owner_id, instrument_id), scores in measures_selectors.first_and_latest_totals(sharing_measures).items():
            words = deterioration(instrument_id, scores)
            if words:
                row = by_client[owner_id]
                row.reasons.append(words)
                if row.rank > 1:
                    row.rank, row.since = 1, scores.get("latest_at")

    overdue = (
        Assignment.objects.filter(
            relationship_id__in=rows, cancelled_at__isnull=True, completed_at__isnull=True, due_at__lt=now
        )
        .annotate(
            done=measures_selectors.completed_since(
                OuterRef("relationship__client_id"), OuterRef("target"), OuterRef("assigned_at")
            )
        )
        .filter(Q(kind=Assignment.Kind.MEASURE, done=False) | ~Q(kind=Assignment.Kind.MEASURE))
        .values_list("relationship_id", "kind", "target", "due_at")
    )
    for rel_id, kind, target, due_at in overdue:
        row = rows[rel_id]
        if kind == Assignment.Kind.MEASURE:
            row.reasons.append(f"The {target.upper()} you asked for was due {due_at:%-d %b} and is not done.")
            rank = 2
        else:
            row.reasons.append(f"Homework you set was due {due_at:%-d %b} and is not marked done.")
            rank = 3
        if row.rank > rank:
            row.rank, row.since = rank, due_at

    for client_id, start in booking_selectors.next_sessions_with(therapist, list(by_client), now=now).items():
        row = by_client[client_id]
        row.next_session = start
        if row.rank > 4:
            row.rank, row.since = 4, start
            row.reasons.append("A session is coming up.")

    for row in rows.values():
        if not row.reasons:
            row.reasons.append(NO_SIGNAL)

    ordered = sorted(
        rows.values(),
        key=lambda r: (r.rank, (r.since or now) if r.rank != 4 else r.since, r.relationship.started_at),
    )
    _audit_bulk(therapist, ordered, request=audit_request)
    return ordered


def _audit_bulk(therapist, rows: list[Row], *, request=None) -> None:
    """One bulk insert per caseload view: one event per client shown, so each client sees the read."""
    from trustrepair.core.http import client_address

    ip = client_address(request) if request is not None else None
    events = AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                actor=therapist,
                subject_id=row.relationship.client_id,
                action=AuditEvent.Action.READ,
                object_type="clinic.caseload",
                reason="saw you on their caseload",
                ip_address=ip,
            )
            for row in rows
            if row.relationship.client_id
        ]
    )
    audit.noted(events)
