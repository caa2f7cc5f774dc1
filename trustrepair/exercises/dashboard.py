from django.urls import reverse


def dashboard_card(user) -> dict | None:
    """The home-page card for clients and partners: a way into the tools, with no counts to live up to."""
    if getattr(user, "role", None) not in ("client", "partner"):
        return None
    from trustrepair.exercises import selectors

    draft = selectors.latest_journal_draft(user)
    if draft is not None:
        return {
            "title": "Tools",
            "text": "You have a journal entry you started. It is kept just as you left it.",
            "url": reverse("exercises:journal_entry_edit", args=[draft.public_id]),
            "link_text": "Carry on writing",
        }
    return {
        "title": "Tools",
        "text": "Thought records, a trigger log, your trust ladder, breathing and grounding: whatever helps today.",
        "url": reverse("exercises:index"),
        "link_text": "Open your tools",
    }
