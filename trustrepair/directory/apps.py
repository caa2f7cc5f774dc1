import hashlib

from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _md5(text):
    return None if text is None else hashlib.md5(str(text).encode()).hexdigest()  # noqa: S324 - an order, not a secret


def register_sqlite_functions(sender, connection, **kwargs):
    """SQLite has no md5(); matching orders equal scores by md5(seed:id) as PostgreSQL's built-in md5() does."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("MD5", 1, _md5, deterministic=True)


class DirectoryConfig(AppConfig):
    name = "trustrepair.directory"
    label = "directory"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.directory import services

        connection_created.connect(register_sqlite_functions, dispatch_uid="directory_sqlite_md5")
        privacy.register(
            "directory.therapist_profile",
            export=services.export_profile,
            erase=services.erase_profile,
            label="Your therapist listing",
            description="Your profile in the therapist directory.",
        )
