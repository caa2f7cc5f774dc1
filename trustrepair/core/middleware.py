class PrivateByDefaultMiddleware:
    """Pages shown to a signed-in person are never cached, by the browser or anything between.

    This also keeps them out of the back/forward cache, so after a quick exit or a sign-out the
    back button cannot bring a private page back from memory.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store, private"
        if not response.has_header("Permissions-Policy"):
            response["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        return response
