"""Sessions are indexed by person: turning MFA on, changing the password and "sign out all other devices"
end every other session at once, and the person sees where they are signed in."""

import pytest
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, hotp_value
from allauth.usersessions.models import UserSession
from django.utils import timezone

from conftest import PASSWORD, make_user
from trustrepair.accounts.models import User
from trustrepair.accounts.sessions import SessionStore
from trustrepair.core.tests.urlwalk import parameterless_views


def code_for(secret: str) -> str:
    return f"{hotp_value(secret, int(timezone.now().timestamp()) // 30):06d}"


def signed_out(device) -> bool:
    response = device.get("/account/profile/")
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def reauthenticate(device):
    response = device.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True)  # allauth announces a new authenticator once its transaction commits
def test_turning_mfa_on_signs_out_other_devices_and_opens_clinical_pages_here(client, another_device):
    tara = make_user("tara@example.test", User.Role.THERAPIST, name="Tara")
    another_device.force_login(tara)
    another_device.get("/")  # that browser is in use
    client.force_login(tara)
    reauthenticate(client)
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post("/accounts/2fa/totp/activate/", {"code": code_for(secret)})
    assert response.status_code == 302
    assert signed_out(another_device)
    clinical = next(p for p, rule in parameterless_views() if rule == "role:therapist")
    assert client.get(clinical).status_code == 200  # the code just entered counts for this session


def test_changing_the_password_signs_out_other_devices_and_removes_their_sessions(client, another_device, client_alice):
    another_device.force_login(client_alice)
    another_device.get("/")
    other_key = another_device.session.session_key
    client.force_login(client_alice)
    reauthenticate(client)
    new = "another-long-passphrase-9"
    response = client.post("/accounts/password/change/", {"oldpassword": PASSWORD, "password1": new, "password2": new})
    assert response.status_code == 302
    assert not SessionStore().exists(other_key)  # the row itself is gone, not merely refused
    assert signed_out(another_device)
    assert not signed_out(client)


def test_sign_out_all_other_devices(client, another_device, client_alice):
    another_device.force_login(client_alice)
    another_device.get("/")
    client.force_login(client_alice)
    page = client.get("/accounts/sessions/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Signed-in devices" in html and "This device" in html and 'class="skip-link"' in html  # our pages
    response = client.post("/accounts/sessions/")
    assert response.status_code == 302
    assert signed_out(another_device)
    assert not signed_out(client)
    assert UserSession.objects.filter(user=client_alice).count() == 1


def test_the_profile_links_to_the_signed_in_devices(client, client_alice):
    client.force_login(client_alice)
    assert 'href="/accounts/sessions/"' in client.get("/account/profile/").content.decode()


def test_every_signed_in_session_is_indexed_by_person(client, client_alice):
    client.force_login(client_alice)
    client.get("/", REMOTE_ADDR="198.51.100.7")
    session = UserSession.objects.get(user=client_alice)
    assert session.session_key == client.session.session_key and session.ip == "198.51.100.7"


def test_a_signed_in_session_the_index_lacks_is_indexed_on_its_next_request(client_alice):
    from django.test import Client

    browser = Client()  # Django's own force_login: signed in without allauth, so not indexed yet
    browser.force_login(client_alice)
    assert not UserSession.objects.filter(user=client_alice).exists()
    browser.get("/")
    assert UserSession.objects.get(user=client_alice).session_key == browser.session.session_key
