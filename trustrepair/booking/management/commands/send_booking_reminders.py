from django.core.management.base import BaseCommand

from trustrepair.booking.services import send_due_reminders


class Command(BaseCommand):
    help = (
        "Email a reminder for every confirmed appointment starting within 24 hours, exactly once. "
        "Safe to run from cron on several machines at once: each reminder is claimed by a conditional UPDATE."
    )

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"Sent {sent} booking reminder{'s' if sent != 1 else ''}.")
