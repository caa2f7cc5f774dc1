"""`{% load booking %}{% booking_actions therapist_user %}`: the "request a free consultation" link for a
directory profile, shown only when that therapist takes bookings here."""

from django import template

from trustrepair.booking import selectors

register = template.Library()


@register.inclusion_tag("booking/_booking_actions.html", takes_context=True)
def booking_actions(context, therapist):
    user = context.get("user")
    return {
        "therapist": therapist,
        "is_bookable": therapist is not None and selectors.is_bookable(therapist),
        "can_book": user is not None and user.is_authenticated and user.role in ("client", "partner"),
        "is_signed_in": user is not None and user.is_authenticated,
    }
