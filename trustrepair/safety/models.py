"""Risk events (a positive crisis screen) and each person's own safety plan."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from trustrepair.core.fields import EncryptedTextField
from trustrepair.safety import detection


class RiskEvent(models.Model):
    """A positive screen: free text with signs of crisis, or a structured answer such as PHQ-9 item 9 > 0.

    It exists so the person sees help at once (the crisis panel) and, with consent, their therapist can be
    told (the clinician workspace reads `selectors.open_risk_events_for`). It carries no score or level:
    NICE NG225 advises against risk prediction, so an event only brings help and a person closer.
    """

    class Kind(models.TextChoices):
        TEXT = "text", "Something written"
        STRUCTURED = "structured", "A questionnaire answer"

    class Category(models.TextChoices):
        SUICIDAL_THOUGHTS = detection.SUICIDAL_THOUGHTS, "Thoughts of suicide or of not being alive"
        PLAN_OR_MEANS = detection.PLAN_OR_MEANS, "A plan or the means to end life"
        SELF_HARM = detection.SELF_HARM, "Self-harm"
        HOPELESSNESS = detection.HOPELESSNESS, "Hopelessness or feeling a burden"
        GOODBYE = detection.GOODBYE, "A goodbye message"
        DANGER_FROM_OTHERS = detection.DANGER_FROM_OTHERS, "Danger from someone else"

    class Layer(models.TextChoices):
        RULES = "rules", "A screening rule"
        MODEL = "model", "The learned screening model"

    class Resolution(models.TextChoices):
        SAFE_NOW = "safe_now", "Said they are safe right now"
        FOLLOWED_UP = "followed_up", "Looked at their safety plan and reached a person"
        CLINICIAN = "clinician", "Closed by their therapist after talking with them"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="risk_events")
    source = models.CharField(max_length=80, help_text='Where it was written or answered, e.g. "exercises.journal".')
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    # Encrypted: what kind of crisis someone wrote about is health data. Nothing filters or orders on it in
    # SQL (ciphertext cannot be compared); services compare it in Python (docs/decisions.md).
    category = EncryptedTextField(choices=Category.choices)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    excerpt = EncryptedTextField(blank=True, help_text="Only the matched words, encrypted; empty for answers.")
    # Which part of screening raised it (blank for a questionnaire answer) and, for the model, its version.
    # Never a score, probability or threshold (NICE NG225).
    layer = models.CharField(max_length=10, choices=Layer.choices, blank=True)
    model_version = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    shown_at = models.DateTimeField(
        null=True, blank=True, help_text="When the person first saw the full panel; after that it folds to one line."
    )
    collapsed_at = models.DateTimeField(null=True, blank=True)
    plan_reviewed_at = models.DateTimeField(null=True, blank=True)
    reached_person = models.CharField(max_length=20, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=20, choices=Resolution.choices, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "resolved_at"], name="safety_risk_user_open")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(resolved_at__isnull=True, resolution="")
                | models.Q(resolved_at__isnull=False) & ~models.Q(resolution=""),
                name="risk_event_resolution_with_time",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.get_category_display()} · {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("safety:follow_up", args=[self.public_id])

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class GentleQuestion(models.Model):
    """A gentle, direct question asked when screening is unsure ("ask"), one per entry and category.

    "Are you having thoughts of ending your life or of hurting yourself?" for the person's own safety, "Do you
    feel safe at home right now?" for danger from someone else. An answer that points to risk (or "Not sure")
    opens the matching crisis panel, as a RiskEvent of that category; the other answer closes the question
    for that entry and category for good, so it is asked again only for a new category (a panel-level finding
    opens the panel whatever was answered). Neither what the person wrote nor any score is kept here: the
    category and the answer are encrypted, and the entry is named only by its type and public id.
    """

    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        NOT_SURE = "not_sure", "Not sure"
        NO = "no", "No"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gentle_questions")
    source = models.CharField(max_length=80, help_text='Where it was written, e.g. "exercises.journalentry".')
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    category = EncryptedTextField(help_text="One of RiskEvent.Category, encrypted like everything it hints at.")
    created_at = models.DateTimeField(auto_now_add=True)
    shown_at = models.DateTimeField(null=True, blank=True, help_text="First put in front of the person.")
    answer = EncryptedTextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "answered_at"], name="safety_question_user_open")]

    def __str__(self) -> str:
        return f"Gentle question · {self.created_at:%Y-%m-%d}"

    @property
    def about(self) -> str:
        """Which question this is: "self" (the person's own life) or "others" (danger from someone else)."""
        return "others" if self.category == detection.DANGER_FROM_OTHERS else "self"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None

    def points_to_risk(self, answer: str) -> bool:
        """Yes to the "self" question, No to "Do you feel safe at home?", and Not sure to either."""
        if answer == self.Answer.NOT_SURE:
            return True
        return answer == (self.Answer.NO if self.about == "others" else self.Answer.YES)


class SafetyPlan(models.Model):
    """A person's own plan for hard moments, in the six parts of safety planning plus reasons for living.

    Private to its owner (never shown to a partner); every part is encrypted at rest.
    """

    SECTIONS = (
        ("warning_signs", "Signs that a hard time is starting"),
        ("coping_alone", "Things I can do on my own to get through it"),
        ("distractions", "People and places that take my mind off it"),
        ("people_to_ask", "People I can ask for help"),
        ("professionals", "Professionals and services I can contact"),
        ("safer_surroundings", "Making my surroundings safer"),
        ("reasons_for_living", "What matters to me and keeps me going"),
    )

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan")
    warning_signs = EncryptedTextField(blank=True)
    coping_alone = EncryptedTextField(blank=True)
    distractions = EncryptedTextField(blank=True)
    people_to_ask = EncryptedTextField(blank=True)
    professionals = EncryptedTextField(blank=True)
    safer_surroundings = EncryptedTextField(blank=True)
    reasons_for_living = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Safety plan of {self.owner}"

    def get_absolute_url(self) -> str:
        return reverse("safety:plan")

    def sections(self) -> list[tuple[str, str, str]]:
        return [(name, label, getattr(self, name)) for name, label in self.SECTIONS]

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name).strip() for name, _ in self.SECTIONS)
