from django.urls import reverse

from trustrepair.safety.selectors import safety_plan_for


def dashboard_card(user) -> dict | None:
    if getattr(user, "role", "") not in ("client", "partner"):
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
