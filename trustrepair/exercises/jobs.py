from trustrepair.core import jobs
from trustrepair.exercises import services


@jobs.every(minutes=5)
def send_practice_reminders() -> int:
    return services.send_practice_reminders()
