"""Every write to the tools. Each function takes keyword arguments, runs in a transaction, and passes
every free text the person saved to the crisis screen (which never blocks saving).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from trustrepair.core.fields import encrypted_fields
from trustrepair.exercises.models import (
    BeliefRating,
    CoreBelief,
    CustomDistortion,
    FearPrediction,
    JournalEntry,
    LadderAttempt,
    LadderStep,
    PromiseCheckIn,
    SelfPromise,
    ThoughtEmotion,
    ThoughtRecord,
)
from trustrepair.safety.services import Screen, screen_text


def _screen(user, obj, fields=None) -> Screen:
    """Screen the entry's free text. Called after its transaction: screening never holds a write lock."""
    names = fields if fields is not None else [f.name for f in encrypted_fields(type(obj))]
    texts = [getattr(obj, name) for name in names]
    return screen_text(user, *[t for t in texts if t], source=f"exercises.{type(obj)._meta.model_name}", obj=obj)


# ---- any tool's entry ------------------------------------------------------------------------------
def create_entry(user, *, model, **fields):
    """Create an entry of `model` owned by `user`; screen its free text."""
    with transaction.atomic():
        entry = model(owner=user, **fields)
        entry.full_clean()
        entry.save()
    _screen(user, entry)
    return entry


def update_entry(entry, *, user, **fields):
    """Change the named fields of an entry the caller has already fetched through a selector."""
    with transaction.atomic():
        for name, value in fields.items():
            setattr(entry, name, value)
        entry.full_clean()
        entry.save(update_fields=[*fields, "updated_at"])
    _screen(user, entry, [f.name for f in encrypted_fields(type(entry)) if f.name in fields])
    return entry


def delete_entry(entry) -> None:
    entry.delete()


# ---- thought records --------------------------------------------------------------------------------
def start_thought_record(user, *, situation: str, automatic_thought: str) -> ThoughtRecord:
    return create_entry(user, model=ThoughtRecord, situation=situation, automatic_thought=automatic_thought)


def save_thought_step(record: ThoughtRecord, *, user, step: int, **fields) -> ThoughtRecord:
    """Save one step's fields and remember how far the person got."""
    custom = fields.pop("custom_distortions", None)
    with transaction.atomic():
        update_entry(record, user=user, **fields, last_step=max(record.last_step, step))
        if custom is not None:
            record.custom_distortions.set([d for d in custom if d.owner_id == user.pk])
    return record


def set_thought_emotions(record: ThoughtRecord, *, user, emotions: list[tuple[str, int]]) -> None:
    """Replace the record's emotions with (name, intensity 0–100) pairs; keeps re-ratings of unchanged names."""
    with transaction.atomic():
        previous = {e.name.strip().lower(): e.intensity_after for e in record.emotions.all()}
        record.emotions.all().delete()
        created = []
        for name, intensity in emotions:
            emotion = ThoughtEmotion(
                record=record,
                name=name.strip(),
                intensity_before=intensity,
                intensity_after=previous.get(name.strip().lower()),
            )
            emotion.full_clean()
            created.append(emotion)
        ThoughtEmotion.objects.bulk_create(created)
        record.last_step = max(record.last_step, 2)
        record.save(update_fields=["last_step", "updated_at"])
    screen_text(user, *[name for name, _ in emotions], source="exercises.thoughtemotion", obj=record)


def finish_thought_record(
    record: ThoughtRecord, *, user, balanced_thought: str, rerated: dict[int, int], step: int
) -> ThoughtRecord:
    """The last step: the balanced thought and each emotion re-rated (`rerated` maps emotion id → 0–100)."""
    with transaction.atomic():
        for emotion in record.emotions.all():
            if emotion.pk in rerated:
                emotion.intensity_after = rerated[emotion.pk]
                emotion.full_clean()
                emotion.save(update_fields=["intensity_after"])
        update_entry(
            record,
            user=user,
            balanced_thought=balanced_thought,
            last_step=max(record.last_step, step),
            completed_at=record.completed_at or timezone.now(),
        )
    return record


def create_custom_distortion(user, *, name: str, explanation: str = "") -> CustomDistortion:
    return create_entry(user, model=CustomDistortion, name=name, explanation=explanation)


# ---- fear predictions ------------------------------------------------------------------------------
def record_fear_outcome(fear: FearPrediction, *, user, outcome: str, what_happened: str) -> FearPrediction:
    stamp = None if outcome == FearPrediction.Outcome.PENDING else (fear.outcome_recorded_at or timezone.now())
    return update_entry(fear, user=user, outcome=outcome, what_happened=what_happened, outcome_recorded_at=stamp)


# ---- trust ladder ------------------------------------------------------------------------------------
def record_ladder_attempt(
    step: LadderStep,
    *,
    user,
    distress_before: int,
    distress_after: int,
    notes: str = "",
    climbed: bool = False,
    current: LadderStep | None,
) -> LadderAttempt:
    """Record one try of a rung. Only the current rung (the lowest not yet climbed) or one already climbed
    may be tried: the ladder is climbed one step at a time."""
    if step.climbed_at is None and current is not None and current.pk != step.pk:
        raise ValidationError("Try the rungs one at a time: this one comes after the step you are on now.")
    with transaction.atomic():
        attempt = LadderAttempt(step=step, distress_before=distress_before, distress_after=distress_after, notes=notes)
        attempt.full_clean()
        attempt.save()
        if climbed and step.climbed_at is None:
            step.climbed_at = timezone.now()
            step.save(update_fields=["climbed_at", "updated_at"])
    screen_text(user, notes, source="exercises.ladderattempt", obj=step)
    return attempt


# ---- core beliefs -----------------------------------------------------------------------------------
def create_core_belief(user, *, strength: int, **fields) -> CoreBelief:
    with transaction.atomic():
        belief = create_entry(user, model=CoreBelief, **fields)
        rate_core_belief(belief, strength=strength)
    return belief


def rate_core_belief(belief: CoreBelief, *, strength: int) -> BeliefRating:
    rating = BeliefRating(belief=belief, strength=strength)
    rating.full_clean()
    rating.save()
    return rating


# ---- journal ---------------------------------------------------------------------------------------
def autosave_journal(user, *, entry: JournalEntry | None, prompt: str, body: str) -> JournalEntry:
    """Keep what the person is typing on the server. A new entry starts as a draft; a finished entry is
    simply updated. A draft is screened too: words written and never "saved" can still be a cry for help."""
    with transaction.atomic():
        if entry is None:
            entry = JournalEntry(owner=user, prompt=prompt, body=body, is_draft=True)
            entry.full_clean()
            entry.save()
        else:
            entry.prompt, entry.body = prompt, body
            entry.full_clean()
            entry.save(update_fields=["prompt", "body", "updated_at"])
    _screen(user, entry)
    return entry


def save_journal_entry(
    user, *, entry: JournalEntry | None, prompt: str, body: str, lesson_key: str = ""
) -> JournalEntry:
    """The person pressed Save: the entry (new, or the draft they were writing) is kept and screened.
    `lesson_key` marks a new entry as the answer to a program lesson's reflection prompt."""
    with transaction.atomic():
        if entry is None:
            entry = JournalEntry(owner=user, lesson_key=lesson_key)
        entry.prompt, entry.body, entry.is_draft = prompt, body, False
        entry.full_clean()
        entry.save()
    _screen(user, entry)
    return entry


# ---- promises to myself -----------------------------------------------------------------------------
def check_in_promise(promise: SelfPromise, *, kept: bool, day: datetime.date | None = None) -> PromiseCheckIn:
    """Today's check-in (changing your mind the same day replaces it: one check-in per day)."""
    day = day or timezone.localdate()
    try:
        with transaction.atomic():
            check_in, _ = PromiseCheckIn.objects.update_or_create(promise=promise, day=day, defaults={"kept": kept})
    except IntegrityError:  # a second tap raced the first; the row exists now, so update it
        with transaction.atomic():
            check_in, _ = PromiseCheckIn.objects.update_or_create(promise=promise, day=day, defaults={"kept": kept})
    return check_in


def restart_promise(promise: SelfPromise, *, user) -> SelfPromise:
    """A gentle restart: the promise is active again; earlier check-ins stay, nothing is reset to shame."""
    return update_entry(promise, user=user, is_active=True)


# ---- correcting a slip ------------------------------------------------------------------------------
def remove_latest_rating(belief: CoreBelief) -> bool:
    """Remove the newest rating of a belief (a typing slip), keeping at least the first. True if removed."""
    ratings = list(belief.ratings.order_by("-rated_at", "-id")[:2])
    if len(ratings) < 2:
        return False
    ratings[0].delete()
    return True


def remove_latest_attempt(step: LadderStep) -> bool:
    """Remove the newest try of a rung. True if there was one."""
    latest = step.attempts.order_by("-tried_at", "-id").first()
    if latest is None:
        return False
    latest.delete()
    return True


# ---- the daily check-in and the practice reminder (issue 11) -----------------------------------------
def save_check_in(user, *, day: datetime.date, moods, trust: int, urge: str, urge_strength: int, note: str = ""):
    """Today's check-in: made, or changed if the person checks in again the same local day. Screened."""
    from trustrepair.exercises.models import DailyCheckIn

    fields = {"moods": list(moods), "trust": trust, "urge": urge, "urge_strength": urge_strength, "note": note}
    for _attempt in range(2):  # a double tap can race the first insert; the second pass updates it
        try:
            with transaction.atomic():
                check_in = DailyCheckIn.objects.filter(owner=user, day=day).select_for_update().first()
                if check_in is None:
                    check_in = DailyCheckIn(owner=user, day=day, **fields)
                else:
                    for name, value in fields.items():
                        setattr(check_in, name, value)
                check_in.full_clean(validate_constraints=False)
                check_in.save()
            break
        except IntegrityError:
            continue
    note_use(user, today=day)
    _screen(user, check_in, ["note"])
    return check_in


def rhythm_for(user):
    from trustrepair.exercises.models import DailyRhythm

    rhythm, _ = DailyRhythm.objects.get_or_create(owner=user)
    return rhythm


def note_use(user, *, today: datetime.date, rhythm=None) -> datetime.date | None:
    """Remember the person used the app today (keeps their reminder alive); returns the previous day of use.
    `rhythm`: the person's DailyRhythm when the caller has already read it this request (one query fewer)."""
    from trustrepair.exercises.models import DailyRhythm

    rhythm = rhythm or rhythm_for(user)
    previous = rhythm.last_used_on
    if previous != today:
        DailyRhythm.objects.filter(pk=rhythm.pk).update(last_used_on=today)
        rhythm.last_used_on = today
    return previous


def set_reminder(user, *, remind: bool, remind_at: datetime.time | None):
    from trustrepair.exercises.models import DailyRhythm

    rhythm = rhythm_for(user)
    DailyRhythm.objects.filter(pk=rhythm.pk).update(remind=remind and remind_at is not None, remind_at=remind_at)
    rhythm.refresh_from_db()
    return rhythm


REMINDER_IDLE_DAYS = 7  # no reminders after a week without use: the app waits to be asked back
REMINDER_WINDOW = datetime.timedelta(hours=2)  # a reminder late by more than this is skipped for the day


def reminder_is_due(rhythm, *, local: datetime.datetime) -> bool:
    """Pure: is the person's chosen time reached today (in their zone), unsent today, and still in use?"""
    if not rhythm.remind or rhythm.remind_at is None:
        return False
    today = local.date()
    if rhythm.last_reminded_on == today:
        return False
    if rhythm.last_used_on is None or (today - rhythm.last_used_on).days > REMINDER_IDLE_DAYS:
        return False
    chosen = datetime.datetime.combine(today, rhythm.remind_at, tzinfo=local.tzinfo)
    return chosen <= local < chosen + REMINDER_WINDOW


def send_practice_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind each person whose chosen local time has come, at most once a local day, under their consent.

    The day is claimed with a conditional UPDATE of `last_reminded_on`, so two runners never send twice;
    the notice goes through the one notification sender and names nothing clinical."""
    from django.db.models import Q
    from django.urls import reverse

    from trustrepair.accounts.services import has_reminder_consent
    from trustrepair.exercises.models import DailyRhythm
    from trustrepair.exercises.today import local_now
    from trustrepair.notifications import services as notifications

    now = now or timezone.now()
    sent, notices = 0, []
    rhythms = DailyRhythm.objects.filter(remind=True, remind_at__isnull=False, owner__is_active=True).select_related(
        "owner"
    )
    for rhythm in rhythms:
        local = local_now(rhythm.owner, now)
        if not reminder_is_due(rhythm, local=local):
            continue
        today = local.date()
        with transaction.atomic():
            claimed = (
                DailyRhythm.objects.filter(pk=rhythm.pk)
                .filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lt=today))
                .update(last_reminded_on=today)
            )
            if claimed != 1 or not has_reminder_consent(rhythm.owner):
                continue
            notices.append(
                notifications.notify(
                    rhythm.owner,
                    kind="practice_reminder",
                    link_path=reverse("core:home"),
                    key=f"practice:{rhythm.owner.public_id}:{today.isoformat()}",
                    deliver_now=False,
                )
            )
        sent += 1
    for notice in notices:
        notifications.deliver(notice.pk)
    return sent
