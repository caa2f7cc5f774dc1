import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from trustrepair.core import places
from trustrepair.directory.matching import FORMATS, TIMES

# A short list of languages therapists work in; codes are ISO 639-1. Extend here when a practice needs more.
LANGUAGES = [
    ("en", "English"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("de", "German"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("nl", "Dutch"),
    ("pl", "Polish"),
    ("ga", "Irish"),
    ("cy", "Welsh"),
    ("ar", "Arabic"),
    ("he", "Hebrew"),
    ("fa", "Persian"),
    ("tr", "Turkish"),
    ("ru", "Russian"),
    ("uk", "Ukrainian"),
    ("hi", "Hindi"),
    ("ur", "Urdu"),
    ("bn", "Bengali"),
    ("pa", "Punjabi"),
    ("zh", "Chinese"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("vi", "Vietnamese"),
    ("tl", "Tagalog"),
    ("sw", "Swahili"),
    ("asl", "American Sign Language"),
    ("bsl", "British Sign Language"),
]
LANGUAGE_NAMES = dict(LANGUAGES)
# Identity-affirming practice a therapist may choose to state; clients may filter on it.
AFFIRMING = [
    ("lgbtq", "LGBTQ+ affirming"),
    ("trans", "Trans and non-binary affirming"),
    ("racial", "Racially and culturally affirming"),
    ("neurodiversity", "Neurodiversity affirming"),
    ("faith", "Faith-sensitive"),
    ("disability", "Disability affirming"),
    ("polyamory", "Affirming of consensual non-monogamy"),
]
AFFIRMING_NAMES = dict(AFFIRMING)
GENDERS = [("woman", "Woman"), ("man", "Man"), ("non-binary", "Non-binary")]
FORMAT_CHOICES = [(f, f.capitalize()) for f in FORMATS]
TIME_CHOICES = [(k, v.capitalize()) for k, v in TIMES.items()]


class Term(models.Model):
    """A taxonomy entry staff can add to. Slugs never change (matching and CSV use them); names may."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=80, unique=True)
    description = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True, help_text="Inactive terms stay on profiles but are not offered.")

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Modality(Term):
    class Meta(Term.Meta):
        verbose_name_plural = "modalities"


class Specialty(Term):
    class Meta(Term.Meta):
        verbose_name_plural = "specialties"


class TherapistProfile(models.Model):
    """What a therapist says about their practice. Public only when staff verified it and they chose to list."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AWAITING = "awaiting", "Awaiting verification"
        VERIFIED = "verified", "Verified"
        RETURNED = "returned", "Returned with a note"
        SUSPENDED = "suspended", "Suspended by staff"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="therapist_profile")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField("name as clients will see it", max_length=100)
    pronouns = models.CharField(max_length=30, blank=True)
    credentials = models.CharField(max_length=100, blank=True, help_text="For example: LMFT, MSc, BACP accredited.")
    modalities = models.ManyToManyField(Modality, blank=True, related_name="profiles")
    specialties = models.ManyToManyField(Specialty, blank=True, related_name="profiles")
    offers_individual = models.BooleanField(default=True)
    offers_couples = models.BooleanField(default=False)
    offers_family = models.BooleanField(default=False)
    offers_group = models.BooleanField(default=False)
    offers_in_person = models.BooleanField(default=False)
    offers_video = models.BooleanField(default=True)
    offers_phone = models.BooleanField(default=False)
    address = models.CharField(max_length=200, blank=True, help_text="Street address of the practice, if in person.")
    city = models.CharField(max_length=100, blank=True)
    country_code = models.CharField(max_length=2, blank=True)
    # ISO place of the office (e.g. US-NY), from the gazetteer: in-person sessions happen under its law.
    office_place = models.CharField(max_length=6, blank=True, editable=False)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    languages = models.CharField(max_length=200, default=",en,", help_text="Language codes, comma-wrapped: ,en,es,")
    session_times = models.CharField(max_length=120, blank=True, help_text="Time codes, comma-wrapped.")
    fee = models.DecimalField("fee per session", max_digits=8, decimal_places=2, null=True, blank=True)
    fee_currency = models.CharField("currency", max_length=3, default="USD", help_text="ISO 4217, e.g. USD, GBP, EUR.")
    free_first_consultation = models.BooleanField("the first consultation is free", default=True)
    offers_sliding_scale = models.BooleanField(default=False)
    sliding_scale_min = models.DecimalField(
        "lowest sliding-scale fee", max_digits=8, decimal_places=2, null=True, blank=True
    )
    insurance = models.CharField("insurance accepted", max_length=300, blank=True)
    accepts_new_clients = models.BooleanField(default=True)
    gender = models.CharField(
        "your gender (optional)", max_length=40, blank=True, help_text="Only if you would like clients to filter on it."
    )
    affirming = models.CharField(
        "identity-affirming practice (optional)", max_length=200, blank=True, help_text="Codes, comma-wrapped."
    )
    statement = models.TextField("in your own words", max_length=1500, blank=True)
    wants_listing = models.BooleanField("list me in the directory", default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    staff_note = models.CharField(max_length=500, blank=True)
    # A suspension is a staff decision: "for cause" also cancels confirmed appointments; the reason is staff-only.
    suspended_for_cause = models.BooleanField(default=False)
    suspension_reason = models.CharField(max_length=500, blank=True)
    # Staff may take a verified profile out of the directory without suspending it (the reason is in StaffDecision).
    unlisted_by_staff = models.BooleanField(default=False)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept equal to status == verified, wants_listing and not unlisted_by_staff by services, so the directory filter
    # is one indexed column.
    is_listed = models.BooleanField(default=False, editable=False)
    # Where the verified licences and registers (and compacts) allow remote sessions, comma-wrapped ISO codes, and
    # the verified credentials as JSON for the matcher: written by services whenever a licence changes.
    remote_coverage = models.TextField(blank=True, editable=False)
    # The places verified licences and registers cover themselves (no compacts), comma-wrapped: in-person matching
    # checks the office's place against it in SQL.
    licensed_areas = models.TextField(blank=True, editable=False)
    credentials_json = models.TextField(blank=True, editable=False)
    # The first open consultation slot, precomputed (services.refresh_next_available) on every change and nightly.
    next_available = models.DateTimeField(null=True, blank=True, editable=False)
    next_available_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The UTC hours of the week the open hours touch, as 168 "0"/"1" characters ("" when none): "times that suit".
    open_hours = models.CharField(max_length=168, blank=True, editable=False)
    # Slugs of the M2M terms, comma-wrapped, written by services: matching reads one row per therapist.
    specialty_slugs = models.TextField(blank=True, editable=False)
    modality_slugs = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["is_listed", "latitude", "longitude"], name="directory_listed_geo"),
            models.Index(fields=["is_listed", "name"], name="directory_listed_name"),
            models.Index(fields=["status"], name="directory_status"),
            models.Index(fields=["is_listed", "next_available"], name="directory_listed_next"),
            # Matching (issue 16): listed and accepting first, then the bounding box or the remote flags.
            models.Index(
                fields=["is_listed", "accepts_new_clients", "offers_in_person", "latitude", "longitude"],
                name="directory_match_nearby",
            ),
            models.Index(
                fields=["is_listed", "accepts_new_clients", "offers_video", "offers_phone"],
                name="directory_match_remote",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="directory_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="directory_longitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(is_listed=False)
                | models.Q(status="verified", wants_listing=True, unlisted_by_staff=False),
                name="directory_listed_only_when_verified",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:profile", args=[self.public_id])

    # ---- readable views of the compact columns ----
    @staticmethod
    def split(value: str) -> list[str]:
        return [v for v in (value or "").split(",") if v]

    @staticmethod
    def join(values) -> str:
        values = sorted({v for v in values if v})
        return "," + ",".join(values) + "," if values else ""

    @property
    def language_codes(self) -> list[str]:
        return self.split(self.languages)

    @property
    def language_names(self) -> list[str]:
        return [LANGUAGE_NAMES.get(code, code) for code in self.language_codes]

    @property
    def time_codes(self) -> list[str]:
        return self.split(self.session_times)

    @property
    def time_names(self) -> list[str]:
        return [TIMES.get(code, code) for code in self.time_codes]

    @property
    def formats(self) -> list[str]:
        return [f for f in FORMATS if getattr(self, f"offers_{f}")]

    @property
    def affirming_names(self) -> list[str]:
        return [AFFIRMING_NAMES.get(code, code) for code in self.split(self.affirming)]

    @property
    def modes(self) -> list[str]:
        return [label for on, label in ((self.offers_in_person, "In person"), (self.offers_video, "Video"),
                                         (self.offers_phone, "Phone")) if on]  # fmt: skip

    @property
    def where(self) -> str:
        parts = []
        if self.offers_in_person and self.city:
            parts.append(f"In person in {self.city}")
        if self.offers_video:
            parts.append("by video")
        if self.offers_phone:
            parts.append("by phone")
        text = " and ".join(parts) if parts else ""
        return text[:1].upper() + text[1:]


class Licence(models.Model):
    """One licence or register membership. It covers ISO places (a country code means the whole country),
    and staff may attach an interstate compact. Only a verified one counts for matching and booking."""

    class Kind(models.TextChoices):
        LICENCE = "licence", "Licence (e.g. a US state board)"
        REGISTER = "register", "Register membership (e.g. BACP, UKCP, HCPC)"

    class Compact(models.TextChoices):
        NONE = "", "None"
        PSYPACT = "psypact", "PSYPACT"
        COUNSELING = "counseling", "Counseling Compact"

    profile = models.ForeignKey(TherapistProfile, on_delete=models.CASCADE, related_name="licences")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.LICENCE)
    body = models.CharField(
        "issuing board or register", max_length=120, help_text="For example: New York State Education Department, BACP."
    )
    title = models.CharField(
        "licence or membership", max_length=100, help_text="For example: LMFT, Registered Member MBACP."
    )
    number = models.CharField("number", max_length=60)
    areas = models.CharField(
        "where it lets you practise", max_length=400, help_text="ISO codes, comma-wrapped: ,US-NY,US-NJ, or ,GB,"
    )
    compact = models.CharField(max_length=12, choices=Compact.choices, blank=True, default="")
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.title} {self.number}"

    @property
    def area_codes(self) -> list[str]:
        return TherapistProfile.split(self.areas)

    @property
    def area_names(self) -> list[str]:
        return [places.label(code) for code in self.area_codes]

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class StaffDecision(models.Model):
    """Each staff decision about a therapist, with the reason, kept for the practice's record."""

    class Action(models.TextChoices):
        VERIFIED = "verified", "Verified"
        RETURNED = "returned", "Returned with a note"
        SUSPENDED = "suspended", "Suspended"
        REINSTATED = "reinstated", "Reinstated"
        UNLISTED = "unlisted", "Taken out of the directory"
        RELISTED = "relisted", "Put back in the directory"
        LICENCE_VERIFIED = "licence_verified", "Licence verified"
        LICENCE_REJECTED = "licence_rejected", "Licence not accepted"

    profile = models.ForeignKey(TherapistProfile, on_delete=models.CASCADE, related_name="decisions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    reason = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d}"


class Photo(models.Model):
    """A therapist's photo, re-encoded by services.set_photo (no metadata, at most 400×400, small), kept in the
    database so every web process serves it; addressed by the hash of its bytes."""

    profile = models.OneToOneField(TherapistProfile, on_delete=models.CASCADE, related_name="photo")
    digest = models.CharField(max_length=64, db_index=True)
    content_type = models.CharField(max_length=20)
    data = models.BinaryField()
    width = models.PositiveSmallIntegerField()
    height = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Photo {self.digest[:12]}"

    def get_absolute_url(self) -> str:
        return reverse("directory:photo", args=[self.digest])
