"""Account pages, messages and emails in the product's own voice (issue 11, item 10).

allauth's defaults ("Sign In", "Hello from 127.0.0.1!", "Authenticator code") are replaced by pages and
emails written for this product: its tone, never its name in an email unless the person allowed names. The
MFA code field suits a phone, and a therapist sent to set MFA up comes back to the page they asked for.
"""

import re
from pathlib import Path

import pytest
from allauth.account.adapter import get_adapter
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, hotp_value
from django.conf import settings
from django.core import mail
from django.template import engines
from django.utils import timezone

from conftest import PASSWORD, TOTP_SECRET, make_user
from trustrepair.accounts.models import User
from trustrepair.notifications.allauth import REQUESTED
from trustrepair.notifications.sender import PRODUCT_NAME

ROOT = Path(settings.BASE_DIR)
# What allauth says out of the box; none of it may reach a person any more.
ALLAUTH_WORDING = [
    "Sign In",
    "Sign Up",
    "Sign Out",
    "Signup",
    "Two-Factor Authentication",
    "Confirm Access",
    "Password Reset",
    "Reset My Password",
    "Please contact us",
    "Make Primary",
    "Re-send Verification",
    "Activate Authenticator App",
    "Authenticator App",
    "Recovery Codes",
    "Authenticator code",
    "Please reauthenticate",
    "Enter your password:",
    "Successfully signed in",
    "Current Password",
    "New Password",
]
ALLAUTH_EMAIL_WORDING = ["Hello from", "Thank you for using", "You are receiving", "You're receiving", "example.com"]


def code_now(secret: str = TOTP_SECRET) -> str:
    return f"{hotp_value(secret, int(timezone.now().timestamp()) // 30):06d}"


def code_input(html: str) -> str:
    [field] = re.findall(r'<input[^>]*name="code"[^>]*>', html)
    return field


def one_h1_and_every_field_labelled(html: str) -> None:
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    for field in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
        if re.search(r'type="(hidden|submit|radio|checkbox)"', field) and 'type="radio"' not in field:
            continue
        field_id = re.search(r'id="([^"]+)"', field)
        assert field_id, field
        assert f'for="{field_id.group(1)}"' in html, field


# ---- pages -----------------------------------------------------------------------------------------------
ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/1-not-a-key/",
    "/accounts/confirm-email/",
    "/accounts/confirm-email/not-a-key/",
    "/accounts/inactive/",
]
SIGNED_IN_PAGES = [
    "/accounts/logout/",
    "/accounts/password/change/",
    "/accounts/email/",
    "/accounts/reauthenticate/",
    "/accounts/2fa/",
    "/accounts/2fa/recovery-codes/",
    "/accounts/2fa/recovery-codes/generate/",
    "/accounts/2fa/reauthenticate/",
    "/accounts/sessions/",
]


def assert_in_our_voice(response) -> None:
    assert response.status_code == 200
    html = response.content.decode()
    said = [words for words in ALLAUTH_WORDING if words in html]
    assert said == [], said
    one_h1_and_every_field_labelled(html)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_every_page_before_sign_in_is_in_our_voice(client, path):
    assert_in_our_voice(client.get(path, follow=True))


def confirm_password(client) -> None:
    """allauth asks for the password again before MFA changes, even just after signing in."""
    assert client.post("/accounts/reauthenticate/", {"password": PASSWORD}).status_code == 302


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_every_account_page_after_sign_in_is_in_our_voice(client, staff_sam, path):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    RecoveryCodes.activate(staff_sam)
    client.force_login(staff_sam)  # MFA on and passed: every page of the MFA settings is reachable
    confirm_password(client)
    assert_in_our_voice(client.get(path))


def test_a_client_may_turn_two_step_sign_in_off(client, client_alice):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(client_alice, TOTP_SECRET)
    client.force_login(client_alice)
    confirm_password(client)
    assert_in_our_voice(client.get("/accounts/2fa/totp/deactivate/"))
    assert client.post("/accounts/2fa/totp/deactivate/").status_code == 302
    assert not Authenticator.objects.filter(user=client_alice, type=Authenticator.Type.TOTP).exists()


def test_a_therapist_cannot_turn_two_step_sign_in_off(client, therapist_tess):
    from allauth.mfa.models import Authenticator

    client.force_login(therapist_tess)
    confirm_password(client)
    assert "Turn off" not in client.get("/accounts/2fa/").content.decode()
    page = client.get("/accounts/2fa/totp/deactivate/")
    assert_in_our_voice(page)
    assert "two-step sign-in stays on" in page.content.decode()
    client.post("/accounts/2fa/totp/deactivate/")
    assert Authenticator.objects.filter(user=therapist_tess, type=Authenticator.Type.TOTP).exists()


def test_setting_up_mfa_and_its_recovery_codes_are_in_our_voice(client, therapist_tess):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=therapist_tess).delete()
    client.post("/accounts/login/", {"login": therapist_tess.email, "password": PASSWORD})
    confirm_password(client)
    assert_in_our_voice(client.get("/accounts/2fa/totp/activate/"))


def test_the_second_step_of_sign_in_is_in_our_voice(client, therapist_tess):
    client.post("/accounts/login/", {"login": therapist_tess.email, "password": PASSWORD})
    assert_in_our_voice(client.get("/accounts/2fa/authenticate/"))


def test_choosing_a_new_password_from_the_emailed_link_is_in_our_voice(client, client_alice, settings):
    settings.SITE_URL = "http://testserver"
    client.post("/accounts/password/reset/", {"email": client_alice.email})
    [message] = mail.outbox
    assert message.subject == "Choose a new password"
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", message.body).group(1)
    page = client.get(link, follow=True)
    assert_in_our_voice(page)
    assert "New password (again)" in page.content.decode()


def test_a_wrong_password_is_said_kindly_next_to_the_form(client, client_alice):
    html = client.post("/accounts/login/", {"login": client_alice.email, "password": "wrong"}).content.decode()
    assert "That email and password are not correct together" in html
    assert "The email address and/or password you specified" not in html


def test_messages_after_signing_in_and_out_are_ours(client, client_alice):
    response = client.post("/accounts/login/", {"login": client_alice.email, "password": PASSWORD}, follow=True)
    assert "Successfully signed in" not in response.content.decode()
    response = client.post("/accounts/logout/", follow=True)
    assert "signed out. Take care." in response.content.decode()


# ---- emails ----------------------------------------------------------------------------------------------
def allauth_email_prefixes() -> list[str]:
    """Every email allauth can send with the apps installed here (account and mfa)."""
    import allauth

    folder = Path(allauth.__file__).parent / "templates"
    return sorted(
        str(p.relative_to(folder)).removesuffix("_message.txt")
        for app in ("account", "mfa")
        for p in (folder / app / "email").glob("*_message.txt")
        if not p.name.startswith("base_")
    )


@pytest.mark.parametrize("prefix", allauth_email_prefixes())
def test_every_allauth_email_has_our_own_subject_and_body(prefix):
    for part in ("subject", "message"):
        origin = engines["django"].get_template(f"{prefix}_{part}.txt").origin.name
        assert str(ROOT / "trustrepair/templates") in origin, f"{prefix}_{part}.txt is still allauth's"


@pytest.fixture(params=[User.Contact.NEUTRAL_EMAIL, User.Contact.NAMED_EMAIL, User.Contact.IN_APP])
def reader(request, db, settings):
    settings.SITE_URL = "https://care.example.org"
    person = make_user("dana@example.test", User.Role.CLIENT, name="Dana")
    person.contact = request.param
    person.save(update_fields=["contact"])
    return person


@pytest.mark.parametrize("prefix", allauth_email_prefixes())
def test_every_allauth_email_is_sent_in_our_words_through_the_adapter(reader, prefix, rf):
    from allauth.core import context as allauth_context

    request = rf.get("/", HTTP_HOST="127.0.0.1:8000")
    request.user = reader
    context = {
        "user": reader,
        "email": reader.email,
        "activate_url": "http://127.0.0.1:8000/accounts/confirm-email/KEY/",
        "password_reset_url": "http://127.0.0.1:8000/accounts/password/reset/key/1-KEY/",
        "signup_url": "http://127.0.0.1:8000/accounts/signup/",
        "code": "482910",
        "from_email": "old@example.test",
        "to_email": "dana@example.test",
        "deleted_email": "old@example.test",
        "timestamp": timezone.now(),
        "ip": "203.0.113.9",
        "user_agent": "Browser",
    }
    with allauth_context.request_context(request):
        get_adapter(request).send_mail(prefix, reader.email, context)
    if reader.contact == User.Contact.IN_APP and prefix not in REQUESTED:
        assert mail.outbox == []  # a notice, not something asked for: in-app only means no email
        return
    [message] = mail.outbox
    text = f"{message.subject}\n{message.body}"
    assert [w for w in ALLAUTH_EMAIL_WORDING if w.lower() in text.lower()] == []
    assert "127.0.0.1" not in text and "203.0.113.9" not in text  # no request host, no address
    assert "{{" not in text and "{%" not in text
    assert message.body.startswith("Hello,\n\n")
    assert PRODUCT_NAME.lower() not in message.body.lower()  # the body is the same whoever reads the inbox
    if reader.contact == User.Contact.NAMED_EMAIL:
        assert message.subject.startswith(f"{PRODUCT_NAME}: ")
    else:
        assert PRODUCT_NAME.lower() not in message.subject.lower()
    for link in re.findall(r"https?://\S+", message.body):
        assert link.startswith("https://care.example.org/"), link


def test_the_sign_up_email_has_its_link_and_no_site_name(client, db, settings):
    settings.SITE_URL = "https://care.example.org"
    from trustrepair.accounts.tests.test_accounts import SIGNUP

    assert client.post("/accounts/signup/", SIGNUP).status_code == 302
    [message] = mail.outbox
    assert message.subject == "Please confirm your email address"
    assert "Thank you for signing up" in message.body
    assert "https://care.example.org/accounts/confirm-email/" in message.body
    assert "example.com" not in message.body and "Hello from" not in message.body


# ---- the MFA code field ----------------------------------------------------------------------------------
def test_the_code_field_when_setting_up_mfa_asks_for_six_digits(client, therapist_tess):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=therapist_tess).delete()
    client.post("/accounts/login/", {"login": therapist_tess.email, "password": PASSWORD})
    confirm_password(client)
    field = code_input(client.get("/accounts/2fa/totp/activate/").content.decode())
    assert 'inputmode="numeric"' in field and 'autocomplete="one-time-code"' in field
    assert 'pattern="[0-9]{3} ?[0-9]{3}"' in field and 'maxlength="7"' in field


def test_the_code_field_at_sign_in_also_takes_a_recovery_code(client, therapist_tess):
    client.post("/accounts/login/", {"login": therapist_tess.email, "password": PASSWORD})
    field = code_input(client.get("/accounts/2fa/authenticate/").content.decode())
    assert 'inputmode="numeric"' in field and 'autocomplete="one-time-code"' in field
    assert "pattern=" not in field  # an eight-digit recovery code (or an older one with letters) must fit
    assert 'maxlength="10"' in field


def test_the_code_field_when_confirming_it_is_you(client, therapist_tess):
    client.force_login(therapist_tess)
    html = client.get("/accounts/2fa/reauthenticate/").content.decode()
    field = code_input(html)
    assert 'inputmode="numeric"' in field and 'autocomplete="one-time-code"' in field and "pattern=" not in field
    assert "recovery codes works too" in html  # the help text says so, tied to the field


def test_a_code_typed_with_a_space_as_the_app_shows_it_signs_in(client, therapist_tess):
    client.post("/accounts/login/", {"login": therapist_tess.email, "password": PASSWORD})
    code = code_now()
    response = client.post("/accounts/2fa/authenticate/", {"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(therapist_tess.pk)


def test_a_recovery_code_still_signs_in(client, therapist_tess):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    [code, *_] = RecoveryCodes.activate(therapist_tess).generate_codes()
    client.post("/accounts/login/", {"login": therapist_tess.email, "password": PASSWORD})
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(therapist_tess.pk)


# ---- a new therapist comes back where they were ------------------------------------------------------------
@pytest.fixture
def new_therapist(db):
    return make_user("theo@example.test", User.Role.THERAPIST, name="Theo")  # MFA not set up yet


def set_up_mfa(client, activate_url: str):
    """Open the set-up page (confirming the password first, as allauth asks), scan, type the code."""
    page = client.get(activate_url)
    assert page.status_code == 302 and page["Location"].startswith("/accounts/reauthenticate/?next=")
    confirmed = client.post(page["Location"], {"password": PASSWORD})
    assert confirmed["Location"] == activate_url  # the nested `next` survives the password step
    page = client.get(activate_url)
    assert page.status_code == 200
    next_field = re.search(r'<input type="hidden" name="next" value="([^"]*)">', page.content.decode())
    secret = client.session[SECRET_SESSION_KEY]
    data = {"code": code_now(secret)}
    if next_field:
        data["next"] = next_field.group(1)
    return client.post(activate_url, data)


@pytest.mark.django_db(transaction=True)  # allauth announces a new authenticator once its transaction commits
def test_a_new_therapist_lands_back_on_the_page_they_opened_after_setting_up_mfa(client):
    new_therapist = make_user("theo@example.test", User.Role.THERAPIST, name="Theo")  # MFA not set up yet
    client.post("/accounts/login/", {"login": new_therapist.email, "password": PASSWORD})
    wanted = "/booking/practice/availability/?week=next"

    sent = client.get(wanted)
    assert sent.status_code == 302
    assert sent["Location"] == "/accounts/2fa/totp/activate/?next=%2Fbooking%2Fpractice%2Favailability%2F%3Fweek%3Dnext"

    done = set_up_mfa(client, sent["Location"])
    # First the recovery codes, shown once here so a lost phone never locks a clinician out...
    assert done.status_code == 302
    assert done["Location"].startswith("/accounts/2fa/recovery-codes/?next=")
    codes = client.get(done["Location"]).content.decode()
    assert "I've saved them, continue" in codes
    continue_to = re.search(r"<a class=\"button\" href=\"([^\"]+)\">I've saved them, continue", codes).group(1)
    assert continue_to.replace("&amp;", "&") == wanted

    # ...then straight back to the page they asked for, now open to them.
    assert client.get(wanted).status_code == 200


def test_a_next_address_on_another_site_is_dropped(client, new_therapist):
    client.post("/accounts/login/", {"login": new_therapist.email, "password": PASSWORD})
    done = set_up_mfa(client, "/accounts/2fa/totp/activate/?next=https://elsewhere.example/steal")
    assert done["Location"] == "/accounts/2fa/recovery-codes/"
    assert "elsewhere.example" not in client.get(done["Location"]).content.decode()


def test_setting_up_mfa_from_the_settings_page_ends_on_the_recovery_codes_as_before(client, new_therapist):
    client.post("/accounts/login/", {"login": new_therapist.email, "password": PASSWORD})
    done = set_up_mfa(client, "/accounts/2fa/totp/activate/")
    assert done["Location"] == "/accounts/2fa/recovery-codes/"
    assert "saved them, continue" not in client.get(done["Location"]).content.decode()
