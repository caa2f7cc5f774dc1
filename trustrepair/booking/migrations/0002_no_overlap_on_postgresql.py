"""On PostgreSQL, forbid overlapping active appointments for one therapist at the database level.

An exclusion constraint over [start, blocks_until) (blocks_until = end + the therapist's buffer) needs the
btree_gist extension for the `therapist_id WITH =` part. Other databases (SQLite) rely on the unique
constraint on (therapist, start) plus the schedule-row lock in services.book_appointment.
It is not in Meta.constraints because SQLite cannot express it; the model state is unchanged.
"""

from django.db import migrations

CONSTRAINT = "booking_no_overlapping_active_appointments"


def add_exclusion(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        f"ALTER TABLE booking_appointment ADD CONSTRAINT {CONSTRAINT} EXCLUDE USING gist "
        "(therapist_id WITH =, tstzrange(start, blocks_until, '[)') WITH &&) "
        "WHERE (status IN ('requested', 'confirmed'))"
    )


def drop_exclusion(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE booking_appointment DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("booking", "0001_initial")]

    operations = [migrations.RunPython(add_exclusion, drop_exclusion, elidable=False)]
