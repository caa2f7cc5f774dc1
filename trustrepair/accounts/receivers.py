"""allauth's events that change what a person's other sessions may do (connected in AccountsConfig.ready)."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator

from trustrepair.accounts import services


def _current_key(request) -> str | None:
    session = getattr(request, "session", None)
    return session.session_key if session is not None else None


def on_authenticator_added(sender, request, user, authenticator, **kwargs) -> None:
    """Turning MFA on ends every other session (each signed in without it); this one passed it just now."""
    if authenticator.type == Authenticator.Type.RECOVERY_CODES:
        return
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type, activated=True)
    services.end_other_sessions(user, keep_session_key=_current_key(request))


def on_password_changed(sender, request, user, **kwargs) -> None:
    """A new password ends every other session (Django would refuse them; this also deletes them)."""
    services.end_other_sessions(user, keep_session_key=_current_key(request))


def on_password_reset(sender, request, user, **kwargs) -> None:
    """A password reset from an email link: whoever had the old password is signed out everywhere."""
    services.end_other_sessions(user, keep_session_key=None)
