"""Scheduled work of how sessions meet (core/jobs.py)."""

from trustrepair.core import jobs


@jobs.every(minutes=5)
def send_session_soon_reminders() -> int:
    """A neutral reminder two hours before a confirmed appointment that has a way to meet; once only."""
    from trustrepair.meetings import services

    return services.send_soon_reminders()
