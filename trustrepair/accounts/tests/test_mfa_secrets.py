"""TOTP secrets and recovery-code seeds are encrypted at rest, rotate with the other keys, and old enrolments work."""

import json

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import hotp_value
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from conftest import PASSWORD, TOTP_SECRET, make_user
from trustrepair.accounts.models import User

PLAIN_SEED = "ab" * 40


def raw_data(authenticator) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT data FROM {Authenticator._meta.db_table} WHERE id = %s", [authenticator.pk])  # noqa: S608
        (value,) = cursor.fetchone()
    return value if isinstance(value, str) else json.dumps(value)


def current_code() -> str:
    return f"{hotp_value(TOTP_SECRET, int(timezone.now().timestamp()) // 30):06d}"


def sign_in_with_totp(client, user):
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    return client.post("/accounts/2fa/authenticate/", {"code": current_code()})


def test_the_totp_secret_is_not_stored_in_plain_text(therapist_tess):
    totp = Authenticator.objects.get(user=therapist_tess, type=Authenticator.Type.TOTP)
    assert TOTP_SECRET not in raw_data(totp)


def test_recovery_code_seeds_are_not_stored_in_plain_text(therapist_tess):
    from allauth.mfa.utils import decrypt

    codes = RecoveryCodes.activate(therapist_tess)
    assert len(codes.generate_codes()) == 10  # they still work
    assert decrypt(codes.instance.data["seed"]) not in raw_data(codes.instance)


def test_a_therapist_enrolled_before_encryption_still_signs_in_after_the_migration(client, db, settings):
    from trustrepair.accounts.mfa import encrypt_plaintext_secrets

    tess = make_user("old-tess@example.test", User.Role.THERAPIST, name="Tess")
    # enrolled by the earlier release, which stored both values in the clear
    Authenticator.objects.create(user=tess, type=Authenticator.Type.TOTP, data={"secret": TOTP_SECRET})
    old_codes = Authenticator.objects.create(
        user=tess, type=Authenticator.Type.RECOVERY_CODES, data={"seed": PLAIN_SEED, "used_mask": 0}
    )
    project_adapter = getattr(settings, "MFA_ADAPTER", "allauth.mfa.adapter.DefaultMFAAdapter")
    settings.MFA_ADAPTER = "allauth.mfa.adapter.DefaultMFAAdapter"  # the earlier release: no encryption
    codes_before = RecoveryCodes(old_codes).generate_codes()
    settings.MFA_ADAPTER = project_adapter
    encrypt_plaintext_secrets(Authenticator)
    encrypt_plaintext_secrets(Authenticator)  # a second run changes nothing
    assert TOTP_SECRET not in raw_data(Authenticator.objects.get(user=tess, type="totp"))
    assert PLAIN_SEED not in raw_data(old_codes)
    response = sign_in_with_totp(client, tess)
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(tess.pk)
    old_codes.refresh_from_db()
    assert RecoveryCodes(old_codes).generate_codes() == codes_before  # the codes printed back then still work


def test_rotating_keys_re_encrypts_mfa_secrets_too(settings, client, therapist_tess):
    old_keys = list(settings.FIELD_ENCRYPTION_KEYS)
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, *old_keys]
    call_command("rotate_encryption_keys", verbosity=0)
    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old keys are gone
    response = sign_in_with_totp(client, therapist_tess)
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(therapist_tess.pk)
