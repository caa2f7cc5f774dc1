from django.db import migrations

INDEX = "directory_remote_coverage_codes"


def create(apps, schema_editor):
    """PostgreSQL only: a GIN index on the remote coverage codes, so an online match reads only the covered rows."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON directory_therapistprofile "
            "USING gin (string_to_array(remote_coverage, ','))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_match_in_database_licensed_areas_and_indexes")]

    operations = [migrations.RunPython(create, drop)]
