from django.urls import reverse
from django.utils import timezone

from trustrepair.booking import selectors
from trustrepair.booking.slots import in_zone


def dashboard_card(user) -> dict | None:
    if user.role in ("client", "partner"):
        upcoming = selectors.upcoming_for_client(user).first()
        if upcoming is None:
            return None
        when = in_zone(upcoming.start, user.time_zone)
        return {
            "title": "Your next appointment",
            "text": (
                f"{when:%A %-d %B, %H:%M} with {upcoming.therapist_label} ({upcoming.get_status_display().lower()})."
            ),
            "url": reverse("booking:mine"),
            "link_text": "My appointments",
        }
    if user.role == "therapist":
        lists = selectors.appointments_of_therapist(user, now=timezone.now())
        waiting = lists["requests"].count()
        upcoming = lists["upcoming"].count()
        return {
            "title": "Appointments",
            "text": f"{waiting} request{'s' if waiting != 1 else ''} waiting for your answer; {upcoming} upcoming.",
            "url": reverse("booking:therapist_appointments"),
            "link_text": "Open appointments",
        }
    return None
