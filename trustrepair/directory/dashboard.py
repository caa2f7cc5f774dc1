from django.urls import reverse


def dashboard_card(user) -> dict | None:
    from trustrepair.directory import selectors

    if user.role in ("client", "partner"):
        return {
            "title": "Find a therapist",
            "text": "Answer a few questions and see therapists who fit, with the reasons for each match.",
            "url": reverse("directory:find"),
            "link_text": "Find a therapist",
        }
    if user.role == "therapist":
        profile = selectors.own_profile(user)
        if profile is None:
            text = "You have no directory profile yet. Clients can't find you until you write one."
        elif profile.is_listed:
            text = "Your profile: listed in the directory."
        elif profile.status == profile.Status.AWAITING:
            text = "Your profile: awaiting verification by practice staff."
        elif profile.status == profile.Status.RETURNED:
            text = "Your profile: returned by staff with a note. Please take a look."
        else:
            text = "Your profile: not listed."
        return {
            "title": "Your directory profile",
            "text": text,
            "url": reverse("directory:my_profile"),
            "link_text": "Edit your profile",
        }
    if user.role == "staff":
        waiting = selectors.verification_queue().count()
        return {
            "title": "Therapist directory",
            "text": f"{waiting} profile{'s' if waiting != 1 else ''} awaiting verification.",
            "url": reverse("directory:staff_queue"),
            "link_text": "Open the verification queue",
        }
    return None
