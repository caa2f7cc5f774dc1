"""The Django admin: behind a session that passed MFA, without authenticator secrets or clinical content."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, hotp_value
from django.contrib import admin
from django.utils import timezone

from conftest import TOTP_SECRET, make_user
from trustrepair.accounts.models import User

# Everything the operator may see in the admin. A clinical model (appointments, intakes, measures, notes,
# tool entries, risk events) or a place holding secrets (MFA authenticators, signed-in sessions) must never
# be added here: the operator sees "only what the Django admin shows, behind MFA, with no clinical content".
ALLOWED_IN_ADMIN = {
    "account.EmailAddress",
    "accounts.ConsentRecord",
    "accounts.User",
    "core.AuditEvent",
    "directory.Modality",
    "directory.Specialty",
}


def make_operator(email="olga@example.test", *, mfa=True):
    olga = make_user(email, User.Role.STAFF, name="Olga", mfa=mfa)
    olga.is_staff = olga.is_superuser = True
    olga.save(update_fields=["is_staff", "is_superuser"])
    return olga


def current_code() -> str:
    return f"{hotp_value(TOTP_SECRET, int(timezone.now().timestamp()) // 30):06d}"


def test_the_admin_registers_exactly_the_allowed_models():
    assert {model._meta.label for model in admin.site._registry} == ALLOWED_IN_ADMIN


@pytest.mark.django_db
def test_authenticator_secrets_never_appear_in_the_admin(client):
    client.force_login(make_operator())
    index = client.get("/admin/")
    assert index.status_code == 200
    assert "/admin/mfa/" not in index.content.decode()
    assert client.get("/admin/mfa/authenticator/").status_code == 404
    assert client.get("/admin/usersessions/usersession/").status_code == 404


@pytest.mark.django_db
def test_a_superuser_as_createsuperuser_leaves_them_is_sent_to_set_up_mfa(client):
    olga = User.objects.create_superuser(email="root@example.test", password="x-long-password-1")
    client.force_login(olga)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/totp/activate")
    assert client.get("/admin/accounts/user/").status_code == 302


@pytest.mark.django_db
def test_a_session_that_did_not_pass_mfa_must_give_a_code_before_the_admin_opens(client):
    olga = make_operator(mfa=False)
    client.force_login(olga)  # signed in with the password alone...
    TOTP.activate(olga, TOTP_SECRET)  # ...and MFA was turned on afterwards, elsewhere
    response = client.get("/admin/accounts/user/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/reauthenticate/")
    answered = client.post(response["Location"], {"code": current_code()})
    assert answered.status_code == 302 and answered["Location"] == "/admin/accounts/user/"
    assert client.get("/admin/accounts/user/").status_code == 200


@pytest.mark.django_db
def test_the_admin_login_page_does_not_offer_a_password_only_way_in(client):
    olga = make_operator(mfa=False)
    client.force_login(olga)
    TOTP.activate(olga, TOTP_SECRET)
    response = client.post("/admin/login/", {"username": olga.email, "password": "correct-horse-battery-7"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code != 200  # still asked for a code
