"""Reads of the safety app. `open_risk_events_for` is what the clinician workspace will alert from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404

from trustrepair.safety import detection
from trustrepair.safety.models import GentleQuestion, RiskEvent, SafetyPlan
from trustrepair.safety.resources import crisis_resources, region_for_country


def open_risk_events_for(user):
    """The person's risk events that are not closed yet, newest first."""
    return RiskEvent.objects.filter(user=user, resolved_at__isnull=True)


def risk_event_for(user, public_id) -> RiskEvent:
    return get_object_or_404(RiskEvent, user=user, public_id=public_id)


def safety_plan_for(user) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(owner=user).first()


@dataclass
class Panel:
    """What the crisis panel shows. Deliberately holds no score and no level."""

    folded: bool  # only questionnaire-raised events are open and the person folded the panel
    can_close_with_one_tap: bool  # only free-text events are open
    needs_follow_up: bool  # a questionnaire-raised event is open
    danger_from_others: bool  # something suggests danger from another person
    only_danger_from_others: bool
    follow_up_event: RiskEvent | None
    plan_seen: bool
    reached_person: bool
    plan: SafetyPlan | None
    resources: dict = field(default_factory=dict)
    emergency_first: bool = False  # a plan with means, or words about an overdose: the emergency number first
    unseen_events: tuple[RiskEvent, ...] = ()  # open events whose panel has not been shown in full yet
    care_lines: tuple[str, ...] = ()  # who will see an alert and when, from the care team (register_care_lines)

    @property
    def seen(self) -> bool:
        """Shown in full before: a free-text panel now folds to one line (a questionnaire's keeps its rules)."""
        return not self.unseen_events

    @property
    def discreet(self) -> bool:
        """Only danger from someone else: wording an onlooker could not read as being about abuse."""
        return self.only_danger_from_others


# Words about taking an overdose or about pills, tablets or poison, in the matched words of an event.
_OVERDOSE = re.compile(r"overdos|\bod\b|pills?\b|tablets?\b|paracetamol|tylenol|acetaminophen|poison|swallow", re.I)


def _needs_emergency_first(event: RiskEvent) -> bool:
    return event.category == detection.PLAN_OR_MEANS or bool(_OVERDOSE.search(event.excerpt or ""))


# Who will be told, in words with names and hours ("Tess will see an alert within one working day; …"):
# supplied by the care team for a person who shares risk alerts with a therapist, so the panel says the truth.
_care_line_providers: list = []


def register_care_lines(provider) -> None:
    """`provider(user) -> list[str]`; registered once by the app that raises alerts (clinic)."""
    if provider not in _care_line_providers:
        _care_line_providers.append(provider)


def care_lines_for(user) -> tuple[str, ...]:
    return tuple(line for provider in _care_line_providers for line in provider(user))


def panel_for(user) -> Panel | None:
    """The crisis panel for the person's next page, or None. One query when nothing is open."""
    if not getattr(user, "is_authenticated", False):
        return None
    events = list(open_risk_events_for(user))
    if not events:
        return None
    structured = [e for e in events if e.kind == RiskEvent.Kind.STRUCTURED]
    text = [e for e in events if e.kind == RiskEvent.Kind.TEXT]
    categories = {e.category for e in events}
    danger = detection.DANGER_FROM_OTHERS in categories
    follow_up = structured[0] if structured else None
    return Panel(
        folded=not text and all(e.collapsed_at is not None for e in structured),
        can_close_with_one_tap=not structured,
        needs_follow_up=bool(structured),
        danger_from_others=danger,
        only_danger_from_others=danger and len(categories) == 1,
        follow_up_event=follow_up,
        plan_seen=bool(follow_up and follow_up.plan_reviewed_at),
        reached_person=bool(follow_up and follow_up.reached_person),
        plan=safety_plan_for(user),
        resources=crisis_resources(region_for_country(getattr(user, "country", "") or "")),
        emergency_first=any(_needs_emergency_first(e) for e in events),
        unseen_events=tuple(e for e in text if e.shown_at is None),
        care_lines=care_lines_for(user),
    )


def waiting_question_for(user) -> GentleQuestion | None:
    """The gentle question waiting for the person's answer, newest first ("self" before "others")."""
    if not getattr(user, "is_authenticated", False):
        return None
    waiting = list(GentleQuestion.objects.filter(user=user, answered_at__isnull=True)[:20])
    if not waiting:
        return None
    return min(waiting, key=lambda q: (q.about != "self", -q.created_at.timestamp()))


def question_for(user, public_id) -> GentleQuestion:
    return get_object_or_404(GentleQuestion, user=user, public_id=public_id)
