from django.conf import settings
from django.db import connection
from django.shortcuts import render

from trustrepair.accounts.sessions import person_with_session
from trustrepair.core.page_versions import version_with_person, watch_writes


class PrivateByDefaultMiddleware:
    """Pages shown to a signed-in person are never cached, by the browser or anything between.

    This also keeps them out of the back/forward cache, so after a quick exit or a sign-out the
    back button cannot bring a private page back from memory. It applies whatever the view set
    (a view's own Cache-Control cannot make a signed-in page cacheable), and also to the response
    that signs a person out. Pages that a browser restores from its back/forward cache anyway reload
    themselves (site.js, "pageshow").
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        was_signed_in = user is not None and user.is_authenticated
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if was_signed_in or (user is not None and user.is_authenticated):
            response["Cache-Control"] = "no-store, private"
        if not response.has_header("Permissions-Policy"):
            response["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        return response


class RequestBodyLimitMiddleware:
    """Refuse a request whose declared body is over REQUEST_BODY_MAX_BYTES before anything reads it.

    Django reads no more than CONTENT_LENGTH bytes (a body without one is read as empty), so the declared
    length is the whole story here; the proxy in front enforces the same limit on the wire (README).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads such a body as empty
        if length > settings.REQUEST_BODY_MAX_BYTES:
            limit_mb = settings.REQUEST_BODY_MAX_BYTES // (1024 * 1024)
            return render(request, "413.html", {"limit_mb": limit_mb}, status=413)
        return self.get_response(request)


class PageVersionMiddleware:
    """A signed-in person's writes move their page version (and their connected people's) whichever way the
    write was made, so no cached page outlives a change (`core.page_versions`, `core.page_cache`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        # The person is loaded here, first, in the statement that reads the session (`accounts.sessions`); on a
        # plain GET, whose page may be kept, with their page version.
        with (
            version_with_person(request.method == "GET" and "HTTP_HX_REQUEST" not in request.META),
            person_with_session(),
        ):
            signed_in = user is not None and user.is_authenticated
        if not signed_in:
            return self.get_response(request)
        with watch_writes(user.pk) as watch, connection.execute_wrapper(watch):
            return self.get_response(request)
