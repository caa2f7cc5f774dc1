"""Homework (issue 14, item 1): the therapist assigns a lesson, a tool exercise or a questionnaire to one
client, with instructions and a due date. It builds on issue 13's `Assignment` row (kind, target,
instructions, due_at, completed_at, cancelled_at) and adds no column.

- The client sees open homework on Today (templatetags/homework.py renders clinic/homework/_today.html).
- Completion reaches the therapist without any sharing scope: it is the therapist's own request, and they
  see only *whether* and *when* it was done — never the entry, answers or score (those follow the scopes).
  A questionnaire counts as done when the client completes it after it was set; a lesson when the client
  marks the lesson read after it was set; a tool exercise when the client says "I did this".
- Reminders: a job (clinic/jobs.py) sends one neutral notice per homework a day before it is due; the
  notice's key makes it idempotent across workers and runs (notifications.services.notify).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from trustrepair.clinic.models import Assignment, CareRelationship
from trustrepair.core.audit import record_access

REMIND_BEFORE = dt.timedelta(hours=24)


class HomeworkError(ValueError):
    """Words to show next to the field."""


# ---- what can be assigned ----------------------------------------------------------------------------


def choices_for(kind: str) -> list[tuple[str, str]]:
    """(target, label) pairs for one kind of homework."""
    if kind == Assignment.Kind.LESSON:
        from trustrepair.program import curriculum

        return [(lesson.slug, lesson.title) for p in curriculum.phases() for m in p.modules for lesson in m.lessons]
    if kind == Assignment.Kind.TOOL:
        from trustrepair.exercises.tools import TOOLS

        return [(tool.key, tool.title) for tool in TOOLS]
    if kind == Assignment.Kind.MEASURE:
        from trustrepair.measures import registry

        return [(i.id, i.title) for i in registry.offered()]
    return []


def all_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """For a grouped <select>: ("A lesson", [(\"lesson:slug\", title), ...]), ..."""
    return [
        (label, [(f"{kind}:{target}", title) for target, title in choices_for(kind)])
        for kind, label in Assignment.Kind.choices
    ]


def describe(kind: str, target: str) -> tuple[str, str]:
    """(title, url) of what was assigned, for the client's link and the therapist's list."""
    if kind == Assignment.Kind.LESSON:
        from trustrepair.program import curriculum

        for p in curriculum.phases():
            for m in p.modules:
                for lesson in m.lessons:
                    if lesson.slug == target:
                        return lesson.title, lesson.get_absolute_url()
    if kind == Assignment.Kind.TOOL:
        from trustrepair.exercises.tools import BY_KEY

        tool = BY_KEY.get(target)
        if tool is not None:
            return tool.title, f"/tools/{tool.slug}/"
    if kind == Assignment.Kind.MEASURE:
        from trustrepair.measures import registry

        instrument = registry.get(target)
        if instrument is not None:
            return instrument.title, f"/measures/{instrument.id}/"
    return target, ""


# ---- writes -------------------------------------------------------------------------------------------


def assign(relationship: CareRelationship, *, by, kind: str, target: str, due_at, instructions: str = "") -> Assignment:
    if relationship.status != CareRelationship.Status.ACTIVE or relationship.therapist_id != by.pk:
        raise HomeworkError("You can set homework only for a client in your care.")
    if target not in dict(choices_for(kind)):
        raise HomeworkError("Choose a lesson, tool or questionnaire from the list.")
    if due_at <= timezone.now():
        raise HomeworkError("Choose a due date in the future.")
    with transaction.atomic():
        assignment = Assignment.objects.create(
            relationship=relationship, kind=kind, target=target, due_at=due_at, instructions=instructions.strip()
        )
        record_access(actor=by, subject=relationship.client, action="create", obj=assignment, reason="set homework")
        if relationship.client is not None:
            from trustrepair.clinic.services import _notify

            _notify(
                relationship.client, "homework_set", link_path="/program/", key=f"homework-set-{assignment.public_id}"
            )
    return assignment


def mark_done(client, public_id, *, now=None) -> Assignment:
    assignment = homework_of_client(client, public_id)
    Assignment.objects.filter(pk=assignment.pk, completed_at__isnull=True).update(completed_at=now or timezone.now())
    assignment.refresh_from_db()
    return assignment


def mark_not_done(client, public_id) -> Assignment:
    assignment = homework_of_client(client, public_id)
    Assignment.objects.filter(pk=assignment.pk).update(completed_at=None)
    assignment.refresh_from_db()
    return assignment


def cancel(therapist, public_id, *, now=None) -> Assignment:
    assignment = homework_of_therapist(therapist, public_id)
    Assignment.objects.filter(pk=assignment.pk, cancelled_at__isnull=True).update(cancelled_at=now or timezone.now())
    assignment.refresh_from_db()
    return assignment


def send_reminders(*, now=None) -> int:
    """One neutral notice per open homework due within a day. Idempotent: the notice key is the claim."""
    from trustrepair.booking.notify import when
    from trustrepair.notifications.models import Notice
    from trustrepair.notifications.services import notify

    now = now or timezone.now()
    due = (
        _with_done(
            Assignment.objects.filter(
                relationship__status=CareRelationship.Status.ACTIVE,
                relationship__client__isnull=False,
                cancelled_at__isnull=True,
                completed_at__isnull=True,
                due_at__gt=now,
                due_at__lte=now + REMIND_BEFORE,
            )
        )
        .filter(done=False)
        .select_related("relationship__client")
    )
    sent = 0
    for assignment in due:
        client = assignment.relationship.client
        key = f"homework-due-{assignment.public_id}"
        if Notice.objects.filter(user=client, key=key).exists():
            continue
        with transaction.atomic():
            notify(
                client,
                kind="homework_due",
                context={"when": when(assignment.due_at, client.time_zone)},
                link_path="/program/",
                key=key,
            )
        sent += 1
    return sent


# ---- reads --------------------------------------------------------------------------------------------


def _with_done(queryset):
    """Annotate `done`: marked done, or (questionnaire) completed after it was set, or (lesson) read after."""
    from django.db.models import Q

    return _with_done_parts(queryset).annotate(
        done=models_case(
            Q(completed_at__isnull=False)
            | Q(kind=Assignment.Kind.MEASURE, measure_done=True)
            | Q(kind=Assignment.Kind.LESSON, lesson_done=True)
        )
    )


def _is_done(assignment) -> bool:
    """What `done` in _with_done says, from the parts: for pages that only read, where the CASE compiled each
    subquery a second time and doubled the cost of Today's homework query (issue 16)."""
    return bool(
        assignment.completed_at is not None
        or (assignment.kind == Assignment.Kind.MEASURE and assignment.measure_done)
        or (assignment.kind == Assignment.Kind.LESSON and assignment.lesson_done)
    )


def _with_done_parts(queryset):
    """Annotate `measure_done` and `lesson_done`."""
    from django.db.models import Exists, OuterRef, Value
    from django.db.models.functions import Concat

    from trustrepair.measures import selectors as measures_selectors
    from trustrepair.program.models import LessonCompletion

    measure_done = measures_selectors.completed_since(
        OuterRef("relationship__client_id"), OuterRef("target"), OuterRef("assigned_at")
    )
    lesson_done = Exists(
        LessonCompletion.objects.filter(
            owner_id=OuterRef("relationship__client_id"),
            lesson_key__endswith=Concat(Value("/"), OuterRef("target")),
            completed_at__gte=OuterRef("assigned_at"),
        )
    )
    return queryset.annotate(measure_done=measure_done, lesson_done=lesson_done)


def models_case(condition):
    from django.db.models import BooleanField, Case, Value, When

    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


@dataclass
class Item:
    assignment: Assignment
    title: str
    url: str
    done: bool
    overdue: bool


def _items(queryset, *, now) -> list[Item]:
    out = []
    for a in _with_done_parts(queryset):
        title, url = describe(a.kind, a.target)
        done = _is_done(a)
        out.append(Item(a, title, url, done, not done and a.due_at < now))
    return out


def open_homework_for(client, *, now=None, recent_days: int = 7) -> list[Item]:
    """The client's homework from therapists they are in care with: open ones, and ones done this week."""
    now = now or timezone.now()
    qs = Assignment.objects.filter(
        relationship__client=client,
        relationship__status=CareRelationship.Status.ACTIVE,
        cancelled_at__isnull=True,
    ).select_related("relationship__therapist")
    items = _items(qs.order_by("due_at"), now=now)
    return [
        i for i in items if not i.done or (i.assignment.completed_at or now) >= now - dt.timedelta(days=recent_days)
    ]


def homework_for_relationship(relationship, *, now=None) -> list[Item]:
    """Everything the therapist set in this relationship, with whether it is done (no other sharing needed)."""
    return _items(Assignment.objects.filter(relationship=relationship).order_by("-due_at"), now=now or timezone.now())


def homework_of_client(client, public_id) -> Assignment:
    try:
        return Assignment.objects.select_related("relationship").get(
            public_id=public_id, relationship__client=client, relationship__status=CareRelationship.Status.ACTIVE
        )
    except (Assignment.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such homework.") from exc


def homework_of_therapist(therapist, public_id) -> Assignment:
    try:
        return Assignment.objects.select_related("relationship__client").get(
            public_id=public_id, relationship__therapist=therapist, relationship__status=CareRelationship.Status.ACTIVE
        )
    except (Assignment.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such homework.") from exc
