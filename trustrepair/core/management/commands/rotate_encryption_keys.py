from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from trustrepair.core.fields import encrypted_fields, other_rotations, rotate


class Command(BaseCommand):
    help = "Re-encrypt every encrypted field with the newest key in FIELD_ENCRYPTION_KEYS. Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        total = 0
        for model in apps.get_models():
            fields = encrypted_fields(model)
            if fields:
                count = rotate_model(model, [f.column for f in fields], batch_size)
                total += count
                self.stdout.write(f"{model._meta.label}: {count} rows re-encrypted")
        for label, rotate_all in other_rotations():
            count = rotate_all()
            total += count
            self.stdout.write(f"{label}: {count} rows re-encrypted")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} rows re-encrypted with the newest key."))


def rotate_model(model, columns: list[str], batch_size: int) -> int:
    """Rotate raw ciphertext in keyset-paged batches, one transaction per batch."""
    q = connection.ops.quote_name
    table, pk = q(model._meta.db_table), q(model._meta.pk.column)
    select = f"SELECT {pk}, {', '.join(q(c) for c in columns)} FROM {table} WHERE {pk} > %s ORDER BY {pk} LIMIT %s"
    count, last = 0, 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(select, [last, batch_size])
            rows = cursor.fetchall()
            for pk_value, *tokens in rows:
                updates = {c: rotate(t) for c, t in zip(columns, tokens, strict=True) if t is not None}
                if updates:
                    sets = ", ".join(f"{q(c)} = %s" for c in updates)
                    cursor.execute(f"UPDATE {table} SET {sets} WHERE {pk} = %s", [*updates.values(), pk_value])
                    count += 1
        if len(rows) < batch_size:
            return count
        last = rows[-1][0]
