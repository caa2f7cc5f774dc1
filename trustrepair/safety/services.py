"""Screening and the writes of the safety app.

Every app calls `screen_text` on free text a person saves, and `measures` calls `screen_answers` on a
completed questionnaire:

    from trustrepair.safety.services import screen_text
    screen_text(user, record.situation, record.thought, source="exercises.thought_record", obj=record)

Neither ever blocks saving: a failure inside screening is logged and swallowed. A positive screen records
a RiskEvent, which puts the crisis panel in front of the person on their very next page (see
`selectors.panel_for`) and is what a therapist with consent will be alerted from.

How a panel closes (our reading of shared/instruments.md §3.1, §3.5 and §3.7):
- Raised by free text: the person can close it with "I'm safe right now" (recorded). Free-text detection
  is tuned for recall, so it will sometimes be wrong, and one honest tap is enough.
- Raised by a questionnaire answer (PHQ-9 item 9 above 0): one tap never closes it. The person may fold it
  to a banner, but the banner stays on every page until a short follow-up is done: (1) they have looked
  at or written their safety plan, and (2) they have reached a person — someone they trust, their
  therapist or doctor, or a crisis line — or have an appointment booked. That brings a human closer,
  which is what a positive item 9 asks for; a therapist can also close it after talking with them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import DatabaseError, models, transaction
from django.utils import timezone

from trustrepair.safety import detector
from trustrepair.safety.models import RiskEvent, SafetyPlan

log = logging.getLogger(__name__)

# People whose own writing is screened for their own risk. A therapist's notes quote clients; they are
# not the therapist's own risk, so clinician and staff text is never turned into events about them.
SCREENED_ROLES = {"client", "partner"}

SCREENED_PLAN_SECTIONS = ("coping_alone", "distractions", "people_to_ask", "professionals", "reasons_for_living")

REACHED_CHOICES = [
    ("trusted_person", "I've talked with someone I trust"),
    ("therapist", "I've contacted my therapist or doctor"),
    ("crisis_line", "I've called or texted a crisis line"),
    ("appointment", "I have an appointment booked soon"),
]


@dataclass(frozen=True)
class Screen:
    is_positive: bool
    findings: tuple[detector.Finding, ...] = ()
    kind: str = RiskEvent.Kind.TEXT
    categories: tuple[str, ...] = ()
    events: tuple[RiskEvent, ...] = field(default=(), compare=False)

    @property
    def matched(self) -> tuple[str, ...]:
        return tuple(f.text for f in self.findings)


def _object_ref(obj) -> tuple[str, str]:
    if isinstance(obj, models.Model):
        return obj._meta.label_lower, str(getattr(obj, "public_id", None) or obj.pk or "")
    return "", ""


def _is_screened(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", "") in SCREENED_ROLES


def _record(user, *, source: str, obj, kind: str, categories: dict[str, str]) -> tuple[RiskEvent, ...]:
    """One event per category; an identical open event (same object, category, kind) is not repeated."""
    object_type, object_id = _object_ref(obj)
    events = []
    try:
        with transaction.atomic():
            # The category is encrypted, so the database cannot match on it: fetch the few open events for
            # this object and compare categories here.
            open_here = list(
                RiskEvent.objects.filter(
                    user=user,
                    source=source[:80],
                    object_type=object_type,
                    object_id=object_id,
                    kind=kind,
                    resolved_at__isnull=True,
                ).order_by("created_at", "id")
            )
            for category, excerpt in categories.items():
                existing = next((e for e in open_here if e.category == category), None)
                if existing is not None and (object_id or kind == RiskEvent.Kind.STRUCTURED):
                    events.append(existing)
                    continue
                events.append(
                    RiskEvent.objects.create(
                        user=user,
                        source=source[:80],
                        object_type=object_type,
                        object_id=object_id,
                        category=category,
                        kind=kind,
                        excerpt=excerpt[:500],
                    )
                )
    except DatabaseError:
        log.exception("Could not record a risk event from %s; the person's text was still saved.", source)
        return ()
    return tuple(events)


def screen_text(user, *texts: str, source: str, obj=None) -> Screen:
    """Screen what a person wrote. Never raises, never blocks saving."""
    try:
        findings = tuple(f for text in texts if text for f in detector.find_risk(str(text)))
    except Exception:  # a detector bug must never cost someone what they wrote
        log.exception("The crisis detector failed on text from %s.", source)
        return Screen(is_positive=False)
    if not findings:
        return Screen(is_positive=False)
    categories: dict[str, str] = {}
    for f in findings:
        categories.setdefault(f.category, f.text)
    events = ()
    if _is_screened(user):
        events = _record(user, source=source, obj=obj, kind=RiskEvent.Kind.TEXT, categories=categories)
    return Screen(True, findings, RiskEvent.Kind.TEXT, tuple(categories), events)


def screen_answers(user, *, instrument: str, answers: dict[str, int], safety_items: list[str], obj=None) -> Screen:
    """Screen questionnaire answers: any safety item (e.g. PHQ-9 item 9) above 0 is a positive screen."""
    try:
        positive = any(int(answers.get(item) or 0) > 0 for item in safety_items)
    except (TypeError, ValueError):
        log.exception("Unreadable answers to the safety items of %s.", instrument)
        positive = False
    if not positive:
        return Screen(is_positive=False, kind=RiskEvent.Kind.STRUCTURED)
    categories = {detector.SUICIDAL_THOUGHTS: ""}
    source = instrument if "." in instrument else f"measures.{instrument}"
    events = (
        _record(user, source=source, obj=obj, kind=RiskEvent.Kind.STRUCTURED, categories=categories)
        if _is_screened(user)
        else ()
    )
    return Screen(True, (), RiskEvent.Kind.STRUCTURED, tuple(categories), events)


# ---- closing the panel ----------------------------------------------------------------------------


def mark_safe_now(user) -> int:
    """'I'm safe right now': closes the panels raised by free text. Structured screens stay open."""
    now = timezone.now()
    return RiskEvent.objects.filter(user=user, resolved_at__isnull=True, kind=RiskEvent.Kind.TEXT).update(
        resolved_at=now, resolution=RiskEvent.Resolution.SAFE_NOW
    )


def fold_panel(user) -> int:
    """Fold a questionnaire-raised panel into a banner. It stays until the follow-up is done."""
    return RiskEvent.objects.filter(
        user=user, resolved_at__isnull=True, kind=RiskEvent.Kind.STRUCTURED, collapsed_at__isnull=True
    ).update(collapsed_at=timezone.now())


def _close_followed_up(user) -> None:
    RiskEvent.objects.filter(
        user=user,
        resolved_at__isnull=True,
        kind=RiskEvent.Kind.STRUCTURED,
        plan_reviewed_at__isnull=False,
    ).exclude(reached_person="").update(resolved_at=timezone.now(), resolution=RiskEvent.Resolution.FOLLOWED_UP)


def record_plan_review(user) -> None:
    """The person has looked through (or written) their safety plan: step one of the follow-up."""
    now = timezone.now()
    with transaction.atomic():
        SafetyPlan.objects.filter(owner=user).update(reviewed_at=now)
        RiskEvent.objects.filter(
            user=user, resolved_at__isnull=True, kind=RiskEvent.Kind.STRUCTURED, plan_reviewed_at__isnull=True
        ).update(plan_reviewed_at=now)
        _close_followed_up(user)


def record_reached_person(user, *, reached: str) -> None:
    """Step two: the person has reached someone (or has an appointment). Closes once the plan is seen too."""
    if reached not in dict(REACHED_CHOICES):
        raise ValueError(f"Unknown choice: {reached!r}")
    with transaction.atomic():
        RiskEvent.objects.filter(user=user, resolved_at__isnull=True, kind=RiskEvent.Kind.STRUCTURED).update(
            reached_person=reached
        )
        _close_followed_up(user)


# ---- the safety plan ------------------------------------------------------------------------------


def save_safety_plan(user, **sections: str) -> SafetyPlan:
    """Create or update the person's plan. Screened like any text, and counts as looking at the plan."""
    allowed = {name for name, _ in SafetyPlan.SECTIONS}
    values = {name: (sections.get(name) or "").strip() for name in allowed}
    with transaction.atomic():
        plan, _ = SafetyPlan.objects.get_or_create(owner=user)
        for name, value in values.items():
            setattr(plan, name, value)
        plan.reviewed_at = timezone.now()
        plan.save()
        # Warning signs and making surroundings safer are, by design, where a person writes down crisis
        # thoughts and means on a calm day; screening those would raise the panel for doing the plan well.
        screened = [values[n] for n in SCREENED_PLAN_SECTIONS]
        screen_text(user, *screened, source="safety.plan", obj=plan)
    if not plan.is_empty:
        record_plan_review(user)
    return plan


def export_plan(user) -> dict | None:
    plan = SafetyPlan.objects.filter(owner=user).first()
    if plan is None:
        return None
    data = {name: getattr(plan, name) for name, _ in SafetyPlan.SECTIONS}
    data.update(created_at=plan.created_at, updated_at=plan.updated_at, reviewed_at=plan.reviewed_at)
    return data


def erase_plan(user) -> None:
    SafetyPlan.objects.filter(owner=user).delete()


def export_risk_events(user) -> list[dict]:
    return [
        {
            "created_at": e.created_at,
            "source": e.source,
            "category": e.get_category_display(),
            "kind": e.get_kind_display(),
            "words_that_raised_it": e.excerpt,
            "closed_at": e.resolved_at,
            "how_it_closed": e.get_resolution_display() if e.resolution else "",
        }
        for e in RiskEvent.objects.filter(user=user)
    ]


def erase_risk_events(user) -> None:
    RiskEvent.objects.filter(user=user).delete()
