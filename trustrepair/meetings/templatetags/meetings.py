"""`{% how_to_meet appointment %}`: on booking's appointment page, how the session meets (the client sees it
only once confirmed) and, for the therapist, a link to set it up (issue 14 item 3)."""

from django import template

register = template.Library()


@register.inclusion_tag("meetings/_how.html", takes_context=True)
def how_to_meet(context, appointment):
    from trustrepair.meetings import services

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "appointment": appointment,
        "way": services.way_for(appointment, user),
        "is_therapist": user.pk == appointment.therapist_id,
    }
