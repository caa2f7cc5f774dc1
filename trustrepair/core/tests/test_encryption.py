import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from trustrepair.core import fields


def test_ciphertext_never_contains_the_plaintext_and_reads_back():
    secret = "I checked his phone again last night"
    token = fields.encrypt(secret)
    assert secret not in token and "phone" not in token
    assert fields.decrypt(token) == secret


def test_two_encryptions_of_the_same_text_differ():
    assert fields.encrypt("same") != fields.encrypt("same")


def test_rotation_moves_text_to_the_newest_key_and_old_keys_can_then_be_dropped(settings):
    old_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old_key]
    token = fields.encrypt("kept safe")
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    rotated = fields.rotate(token)
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    assert fields.decrypt(rotated) == "kept safe"
    with pytest.raises(ImproperlyConfigured):
        fields.decrypt(token)


def test_encrypted_fields_cannot_be_filtered_on_by_mistake():
    field = fields.EncryptedTextField()
    assert field.get_lookup("icontains") is None
    assert field.get_lookup("exact") is None
