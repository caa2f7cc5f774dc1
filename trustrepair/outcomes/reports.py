"""Practice outcomes for practice staff and the clinical lead: counts only, no person, suppressed.

Who is counted: clients in a care relationship with a therapist of the practice who share their
questionnaires with that therapist *now* (the `measures` scope) — a client who keeps measures private is not
in any aggregate either. Per questionnaire with a reliable-change threshold: first against latest score
(two or more answers), as reliable improvement (and recovery: improvement that also crosses the published
cut-off), no reliable change, or reliable deterioration. Engagement over time: per month, clients in care and
the homework their therapists set that was done by its due date (homework is the therapist's own request).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.http import Http404
from django.utils import timezone

from trustrepair.outcomes import suppression


def practice_for_reader(user):
    """The practice whose outcomes `user` may read: its staff, or its clinical lead. 404 for anyone else."""
    from trustrepair.clinic.models import Practice, PracticeMembership

    membership = PracticeMembership.objects.filter(user=user).select_related("practice").first()
    if membership is not None:
        if membership.role == PracticeMembership.Role.STAFF:
            return membership.practice
        if membership.practice.clinical_lead_id == user.pk:
            return membership.practice
    led = Practice.objects.filter(clinical_lead=user).first()
    if led is not None:
        return led
    raise Http404("Outcomes are for a practice's staff and its clinical lead.")


@dataclass
class Report:
    measures: list[suppression.Row]
    recovery: list[tuple[str, int | None, int | None]]  # (measure, recovered, measured)
    months: list[dict]
    clients_counted: int | None


def _sharing_client_ids(practice) -> list[int]:
    from trustrepair.clinic.models import SharingConsent

    return list(
        SharingConsent.objects.filter(
            relationship__practice=practice,
            relationship__status="active",
            relationship__client__isnull=False,
            scope="measures",
            entry_id="",
            revoked_at__isnull=True,
        )
        .values_list("relationship__client_id", flat=True)
        .distinct()
    )


def measure_rows(client_ids) -> tuple[list[suppression.Row], list[tuple[str, int | None, int | None]]]:
    from trustrepair.measures import registry, scoring
    from trustrepair.measures import selectors as measures_selectors

    counts: dict[str, dict[str, int]] = {}
    for (_owner, instrument_id), scores in measures_selectors.first_and_latest_totals(client_ids).items():
        instrument = registry.get(instrument_id)
        if instrument is None or "previous" not in scores or scoring.threshold_for(instrument) is None:
            continue
        change = scoring.reliable_change(instrument, scores["first"], scores["latest"])
        if change.verdict == scoring.NOT_ASSESSED:
            continue
        row = counts.setdefault(instrument_id, {"improved": 0, "unchanged": 0, "deteriorated": 0, "recovered": 0})
        if change.verdict == scoring.IMPROVED:
            row["improved"] += 1
            row["recovered"] += int(change.clinically_significant)
        elif change.verdict == scoring.DETERIORATED:
            row["deteriorated"] += 1
        else:
            row["unchanged"] += 1
    rows, recovery = [], []
    for instrument_id in sorted(counts):
        c = counts[instrument_id]
        parts = {k: c[k] for k in ("improved", "unchanged", "deteriorated")}
        label = registry.get(instrument_id).title
        row = suppression.suppress(label, sum(parts.values()), parts)
        rows.append(row)
        # Recovered is a part of improved: improved = recovered + improved without recovery, one more additive
        # row, so "improved minus recovered" can never reveal a small number either.
        recovered = None
        if row.cells["improved"] is not None:
            split = suppression.suppress(
                label, c["improved"], {"recovered": c["recovered"], "not_recovered": c["improved"] - c["recovered"]}
            )
            recovered = split.cells["recovered"]
        recovery.append((label, recovered, row.total))
    return rows, recovery


def month_rows(practice, *, months: int = 6, now=None) -> list[dict]:
    from trustrepair.clinic.models import Assignment, CareRelationship

    now = now or timezone.now()
    out = []
    first_of_this = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    starts = []
    start = first_of_this
    for _ in range(months):
        starts.append(start)
        start = (start - dt.timedelta(days=1)).replace(day=1)
    for start in reversed(starts):
        end = (start + dt.timedelta(days=32)).replace(day=1)
        in_care = CareRelationship.objects.filter(practice=practice, started_at__lt=end).filter(
            Q(ended_at__isnull=True) | Q(ended_at__gte=start)
        )
        clients = in_care.values("client_id").distinct().count()
        due = Assignment.objects.filter(
            relationship__practice=practice, due_at__gte=start, due_at__lt=end, cancelled_at__isnull=True
        ).aggregate(
            set=Count("id"), done=Count("id", filter=Q(completed_at__isnull=False, completed_at__lte=F("due_at")))
        )
        row = suppression.suppress(
            f"{start:%B %Y}", due["set"], {"done": due["done"], "not_done": due["set"] - due["done"]}
        )
        out.append({"month": f"{start:%B %Y}", "clients": suppression.suppress_single(clients), "homework": row})
    return out


def report_for(practice, *, now=None) -> Report:
    ids = _sharing_client_ids(practice)
    rows, recovery = measure_rows(ids)
    return Report(rows, recovery, month_rows(practice, now=now), suppression.suppress_single(len(ids)))
