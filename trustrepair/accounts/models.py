import uuid
import zoneinfo

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.urls import reverse

from trustrepair.core import places

TIME_ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        extra.setdefault("role", User.Role.STAFF)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with their email address. One account per person, one role."""

    class Contact(models.TextChoices):
        # How the product may reach this person outside the product (DESIGN: discretion). Booking's
        # per-appointment phone choices sit on top of this.
        NEUTRAL_EMAIL = "neutral_email", "Email, worded so that anyone who sees it learns nothing: no names, no details"
        NAMED_EMAIL = "named_email", "Email that may name TrustRepair, your therapist and what the message is about"
        IN_APP = "in_app", "Only inside TrustRepair: no email except sign-in and password links you ask for"

    class JoinedFor(models.TextChoices):
        # What brought the person here (issue 11): shapes the first plan, never the role or what they may see.
        OWN_TRUST = "own_trust", "My own trust"
        PARTNER_AND_ME = "partner_and_me", "My partner and me"
        SUPPORTING = "supporting", "Supporting someone"

    class Role(models.TextChoices):
        CLIENT = "client", "Working on my own trust"
        PARTNER = "partner", "Supporting a partner"
        THERAPIST = "therapist", "Therapist"
        STAFF = "staff", "Practice staff"

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    display_name = models.CharField(
        "name to show", max_length=80, blank=True, help_text="Any name you like; it need not be your real name."
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.CLIENT)
    time_zone = models.CharField(max_length=64, default="UTC", choices=[(tz, tz) for tz in TIME_ZONES])
    locale = models.CharField(max_length=10, default="en", choices=[("en", "English")])
    # Where the person lives (core/places.py): crisis lines, and which therapists may treat them there.
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 code; empty until the person says (old “EU”/“other” regions)."
    )
    subdivision = models.CharField(
        max_length=6, blank=True, help_text="ISO 3166-2 code such as US-NY; required for US, CA and AU."
    )

    contact = models.CharField(
        "how we contact you",
        max_length=20,
        choices=Contact.choices,
        default=Contact.NEUTRAL_EMAIL,
        help_text="Everything is also listed under Updates when you sign in.",
    )
    discreet_titles = models.BooleanField(
        "discreet page titles",
        default=False,
        help_text="Browser tabs and history show a plain title instead of the page and site name.",
    )
    discreet_mfa_issuer = models.BooleanField(
        "neutral name in your authenticator app",
        default=False,
        help_text='A new authenticator set-up shows "Sign-in code" instead of the site\'s name.',
    )

    joined_for = models.CharField(
        "what brings you here", max_length=20, choices=JoinedFor.choices, blank=True, default=""
    )
    # True from sign-up until the first run (welcome, self-check, plan) is finished or skipped.
    needs_onboarding = models.BooleanField(default=False, editable=False)

    # How many notices under Updates are unread: kept beside the notices (notifications.services) so the
    # navigation shows it without a query of its own.
    unread_updates = models.PositiveIntegerField(default=0, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    def __str__(self) -> str:
        return self.display_name or self.email.split("@")[0]

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile")

    @property
    def place(self) -> str:
        """The most precise place code: "US-NY", "GB", or "" when unknown."""
        return places.place_code(self.country, self.subdivision)

    @property
    def place_is_complete(self) -> bool:
        return places.is_complete(self.country, self.subdivision)

    @property
    def allows_names_in_email(self) -> bool:
        return self.contact == self.Contact.NAMED_EMAIL

    @property
    def is_client(self) -> bool:
        return self.role == self.Role.CLIENT

    @property
    def is_partner(self) -> bool:
        return self.role == self.Role.PARTNER

    @property
    def is_therapist(self) -> bool:
        return self.role == self.Role.THERAPIST

    @property
    def is_practice_staff(self) -> bool:
        return self.role == self.Role.STAFF


class ConsentRecord(models.Model):
    """What a person agreed to, when, and which version of the text; revocable."""

    class Kind(models.TextChoices):
        TERMS = "terms", "Terms of use and privacy notice"
        HEALTH_DATA = "health_data", "Processing of my health and relationship information"
        # The key keeps its historical name; reminders follow the person's contact preference.
        EMAIL_REMINDERS = "email_reminders", "Reminders when a check-in or an appointment you planned is due"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    version = models.CharField(max_length=20)
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], condition=models.Q(revoked_at__isnull=True), name="one_active_consent_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Session(AbstractBaseSession):
    """Django's database session with the signed-in person's id beside its data, so that a signed-in request
    reads its session and its person in one statement (`accounts.sessions`). The id is written from the data on
    every save, so it never says more than the data: a signed-out session has none.

    No foreign-key constraint: a session saved in the moment its person is erased must not fail the request.
    Deleting a person through the ORM still deletes their sessions (CASCADE runs in Django)."""

    user = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.CASCADE, db_constraint=False, related_name="+"
    )

    @classmethod
    def get_session_store_class(cls):
        from trustrepair.accounts.sessions import SessionStore

        return SessionStore
