"""Scheduled work of the care team (core/jobs.py)."""

from trustrepair.core import jobs


@jobs.every(minutes=5)
def escalate_risk_alerts() -> int:
    """Unacknowledged alerts to the backup clinician, then the clinical lead, after the practice's times."""
    from trustrepair.clinic import services

    return services.escalate_alerts()


@jobs.every(minutes=15)
def send_homework_reminders() -> int:
    """A neutral reminder a day before homework is due (issue 14); the notice key makes it once only."""
    from trustrepair.clinic import homework

    return homework.send_reminders()
