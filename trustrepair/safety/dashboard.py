from django.urls import reverse

from trustrepair.safety import detection
from trustrepair.safety.selectors import safety_plan_for


def dashboard_card(user) -> dict | None:
    role = getattr(user, "role", "")
    if role == "staff":
        return screening_card()
    if role not in ("client", "partner"):
        return None
    plan = safety_plan_for(user)
    if plan is None or plan.is_empty:
        return {
            "title": "Your safety plan",
            "text": "A few notes, written on a calm day, for the hard ones: signs to watch for, what helps, "
            "who to call.",
            "url": reverse("safety:plan_edit"),
            "link_text": "Write your safety plan",
        }
    return {
        "title": "Your safety plan",
        "text": f"Last changed {plan.updated_at:%-d %B %Y}. Only you can see it.",
        "url": reverse("safety:plan"),
        "link_text": "Open your safety plan",
    }


def screening_card() -> dict:
    """Staff see whether crisis screening runs with its learned layer or on rules only (hazard log H1/H2)."""
    status = detection.model_status()
    text = f"Crisis screening: {status.label}."
    if not status.available:
        text += f" The learned layer could not be used ({status.problem}); rules still screen every save."
    return {
        "title": "Crisis screening",
        "text": text,
        "url": reverse("safety:crisis"),
        "link_text": "What people see when screening finds something",
    }
