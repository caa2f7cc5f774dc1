"""Every email, the app's and allauth's, is worded for a person who keeps this private.

Someone whose partner reads their inbox must learn nothing from one of our emails: not the product's
name, not a therapist's name, not which questionnaire, not even the words "trust" or "therapy"."""

import re
from pathlib import Path

import pytest
from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core import mail
from django.template import engines

from trustrepair.accounts.models import User
from trustrepair.measures import registry
from trustrepair.notifications import services
from trustrepair.notifications.kinds import KINDS

ROOT = Path(settings.BASE_DIR)
THERAPIST_NAME = "Tess Marlowe"


def forbidden_words() -> list[str]:
    words = ["trustrepair", "trust repair", "trust", "therap", THERAPIST_NAME, "Tess", "Marlowe"]
    for instrument in registry.all_instruments().values():
        words += [instrument.short_title, instrument.id.replace("_", "-"), instrument.id.replace("_", "")]
        words += re.findall(r"\b[A-Z]{2,}(?:-[A-Z0-9]+)?", instrument.title)  # "PHQ-9", "GAD-7", "ECR-R", ...
    return sorted({w.lower() for w in words if len(w) >= 3})


def assert_discreet(message) -> None:
    everything = "\n".join(
        [message.subject, message.body, message.from_email, *(str(a[1]) for a in message.attachments)]
    ).lower()
    found = [word for word in forbidden_words() if word in everything]
    assert found == [], f"{message.subject!r} names {found}:\n{message.body}"
    assert "hello from" not in everything and "127.0.0.1" not in everything


@pytest.fixture
def discreet(db, settings):
    settings.SITE_URL = "https://example.org"  # a neutral address; links must come from it
    from conftest import make_user

    return make_user("dana@example.test", User.Role.CLIENT, name="Dana")


def app_email_templates() -> set[str]:
    folder = ROOT / "trustrepair/notifications/templates/notifications/email"
    return {p.stem for p in folder.glob("*.txt") if not p.name.startswith("_")}


def allauth_email_templates() -> set[str]:
    """Every allauth email (message and subject pair) our template loaders can find, overrides first."""
    prefixes = set()
    for loader_dir in _template_dirs():
        for path in loader_dir.glob("*/email/*_message.txt"):
            if not path.name.startswith("base_"):
                prefixes.add(str(path.relative_to(loader_dir)).removesuffix("_message.txt"))
    return prefixes


def _template_dirs() -> list[Path]:
    import allauth

    return [ROOT / "trustrepair/templates", Path(allauth.__file__).parent / "templates"]


def test_every_app_email_template_has_a_kind_and_every_kind_a_template():
    assert app_email_templates() == set(KINDS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_app_email_is_discreet_for_a_discreet_person(discreet, kind, django_capture_on_commit_callbacks):
    context = {
        "other": THERAPIST_NAME,
        "when": "Monday 9 March 2026 at 14:00 (Europe/London)",
        "previous_when": "Friday 6 March 2026 at 10:00 (Europe/London)",
        "message_left": True,
    }
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(discreet, kind=kind, context=context, link_path="/booking/appointments/x/")
    [message] = mail.outbox
    assert_discreet(message)
    assert message.from_email == settings.DISCREET_FROM_EMAIL
    assert "https://example.org/booking/appointments/x/" in message.body


def test_the_allauth_email_list_is_found():
    found = allauth_email_templates()
    assert {"account/email/email_confirmation", "account/email/password_reset_key", "mfa/email/totp_activated"} <= found


@pytest.mark.parametrize("prefix", sorted(allauth_email_templates()))
def test_every_allauth_email_is_discreet_for_a_discreet_person(discreet, prefix, rf):
    from allauth.core import context as allauth_context

    request = rf.get("/", HTTP_HOST="127.0.0.1:8000")
    request.user = discreet
    context = {
        "user": discreet,
        "activate_url": "http://127.0.0.1:8000/accounts/confirm-email/KEY/",
        "password_reset_url": "http://127.0.0.1:8000/accounts/password/reset/key/1-KEY/",
        "signup_url": "http://127.0.0.1:8000/accounts/signup/",
        "code": "ABC123",
        "username": "",
        "from_email": "old@example.test",
        "to_email": "dana@example.test",
        "deleted_email": "old@example.test",
        "timestamp": "2026-12-04 12:00",
        "ip": "203.0.113.9",
        "user_agent": "Browser",
        "provider": "Provider",
        "account": "",
    }
    with allauth_context.request_context(request):
        get_adapter(request).send_mail(prefix, discreet.email, context)
    [message] = mail.outbox
    assert_discreet(message)
    links = re.findall(r"https?://\S+", message.body)
    assert all(link.startswith("https://example.org/") for link in links), links


def test_allauth_emails_are_rendered_by_our_overrides_not_the_site_name():
    # "Hello from 127.0.0.1!" came from allauth's base template and the request's host.
    django_engine = engines["django"]
    template = django_engine.get_template("account/email/base_message.txt")
    assert "trustrepair/templates" in str(template.origin.name)
