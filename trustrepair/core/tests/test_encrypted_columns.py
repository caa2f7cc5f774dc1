"""The raw database column of every encrypted field holds ciphertext, never the words a person wrote.

The demo data writes into every app's encrypted fields; this test reads the columns back with plain
SQL, past the ORM, and checks that no stored value contains its own plaintext.
"""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from trustrepair.core.fields import decrypt, encrypted_fields


@pytest.mark.django_db
def test_no_encrypted_column_holds_plaintext():
    call_command("seed_demo", verbosity=0)
    q = connection.ops.quote_name
    checked = 0
    for model in apps.get_models():
        for field in encrypted_fields(model):
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT {q(field.column)} FROM {q(model._meta.db_table)}")  # noqa: S608
                for (raw,) in cursor.fetchall():
                    if raw is None:
                        continue
                    plaintext = decrypt(raw)
                    if len(plaintext) >= 4:
                        assert plaintext not in raw, f"{model._meta.label}.{field.name} stores plaintext"
                        checked += 1
    models_with_fields = [m for m in apps.get_models() if encrypted_fields(m)]
    assert checked >= len(models_with_fields), "the demo data should write into every encrypted field's model"
