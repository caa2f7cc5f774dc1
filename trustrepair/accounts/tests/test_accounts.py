import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from trustrepair.accounts.models import ConsentRecord, User
from trustrepair.accounts.services import grant_consent, has_consent

SIGNUP = {
    "email": "new@example.test",
    "password1": "a-long-enough-passphrase",
    "password2": "a-long-enough-passphrase",
    "display_name": "Nia",
    "role": "client",
    "place": "GB",
    "time_zone": "Europe/London",
    "agree_terms": "on",
    "agree_health_data": "on",
    "adult": "on",
}


@pytest.mark.django_db
def test_sign_up_records_role_place_and_each_agreement_with_its_version(client):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="new@example.test")
    assert (user.role, user.country, user.subdivision, user.time_zone, user.display_name) == (
        "client",
        "GB",
        "",
        "Europe/London",
        "Nia",
    )
    assert {(c.kind, c.version) for c in user.consents.all()} == {("terms", "2026-11"), ("health_data", "2026-11")}
    # a verification email went out, and the address is not verified yet
    assert len(mail.outbox) == 1 and not EmailAddress.objects.get(user=user).verified


@pytest.mark.django_db
@pytest.mark.parametrize("missing", ["agree_terms", "agree_health_data", "role", "email"])
def test_sign_up_without_a_required_answer_says_which_and_keeps_the_rest(client, missing):
    data = {k: v for k, v in SIGNUP.items() if k != missing}
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{missing}_error"' in html
    assert 'value="Nia"' in html  # what was typed is still there
    assert not User.objects.filter(email="new@example.test").exists()


@pytest.mark.django_db
def test_staff_cannot_be_chosen_at_sign_up(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "role": "staff"})
    assert response.status_code == 200
    assert not User.objects.filter(email="new@example.test").exists()


def test_login_is_rate_limited_after_repeated_failures(client, client_alice):
    for _ in range(5):
        client.post("/accounts/login/", {"login": client_alice.email, "password": "wrong"})
    # even the right password is refused for a while now
    response = client.post("/accounts/login/", {"login": client_alice.email, "password": "correct-horse-battery-7"})
    assert "Too many attempts in a short time" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_profile_changes_time_zone_and_place(client, client_alice):
    client.force_login(client_alice)
    response = client.post(
        "/account/profile/",
        {
            "display_name": "Al",
            "time_zone": "Australia/Sydney",
            "place": "AU-NSW",
            "locale": "en",
            "contact": "neutral_email",
        },
    )
    assert response.status_code == 302
    client_alice.refresh_from_db()
    assert (client_alice.time_zone, client_alice.place, client_alice.display_name) == (
        "Australia/Sydney",
        "AU-NSW",
        "Al",
    )


def test_an_unknown_time_zone_is_refused_next_to_the_field(client, client_alice):
    client.force_login(client_alice)
    response = client.post("/account/profile/", {"time_zone": "Mars/Olympus", "place": "AU-NSW", "locale": "en"})
    assert response.status_code == 200
    assert 'id="id_time_zone_error"' in response.content.decode()


def test_withdrawing_consent_needs_the_password_again_and_then_takes_effect(reauthenticated, client_alice):
    client = reauthenticated(client_alice)
    response = client.post("/account/consents/health_data/revoke/")
    assert response.status_code == 302
    assert not has_consent(client_alice, "health_data")
    record = ConsentRecord.objects.get(user=client_alice, kind="health_data")
    assert record.revoked_at is not None  # the history is kept


def test_withdrawing_consent_without_reauthenticating_is_not_done(client, client_alice):
    client.force_login(client_alice)
    response = client.post("/account/consents/health_data/revoke/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert has_consent(client_alice, "health_data")


def test_agreeing_again_to_the_same_version_does_not_duplicate(client_alice):
    first = grant_consent(client_alice, kind="terms")
    assert grant_consent(client_alice, kind="terms") == first
    assert ConsentRecord.objects.filter(user=client_alice, kind="terms", revoked_at=None).count() == 1


def test_seed_demo_is_idempotent_and_hides_passwords_without_debug(db, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.DEBUG = False
    out = StringIO()
    call_command("seed_demo", stdout=out)
    after_first = User.objects.count()
    call_command("seed_demo", stdout=out)
    assert User.objects.count() == after_first  # a second run adds nobody
    for who in ("alice", "bob", "tess", "sam"):
        assert User.objects.filter(email=f"{who}@demo.trustrepair.test").exists()
    assert "demo-trust-2026" not in out.getvalue()
    # The demo client's Updates page is not empty: one notice read, one waiting (issue 9).
    from trustrepair.notifications.models import Notice

    alice = User.objects.get(email="alice@demo.trustrepair.test")
    assert Notice.objects.filter(user=alice).count() == 2
    assert Notice.objects.filter(user=alice, read_at__isnull=True).count() == 1


def test_a_therapist_with_mfa_must_give_a_code_after_the_password(client, therapist_tess):
    from allauth.mfa.totp.internal.auth import hotp_value
    from django.utils import timezone

    from conftest import TOTP_SECRET

    response = client.post("/accounts/login/", {"login": therapist_tess.email, "password": "correct-horse-battery-7"})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # not signed in on the password alone
    counter = int(timezone.now().timestamp()) // 30
    code = f"{hotp_value(TOTP_SECRET, counter):06d}"
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(therapist_tess.pk)


def test_seed_demo_creates_nobody_unless_local_or_debug(db, settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = False
    settings.LOCAL = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert not User.objects.filter(email__endswith="@demo.trustrepair.test").exists()
