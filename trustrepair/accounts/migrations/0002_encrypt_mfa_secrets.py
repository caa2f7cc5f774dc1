from django.db import migrations


def encrypt(apps, schema_editor):
    from trustrepair.accounts.mfa import encrypt_plaintext_secrets

    encrypt_plaintext_secrets(apps.get_model("mfa", "Authenticator"))


def decrypt(apps, schema_editor):
    from trustrepair.accounts.mfa import decrypt_to_plaintext

    decrypt_to_plaintext(apps.get_model("mfa", "Authenticator"))


class Migration(migrations.Migration):
    """TOTP secrets and recovery-code seeds were stored in the clear; encrypt them (see accounts/mfa.py)."""

    dependencies = [
        ("accounts", "0001_initial"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt, decrypt, elidable=False)]
