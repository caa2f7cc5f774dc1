from django.core.management.base import BaseCommand

from trustrepair.booking.services import purge_expired_records


class Command(BaseCommand):
    help = (
        "Delete appointment records restricted by a client's erasure once the practice's retention period "
        "(CLINICAL_RETENTION_YEARS, default 7) has ended. Idempotent: safe to run daily on several machines."
    )

    def handle(self, *args, **options):
        deleted = purge_expired_records()
        self.stdout.write(f"Deleted {deleted} restricted appointment record{'s' if deleted != 1 else ''}.")
