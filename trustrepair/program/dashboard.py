from django.urls import reverse

from trustrepair.program import curriculum, pathway


def dashboard_card(user) -> dict | None:
    if getattr(user, "role", None) != "client":
        return None
    from trustrepair.program.selectors import completed_keys, enrolment_for

    enrolment = enrolment_for(user)
    if enrolment is None:
        return {
            "title": "A guided program",
            "text": "Four phases, short lessons and practice, at your own pace. Start wherever feels right.",
            "url": reverse("program:overview"),
            "link_text": "See the program",
        }
    phase = curriculum.phase(enrolment.current_phase) or curriculum.phases()[0]  # a renamed phase falls back
    step = pathway.next_step(curriculum.phases(), completed_keys(user), enrolment.current_phase)
    if step.kind == "lesson":
        text = f"Phase {phase.number}: {phase.title}. Next, whenever suits you: “{step.lesson.title}”."
    elif step.kind == "move_on":
        text = f"You've read every lesson in phase {phase.number}. Move on when it feels right; no hurry."
    else:
        text = "You've read every lesson. Keep practising with the tools at your own pace."
    return {"title": "Your program", "text": text, "url": reverse("program:today"), "link_text": "Today's step"}
