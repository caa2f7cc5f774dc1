from django.urls import reverse

from trustrepair.program import curriculum


def dashboard_card(user) -> dict | None:
    if getattr(user, "role", None) != "client":
        return None
    from trustrepair.program.selectors import enrolment_for

    enrolment = enrolment_for(user)
    if enrolment is None:
        return {
            "title": "A guided program",
            "text": "Four phases, short lessons and practice, at your own pace. Start wherever feels right.",
            "url": reverse("program:overview"),
            "link_text": "See the program",
        }
    phase = curriculum.phase(enrolment.current_phase)
    return {
        "title": "Your program",
        "text": f"You're in phase {phase.number}: {phase.title}. Your next step is waiting, with no rush.",
        "url": reverse("program:today"),
        "link_text": "Today's step",
    }
