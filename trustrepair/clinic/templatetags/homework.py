"""`{% homework_today %}`: the client's open homework as a card on Today (issue 14). Renders nothing when
the person has none, so Today looks as before for anyone not in care."""

from django import template

register = template.Library()


@register.inclusion_tag("clinic/homework/_today.html", takes_context=True)
def homework_today(context):
    from trustrepair.clinic import homework

    request = context.get("request")
    user = getattr(request, "user", None)
    items = homework.open_homework_for(user) if user is not None and user.is_authenticated else []
    return {"items": items, "csrf_token": context.get("csrf_token")}
