"""Contact preference, reminder consent, discreet titles and a neutral authenticator name."""

import re
from urllib.parse import unquote

import pytest
from allauth.mfa.adapter import get_adapter as mfa_adapter
from django.core import mail
from django.urls import reverse

from trustrepair.accounts.models import User
from trustrepair.accounts.services import has_reminder_consent
from trustrepair.accounts.tests.test_accounts import SIGNUP

pytestmark = pytest.mark.django_db


def test_sign_up_asks_how_to_contact_and_whether_to_remind(client):
    response = client.get("/accounts/signup/").content.decode()
    assert "How may we contact you?" in response and "Send me reminders" in response
    client.post("/accounts/signup/", SIGNUP | {"contact": "in_app", "agree_reminders": "on"})
    user = User.objects.get(email=SIGNUP["email"])
    assert user.contact == "in_app" and has_reminder_consent(user)
    # In-app only still gets the verification email the person asked for by signing up
    assert len(mail.outbox) == 1


def test_sign_up_defaults_to_neutral_email_and_no_reminders(client):
    client.post("/accounts/signup/", SIGNUP)
    user = User.objects.get(email=SIGNUP["email"])
    assert user.contact == "neutral_email" and not has_reminder_consent(user)


def test_the_verification_link_is_built_from_site_url_whatever_host_served_the_request(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8100"
    client.post("/accounts/signup/", SIGNUP, HTTP_HOST="localhost")
    [message] = mail.outbox
    [link] = re.findall(r"https?://\S+", message.body)
    assert link.startswith("http://127.0.0.1:8100/accounts/confirm-email/")
    assert not message.body.startswith("Hello from")


def test_the_profile_saves_the_contact_preference_and_discretion_options(client, client_alice):
    client.force_login(client_alice)
    form = {"display_name": "Al", "time_zone": "Europe/London", "place": "GB", "locale": "en"}
    form |= {"contact": "named_email", "discreet_titles": "on", "discreet_mfa_issuer": "on"}
    assert client.post(reverse("accounts:profile"), form).status_code == 302
    client_alice.refresh_from_db()
    assert (client_alice.contact, client_alice.discreet_titles, client_alice.discreet_mfa_issuer) == (
        "named_email",
        True,
        True,
    )


def test_discreet_titles_hide_the_page_and_product_name(client, client_alice):
    client.force_login(client_alice)
    assert "<title>Your profile · TrustRepair</title>" in client.get(reverse("accounts:profile")).content.decode()
    client_alice.discreet_titles = True
    client_alice.save(update_fields=["discreet_titles"])
    page = client.get(reverse("accounts:profile")).content.decode()
    assert re.findall(r"<title>.*?</title>", page) == ["<title>Notes</title>"]


def test_the_authenticator_app_shows_a_neutral_issuer_when_asked(client_alice):
    def issuer(user):
        return unquote(re.search(r"issuer=([^&]+)", mfa_adapter().build_totp_url(user, "JBSWY3DPEHPK3PXP")).group(1))

    assert issuer(client_alice) == "TrustRepair"
    client_alice.discreet_mfa_issuer = True
    assert issuer(client_alice) == "Sign-in code"
