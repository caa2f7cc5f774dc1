import time
import zoneinfo

from django.utils import timezone

from trustrepair.core.http import client_address


class UserTimezoneMiddleware:
    """Show every time in the signed-in person's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


INDEX_MARK = "trustrepair_session_indexed"  # [session key, when, address] in the session itself
INDEX_REFRESH_SECONDS = 300


class SessionIndexMiddleware:
    """Every signed-in session is listed under its person (allauth's usersessions), so that ending "all my
    other sessions" reaches every one of them on every worker and machine.

    allauth indexes a session when it signs someone in; this also indexes any signed-in session the index
    lacks (one from before usersessions was turned on, or a session whose key was cycled), and refreshes the
    address at once when it changes and "last active" every few minutes, rather than writing on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if user is not None and user.is_authenticated and session is not None and session.session_key:
            address = client_address(request)
            mark = session.get(INDEX_MARK)
            now = time.time()
            current = isinstance(mark, list) and len(mark) == 3 and mark[0] == session.session_key
            if address and not (current and mark[2] == address and now - mark[1] < INDEX_REFRESH_SECONDS):
                from allauth.usersessions.models import UserSession

                UserSession.objects.create_from_request(request)
                session[INDEX_MARK] = [session.session_key, now, address]
        return self.get_response(request)
