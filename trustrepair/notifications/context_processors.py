from django.utils.functional import SimpleLazyObject


def updates(request):
    """The unread count in the navigation; counted only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from trustrepair.notifications import selectors

    return {"unread_updates": SimpleLazyObject(lambda: selectors.unread_count(user))}
