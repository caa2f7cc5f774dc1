"""Every write in the program: enrol, choose a phase, mark a lesson done, note a setback, erase."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from trustrepair.exercises import services as journal
from trustrepair.exercises.models import JournalEntry
from trustrepair.program import curriculum
from trustrepair.program.models import Enrolment, LessonCompletion, Setback
from trustrepair.safety.services import screen_text


class UnknownPhase(ValueError):
    pass


class UnknownLesson(ValueError):
    pass


def _check_phase(phase: str) -> None:
    if phase not in curriculum.phase_slugs():
        raise UnknownPhase(phase)


def enrol(user, *, starting_phase: str) -> Enrolment:
    """Enrol the person (once); enrolling again keeps everything and simply returns their enrolment."""
    _check_phase(starting_phase)
    enrolment, _ = Enrolment.objects.get_or_create(
        owner=user, defaults={"starting_phase": starting_phase, "current_phase": starting_phase}
    )
    return enrolment


def choose_phase(user, *, phase: str) -> Enrolment:
    """Move to any phase, earlier or later. Going back is revisiting, never a demotion: ticks are kept."""
    _check_phase(phase)
    enrolment = Enrolment.objects.get(owner=user)
    enrolment.current_phase = phase
    enrolment.save(update_fields=["current_phase"])
    return enrolment


VISIT_RECORDED_EVERY = datetime.timedelta(hours=1)


def note_visit(enrolment: Enrolment, *, now=None):
    """Record that the person opened their today page; return when they were last here (or None).

    Written at most once an hour (issue 16): the visit is only read in whole days ("welcome back" after a while
    away), and a write on every opening of the page cost a transaction per request."""
    now = now or timezone.now()
    previous = enrolment.last_visit_at
    if previous is None or not (datetime.timedelta(0) <= now - previous < VISIT_RECORDED_EVERY):
        Enrolment.objects.filter(pk=enrolment.pk).update(last_visit_at=now)
        enrolment.last_visit_at = now
    return previous


def mark_lesson_done(user, *, lesson_key: str) -> LessonCompletion:
    if curriculum.lesson_by_key(lesson_key) is None:
        raise UnknownLesson(lesson_key)
    try:
        with transaction.atomic():
            return LessonCompletion.objects.create(owner=user, lesson_key=lesson_key)
    except IntegrityError:  # already done (a double submit or a second tab): keep the first tick
        return LessonCompletion.objects.get(owner=user, lesson_key=lesson_key)


def save_reflection(user, *, lesson_key: str, body: str):
    """Save the answer to a lesson's reflection prompt as a journal entry that remembers the lesson. It goes
    through the journal's own service, so it is encrypted, screened and offered crisis help exactly as a
    journal entry written in the journal is."""
    if curriculum.lesson_by_key(lesson_key) is None:
        raise UnknownLesson(lesson_key)
    return journal.save_journal_entry(
        user, entry=None, prompt=JournalEntry.Prompt.FREE, body=body, lesson_key=lesson_key
    )


def mark_lesson_not_done(user, *, lesson_key: str) -> None:
    LessonCompletion.objects.filter(owner=user, lesson_key=lesson_key).delete()


def record_setback(
    user, *, happened_on, what_happened: str = "", what_might_help: str = "", return_to_phase: str = ""
) -> Setback:
    """Note a setback. If the person asks, their program moves back to a phase they choose (usually
    regulation and safety); their ticks and entries stay exactly as they were."""
    if return_to_phase:
        _check_phase(return_to_phase)
    with transaction.atomic():
        setback = Setback.objects.create(
            owner=user,
            happened_on=happened_on,
            what_happened=what_happened,
            what_might_help=what_might_help,
            returned_to_phase=return_to_phase,
        )
        if return_to_phase and Enrolment.objects.filter(owner=user).exists():
            choose_phase(user, phase=return_to_phase)
    screen_text(user, what_happened, what_might_help, source="program.setback", obj=setback)
    return setback


def delete_setback(setback: Setback) -> None:
    setback.delete()


# ---- "download my data" and "erase my account" -------------------------------------------------
def export_program(user) -> dict:
    enrolment = Enrolment.objects.filter(owner=user).first()
    return {
        "enrolment": None
        if enrolment is None
        else {
            "started_at": enrolment.started_at,
            "starting_phase": enrolment.starting_phase,
            "current_phase": enrolment.current_phase,
            "last_visit_at": enrolment.last_visit_at,
        },
        "lessons_done": [
            {"lesson": c.lesson_key, "completed_at": c.completed_at}
            for c in LessonCompletion.objects.filter(owner=user).order_by("completed_at")
        ],
        "setbacks": [
            {
                "id": str(s.public_id),
                "happened_on": s.happened_on,
                "what_happened": s.what_happened,
                "what_might_help": s.what_might_help,
                "returned_to_phase": s.returned_to_phase,
                "recorded_at": s.created_at,
            }
            for s in Setback.objects.filter(owner=user)
        ],
    }


def erase_program(user) -> None:
    Setback.objects.filter(owner=user).delete()
    LessonCompletion.objects.filter(owner=user).delete()
    Enrolment.objects.filter(owner=user).delete()
