from trustrepair.booking import services
from trustrepair.core import jobs


@jobs.every(minutes=5)
def send_booking_reminders() -> int:
    return services.send_due_reminders()
