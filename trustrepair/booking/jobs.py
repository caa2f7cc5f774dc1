from trustrepair.booking import services
from trustrepair.core import jobs


@jobs.every(minutes=5)
def send_booking_reminders() -> int:
    return services.send_due_reminders()


@jobs.every(minutes=60)
def purge_expired_booking_records() -> int:
    """Restricted appointments of erased accounts, once the retention period has passed (DESIGN's records)."""
    return services.purge_expired_records()
