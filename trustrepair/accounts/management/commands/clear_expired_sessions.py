from django.core.management.base import BaseCommand

from trustrepair.accounts.services import clear_expired_sessions


class Command(BaseCommand):
    help = (
        "Delete expired sessions, session-index rows whose session is gone, and expired database-cache rows. "
        "Idempotent; run it on a schedule (hourly is plenty)."
    )

    def handle(self, *args, **options):
        for what, count in clear_expired_sessions().items():
            self.stdout.write(f"{what}: {count}")
