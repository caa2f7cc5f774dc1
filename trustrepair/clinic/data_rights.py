"""Export and erasure for the care team, per shared/DESIGN.md's records table.

The client's export holds their care relationships, what they shared and when, alerts, signed progress notes
with addenda, the treatment plan and released copies of psychotherapy notes. Psychotherapy notes themselves
are never exported. Erasure keeps the practice's clinical record, restricted, for the retention period.
"""

import datetime as dt

from django.utils import timezone

from trustrepair.core import privacy


def export_care(user) -> list[dict]:
    from trustrepair.clinic.models import CareRelationship, NoteRelease, ProgressNote, RiskAlert, SharingConsent

    out = []
    for rel in CareRelationship.objects.filter(client=user).select_related("therapist", "practice"):
        notes = ProgressNote.objects.filter(relationship=rel, signed_at__isnull=False).prefetch_related("addenda")
        plan = getattr(rel, "plan", None) if hasattr(rel, "plan") else None
        out.append(
            {
                "therapist": rel.therapist_label,
                "practice": str(rel.practice) if rel.practice_id else "",
                "status": rel.get_status_display(),
                "started_at": rel.started_at,
                "ended_at": rel.ended_at,
                "shared": [
                    {"scope": c.scope, "entry": c.entry_id, "granted_at": c.granted_at, "revoked_at": c.revoked_at}
                    for c in SharingConsent.objects.filter(relationship=rel)
                ],
                "alerts": [
                    {"raised_at": a.raised_at, "acknowledged_at": a.acknowledged_at}
                    for a in RiskAlert.objects.filter(relationship=rel)
                ],
                "progress_notes": [
                    {
                        "session_date": n.session_date,
                        "format": n.format,
                        "signed_at": n.signed_at,
                        "sections": {label: text for _name, label, text in n.sections()},
                        "addenda": [{"at": a.created_at, "text": a.text} for a in n.addenda.all()],
                    }
                    for n in notes
                ],
                "treatment_plan": _plan(plan),
                "released_notes": [
                    {"released_at": r.approved_at, "text": r.released_text}
                    for r in NoteRelease.objects.filter(relationship=rel, approved_at__isnull=False)
                ],
            }
        )
    return out


def _plan(plan) -> dict | None:
    if plan is None:
        return None
    return {
        "interventions": plan.interventions,
        "review_on": plan.review_on,
        "goals": [{"phase": g.get_phase_display(), "goal": g.text, "target": g.target_words} for g in plan.goals.all()],
    }


def restrict_care(user) -> None:
    """The client erases their account: the practice's record stays, restricted, for its retention period."""
    from trustrepair.clinic.models import CareRelationship, SharingConsent

    now = timezone.now()
    for rel in CareRelationship.objects.filter(client=user).select_related("practice"):
        years = rel.practice.retention_years if rel.practice_id else 7
        ended = rel.ended_at or now
        CareRelationship.objects.filter(pk=rel.pk).update(
            status=CareRelationship.Status.ENDED,
            ended_at=ended,
            restricted_at=now,
            retain_until=ended + dt.timedelta(days=365 * years),
        )
        SharingConsent.objects.filter(relationship=rel, revoked_at__isnull=True).update(revoked_at=now)


def register_all() -> None:
    privacy.register(
        "clinic.care",
        export=export_care,
        erase=restrict_care,
        label="Care with a therapist",
        description="Your care with a therapist: what you agreed to share with them, and your plan together.",
    )
