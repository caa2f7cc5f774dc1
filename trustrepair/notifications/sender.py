"""The one door every email leaves by (DESIGN: discretion, revocation and caching).

Every email the product sends — booking notices, reminders, allauth's sign-in and password emails —
goes through `send_email`, which applies the person's contact preference:

- "neutral email" (the default): a neutral From name and subject, and a body rendered without the
  product's, a therapist's or an instrument's name;
- "email with names": the product's From name and a subject that says what it is about;
- "in app only": nothing, except the verification and password emails the person asked for.

A test fails if any other module builds an email itself. Links are built from settings.SITE_URL
alone, so every link in every email points at the address the site is served from.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage

PRODUCT_NAME = "TrustRepair"


def names_allowed(user) -> bool:
    """True only when the person chose email that may name the product and the people involved."""
    return user is not None and user.contact == user.Contact.NAMED_EMAIL


def wants_email(user) -> bool:
    return user is None or user.contact != user.Contact.IN_APP


def from_email(user) -> str:
    return settings.DEFAULT_FROM_EMAIL if names_allowed(user) else settings.DISCREET_FROM_EMAIL


def subject_for(user, *, named: str, neutral: str) -> str:
    return f"{PRODUCT_NAME}: {named}" if names_allowed(user) else neutral


def absolute_url(path_or_url: str) -> str:
    """The address of `path_or_url` on this site, from SITE_URL whatever host a request came in on."""
    if not path_or_url:
        return settings.SITE_URL or "/"
    bits = urlsplit(path_or_url)
    path = bits.path + (f"?{bits.query}" if bits.query else "") + (f"#{bits.fragment}" if bits.fragment else "")
    return f"{settings.SITE_URL}{path}"


def send_email(
    *, user, subject: str, body: str, address: str = "", calendar: str = "", requested: bool = False
) -> bool:
    """Send one email if the person's preference allows it; return whether it was sent.

    `requested` marks an email the person has just asked for (verify my address, reset my password):
    those are sent even to someone who chose in-app only, because nothing else can reach them.
    """
    if not requested and not wants_email(user):
        return False
    message = EmailMessage(
        subject=" ".join(subject.split()), body=body, from_email=from_email(user), to=[address or user.email]
    )
    if calendar:
        message.attach("appointment.ics", calendar, "text/calendar")
    message.send()
    return True
