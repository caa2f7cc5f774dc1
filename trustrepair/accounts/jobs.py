from importlib import import_module

from django.conf import settings

from trustrepair.core import jobs


@jobs.every(minutes=60)
def clear_expired_sessions() -> str:
    """Delete sessions past their expiry (what `manage.py clearsessions` does)."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
    return "done"
