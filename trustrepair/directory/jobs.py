from trustrepair.core import jobs
from trustrepair.directory import services


@jobs.every(minutes=60)
def refresh_next_available() -> int:
    """Hourly: each listed therapist's "next available" is recomputed once a day, and at once when it has passed."""
    return services.refresh_stale_next_available()
