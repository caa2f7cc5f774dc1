"""Screening and the writes of the safety app.

Every app calls `screen_text` on free text a person saves, and `measures` calls `screen_answers` on a
completed questionnaire:

    from trustrepair.safety.services import screen_text
    screen_text(user, record.situation, record.thought, source="exercises.thought_record", obj=record)

Neither ever blocks saving: a failure inside screening is logged and swallowed. A positive screen ("panel")
records a RiskEvent, which puts the crisis panel in front of the person on their very next page, or at
once inside an htmx fragment (see `help_to_show`), and is what a therapist with consent will be alerted
from. When screening is unsure ("ask") it puts one gentle question for that entry (`ask_gently`); an
answer that points to risk opens the panel (`answer_question`).

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

from trustrepair.safety import detection, signals
from trustrepair.safety.models import GentleQuestion, RiskEvent, SafetyPlan

log = logging.getLogger(__name__)

# People whose own writing is screened for their own risk. A therapist's notes quote clients; they are
# not the therapist's own risk, so clinician and staff text is never turned into events about them.
SCREENED_ROLES = {"client", "partner"}

SCREENED_PLAN_SECTIONS = ("coping_alone", "distractions", "people_to_ask", "professionals", "reasons_for_living")

# The gentle questions, in the words the person sees (templates/safety/_question.html uses these too).
QUESTION_TEXT = {
    "self": "Are you having thoughts of ending your life, or of hurting yourself?",
    "others": "Do you feel safe at home right now?",
}

REACHED_CHOICES = [
    ("trusted_person", "I've talked with someone I trust"),
    ("therapist", "I've contacted my therapist or doctor"),
    ("crisis_line", "I've called or texted a crisis line"),
    ("appointment", "I have an appointment booked soon"),
]


@dataclass(frozen=True)
class Screen:
    """What screening decided. `is_positive` is `action == "panel"`; "ask" means a gentle question was put."""

    is_positive: bool
    findings: tuple = ()  # the findings of detection.respond: category, text, layer, model version
    kind: str = RiskEvent.Kind.TEXT
    categories: tuple[str, ...] = ()
    events: tuple[RiskEvent, ...] = field(default=(), compare=False)
    action: str = "none"  # "none", "ask" or "panel"
    ask_category: str | None = None  # "self", "others" or None
    questions: tuple[GentleQuestion, ...] = field(default=(), compare=False)  # asked by this screen

    @property
    def matched(self) -> tuple[str, ...]:
        return tuple(f.text for f in self.findings if f.text)


def _object_ref(obj) -> tuple[str, str]:
    if isinstance(obj, tuple):
        return obj
    if isinstance(obj, models.Model):
        return obj._meta.label_lower, str(getattr(obj, "public_id", None) or obj.pk or "")
    return "", ""


def _is_screened(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", "") in SCREENED_ROLES


def _record(user, *, source: str, obj, kind: str, categories: dict, origin: str = "") -> tuple[RiskEvent, ...]:
    """One event per category; an identical open event (same object, category, kind) is not repeated.

    Each new event is announced on `signals.risk_event_recorded` with its `origin` ("screen" for a panel-level
    screen of text, "questionnaire" for a structured answer, "question" for Yes / Not sure to the gentle
    question): the care team raises an alert from it for a therapist the person shares risk alerts with.

    `categories` maps each category to the finding that raised it (or None for a structured answer or a
    gentle question's answer): its words, layer and model version are stored, never a score.
    """
    object_type, object_id = _object_ref(obj)
    events = []
    created = []
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
            for category, finding in categories.items():
                existing = next((e for e in open_here if e.category == category), None)
                if existing is not None and (object_id or kind == RiskEvent.Kind.STRUCTURED):
                    events.append(existing)
                    continue
                event = RiskEvent.objects.create(
                    user=user,
                    source=source[:80],
                    object_type=object_type,
                    object_id=object_id,
                    category=category,
                    kind=kind,
                    excerpt=(getattr(finding, "text", "") or "")[:500],
                    layer=getattr(finding, "layer", "") or "",
                    model_version=(getattr(finding, "model_version", "") or "")[:40],
                )
                events.append(event)
                created.append(event)
    except DatabaseError:
        log.exception("Could not record a risk event from %s; the person's text was still saved.", source)
        return ()
    _announce(created, origin or ("questionnaire" if kind == RiskEvent.Kind.STRUCTURED else "screen"))
    return tuple(events)


def _announce(events: list[RiskEvent], origin: str) -> None:
    """Tell the care team (signals.risk_event_recorded). A failure there never undoes the event or the help."""
    for event in events:
        try:
            with transaction.atomic():
                signals.risk_event_recorded.send(sender=RiskEvent, event=event, origin=origin)
        except Exception:
            log.exception("Could not pass a risk event on to the care team.")


def screen_text(user, *texts: str, source: str, obj=None) -> Screen:
    """Screen what a person wrote. Never raises, never blocks saving.

    Each text is answered by `detection.respond`. Any "panel" records a RiskEvent per category (the crisis
    panel, and what a therapist with consent is alerted from). Categories that only reached "ask" put a
    gentle question (`ask_gently`), unless a panel for them is already being raised.
    """
    try:
        responses = [detection.respond(str(text)) for text in texts if text]
    except Exception:  # a detector bug must never cost someone what they wrote
        log.exception("The crisis detector failed on text from %s.", source)
        return Screen(is_positive=False)
    panel: dict = {}  # category -> the first finding that raised it (rule findings come first)
    ask: dict = {}
    findings: list = []
    for response in responses:
        if response.action == "none":
            continue
        findings.extend(response.findings)
        into = panel if response.action == "panel" else ask
        for f in response.findings:
            into.setdefault(f.category, f)
        if response.action == "ask" and not response.findings and response.ask_category:
            ask.setdefault(_ASK_FALLBACK[response.ask_category], None)
    for category in panel:
        ask.pop(category, None)
    if not panel and not ask:
        return Screen(is_positive=False)
    action = "panel" if panel else "ask"
    categories = tuple(dict.fromkeys([*panel, *ask]))
    events: tuple[RiskEvent, ...] = ()
    questions: list[GentleQuestion] = []
    if _is_screened(user):
        if panel:
            events = _record(user, source=source, obj=obj, kind=RiskEvent.Kind.TEXT, categories=panel)
        for category in ask:
            try:
                question = ask_gently(user, source=source, obj=obj, category=category)
            except Exception:  # asking must never cost someone what they wrote
                log.exception("Could not put a gentle question from %s.", source)
                question = None
            if question is not None:
                questions.append(question)
    return Screen(
        action == "panel",
        tuple(findings),
        RiskEvent.Kind.TEXT,
        categories,
        events,
        action=action,
        ask_category=_ask_about(panel or ask),
        questions=tuple(questions),
    )


_ASK_FALLBACK = {"self": detection.SUICIDAL_THOUGHTS, "others": detection.DANGER_FROM_OTHERS}


def _ask_about(categories) -> str | None:
    """Which gentle question fits: "self" before "others" (the same rule as Response.ask_category)."""
    categories = set(categories)
    if categories - {detection.DANGER_FROM_OTHERS}:
        return "self"
    return "others" if categories else None


# ---- asking gently ----------------------------------------------------------------------------------


def ask_gently(user, *, source: str, obj, category: str) -> GentleQuestion | None:
    """Put a gentle question about `category` for this entry, or return None when there is nothing new to ask.

    Nothing new: the person is not screened (therapists, staff), the same question is already waiting for
    an answer, this entry's question about this category was answered (an answer closes it for good; only
    a new category, or a panel-level finding, brings help again), or a panel for it is already open.
    Without an entry (obj=None) only a waiting question is not repeated.
    """
    if not _is_screened(user) or category not in RiskEvent.Category.values:
        return None
    object_type, object_id = _object_ref(obj)
    try:
        with transaction.atomic():
            same_entry = GentleQuestion.objects.select_for_update().filter(
                user=user, object_type=object_type, object_id=object_id
            )
            if not object_id:
                same_entry = same_entry.filter(source=source[:80])
            for question in same_entry:
                if question.category == category and (question.is_open or object_id):
                    return None
            open_events = RiskEvent.objects.filter(
                user=user, object_type=object_type, object_id=object_id, resolved_at__isnull=True
            )
            if object_id and any(e.category == category for e in open_events):
                return None
            return GentleQuestion.objects.create(
                user=user, source=source[:80], object_type=object_type, object_id=object_id, category=category
            )
    except DatabaseError:
        log.exception("Could not record a gentle question from %s; the person's text was still saved.", source)
        return None


def answer_question(user, *, question: GentleQuestion, answer: str) -> tuple[RiskEvent, ...]:
    """The person answered. Closes every waiting question of the same kind about the same entry; an answer
    that points to risk (or "Not sure") opens the matching panel: a RiskEvent per category, kind "text",
    from the same source and entry, so a therapist with consent is alerted as from any panel.
    Returns the events recorded (none for an answer that closes the question).
    """
    if answer not in GentleQuestion.Answer.values:
        raise ValueError(f"Unknown answer: {answer!r}")
    now = timezone.now()
    with transaction.atomic():
        waiting = [
            q
            for q in GentleQuestion.objects.select_for_update().filter(
                user=user,
                object_type=question.object_type,
                object_id=question.object_id,
                source=question.source,
                answered_at__isnull=True,
            )
            if q.about == question.about
        ]
        if not waiting:
            return ()
        for q in waiting:
            q.answer, q.answered_at = answer, now
            q.save(update_fields=["answer", "answered_at"])
        if not question.points_to_risk(answer):
            return ()
        categories = {q.category: "" for q in waiting}  # the person's words are never copied here
        return _record(
            user,
            source=question.source,
            obj=(question.object_type, question.object_id),
            kind=RiskEvent.Kind.TEXT,
            categories=categories,
            origin="question",
        )


# ---- what a page shows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Help:
    """What the next response shows: the panel (fresh = not seen in full before) and a waiting question."""

    panel: object = None  # selectors.Panel
    question: GentleQuestion | None = None
    fresh_panel: bool = False
    fresh_question: bool = False


def help_to_show(user) -> Help:
    """The panel and the waiting gentle question for this response, marking both as shown.

    The first time a free-text panel is shown it is shown in full; afterwards it folds to one line (it
    stays one tap away until closed). A fragment (an autosave) includes only what is fresh, so nothing is
    repeated, or re-announced, on every autosave.
    """
    from trustrepair.safety import selectors

    panel = selectors.panel_for(user)
    question = selectors.waiting_question_for(user)
    if panel is None and question is None:
        return Help()
    now = timezone.now()
    fresh_panel = bool(panel and panel.unseen_events)
    fresh_question = bool(question and question.shown_at is None)
    try:
        if fresh_panel:
            RiskEvent.objects.filter(pk__in=[e.pk for e in panel.unseen_events], shown_at__isnull=True).update(
                shown_at=now
            )
        if fresh_question:
            GentleQuestion.objects.filter(pk=question.pk, shown_at__isnull=True).update(shown_at=now)
    except DatabaseError:  # showing help matters more than remembering that it was shown
        log.exception("Could not mark the crisis panel as shown.")
    return Help(panel=panel, question=question, fresh_panel=fresh_panel, fresh_question=fresh_question)


def screen_answers(user, *, instrument: str, answers: dict[str, int], safety_items: list[str], obj=None) -> Screen:
    """Screen questionnaire answers: any safety item (e.g. PHQ-9 item 9) above 0 is a positive screen."""
    try:
        positive = any(int(answers.get(item) or 0) > 0 for item in safety_items)
    except (TypeError, ValueError):
        log.exception("Unreadable answers to the safety items of %s.", instrument)
        positive = False
    if not positive:
        return Screen(is_positive=False, kind=RiskEvent.Kind.STRUCTURED)
    categories = {detection.SUICIDAL_THOUGHTS: ""}
    source = instrument if "." in instrument else f"measures.{instrument}"
    events = (
        _record(user, source=source, obj=obj, kind=RiskEvent.Kind.STRUCTURED, categories=categories)
        if _is_screened(user)
        else ()
    )
    return Screen(True, (), RiskEvent.Kind.STRUCTURED, tuple(categories), events, action="panel")


def attach_open_structured_events(user, *, source: str, obj) -> int:
    """Questionnaire answers screened while the person was still answering (no object yet) belong to the
    response once it is submitted: the open event is linked to it, so the final screen does not repeat it."""
    object_type, object_id = _object_ref(obj)
    return RiskEvent.objects.filter(
        user=user, source=source[:80], object_type="", object_id="", kind=RiskEvent.Kind.STRUCTURED,
        resolved_at__isnull=True,
    ).update(object_type=object_type, object_id=object_id)  # fmt: skip


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


def export_gentle_questions(user) -> list[dict]:
    return [
        {
            "asked_at": q.created_at,
            "source": q.source,
            "question": QUESTION_TEXT[q.about],
            "answer": GentleQuestion.Answer(q.answer).label if q.answer else "",
            "answered_at": q.answered_at,
        }
        for q in GentleQuestion.objects.filter(user=user)
    ]


def erase_gentle_questions(user) -> None:
    GentleQuestion.objects.filter(user=user).delete()
