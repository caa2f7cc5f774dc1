def updates(request):
    """The unread count in the navigation, read from the signed-in user's own row (no extra query)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_updates": user.unread_updates}
