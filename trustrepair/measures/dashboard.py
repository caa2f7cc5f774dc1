from django.urls import reverse

from trustrepair.measures import registry, selectors


def dashboard_card(user) -> dict | None:
    if not user.is_authenticated or user.role not in {"client", "partner"}:
        return None
    due = selectors.due_schedules(user)
    if due:
        names = [i.short_title for s in due if (i := registry.get(s.instrument_id))]
        return {
            "title": "A check-in is due",
            "text": f"{', '.join(names)} {'is' if len(names) == 1 else 'are'} ready when you are. "
            "It takes a few minutes.",
            "url": reverse("measures:take", args=[due[0].instrument_id]),
            "link_text": f"Take {names[0]}" if names else "Open check-ins",
        }
    if not selectors.has_taken(user, "trust_signs"):
        return {
            "title": "Take the trust self-check",
            "text": "Thirteen short statements that help you notice how trust shows up for you. "
            "Educational, not a diagnosis.",
            "url": reverse("measures:take", args=["trust_signs"]),
            "link_text": "Start the self-check",
        }
    return {
        "title": "Your check-ins",
        "text": "See how your answers have changed over time, and your trust profile.",
        "url": reverse("measures:index"),
        "link_text": "Open check-ins",
    }
