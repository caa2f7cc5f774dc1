from django.urls import reverse


def dashboard_card(user) -> dict | None:
    """The home-page card for clients and partners: a way into the tools, with no counts to live up to."""
    if getattr(user, "role", None) not in ("client", "partner"):
        return None
    from trustrepair.exercises import selectors

    # Only the draft's address: its text is not shown here, so it is neither read nor decrypted.
    draft_id = selectors.journal_drafts_for(user).values_list("public_id", flat=True).first()
    if draft_id is not None:
        return {
            "title": "Tools",
            "text": "You have a journal entry you started. It is kept just as you left it.",
            "url": reverse("exercises:journal_entry_edit", args=[draft_id]),
            "link_text": "Carry on writing",
        }
    return {
        "title": "Tools",
        "text": "Thought records, a trigger log, your trust ladder, breathing and grounding: whatever helps today.",
        "url": reverse("exercises:index"),
        "link_text": "Open your tools",
    }
