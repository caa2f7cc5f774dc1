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

from trustrepair.safety import detection
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
    """What screening decided about something a person wrote or answered.

    `action` is "none", "ask" (a gentle question; nothing is recorded here) or "panel" (the crisis panel; a
    RiskEvent per category is recorded). `ask_category` says which question: "self" or "others".
    """

    action: str = detection.NONE
    findings: tuple[detection.Finding, ...] = ()
    kind: str = RiskEvent.Kind.TEXT
    categories: tuple[str, ...] = ()
    events: tuple[RiskEvent, ...] = field(default=(), compare=False)
    ask_category: str | None = None

    @property
    def is_positive(self) -> bool:
        return self.action == detection.PANEL

    @property
    def matched(self) -> tuple[str, ...]:
        return tuple(f.text for f in self.findings if f.text)


def _object_ref(obj) -> tuple[str, str]:
    if isinstance(obj, models.Model):
        return obj._meta.label_lower, str(getattr(obj, "public_id", None) or obj.pk or "")
    return "", ""


def _is_screened(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", "") in SCREENED_ROLES


def _record(
    user, *, source: str, obj, kind: str, categories: dict[str, detection.Finding | None]
) -> tuple[RiskEvent, ...]:
    """One event per category; an identical open event (same object, category, kind) is not repeated."""
    object_type, object_id = _object_ref(obj)
    events = []
    try:
        with transaction.atomic():
            for category, finding in categories.items():
                existing = RiskEvent.objects.filter(
                    user=user,
                    source=source[:80],
                    object_type=object_type,
                    object_id=object_id,
                    category=category,
                    kind=kind,
                    resolved_at__isnull=True,
                ).first()
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
                        excerpt=(finding.text if finding else "")[:500],
                        layer=finding.layer if finding else "",
                        model_version=(finding.model_version if finding else "")[:40],
                    )
                )
    except DatabaseError:
        log.exception("Could not record a risk event from %s; the person's text was still saved.", source)
        return ()
    return tuple(events)


def screen_text(user, *texts: str, source: str, obj=None) -> Screen:
    """Screen what a person wrote. Never raises, never blocks saving.

    Call it after the write's transaction has committed (screening is pure and needs no lock): a panel
    records its RiskEvents in a short transaction of its own; an "ask" records nothing here.
    """
    try:
        responses = [detection.respond(str(text)) for text in texts if text]
    except Exception:  # a detector bug must never cost someone what they wrote
        log.exception("The crisis detector failed on text from %s.", source)
        return Screen()
    action = detection.NONE
    for r in responses:
        action = detection.stronger(action, r.action)
    if action == detection.NONE:
        return Screen()
    findings = tuple(f for r in responses for f in r.findings)
    if action == detection.ASK:
        ask = next(r.ask_category for r in responses if r.action == detection.ASK)
        return Screen(
            detection.ASK,
            findings,
            RiskEvent.Kind.TEXT,
            detection.Response(action, findings).categories,
            ask_category=ask,
        )
    first: dict[str, detection.Finding] = {}
    for f in findings:  # rule findings come first, so a category both layers raised is recorded as the rule's
        first.setdefault(f.category, f)
    events = ()
    if _is_screened(user):
        events = _record(user, source=source, obj=obj, kind=RiskEvent.Kind.TEXT, categories=first)
    return Screen(detection.PANEL, findings, RiskEvent.Kind.TEXT, tuple(first), events)


def screen_answers(user, *, instrument: str, answers: dict[str, int], safety_items: list[str], obj=None) -> Screen:
    """Screen questionnaire answers: any safety item (e.g. PHQ-9 item 9) above 0 is a positive screen."""
    try:
        positive = any(int(answers.get(item) or 0) > 0 for item in safety_items)
    except (TypeError, ValueError):
        log.exception("Unreadable answers to the safety items of %s.", instrument)
        positive = False
    if not positive:
        return Screen(kind=RiskEvent.Kind.STRUCTURED)
    categories = {detection.SUICIDAL_THOUGHTS: None}
    source = instrument if "." in instrument else f"measures.{instrument}"
    events = (
        _record(user, source=source, obj=obj, kind=RiskEvent.Kind.STRUCTURED, categories=categories)
        if _is_screened(user)
        else ()
    )
    return Screen(detection.PANEL, (), RiskEvent.Kind.STRUCTURED, tuple(categories), events)


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
    screen_text(user, *[values[n] for n in SCREENED_PLAN_SECTIONS], source="safety.plan", obj=plan)
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
            "raised_by": e.get_layer_display() if e.layer else "",
            "model_version": e.model_version,
            "words_that_raised_it": e.excerpt,
            "closed_at": e.resolved_at,
            "how_it_closed": e.get_resolution_display() if e.resolution else "",
        }
        for e in RiskEvent.objects.filter(user=user)
    ]


def erase_risk_events(user) -> None:
    RiskEvent.objects.filter(user=user).delete()
