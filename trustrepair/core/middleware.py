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
