"""Scheduled work of therapy groups (core/jobs.py)."""

from trustrepair.core import jobs


@jobs.every(minutes=15)
def send_group_session_reminders() -> int:
    """Each member is reminded once, a day before a session; the notice key is the claim."""
    from trustrepair.groups import services

    return services.send_reminders()
