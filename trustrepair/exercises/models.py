"""The tools a person uses between sessions. Every entry belongs to one person (`owner`), is reached by
its `public_id`, and keeps what the person wrote about their inner life or relationships encrypted.

Children (emotions of a thought record, ratings of a core belief, attempts on a ladder step, check-ins
of a promise) belong to their parent and go with it.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from trustrepair.core.fields import EncryptedTextField

SHORT = 500  # a sentence or two
MEDIUM = 4_000  # a paragraph or a few
LONG = 40_000  # a journal entry


def zero_to(top: int) -> list:
    return [MinValueValidator(0), MaxValueValidator(top)]


class Entry(models.Model):
    """What every tool's entry shares: an owner, a public id for URLs, and when it was written."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    url_name = ""  # the detail URL's name in exercises.urls

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return reverse(f"exercises:{self.url_name}", args=[self.public_id])


# ---- trust history ------------------------------------------------------------------------------
class TrustEvent(Entry):
    """An event that shaped how the person trusts, placed by their age at the time or by a date."""

    age = models.PositiveSmallIntegerField(
        "age at the time", null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    happened_on = models.DateField("date", null=True, blank=True)
    who = EncryptedTextField("who was involved", max_length=SHORT, blank=True, default="")
    what_happened = EncryptedTextField("what happened", max_length=MEDIUM)
    impact = models.PositiveSmallIntegerField(
        "how much it shaped your trust (0–10)", validators=zero_to(10), help_text="0 = hardly at all, 10 = deeply."
    )

    url_name = "trust_event_detail"

    class Meta:
        indexes = [models.Index(fields=["owner", "age", "happened_on"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(impact__lte=10), name="trust_event_impact_0_10"),
            models.CheckConstraint(
                condition=models.Q(age__isnull=False) | models.Q(happened_on__isnull=False),
                name="trust_event_has_age_or_date",
            ),
        ]

    def __str__(self) -> str:
        return "Trust history event"


# ---- trigger and urge log -----------------------------------------------------------------------
class TriggerLog(Entry):
    class Urge(models.TextChoices):
        CHECKING = "checking", "Checking (their phone, messages, whereabouts)"
        QUESTIONING = "questioning", "Questioning or interrogating"
        REASSURANCE = "reassurance", "Seeking reassurance"
        WITHDRAWING = "withdrawing", "Withdrawing or shutting down"
        TESTING = "testing", "Testing them"
        OTHER = "other", "Something else"

    class Response(models.TextChoices):
        RODE_OUT = "rode_out", "I rode it out"
        ACTED_ON = "acted_on", "I acted on it"

    class Context(models.TextChoices):
        PARTNER = "partner", "Partner"
        FAMILY = "family", "Family"
        FRIENDS = "friends", "Friends"
        WORK = "work", "Work"
        OTHER = "other", "Other"

    occurred_at = models.DateTimeField("when", default=timezone.now)
    context = models.CharField(max_length=10, choices=Context.choices, default=Context.PARTNER)
    situation = EncryptedTextField("what was happening", max_length=MEDIUM)
    body_sensation = EncryptedTextField("what you felt in your body", max_length=SHORT, blank=True, default="")
    thought = EncryptedTextField("the thought that came", max_length=SHORT, blank=True, default="")
    urge = models.CharField("the urge", max_length=12, choices=Urge.choices)
    urge_other = EncryptedTextField("the urge, in your words", max_length=SHORT, blank=True, default="")
    intensity = models.PositiveSmallIntegerField("how strong the urge was (0–10)", validators=zero_to(10))
    response = models.CharField("what you did", max_length=10, choices=Response.choices)
    what_helped = EncryptedTextField("what helped", max_length=MEDIUM, blank=True, default="")

    url_name = "trigger_log_detail"

    class Meta:
        indexes = [models.Index(fields=["owner", "-occurred_at"])]
        constraints = [models.CheckConstraint(condition=models.Q(intensity__lte=10), name="trigger_intensity_0_10")]

    def __str__(self) -> str:
        return "Trigger and urge"


# ---- CBT thought record ---------------------------------------------------------------------------
class CustomDistortion(Entry):
    """A thinking trap the person named themselves, offered next to the built-in ones."""

    name = EncryptedTextField("name", max_length=120)
    explanation = EncryptedTextField("what it means, in your words", max_length=SHORT, blank=True, default="")

    url_name = "distortion_detail"

    def __str__(self) -> str:
        return self.name


class ThoughtRecord(Entry):
    """A thought record, filled in step by step (see exercises.thought_steps)."""

    situation = EncryptedTextField("situation", max_length=MEDIUM)
    automatic_thought = EncryptedTextField("automatic thought", max_length=MEDIUM)
    distortions = models.JSONField("thinking traps", default=list, blank=True)  # slugs from distortions.BUILT_IN
    custom_distortions = models.ManyToManyField(CustomDistortion, blank=True, related_name="thought_records")
    evidence_for = EncryptedTextField("evidence that supports the thought", max_length=MEDIUM, blank=True, default="")
    evidence_against = EncryptedTextField(
        "evidence that does not support it", max_length=MEDIUM, blank=True, default=""
    )
    balanced_thought = EncryptedTextField("a more balanced thought", max_length=MEDIUM, blank=True, default="")
    last_step = models.PositiveSmallIntegerField(default=1)
    completed_at = models.DateTimeField(null=True, blank=True)

    url_name = "thought_record_detail"

    class Meta:
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return "Thought record"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def next_step(self) -> int:
        """Where to carry on: the step after the last one saved (steps are numbered 1–5)."""
        return min(self.last_step + 1, 5)


class ThoughtEmotion(models.Model):
    record = models.ForeignKey(ThoughtRecord, on_delete=models.CASCADE, related_name="emotions")
    name = EncryptedTextField("emotion", max_length=120)
    intensity_before = models.PositiveSmallIntegerField("intensity (0–100)", validators=zero_to(100))
    intensity_after = models.PositiveSmallIntegerField(
        "intensity now (0–100)", null=True, blank=True, validators=zero_to(100)
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(intensity_before__lte=100), name="emotion_before_0_100"),
            models.CheckConstraint(condition=models.Q(intensity_after__lte=100), name="emotion_after_0_100"),
        ]

    def __str__(self) -> str:
        return "Emotion in a thought record"


# ---- fear predictions ----------------------------------------------------------------------------
class FearPrediction(Entry):
    class Outcome(models.TextChoices):
        PENDING = "pending", "Not known yet"
        CAME_TRUE = "came_true", "It came true"
        PARTLY = "partly", "Partly"
        DID_NOT = "did_not", "It did not come true"

    prediction = EncryptedTextField(
        "the fear, written as a prediction",
        max_length=SHORT,
        help_text="For example: “He will lie about where he was.”",
    )
    confidence = models.PositiveSmallIntegerField("how sure you are (0–100)", validators=zero_to(100))
    check_on = models.DateField("when you will know", null=True, blank=True)
    outcome = models.CharField("what happened", max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    what_happened = EncryptedTextField("what actually happened", max_length=MEDIUM, blank=True, default="")
    outcome_recorded_at = models.DateTimeField(null=True, blank=True, editable=False)

    url_name = "fear_prediction_detail"

    class Meta:
        indexes = [models.Index(fields=["owner", "-created_at"])]
        constraints = [models.CheckConstraint(condition=models.Q(confidence__lte=100), name="fear_confidence_0_100")]

    def __str__(self) -> str:
        return "Fear prediction"


# ---- trust ladder ------------------------------------------------------------------------------
class LadderStep(Entry):
    """One rung of the trust ladder: a trusting act, graded by the distress the person expects."""

    act = EncryptedTextField("the trusting act", max_length=SHORT)
    expected_distress = models.PositiveSmallIntegerField("expected distress (0–100)", validators=zero_to(100))
    climbed_at = models.DateTimeField(null=True, blank=True, editable=False)

    url_name = "ladder_step_detail"

    class Meta:
        indexes = [models.Index(fields=["owner", "expected_distress"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(expected_distress__lte=100), name="ladder_expected_0_100")
        ]

    def __str__(self) -> str:
        return "Trust ladder step"

    @property
    def tries(self) -> list:
        return list(self.attempts.all())  # prefetched by selectors.ladder_steps_for


class LadderAttempt(models.Model):
    step = models.ForeignKey(LadderStep, on_delete=models.CASCADE, related_name="attempts")
    tried_at = models.DateTimeField(default=timezone.now)
    distress_before = models.PositiveSmallIntegerField("distress before (0–100)", validators=zero_to(100))
    distress_after = models.PositiveSmallIntegerField("distress after (0–100)", validators=zero_to(100))
    notes = EncryptedTextField("how it went", max_length=MEDIUM, blank=True, default="")

    class Meta:
        ordering = ["tried_at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(distress_before__lte=100), name="attempt_before_0_100"),
            models.CheckConstraint(condition=models.Q(distress_after__lte=100), name="attempt_after_0_100"),
        ]

    def __str__(self) -> str:
        return "Try of a ladder rung"


# ---- core beliefs -------------------------------------------------------------------------------
class CoreBelief(Entry):
    belief = EncryptedTextField("the belief, in your own words", max_length=SHORT)
    evidence_against = EncryptedTextField("evidence against it", max_length=MEDIUM, blank=True, default="")
    balanced_belief = EncryptedTextField("a more balanced belief", max_length=SHORT, blank=True, default="")

    url_name = "core_belief_detail"

    def __str__(self) -> str:
        return "Core belief"

    @property
    def current_strength(self) -> int | None:
        ratings = list(self.ratings.all())  # prefetched by selectors.core_beliefs_for
        return ratings[-1].strength if ratings else None

    @property
    def first_strength(self) -> int | None:
        ratings = list(self.ratings.all())
        return ratings[0].strength if ratings else None


class BeliefRating(models.Model):
    belief = models.ForeignKey(CoreBelief, on_delete=models.CASCADE, related_name="ratings")
    strength = models.PositiveSmallIntegerField("how strongly you believe it now (0–100)", validators=zero_to(100))
    rated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["rated_at", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(strength__lte=100), name="belief_strength_0_100")]

    def __str__(self) -> str:
        return "Rating of a core belief"


# ---- journal ------------------------------------------------------------------------------------
class JournalEntry(Entry):
    class Prompt(models.TextChoices):
        FREE = "free", "A free entry"
        SHAPED = "shaped", "What shaped my beliefs about trust?"
        NOW_OR_THEN = "now_or_then", "Is this reaction about now, or about then?"
        PROJECTING = "projecting", "Am I projecting an old betrayal onto someone new?"

    prompt = models.CharField("prompt", max_length=12, choices=Prompt.choices, default=Prompt.FREE)
    body = EncryptedTextField("your entry", max_length=LONG, blank=True, default="")
    is_draft = models.BooleanField(default=True)
    # The program lesson whose reflection prompt this entry answers ("<phase>/<module>/<lesson>"), or "".
    lesson_key = models.CharField(max_length=200, blank=True, default="", editable=False)

    url_name = "journal_entry_detail"

    class Meta:
        verbose_name_plural = "journal entries"
        indexes = [
            models.Index(fields=["owner", "is_draft", "-updated_at"]),
            models.Index(fields=["owner", "lesson_key"]),
        ]

    def __str__(self) -> str:
        return "Journal entry"


# ---- evidence of trustworthiness ------------------------------------------------------------------
class EvidenceBrick(Entry):
    class Kind(models.TextChoices):
        RELIABILITY = "reliability", "Reliability"
        HONESTY = "honesty", "Honesty"
        CARE = "care", "Care"

    kind = models.CharField("what it showed", max_length=12, choices=Kind.choices)
    moment = EncryptedTextField("the moment", max_length=SHORT)
    who = EncryptedTextField("who", max_length=SHORT)
    happened_on = models.DateField("when", default=timezone.localdate)

    url_name = "evidence_brick_detail"

    class Meta:
        indexes = [models.Index(fields=["owner", "happened_on"])]

    def __str__(self) -> str:
        return "Brick of evidence"


# ---- promises to myself --------------------------------------------------------------------------
class SelfPromise(Entry):
    promise = EncryptedTextField("the promise", max_length=SHORT, help_text="Small enough to keep on a hard day.")
    is_active = models.BooleanField("I am keeping this promise now", default=True)

    url_name = "self_promise_detail"

    def __str__(self) -> str:
        return "Promise to myself"


class PromiseCheckIn(models.Model):
    promise = models.ForeignKey(SelfPromise, on_delete=models.CASCADE, related_name="check_ins")
    day = models.DateField()
    kept = models.BooleanField()

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["promise", "day"], name="one_check_in_per_promise_per_day")]

    def __str__(self) -> str:
        return "Promise check-in"


# ---- needs and boundaries -------------------------------------------------------------------------
class NeedStatement(Entry):
    class Kind(models.TextChoices):
        SECURE = "secure", "What helps me feel secure"
        UNEASY = "uneasy", "What makes me uneasy"
        BOUNDARY = "boundary", "A boundary I hold"

    kind = models.CharField("kind of statement", max_length=10, choices=Kind.choices)
    statement = EncryptedTextField("the statement", max_length=SHORT)

    url_name = "need_statement_detail"

    def __str__(self) -> str:
        return "Need or boundary"


# ---- communication scripts ------------------------------------------------------------------------
class CommunicationScript(Entry):
    title = EncryptedTextField("a name for this script", max_length=120)
    feeling = EncryptedTextField("I'm feeling…", max_length=SHORT)
    because = EncryptedTextField("because of…", max_length=SHORT)
    not_responsible = EncryptedTextField("you are not responsible for…", max_length=SHORT)
    need = EncryptedTextField("I need…", max_length=SHORT)

    url_name = "communication_script_detail"

    def __str__(self) -> str:
        return "Communication script"

    @property
    def text(self) -> str:
        from trustrepair.exercises.scripts import compose

        return compose(feeling=self.feeling, because=self.because, not_responsible=self.not_responsible, need=self.need)


# ---- the daily check-in (issue 11) ----------------------------------------------------------------
class DailyCheckIn(Entry):
    """Thirty seconds a day: up to three moods, how much the person trusted people, their strongest urge.

    One per local day (the person's own time zone); checking in again the same day changes that day's."""

    class Mood(models.TextChoices):
        CALM = "calm", "Calm"
        HOPEFUL = "hopeful", "Hopeful"
        ANXIOUS = "anxious", "Anxious"
        LOW = "low", "Low"
        IRRITABLE = "irritable", "Irritable"

    class Urge(models.TextChoices):
        CHECK = "check", "Check their phone"
        REASSURANCE = "reassurance", "Ask for reassurance"
        WITHDRAW = "withdraw", "Withdraw"
        ACCUSE = "accuse", "Accuse"
        NONE = "none", "None"

    day = models.DateField("day")
    moods = models.JSONField("mood", default=list, blank=True)  # up to three Mood values
    trust = models.PositiveSmallIntegerField("how much I trusted people today (0–10)", validators=zero_to(10))
    urge = models.CharField("my strongest urge", max_length=12, choices=Urge.choices, default=Urge.NONE)
    urge_strength = models.PositiveSmallIntegerField("how strong the urge was (0–10)", validators=zero_to(10))
    note = EncryptedTextField("a note (optional)", max_length=SHORT, blank=True, default="")

    url_name = "daily_check_in_detail"

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "day"], name="one_daily_check_in_per_day"),
            models.CheckConstraint(condition=models.Q(trust__lte=10), name="check_in_trust_0_10"),
            models.CheckConstraint(condition=models.Q(urge_strength__lte=10), name="check_in_urge_0_10"),
        ]

    def __str__(self) -> str:
        return "Daily check-in"

    @property
    def mood_labels(self) -> list[str]:
        labels = dict(self.Mood.choices)
        return [labels[m] for m in self.moods if m in labels]


class DailyRhythm(models.Model):
    """One row per person: their practice reminder (time, on/off) and when they last opened Today.

    `last_reminded_on` is the local day of the latest reminder (claimed with a conditional UPDATE) and
    `last_used_on` the latest local day of use; see services.send_practice_reminders."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_rhythm")
    remind = models.BooleanField("remind me to practise", default=False)
    remind_at = models.TimeField("at", null=True, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True, editable=False)
    last_used_on = models.DateField(null=True, blank=True, editable=False)

    def __str__(self) -> str:
        return "Daily rhythm"
