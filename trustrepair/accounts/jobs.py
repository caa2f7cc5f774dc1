from trustrepair.accounts import services
from trustrepair.core import jobs


@jobs.every(minutes=60)
def clear_expired_sessions() -> dict[str, int]:
    """Expired sessions, their index rows and expired rate-limit cache rows (accounts.services)."""
    return services.clear_expired_sessions()
