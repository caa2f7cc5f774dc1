"""Every write of the care team: practices, care relationships, consent, alerts, notes, plans, assignments.

Each write that touches another person's data is audited here (core/audit.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from trustrepair.clinic import scopes
from trustrepair.clinic.models import (
    Assignment,
    CareRelationship,
    NoteAddendum,
    NoteRelease,
    PlanGoal,
    Practice,
    PracticeMembership,
    ProgressNote,
    PsychotherapyNote,
    RelationshipCode,
    RiskAlert,
    SharingConsent,
    TreatmentPlan,
    hash_code,
)
from trustrepair.core import page_versions
from trustrepair.core.audit import record_access

log = logging.getLogger(__name__)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed by hand
CODE_LENGTH = 12  # 32^12 = 2^60 possibilities
CODE_DAYS = 14


class ClinicError(ValueError):
    """A request the care team refuses, with words to show next to the field."""


# ---- practices ----------------------------------------------------------------------------------------


def create_practice(*, name: str, lead, backup=None) -> Practice:
    with transaction.atomic():
        practice = Practice.objects.create(name=name, clinical_lead=lead, backup_clinician=backup)
        for person in {lead, backup} - {None}:
            add_member(practice, person, role=PracticeMembership.Role.THERAPIST)
    return practice


def add_member(practice: Practice, user, *, role: str) -> PracticeMembership:
    membership, _ = PracticeMembership.objects.update_or_create(
        user=user, defaults={"practice": practice, "role": role}
    )
    return membership


def practice_for_therapist(therapist) -> Practice:
    """The therapist's practice; a therapist who has none gets a practice of one, led by themselves."""
    membership = PracticeMembership.objects.filter(user=therapist).select_related("practice").first()
    if membership is not None:
        return membership.practice
    return create_practice(name=f"Practice of {therapist}", lead=therapist)


def set_backup(practice: Practice, backup) -> Practice:
    if backup is None or backup.role != "therapist":
        raise ClinicError("The backup clinician must be a therapist.")
    with transaction.atomic():
        Practice.objects.filter(pk=practice.pk).update(backup_clinician=backup)
        if not PracticeMembership.objects.filter(user=backup).exists():
            add_member(practice, backup, role=PracticeMembership.Role.THERAPIST)
    practice.refresh_from_db()
    return practice


# ---- starting and ending care -------------------------------------------------------------------------


def new_code_text() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def issue_code(therapist, *, now=None) -> tuple[str, RelationshipCode]:
    """A single-use code the therapist gives a client. Only its hash is stored; the text is shown once."""
    now = now or timezone.now()
    practice_for_therapist(therapist)
    text = new_code_text()
    code = RelationshipCode.objects.create(
        therapist=therapist, code_hash=hash_code(text), hint=text[-4:], expires_at=now + dt.timedelta(days=CODE_DAYS)
    )
    return text, code


CODE_REFUSED = "That code does not work. Check it with your therapist; codes work once and for 14 days."


def redeem_code(client, text: str, *, now=None) -> CareRelationship:
    """The client enters a code and confirms: care starts, with nothing shared. One message for every
    failure (unknown, used, expired), so a code reveals nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        code = (
            RelationshipCode.objects.select_for_update()
            .filter(code_hash=hash_code(text or ""), used_at__isnull=True, expires_at__gt=now)
            .select_related("therapist")
            .first()
        )
        if code is None or code.therapist.role != "therapist" or code.therapist_id == client.pk:
            raise ClinicError(CODE_REFUSED)
        relationship = _start(client, code.therapist, via=CareRelationship.StartedVia.CODE)
        RelationshipCode.objects.filter(pk=code.pk).update(used_at=now, used_by=client, relationship=relationship)
    return relationship


def start_after_appointment(client, appointment) -> CareRelationship:
    """The client confirms "work with this therapist here" after a confirmed appointment with them."""
    if appointment.client_id != client.pk or appointment.status != "confirmed" or appointment.therapist_id is None:
        raise ClinicError("Care can start after an appointment the therapist has confirmed.")
    return _start(client, appointment.therapist, via=CareRelationship.StartedVia.APPOINTMENT, appointment=appointment)


def _start(client, therapist, *, via: str, appointment=None) -> CareRelationship:
    existing = CareRelationship.objects.filter(client=client, therapist=therapist, status="active").first()
    if existing is not None:
        return existing
    practice = practice_for_therapist(therapist)
    try:
        with transaction.atomic():
            relationship = CareRelationship.objects.create(
                client=client, therapist=therapist, practice=practice, started_via=via, appointment=appointment
            )
    except IntegrityError:  # the same client confirmed twice at once
        return CareRelationship.objects.get(client=client, therapist=therapist, status="active")
    _notify(therapist, "care_started", link_path="/care/caseload/", key=f"care-started-{relationship.public_id}")
    return relationship


def end_care(relationship: CareRelationship, *, by, now=None) -> CareRelationship:
    """Either side ends care; every consent is revoked in the same transaction, so nothing new is read."""
    now = now or timezone.now()
    with transaction.atomic():
        updated = CareRelationship.objects.filter(pk=relationship.pk, status="active").update(
            status=CareRelationship.Status.ENDED, ended_at=now, ended_by=by
        )
        SharingConsent.objects.filter(relationship=relationship, revoked_at__isnull=True).update(revoked_at=now)
        page_versions.bump([relationship.client_id, relationship.therapist_id])  # kept pages: gone at once
    relationship.refresh_from_db()
    if updated:
        other = relationship.therapist if by.pk == relationship.client_id else relationship.client
        if other is not None:
            _notify(other, "care_ended", key=f"care-ended-{relationship.public_id}")
    return relationship


# ---- consent -----------------------------------------------------------------------------------------


def share(relationship: CareRelationship, scope_key: str, *, entry_id: str = "", now=None) -> SharingConsent:
    """The client shares a scope (or one entry of it) with this care relationship."""
    scope = scopes.get(scope_key)
    if scope is None:
        raise ClinicError("There is nothing to share under that name.")
    if not relationship.is_active:
        raise ClinicError("This care has ended; nothing can be shared with it.")
    if entry_id and not scope.allows_single_entries:
        raise ClinicError("This is shared whole or not at all.")
    if entry_id and entry_id not in {eid for eid, _ in scope.choices(relationship.client)}:
        raise ClinicError("That entry is not one of yours.")
    if scope_key == "risk_alerts" and not (relationship.practice and relationship.practice.can_take_risk_alerts):
        raise ClinicError(
            "Your therapist's practice has not named a backup clinician yet, so alerts could go unseen. "
            "You can share them once it has."
        )
    with transaction.atomic():
        existing = SharingConsent.objects.filter(
            relationship=relationship, scope=scope_key, entry_id=entry_id, revoked_at__isnull=True
        ).first()
        if existing is not None:
            return existing
        if not entry_id:  # the whole scope replaces single entries
            SharingConsent.objects.filter(relationship=relationship, scope=scope_key, revoked_at__isnull=True).update(
                revoked_at=now or timezone.now()
            )
        return SharingConsent.objects.create(relationship=relationship, scope=scope_key, entry_id=entry_id)


def revoke(relationship: CareRelationship, scope_key: str, *, entry_id: str | None = None, now=None) -> int:
    """Stop sharing a scope (every row of it), or one entry. Effective on the next request: reads check the
    database every time."""
    rows = SharingConsent.objects.filter(relationship=relationship, scope=scope_key, revoked_at__isnull=True)
    if entry_id is not None:
        rows = rows.filter(entry_id=entry_id)
    with transaction.atomic():
        revoked = rows.update(revoked_at=now or timezone.now())
        page_versions.bump([relationship.client_id, relationship.therapist_id])  # kept pages: gone at once
    return revoked


# ---- risk alerts -------------------------------------------------------------------------------------


def raise_risk_alerts(event, *, origin: str) -> list[RiskAlert]:
    """A new risk event: an alert for each therapist the person is in care with and shares risk alerts with,
    whose practice has a backup named. The therapist gets a neutral notice; nothing is cached."""
    origin = origin if origin in RiskAlert.Origin.values else RiskAlert.Origin.SCREEN
    consents = SharingConsent.objects.filter(
        relationship__client_id=event.user_id,
        relationship__status=CareRelationship.Status.ACTIVE,
        scope="risk_alerts",
        entry_id="",
        revoked_at__isnull=True,
    ).select_related("relationship__therapist", "relationship__practice")
    alerts = []
    for consent in consents:
        rel = consent.relationship
        if rel.therapist is None or not (rel.practice and rel.practice.can_take_risk_alerts):
            continue
        alert, created = RiskAlert.objects.get_or_create(
            relationship=rel, risk_event=event, defaults={"origin": origin}
        )
        if created:
            _notify(rel.therapist, "care_alert", link_path="/care/caseload/", key=f"alert-{alert.public_id}")
        alerts.append(alert)
    return alerts


def acknowledge_alert(alert: RiskAlert, *, by, action_taken: str, now=None) -> RiskAlert:
    action_taken = (action_taken or "").strip()
    if not action_taken:
        raise ClinicError("Say briefly what you did, for the record.")
    now = now or timezone.now()
    with transaction.atomic():
        count = RiskAlert.objects.filter(pk=alert.pk, acknowledged_at__isnull=True).update(
            acknowledged_at=now, acknowledged_by=by
        )
        if not count:
            raise ClinicError("This alert was already acknowledged.")
        alert.refresh_from_db()
        alert.action_taken = action_taken
        alert.save(update_fields=["action_taken"])
        record_access(
            actor=by, subject=alert.relationship.client, action="update", obj=alert, reason="acknowledged an alert"
        )
    return alert


def escalate_alerts(*, now=None) -> int:
    """Unacknowledged alerts go to the backup clinician, then the clinical lead, after the practice's set
    times. Each step is claimed with a conditional UPDATE, so several workers never send twice."""
    now = now or timezone.now()
    sent = 0
    steps = (
        ("escalated_to_backup_at", "escalate_to_backup_after_hours", "backup_clinician", "b"),
        ("escalated_to_lead_at", "escalate_to_lead_after_hours", "clinical_lead", "l"),
    )
    for stamp, hours, person, tag in steps:
        waiting = RiskAlert.objects.filter(
            acknowledged_at__isnull=True, relationship__practice__isnull=False, **{f"{stamp}__isnull": True}
        ).select_related(f"relationship__practice__{person}")
        for alert in waiting:
            practice = alert.relationship.practice
            if alert.raised_at > now - dt.timedelta(hours=getattr(practice, hours)):
                continue
            claimed = RiskAlert.objects.filter(
                pk=alert.pk, acknowledged_at__isnull=True, **{f"{stamp}__isnull": True}
            ).update(**{stamp: now})
            recipient = getattr(practice, person)
            if claimed and recipient is not None:
                _notify(
                    recipient, "care_alert_escalated", link_path="/care/alerts/", key=f"alert-{tag}-{alert.public_id}"
                )
                sent += 1
    return sent


# ---- notes -------------------------------------------------------------------------------------------


NOTE_FIELDS = ("subjective", "objective", "data", "assessment", "plan")


def save_progress_note(relationship, *, author, note: ProgressNote | None = None, **fields) -> ProgressNote:
    if note is not None and note.is_signed:
        raise ClinicError("A signed note is locked; add an addendum instead.")
    note = note or ProgressNote(relationship=relationship, author=author)
    for name in ("format", "session_date", *NOTE_FIELDS):
        if name in fields:
            setattr(note, name, fields[name])
    note.save()
    record_access(actor=author, subject=relationship.client, action="update", obj=note, reason="wrote a progress note")
    return note


def sign_note(note: ProgressNote, *, by, now=None) -> ProgressNote:
    if note.author_id != by.pk:
        raise ClinicError("Only the author signs a note.")
    ProgressNote.objects.filter(pk=note.pk, signed_at__isnull=True).update(signed_at=now or timezone.now())
    note.refresh_from_db()
    return note


def add_addendum(note: ProgressNote, *, by, text: str) -> NoteAddendum:
    text = (text or "").strip()
    if not note.is_signed:
        raise ClinicError("Edit the note itself until it is signed.")
    if not text:
        raise ClinicError("Write the addendum first.")
    addendum = NoteAddendum.objects.create(note=note, author=by, text=text)
    record_access(actor=by, subject=note.relationship.client, action="update", obj=note, reason="added an addendum")
    return addendum


def save_psychotherapy_note(
    relationship, *, author, text: str, note: PsychotherapyNote | None = None
) -> PsychotherapyNote:
    text = (text or "").strip()
    if not text:
        raise ClinicError("Write something first.")
    note = note or PsychotherapyNote(relationship=relationship, author=author)
    note.text = text
    note.save()
    return note


def propose_release(relationship, *, author) -> NoteRelease:
    release = NoteRelease.objects.create(relationship=relationship, author=author)
    record_access(
        actor=author,
        subject=relationship.client,
        action="export",
        obj=release,
        reason="proposed releasing psychotherapy notes on a subject-access request",
    )
    return release


def approve_release(release: NoteRelease, *, lead, now=None) -> NoteRelease:
    """The clinical lead approves: the client gets a copy of the author's psychotherapy notes as they stand."""
    practice = release.relationship.practice
    if practice is None or practice.clinical_lead_id != lead.pk or release.approved_at is not None:
        raise ClinicError("Only the practice's clinical lead approves a release, once.")
    notes = PsychotherapyNote.objects.filter(relationship=release.relationship, author_id=release.author_id).order_by(
        "created_at"
    )
    text = "\n\n".join(f"{n.created_at:%Y-%m-%d}\n{n.text}" for n in notes)
    release.lead, release.approved_at, release.released_text = lead, now or timezone.now(), text
    release.save(update_fields=["lead", "approved_at", "released_text"])
    record_access(
        actor=lead,
        subject=release.relationship.client,
        action="export",
        obj=release,
        reason="approved releasing psychotherapy notes on a subject-access request",
    )
    return release


# ---- treatment plan and assignments ------------------------------------------------------------------


def save_plan(relationship, *, by, interventions: str, review_on) -> TreatmentPlan:
    plan, _ = TreatmentPlan.objects.get_or_create(relationship=relationship)
    plan.interventions, plan.review_on = interventions, review_on
    plan.save()
    record_access(actor=by, subject=relationship.client, action="update", obj=plan, reason="updated the treatment plan")
    return plan


def add_goal(
    plan: TreatmentPlan, *, phase: str, text: str, instrument_id: str = "", direction: str = "", target=None
) -> PlanGoal:
    return PlanGoal.objects.create(
        plan=plan,
        phase=phase,
        text=text,
        instrument_id=instrument_id,
        direction=direction,
        target=target,
        position=plan.goals.count(),
    )


def remove_goal(goal: PlanGoal) -> None:
    goal.delete()


def assign_measure(relationship, *, instrument_id: str, due_at, instructions: str = "") -> Assignment:
    return Assignment.objects.create(
        relationship=relationship,
        kind=Assignment.Kind.MEASURE,
        target=instrument_id,
        due_at=due_at,
        instructions=instructions,
    )


# ---- notices -----------------------------------------------------------------------------------------


def _notify(user, kind: str, *, link_path: str = "", key: str = "") -> None:
    from trustrepair.notifications import services as notifications

    try:
        with transaction.atomic():
            notifications.notify(user, kind=kind, link_path=link_path, key=key)
    except Exception:
        log.exception("Could not send a %s notice.", kind)
