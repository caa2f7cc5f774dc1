"""Remind everyone whose planned check-in is due (the worker runs this every minute; see core/jobs.py).
Idempotent and safe to run on several machines at once: each due time is claimed with a conditional
UPDATE before its reminder is made."""

from django.core.management.base import BaseCommand

from trustrepair.measures import services


class Command(BaseCommand):
    help = "Send reminders for due check-ins to people who agreed to reminders (no clinical detail)."

    def handle(self, *args, **options):
        sent = services.send_due_reminders()
        self.stdout.write(f"Sent {sent} reminder(s).")
