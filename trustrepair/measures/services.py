"""Every write in measures: saving answers, corrections, schedules and reminders, export and erasure."""

import datetime
import json
import logging

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from trustrepair.measures import fhir, scoring
from trustrepair.measures.instruments import Instrument
from trustrepair.measures.models import Administration, AnswerDraft, Schedule

log = logging.getLogger(__name__)

CADENCES = [(7, "Every week"), (14, "Every 2 weeks"), (28, "Every 4 weeks")]


class AnswerErrors(ValueError):
    """Answers that cannot be saved, with a plain message per item id."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def submit_answers(
    user,
    *,
    instrument: Instrument,
    answers: dict[str, int],
    note: str = "",
    supersedes: Administration | None = None,
    correction_reason: str = "",
    completed_at: datetime.datetime | None = None,
) -> Administration:
    """Score and save one completed questionnaire, then hand its safety items to the safety app.

    Raises AnswerErrors (nothing saved) when an answer is missing or out of range.
    """
    if not instrument.is_complete:
        raise AnswerErrors({"": "This questionnaire cannot be taken until its licensed text has been added."})
    errors = scoring.answer_errors(instrument, answers)
    if errors:
        raise AnswerErrors(errors)
    if supersedes is not None and (supersedes.owner_id != user.pk or supersedes.instrument_id != instrument.id):
        raise AnswerErrors({"": "Only your own response to this questionnaire can be corrected."})
    if supersedes is not None and not correction_reason.strip():
        raise AnswerErrors({"reason": "Please say briefly why you are correcting this response."})
    answers = {k: v for k, v in answers.items() if v is not None}
    result = scoring.score(instrument, answers)
    with transaction.atomic():
        administration = Administration(
            owner=user,
            instrument_id=instrument.id,
            instrument_version=instrument.version,
            scoring_version=scoring.SCORING_VERSION,
            answers_json=json.dumps(answers, sort_keys=True),
            note=note.strip() if instrument.allows_note else "",
            total=result.total,
            subscales=result.subscales,
            band=result.band.label if result.band else "",
            completed_at=completed_at or timezone.now(),
            supersedes=supersedes,
            correction_reason=correction_reason.strip()[:200],
            checksum=Administration.checksum_for(
                answers=answers,
                instrument_id=instrument.id,
                instrument_version=instrument.version,
                scoring_version=scoring.SCORING_VERSION,
            ),
        )
        administration.save()
        if supersedes is None:
            _advance_schedule(user, instrument.id, administration.completed_at)
    AnswerDraft.objects.filter(owner=user, instrument_id=instrument.id).delete()
    _carry_draft_screen(user, instrument, administration)
    safety_hook(user, administration, instrument)
    if administration.note:
        from trustrepair.safety.services import screen_text

        screen_text(user, administration.note, source="measures.note", obj=administration)
    return administration


def safety_hook(user, administration: Administration, instrument: Instrument):
    """Give the safety app the answers to safety items (e.g. PHQ-9 item 9) as soon as they are saved.

    The safety app decides what follows (crisis panel, risk event); saving never depends on it.
    """
    from trustrepair.safety import services as safety

    try:
        return safety.screen_answers(
            user,
            instrument=instrument.id,
            answers=administration.answers,
            safety_items=list(instrument.safety_items),
            obj=administration,
        )
    except Exception:
        # The answers are saved and the results page still points to crisis support when a safety
        # item is above 0; a fault in screening must not turn that page into a server error.
        log.exception("Safety screening failed for measures administration %s", administration.public_id)
        return None


# ---- answers saved as they are given (issue 11) ---------------------------------------------------------
def save_draft(user, *, instrument: Instrument, answers: dict[str, int]):
    """Keep the answers given so far. A safety item answered above 0 goes to the safety app at once, even
    if the questionnaire is never finished; returns the safety Screen then, else None."""
    valid = {
        item.id: int(answers[item.id])
        for item in instrument.items + instrument.unscored_items
        if item.id in answers and int(answers[item.id]) in {o.value for o in instrument.options_for(item)}
    }
    with transaction.atomic():
        draft, _ = AnswerDraft.objects.select_for_update().get_or_create(owner=user, instrument_id=instrument.id)
        previous = draft.answers
        draft.answers_json = json.dumps(valid, sort_keys=True)
        draft.save(update_fields=["answers_json", "updated_at"])
    changed = {item: valid.get(item) for item in instrument.safety_items if valid.get(item) != previous.get(item)}
    if not any(value for value in changed.values()):
        return None
    from trustrepair.safety import services as safety

    try:  # no object yet: the open event is carried over to the administration when it is submitted
        return safety.screen_answers(
            user, instrument=instrument.id, answers=valid, safety_items=list(instrument.safety_items), obj=None
        )
    except Exception:
        log.exception("Safety screening of a draft of %s failed", instrument.id)
        return None


def draft_answers(user, instrument_id: str) -> dict:
    draft = AnswerDraft.objects.filter(owner=user, instrument_id=instrument_id).first()
    return draft.answers if draft else {}


def _carry_draft_screen(user, instrument: Instrument, administration: Administration) -> None:
    """An event raised while answering belongs to the finished response, so it is not raised twice."""
    from trustrepair.safety.services import attach_open_structured_events

    attach_open_structured_events(user, source=f"measures.{instrument.id}", obj=administration)


def correct_administration(user, *, administration: Administration, instrument: Instrument, answers, reason, note=""):
    """A correction is a new version linked to the old one; the old one is kept unchanged."""
    if hasattr(administration, "superseded_by"):
        raise AnswerErrors({"": "This response has already been corrected; correct the newest version instead."})
    return submit_answers(
        user,
        instrument=instrument,
        answers=answers,
        note=note,
        supersedes=administration,
        correction_reason=reason,
        completed_at=administration.completed_at,
    )


# ---- schedules and reminders ---------------------------------------------------------------------
def _advance_schedule(user, instrument_id: str, completed_at: datetime.datetime) -> None:
    for schedule in Schedule.objects.filter(owner=user, instrument_id=instrument_id):
        Schedule.objects.filter(pk=schedule.pk).update(
            next_due_at=completed_at + datetime.timedelta(days=schedule.every_days)
        )


def schedule_instrument(user, *, instrument: Instrument, every_days: int) -> Schedule:
    """Repeat an instrument every `every_days` days: due now if never taken, else from the last time."""
    if every_days not in dict(CADENCES):
        raise ValueError("Choose one of the offered intervals.")
    last = Administration.objects.filter(owner=user, instrument_id=instrument.id).order_by("-completed_at").first()
    next_due = last.completed_at + datetime.timedelta(days=every_days) if last else timezone.now()
    with transaction.atomic():
        schedule, created = Schedule.objects.select_for_update().get_or_create(
            owner=user, instrument_id=instrument.id, defaults={"every_days": every_days, "next_due_at": next_due}
        )
        if not created:
            schedule.every_days, schedule.next_due_at = every_days, next_due
            schedule.save(update_fields=["every_days", "next_due_at"])
    return schedule


def stop_schedule(user, *, instrument_id: str) -> int:
    deleted, _ = Schedule.objects.filter(owner=user, instrument_id=instrument_id).delete()
    return deleted


def claim_reminder(schedule: Schedule) -> bool:
    """Claim this due time for one sender with a conditional UPDATE, so several machines can run
    the reminder job at once and each due time is reminded about exactly once."""
    claimed = (
        Schedule.objects.filter(pk=schedule.pk, next_due_at=schedule.next_due_at)
        .exclude(reminded_for=schedule.next_due_at)
        .update(reminded_for=schedule.next_due_at)
    )
    return claimed == 1


def send_due_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind each person whose schedule is due, once per due time, if they agreed to reminders.

    The claim (a conditional UPDATE of `reminded_for`) and the notice commit together, so a crash
    cannot lose or repeat a reminder; the notice's email is sent by the notification sender's own
    claim. The reminder names no instrument, score or answer: only that a check-in is ready."""
    from trustrepair.accounts.services import has_reminder_consent
    from trustrepair.notifications import services as notifications

    now = now or timezone.now()
    reminded, notices = 0, []
    due = (
        Schedule.objects.filter(next_due_at__lte=now, owner__is_active=True)
        .exclude(reminded_for=F("next_due_at"))
        .select_related("owner")
    )
    for schedule in due:
        with transaction.atomic():
            if not claim_reminder(schedule):
                continue
            if not has_reminder_consent(schedule.owner):
                continue  # claimed all the same: consent given later reminds from the next due time
            notices.append(
                notifications.notify(
                    schedule.owner,
                    kind="checkin_due",
                    link_path=reverse("measures:index"),
                    key=f"checkin-due:{schedule.public_id}:{schedule.next_due_at.isoformat()}",
                    deliver_now=False,
                )
            )
        reminded += 1
    for notice in notices:
        notifications.deliver(notice.pk)
    return reminded


# ---- download my data / erase my account -------------------------------------------------------
def export_measures(user) -> dict:
    from trustrepair.measures import registry

    administrations = Administration.objects.filter(owner=user).select_related("supersedes")
    out = []
    responses = []
    for a in administrations:
        out.append(
            {
                "id": str(a.public_id),
                "instrument": a.instrument_id,
                "instrument_version": a.instrument_version,
                "scoring_version": a.scoring_version,
                "completed_at": a.completed_at,
                "answers": a.answers,
                "note": a.note,
                "total": a.total,
                "subscales": a.subscales,
                "band": a.band,
                "corrects": str(a.supersedes.public_id) if a.supersedes else None,
                "correction_reason": a.correction_reason,
            }
        )
        instrument = registry.get(a.instrument_id)
        if instrument is not None:
            responses.append(fhir.questionnaire_response(instrument, a))
    schedules = [
        {"instrument": s.instrument_id, "every_days": s.every_days, "next_due_at": s.next_due_at}
        for s in Schedule.objects.filter(owner=user)
    ]
    drafts = [
        {"instrument": d.instrument_id, "answers": d.answers, "updated_at": d.updated_at}
        for d in AnswerDraft.objects.filter(owner=user)
    ]
    return {
        "administrations": out,
        "schedules": schedules,
        "unfinished": drafts,
        "fhir_questionnaire_responses": responses,
    }


def copy_measures(user) -> list[dict]:
    """The printable copy's shape (core.data_copy): each finished questionnaire with its questions and the
    answers in words. Corrections replace what they correct; the JSON download keeps every version."""
    from trustrepair.measures import registry

    out = []
    for a in Administration.objects.filter(owner=user).current():
        instrument = registry.get(a.instrument_id)
        answers = a.answers
        entry: dict = {
            "Questionnaire": instrument.title if instrument else a.instrument_id,
            "Completed": a.completed_at,
            "Total score": a.total,
            "Result in words": a.band,
        }
        if instrument is not None:
            words = {}
            for item in instrument.items + instrument.unscored_items:
                if item.id in answers:
                    option = next((o for o in instrument.options_for(item) if o.value == answers[item.id]), None)
                    question = item.text or f"Question {item.id}"
                    words[question] = option.label if option else answers[item.id]
            entry["Answers"] = words
        else:
            entry["Answers"] = answers
        entry["Your note"] = a.note
        entry["Why you corrected it"] = a.correction_reason
        out.append(entry)
    return out


def erase_measures(user) -> None:
    AnswerDraft.objects.filter(owner=user).delete()
    Schedule.objects.filter(owner=user).delete()
    Administration.objects.filter(owner=user).delete()
