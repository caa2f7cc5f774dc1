"""The care team: practices, care relationships a client chose, what the client shares, risk alerts,
notes and treatment plans (shared/DESIGN.md: people and practices, records table).

Who may see what is decided in `selectors.py` (`therapist_may_see`), read from these rows on every request:
nothing here is cached per process, so a revocation takes effect on the next request on every worker.
"""

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from trustrepair.core.fields import EncryptedTextField

PHASES = [
    ("trust_history", "Trust history"),
    ("core_beliefs", "Core beliefs"),
    ("regulation", "Regulation and safety"),
    ("rebuilding", "Gradual rebuilding"),
]


class Practice(models.Model):
    """Where therapists work. A solo therapist is a practice of one, and still names a backup clinician
    before any client can share risk alerts (someone must see an alert when the therapist cannot)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=120)
    clinical_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    backup_clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Hours the practice promises to see an alert within, said on the crisis panel in words.
    alert_response_hours = models.PositiveSmallIntegerField(default=24)
    escalate_to_backup_after_hours = models.PositiveSmallIntegerField(default=24)
    escalate_to_lead_after_hours = models.PositiveSmallIntegerField(default=48)
    # How long the clinical record is kept after care ends when the client erases their account.
    retention_years = models.PositiveSmallIntegerField(default=7)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(escalate_to_lead_after_hours__gt=models.F("escalate_to_backup_after_hours")),
                name="clinic_practice_lead_after_backup",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def can_take_risk_alerts(self) -> bool:
        return bool(self.clinical_lead_id and self.backup_clinician_id)


class PracticeMembership(models.Model):
    """A person's place in a practice: a therapist (clinical) or practice staff (administration only).
    Every therapist belongs to one practice; practice staff never see clinical content."""

    class Role(models.TextChoices):
        THERAPIST = "therapist", "Therapist"
        STAFF = "staff", "Practice staff"

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="memberships")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_membership")
    role = models.CharField(max_length=10, choices=Role.choices)
    joined_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user} at {self.practice}"


class CareRelationship(models.Model):
    """A client chose to work with a therapist here. Exists only by the client's confirmation, starts with
    nothing shared, and either side's ending it stops every read at once."""

    class Status(models.TextChoices):
        ACTIVE = "active", "In care"
        ENDED = "ended", "Ended"

    class StartedVia(models.TextChoices):
        CODE = "code", "A code from the therapist"
        APPOINTMENT = "appointment", "After a confirmed appointment"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The relationship is part of the practice's clinical record: either person's erasure leaves it restricted.
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="care_as_client"
    )
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="care_as_therapist"
    )
    practice = models.ForeignKey(Practice, null=True, on_delete=models.SET_NULL, related_name="relationships")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    started_via = models.CharField(max_length=12, choices=StartedVia.choices)
    appointment = models.ForeignKey(
        "booking.Appointment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    restricted_at = models.DateTimeField(null=True, blank=True)
    retain_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["therapist", "status"], name="clinic_care_therapist_status"),
            models.Index(fields=["client", "status"], name="clinic_care_client_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "therapist"],
                condition=Q(status="active"),
                name="clinic_one_active_care_per_pair",
            ),
            models.CheckConstraint(
                condition=Q(status="active", ended_at__isnull=True) | Q(status="ended", ended_at__isnull=False),
                name="clinic_care_ended_with_time",
            ),
        ]

    def __str__(self) -> str:
        return f"Care of {self.client_label} with {self.therapist_label}"

    def get_absolute_url(self) -> str:
        return reverse("clinic:client_care", args=[self.public_id])

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def client_label(self) -> str:
        return str(self.client) if self.client_id else "a former client"

    @property
    def therapist_label(self) -> str:
        return str(self.therapist) if self.therapist_id else "a former therapist"


def hash_code(code: str) -> str:
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normalised.encode()).hexdigest()


class RelationshipCode(models.Model):
    """A code a therapist hands a client in person or in a session. Single use, unguessable (only its hash
    is stored), expiring. Codes, not emails, so nobody learns who has an account."""

    therapist = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_codes")
    code_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=4, help_text="The last characters, so the therapist can tell codes apart.")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    relationship = models.ForeignKey(
        CareRelationship, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Code …{self.hint}"


class SharingConsent(models.Model):
    """The client shares one scope with one care relationship: the whole scope (entry_id empty) or one
    entry inside a category not shared whole. Revoking sets revoked_at; rows are kept as the history of
    what was shared when."""

    relationship = models.ForeignKey(CareRelationship, on_delete=models.CASCADE, related_name="consents")
    scope = models.CharField(max_length=60)
    entry_id = models.CharField(max_length=64, blank=True, help_text="Empty: the whole scope.")
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["scope", "granted_at"]
        indexes = [models.Index(fields=["relationship", "scope", "revoked_at"], name="clinic_consent_lookup")]
        constraints = [
            models.UniqueConstraint(
                fields=["relationship", "scope", "entry_id"],
                condition=Q(revoked_at__isnull=True),
                name="clinic_one_live_consent_per_scope_entry",
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope}{' · ' + self.entry_id if self.entry_id else ''}"

    @property
    def is_whole_scope(self) -> bool:
        return not self.entry_id


class RiskAlert(models.Model):
    """A risk event of a client who shares risk alerts, for their therapist: raised only by a panel-level
    screen or a Yes / Not sure to the gentle question. No score, no severity, no category shown."""

    class Origin(models.TextChoices):
        SCREEN = "screen", "Something the client wrote or answered opened the crisis panel"
        QUESTION = "question", "The client answered the gentle safety question Yes or Not sure"
        QUESTIONNAIRE = "questionnaire", "A questionnaire's safety item was answered above zero"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    relationship = models.ForeignKey(CareRelationship, on_delete=models.CASCADE, related_name="alerts")
    risk_event = models.ForeignKey(
        "safety.RiskEvent", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    origin = models.CharField(max_length=20, choices=Origin.choices)
    raised_at = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action_taken = EncryptedTextField(blank=True, help_text="What the clinician did, in their words.")
    escalated_to_backup_at = models.DateTimeField(null=True, blank=True)
    escalated_to_lead_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        indexes = [models.Index(fields=["acknowledged_at", "raised_at"], name="clinic_alert_open")]
        constraints = [
            models.UniqueConstraint(
                fields=["relationship", "risk_event"],
                condition=Q(risk_event__isnull=False),
                name="clinic_one_alert_per_event",
            )
        ]

    def __str__(self) -> str:
        return f"Alert {self.raised_at:%Y-%m-%d %H:%M}"

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None


class Assignment(models.Model):
    """Something the therapist asked the client to do: repeat a measure (issue 13); lessons and tool
    exercises join as homework (issue 14). Only what the therapist assigned counts for inactivity."""

    class Kind(models.TextChoices):
        MEASURE = "measure", "A questionnaire"
        LESSON = "lesson", "A lesson"
        TOOL = "tool", "A tool exercise"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    relationship = models.ForeignKey(CareRelationship, on_delete=models.CASCADE, related_name="assignments")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    target = models.CharField(max_length=60, help_text="The instrument id, lesson key or tool key.")
    instructions = EncryptedTextField(blank=True)
    assigned_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at"]
        indexes = [models.Index(fields=["relationship", "completed_at", "due_at"], name="clinic_assignment_open")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} due {self.due_at:%Y-%m-%d}"


class ProgressNote(models.Model):
    """A progress note (SOAP or DAP): part of the practice's clinical record about the client, readable by
    the client and in their export. Encrypted; once signed it is locked and changes are dated addenda."""

    class Format(models.TextChoices):
        SOAP = "soap", "SOAP (subjective, objective, assessment, plan)"
        DAP = "dap", "DAP (data, assessment, plan)"

    SECTIONS = {
        "soap": (
            ("subjective", "Subjective"),
            ("objective", "Objective"),
            ("assessment", "Assessment"),
            ("plan", "Plan"),
        ),
        "dap": (("data", "Data"), ("assessment", "Assessment"), ("plan", "Plan")),
    }

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    relationship = models.ForeignKey(CareRelationship, on_delete=models.PROTECT, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    format = models.CharField(max_length=4, choices=Format.choices)
    session_date = models.DateField()
    subjective = EncryptedTextField(blank=True)
    objective = EncryptedTextField(blank=True)
    data = EncryptedTextField(blank=True)
    assessment = EncryptedTextField(blank=True)
    plan = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-session_date", "-id"]

    def __str__(self) -> str:
        return f"Progress note {self.session_date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("clinic:note", args=[self.public_id])

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    def sections(self) -> list[tuple[str, str, str]]:
        return [(name, label, getattr(self, name)) for name, label in self.SECTIONS[self.format]]


class NoteAddendum(models.Model):
    """A dated change to a signed progress note; the note itself never changes after signing."""

    note = models.ForeignKey(ProgressNote, on_delete=models.CASCADE, related_name="addenda")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Addendum {self.created_at:%Y-%m-%d}"


class PsychotherapyNote(models.Model):
    """The therapist's own process notes, kept apart from the record: only the author reads them, they are
    in no export and no other view. A subject-access release needs the author and the clinical lead."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    relationship = models.ForeignKey(CareRelationship, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Private note {self.created_at:%Y-%m-%d}"


class NoteRelease(models.Model):
    """A subject-access release of psychotherapy notes: the author proposes, the clinical lead approves;
    only then does the client get a copy. Both steps are audited."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    relationship = models.ForeignKey(CareRelationship, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    released_text = EncryptedTextField(blank=True, help_text="The copy the client receives, made at approval.")

    class Meta:
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        return f"Release {self.proposed_at:%Y-%m-%d}"


class TreatmentPlan(models.Model):
    """One plan per care relationship, shared with the client: goals by phase, interventions, a review date."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    relationship = models.OneToOneField(CareRelationship, on_delete=models.PROTECT, related_name="plan")
    interventions = EncryptedTextField(blank=True)
    review_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Treatment plan {self.created_at:%Y-%m-%d}"


class PlanGoal(models.Model):
    """A goal, tied to a phase and optionally to a measure target such as "GAD-7 below 10"."""

    class Direction(models.TextChoices):
        BELOW = "below", "below"
        ABOVE = "above", "above"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(TreatmentPlan, on_delete=models.CASCADE, related_name="goals")
    phase = models.CharField(max_length=20, choices=PHASES)
    text = EncryptedTextField()
    instrument_id = models.CharField(max_length=40, blank=True)
    direction = models.CharField(max_length=5, choices=Direction.choices, blank=True)
    target = models.FloatField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    met_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"Goal ({self.get_phase_display()})"

    @property
    def target_words(self) -> str:
        if not (self.instrument_id and self.direction and self.target is not None):
            return ""
        return f"{self.instrument_id.upper()} {self.direction} {self.target:g}"
