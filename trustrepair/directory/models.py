import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

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
    licence_type = models.CharField(max_length=100, help_text="For example: Licensed Marriage and Family Therapist.")
    licence_number = models.CharField(max_length=60)
    jurisdictions = models.CharField(
        max_length=200, help_text="Where the licence lets you practise, separated by commas: for example NY, NJ."
    )
    modalities = models.ManyToManyField(Modality, blank=True, related_name="profiles")
    specialties = models.ManyToManyField(Specialty, blank=True, related_name="profiles")
    offers_individual = models.BooleanField(default=True)
    offers_couples = models.BooleanField(default=False)
    offers_family = models.BooleanField(default=False)
    offers_group = models.BooleanField(default=False)
    offers_in_person = models.BooleanField(default=False)
    offers_video = models.BooleanField(default=True)
    address = models.CharField(max_length=200, blank=True, help_text="Street address of the practice, if in person.")
    city = models.CharField(max_length=100, blank=True)
    country_code = models.CharField(max_length=2, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    languages = models.CharField(max_length=200, default=",en,", help_text="Language codes, comma-wrapped: ,en,es,")
    session_times = models.CharField(max_length=120, blank=True, help_text="Time codes, comma-wrapped.")
    fee = models.DecimalField("fee per session", max_digits=8, decimal_places=2, null=True, blank=True)
    offers_sliding_scale = models.BooleanField(default=False)
    sliding_scale_min = models.DecimalField(
        "lowest sliding-scale fee", max_digits=8, decimal_places=2, null=True, blank=True
    )
    insurance = models.CharField("insurance accepted", max_length=300, blank=True)
    accepts_new_clients = models.BooleanField(default=True)
    statement = models.TextField("in your own words", max_length=1500, blank=True)
    wants_listing = models.BooleanField("list me in the directory", default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    staff_note = models.CharField(max_length=500, blank=True)
    # A suspension is a staff decision: "for cause" also cancels confirmed appointments; the reason is staff-only.
    suspended_for_cause = models.BooleanField(default=False)
    suspension_reason = models.CharField(max_length=500, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept equal to status == verified and wants_listing by services, so the directory filter is one indexed column.
    is_listed = models.BooleanField(default=False, editable=False)
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
                condition=models.Q(is_listed=False) | models.Q(status="verified", wants_listing=True),
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
    def jurisdiction_list(self) -> list[str]:
        return [j.strip() for j in self.jurisdictions.split(",") if j.strip()]

    @property
    def where(self) -> str:
        parts = []
        if self.offers_in_person and self.city:
            parts.append(f"In person in {self.city}")
        if self.offers_video:
            parts.append("by video")
        text = " and ".join(parts) if parts else ""
        return text[:1].upper() + text[1:]
