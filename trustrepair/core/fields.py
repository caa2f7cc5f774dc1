"""Encrypted text at rest: MultiFernet over settings.FIELD_ENCRYPTION_KEYS (newest first)."""

from collections.abc import Callable
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@cache
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "An encrypted value could not be read with any key in FIELD_ENCRYPTION_KEYS."
        ) from exc


def rotate(token: str) -> str:
    return fernet().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Text that is encrypted before it reaches the database. It cannot be searched or indexed."""

    description = "Text encrypted at rest"

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return None
        return encrypt(str(value))

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return decrypt(value)

    def get_lookup(self, lookup_name):
        if lookup_name not in {"isnull"}:
            return None  # ciphertext cannot be compared; filtering on it would silently be wrong
        return super().get_lookup(lookup_name)


def encrypted_fields(model) -> list[EncryptedTextField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


# Encrypted values kept outside an EncryptedTextField (for example allauth's MFA secrets in a JSON column):
# the app that owns them registers a function that re-encrypts them all and returns how many rows changed.
_other_rotations: dict[str, Callable[[], int]] = {}


def register_rotation(label: str, rotate_all: Callable[[], int]) -> None:
    _other_rotations[label] = rotate_all


def other_rotations() -> list[tuple[str, Callable[[], int]]]:
    return sorted(_other_rotations.items())
