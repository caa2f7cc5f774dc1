"""Emails to a therapist about staff decisions on their directory profile.

Neutral like every email here (booking/notify.py): no reason, no licence, no client detail in the message;
the decision and its reason are on the therapist's own profile page after signing in. One small function,
so the project's notification sender can take it over whole.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse


def _site_url(path: str) -> str:
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return f"{base}{path}" if base else path


def decision(profile, decision) -> None:
    """Tell the therapist that staff decided something about their profile (what: in the app)."""
    body = "\n\n".join(
        [
            "Practice staff have made a decision about your directory profile.",
            f"Sign in to read it: {_site_url(reverse('directory:my_profile'))}",
            "— TrustRepair. You are receiving this because you have a therapist profile.",
        ]
    )
    EmailMessage(subject="TrustRepair: an update to your profile", body=body, to=[profile.user.email]).send()
