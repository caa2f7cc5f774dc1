from django.shortcuts import render

from trustrepair.core.access import login_required
from trustrepair.notifications import selectors, services


@login_required
def updates(request):
    """Everything the product has told this person, newest first. Opening the list marks it read."""
    notices = selectors.notices_for(request.user)
    unread = {n.pk for n in notices if n.read_at is None}
    if unread:
        services.mark_read(request.user)
    return render(request, "notifications/updates.html", {"notices": notices, "unread": unread})
