from django.core.management.base import BaseCommand

from trustrepair.directory import services


class Command(BaseCommand):
    help = "Recompute every listed therapist's next available time and weekly open hours. Idempotent; run nightly."

    def handle(self, *args, **options):
        count = services.refresh_next_available()
        self.stdout.write(f"Refreshed {count} therapist(s).")
