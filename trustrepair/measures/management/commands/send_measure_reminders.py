"""Email everyone whose planned check-in is due. Idempotent and safe to run on several machines at
once: each due time is claimed with a conditional UPDATE before its email is sent. Run it from cron,
e.g. every 15 minutes."""

from django.conf import settings
from django.core.management.base import BaseCommand

from trustrepair.measures import services


class Command(BaseCommand):
    help = "Send reminder emails for due check-ins (the email holds no clinical detail)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url", default=getattr(settings, "SITE_URL", ""), help="e.g. https://trustrepair.example"
        )

    def handle(self, *args, base_url="", **options):
        sent = services.send_due_reminders(base_url=base_url or "")
        self.stdout.write(f"Sent {sent} reminder(s).")
