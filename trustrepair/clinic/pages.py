"""What each care-team page shows, shaped from selectors (page-level reads; views stay thin).

Every read of a client's data by someone else is audited here, once per page.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.http import Http404
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.safestring import mark_safe

from trustrepair.clinic import scopes
from trustrepair.clinic.models import (
    CareRelationship,
    NoteRelease,
    PlanGoal,
    PracticeMembership,
    ProgressNote,
    PsychotherapyNote,
    RelationshipCode,
    RiskAlert,
    TreatmentPlan,
    hash_code,
)
from trustrepair.clinic.selectors import live_consents, therapist_may_see
from trustrepair.core.audit import record_access, who_looked


def _get(qs, **kwargs):
    try:
        return qs.get(**kwargs)
    except (qs.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found.") from exc


# ---- client side ---------------------------------------------------------------------------------------


def appointments_to_start_from(client) -> list:
    from trustrepair.booking import selectors as booking_selectors

    in_care = set(
        CareRelationship.objects.filter(client=client, status="active").values_list("therapist_id", flat=True)
    )
    seen, out = set(), []
    for a in booking_selectors.confirmed_appointments_between(client).order_by("-start"):
        if a.therapist_id in in_care or a.therapist_id in seen:
            continue
        seen.add(a.therapist_id)
        out.append(a)
    return out


def appointment_to_start_from(client, appointment_id):
    for a in appointments_to_start_from(client):
        if str(a.public_id) == str(appointment_id):
            return a
    raise Http404("No confirmed appointment to start care from.")


def therapist_for_code(text: str):
    code = (
        RelationshipCode.objects.filter(
            code_hash=hash_code(text or ""), used_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("therapist")
        .first()
    )
    return code.therapist if code else None


def scope_states(relationship) -> list[dict]:
    """For each scope: shared whole, the single entries shared, and the entries the client may choose."""
    shared = live_consents(relationship) if relationship.is_active else {}
    out = []
    for scope in scopes.all_scopes():
        state = shared.get(scope.key, "unshared")
        entries = scope.choices(relationship.client) if scope.allows_single_entries else []
        out.append(
            {
                "scope": scope,
                "whole": state is None,
                "entries": sorted(state) if isinstance(state, frozenset) else [],
                "choices": entries,
                "labels": dict(entries),
            }
        )
    return out


def client_care_page(client, relationship) -> dict:
    notes = ProgressNote.objects.filter(relationship=relationship, signed_at__isnull=False).prefetch_related("addenda")
    plan = plan_of(relationship)
    return {
        "relationship": relationship,
        "states": scope_states(relationship),
        "notes": notes,
        "plan": plan,
        "progress": goal_progress(relationship, plan, for_client=True),
        "releases": NoteRelease.objects.filter(relationship=relationship, approved_at__isnull=False),
        "alerts_possible": bool(relationship.practice and relationship.practice.can_take_risk_alerts),
        "alert_words": alert_words(relationship),
    }


def alert_words(relationship) -> str:
    """What the client is told an alert means, with names and hours, and that nobody watches all the time."""
    practice = relationship.practice
    if practice is None or relationship.therapist is None:
        return ""
    hours = practice.alert_response_hours
    when = "within one working day" if hours == 24 else f"within {hours} hours on working days"
    backup = f"; if they have not, {practice.backup_clinician} will" if practice.backup_clinician_id else ""
    return f"{relationship.therapist} will see an alert {when}{backup}. Nobody watches around the clock."


def reads_of(user):
    return who_looked(user)[:200]


# ---- what the therapist sees (and the client's preview of it) ------------------------------------------


def shared_view(relationship, *, reader=None, request=None) -> dict:
    """Every shared scope's items, a merged timeline and measure charts. With `reader` (a therapist), each
    scope is checked again through therapist_may_see's rule (the same live consents) and the read audited."""
    client = relationship.client
    shared = live_consents(relationship) if relationship.is_active else {}
    sections = []
    for scope in scopes.all_scopes():
        if scope.key not in shared:
            continue
        items = scope.read(client, shared[scope.key])
        sections.append({"scope": scope, "items": items, "whole": shared[scope.key] is None})
    timeline = sorted(
        (item for s in sections for item in s["items"] if item.when is not None),
        key=lambda i: i.when if isinstance(i.when, dt.datetime) else dt.datetime.combine(i.when, dt.time(), dt.UTC),
        reverse=True,
    )[:60]
    charts = measure_charts(client) if "measures" in shared else []
    if reader is not None and sections:
        record_access(
            actor=reader,
            subject=client,
            action="read",
            obj=relationship,
            reason="read what you share: " + ", ".join(s["scope"].label.lower() for s in sections),
            request=request,
        )
    return {
        "relationship": relationship,
        "sections": sections,
        "timeline": timeline,
        "charts": charts,
        "program_phase": next((s["items"][0] for s in sections if s["scope"].key == "program" and s["items"]), None),
    }


def measure_charts(client) -> list[dict]:
    from trustrepair.core import charts
    from trustrepair.measures import registry, scoring
    from trustrepair.measures import selectors as measures_selectors

    by_instrument: dict[str, list] = {}
    for a in measures_selectors.current_history_for(client):
        if a.total is not None:
            by_instrument.setdefault(a.instrument_id, []).append(a)
    out = []
    for instrument_id, rows in by_instrument.items():
        instrument = registry.get(instrument_id)
        if instrument is None:
            continue
        y_min, y_max = instrument.total_range()
        threshold = scoring.threshold_for(instrument)
        baseline = rows[0].total
        band = (max(y_min, baseline - threshold), min(y_max, baseline + threshold)) if threshold else None
        cutoff = instrument.clinical_cutoff["value"] if instrument.clinical_cutoff else None
        points = [charts.Point(f"{a.completed_at:%-d %b}", a.total) for a in rows]
        description = f"{len(rows)} result{pluralize(len(rows))}, first {rows[0].total:g}, latest {rows[-1].total:g}."
        if band:
            description += f" The shaded band ({band[0]:.1f}–{band[1]:.1f}) is where a change is not reliable."
        svg = charts.history_chart(
            points,
            y_min=y_min,
            y_max=y_max,
            title=f"{instrument.short_title} over time",
            description=description,
            band=band,
            cutoff=cutoff,
            chart_id=f"care-{instrument_id}",
        )
        table = []
        previous = None
        for a in rows:
            change = scoring.reliable_change(instrument, previous, a.total) if previous is not None else None
            table.append({"when": a.completed_at, "total": a.total, "band": a.band, "change": change})
            previous = a.total
        out.append(
            {
                "title": instrument.short_title,
                "svg": mark_safe(svg),  # noqa: S308 - line_chart escapes every text it draws
                "rows": table[-12:],
                "band": band,
                "threshold": threshold,
            }
        )
    return out


def therapist_extras(therapist, relationship) -> dict:
    from trustrepair.clinic import forms

    alerts = []
    if therapist_may_see(therapist, relationship.client, "risk_alerts"):
        alerts = list(RiskAlert.objects.filter(relationship=relationship).order_by("-raised_at")[:20])
    return {
        "notes": ProgressNote.objects.filter(relationship=relationship).order_by("-session_date", "-id")[:50],
        "alerts": alerts,
        "assignments": relationship.assignments.filter(cancelled_at__isnull=True).order_by("-due_at")[:20],
        "assign_form": forms.AssignMeasureForm(),
        "plan": plan_of(relationship),
    }


# ---- notes, releases, plans ---------------------------------------------------------------------------


def note_for_author(therapist, note_id) -> ProgressNote:
    """A progress note of a client the therapist treats (active care); 404 for anyone else."""
    return _get(
        ProgressNote.objects.select_related("relationship__client").prefetch_related("addenda"),
        public_id=note_id,
        relationship__therapist=therapist,
        relationship__status="active",
    )


def private_notes_page(author, relationship) -> dict:
    return {
        "private_notes": PsychotherapyNote.objects.filter(relationship=relationship, author=author),
        "releases": NoteRelease.objects.filter(relationship=relationship, author=author),
    }


def releases_for_lead(lead):
    return NoteRelease.objects.filter(relationship__practice__clinical_lead=lead).select_related(
        "relationship__client", "author"
    )


def release_for_lead(lead, release_id) -> NoteRelease:
    return _get(releases_for_lead(lead), public_id=release_id)


def plan_of(relationship) -> TreatmentPlan | None:
    return TreatmentPlan.objects.filter(relationship=relationship).prefetch_related("goals").first()


def goal_progress(relationship, plan, *, for_client: bool = False) -> list[dict]:
    """Each goal with the latest score of its questionnaire, when the reader may see it."""
    if plan is None:
        return []
    from trustrepair.measures import selectors as measures_selectors

    goals = list(plan.goals.all())
    may_see = for_client or "measures" in live_consents(relationship)
    latest = (
        measures_selectors.latest_by_instrument(relationship.client, with_answers=False)
        if may_see and relationship.client_id and any(g.instrument_id for g in goals)
        else {}
    )
    out = []
    for g in goals:
        a = latest.get(g.instrument_id)
        met = None
        if a is not None and a.total is not None and g.target is not None:
            met = a.total < g.target if g.direction == PlanGoal.Direction.BELOW else a.total > g.target
        out.append({"goal": g, "latest": a, "met": met, "hidden": bool(g.instrument_id) and not may_see})
    return out


def goal_for_therapist(therapist, goal_id) -> PlanGoal:
    return _get(
        PlanGoal.objects.select_related("plan__relationship"),
        public_id=goal_id,
        plan__relationship__therapist=therapist,
        plan__relationship__status="active",
    )


def end_of_day(day: dt.date, user) -> dt.datetime:
    tz = ZoneInfo(getattr(user, "time_zone", "UTC") or "UTC")
    return dt.datetime.combine(day, dt.time(23, 59), tz)


# ---- alerts --------------------------------------------------------------------------------------------


def alert_for_clinician(user, alert_id) -> RiskAlert:
    """An alert for the treating therapist (while the client shares alerts), or for the backup / lead once it
    has been escalated to them. 404 for anyone else."""
    alert = _get(RiskAlert.objects.select_related("relationship__client", "relationship__practice"), public_id=alert_id)
    rel = alert.relationship
    if rel.therapist_id == user.pk and rel.is_active and therapist_may_see(user, rel.client, "risk_alerts"):
        return alert
    practice = rel.practice
    if practice is not None and (
        (alert.escalated_to_backup_at and practice.backup_clinician_id == user.pk)
        or (alert.escalated_to_lead_at and practice.clinical_lead_id == user.pk)
    ):
        return alert
    raise Http404("Not found.")


def escalated_to(user):
    return (
        RiskAlert.objects.filter(acknowledged_at__isnull=True)
        .filter(
            Q(escalated_to_backup_at__isnull=False, relationship__practice__backup_clinician=user)
            | Q(escalated_to_lead_at__isnull=False, relationship__practice__clinical_lead=user)
        )
        .select_related("relationship__client", "relationship__therapist")
    )


def unacknowledged_by_therapist(staff) -> list[str]:
    """For practice staff: the therapists of their practice with an unacknowledged alert. No client, no count."""
    membership = PracticeMembership.objects.filter(user=staff).first()
    if membership is None:
        return []
    therapists = (
        RiskAlert.objects.filter(acknowledged_at__isnull=True, relationship__practice_id=membership.practice_id)
        .values_list("relationship__therapist__display_name", "relationship__therapist__email")
        .distinct()
    )
    return sorted({name or email.split("@")[0] for name, email in therapists})


def members_of(practice):
    return (
        PracticeMembership.objects.filter(practice=practice)
        .select_related("user")
        .order_by("role", "user__display_name")
    )


def codes_of(therapist):
    return RelationshipCode.objects.filter(therapist=therapist)[:20]


def care_lines(user) -> list[str]:
    """For the crisis panel: who will see an alert and when, for each therapist the person shares alerts with."""
    if not getattr(user, "is_authenticated", False):
        return []
    relationships = CareRelationship.objects.filter(
        client=user,
        status="active",
        consents__scope="risk_alerts",
        consents__entry_id="",
        consents__revoked_at__isnull=True,
    ).select_related("therapist", "practice__backup_clinician", "practice__clinical_lead")
    return [alert_words(rel) for rel in relationships if rel.practice and rel.practice.can_take_risk_alerts]
