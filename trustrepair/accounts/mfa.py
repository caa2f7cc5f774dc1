"""TOTP secrets and recovery-code seeds, encrypted at rest with the project's field keys.

allauth keeps them in `Authenticator.data` (JSON) and passes each through the MFA adapter's
encrypt()/decrypt() hooks; ours uses core.fields (MultiFernet over FIELD_ENCRYPTION_KEYS). Values carry a
prefix so an unencrypted one is never mistaken for ciphertext: it is refused, not trusted, because a secret
written into the table in the clear (say by an injected query) must not become a working second factor.
The data migration `encrypt_mfa_secrets` encrypts what an earlier release stored in the clear.
"""

from collections.abc import Callable

from allauth.mfa.adapter import DefaultMFAAdapter
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from trustrepair.core import fields

PREFIX = "fernet:"
SECRET_VALUES = ("secret", "seed")  # a TOTP secret; a recovery-codes seed
SECRET_LISTS = ("migrated_codes",)  # recovery codes carried over from django-allauth-2fa, if any


NEUTRAL_TOTP_ISSUER = "Sign-in code"


class MFAAdapter(DefaultMFAAdapter):
    """Secrets encrypted at rest; and the authenticator app shows a neutral issuer to a person who asked
    for one in their profile (`discreet_mfa_issuer`)."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "add_email_blocked": "While two-step sign-in is on, email addresses can't be added here.",
        "cannot_delete_authenticator": "Your role sees other people's care, so two-step sign-in stays on.",
        "cannot_generate_recovery_codes": "Recovery codes come with sign-in codes. Set up two-step sign-in first.",
        "incorrect_code": "That code didn't work. Codes change every 30 seconds: please try the one showing now.",
        "unverified_email": "Please confirm your email address first; then you can set up two-step sign-in.",
    }

    def can_delete_authenticator(self, authenticator) -> bool:
        """Therapists and staff must use MFA (DESIGN), so their authenticator app cannot be turned off here."""
        from trustrepair.core.access import ROLES_THAT_NEED_MFA

        if authenticator.type == authenticator.Type.TOTP and authenticator.user.role in ROLES_THAT_NEED_MFA:
            return False
        return super().can_delete_authenticator(authenticator)

    def build_totp_url(self, user, secret: str) -> str:
        self._issuer_user = user
        try:
            return super().build_totp_url(user, secret)
        finally:
            self._issuer_user = None

    def get_totp_issuer(self) -> str:
        user = getattr(self, "_issuer_user", None)
        if user is not None and getattr(user, "discreet_mfa_issuer", False):
            return NEUTRAL_TOTP_ISSUER
        return super().get_totp_issuer()

    def encrypt(self, text: str) -> str:
        return PREFIX + fields.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(PREFIX):
            raise ImproperlyConfigured("An MFA secret is stored unencrypted: run `manage.py migrate`.")
        return fields.decrypt(encrypted_text.removeprefix(PREFIX))


def _map_secrets(data: dict, change: Callable[[str], str]) -> dict:
    changed = dict(data)
    for key in SECRET_VALUES:
        if isinstance(changed.get(key), str):
            changed[key] = change(changed[key])
    for key in SECRET_LISTS:
        if isinstance(changed.get(key), list):
            changed[key] = [change(v) if isinstance(v, str) else v for v in changed[key]]
    return changed


def _update_each(authenticator_model, change: Callable[[str], str]) -> int:
    count = 0
    for pk in authenticator_model.objects.order_by("pk").values_list("pk", flat=True):
        with transaction.atomic():
            # Locked, so a recovery code used meanwhile is not overwritten with the old data (or the reverse).
            row = authenticator_model.objects.select_for_update().filter(pk=pk).first()
            if row is None:
                continue
            data = _map_secrets(row.data, change)
            if data != row.data:
                row.data = data
                row.save(update_fields=["data"])
                count += 1
    return count


def encrypt_plaintext_secrets(authenticator_model) -> int:
    """Encrypt every secret an earlier release stored in the clear. Safe to re-run; returns rows changed."""
    return _update_each(authenticator_model, lambda v: v if v.startswith(PREFIX) else PREFIX + fields.encrypt(v))


def decrypt_to_plaintext(authenticator_model) -> int:
    """The migration's reverse: what the earlier release expects."""
    return _update_each(
        authenticator_model, lambda v: fields.decrypt(v.removeprefix(PREFIX)) if v.startswith(PREFIX) else v
    )


def rotate_secrets() -> int:
    """Re-encrypt every MFA secret with the newest key (part of `manage.py rotate_encryption_keys`)."""
    from allauth.mfa.models import Authenticator

    return _update_each(
        Authenticator, lambda v: PREFIX + fields.rotate(v.removeprefix(PREFIX)) if v.startswith(PREFIX) else v
    )
