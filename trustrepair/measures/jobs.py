from trustrepair.core import jobs
from trustrepair.measures import services


@jobs.every(minutes=1)
def send_measure_reminders() -> int:
    return services.send_due_reminders()
