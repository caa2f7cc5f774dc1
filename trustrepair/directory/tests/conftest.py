import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The cast's passwords need not resist brute force in tests; hashing them properly costs seconds each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
