from trustrepair.core import jobs
from trustrepair.notifications import services


@jobs.every(minutes=1)
def deliver_pending_emails() -> int:
    """Send notice emails not sent when they were made, and take over claims abandoned by a dead worker."""
    return services.deliver_pending()
