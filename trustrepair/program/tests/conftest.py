import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The cast's accounts are made with a password; the production hasher takes most of a second each.
    Tests of the tools do not test hashing, so they use a fast one (set before the cast is created)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
