"""Puts the crisis panel and a waiting gentle question (or nothing) into every page's context.

base.html includes safety/_panel.html first in <main>; htmx fragments that save text include
safety/_inline_help.html. Lazy: the queries run only when a template reads `safety_help`, and reading it
marks what it shows as shown (so a panel folds after it has been seen, and an autosave never repeats it).
"""

from django.utils.functional import SimpleLazyObject

from trustrepair.accounts.backends import request_state
from trustrepair.safety.services import Help, help_to_show


def crisis_panel(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"safety_help": Help()}
    if request.method in ("GET", "HEAD") and _nothing_open(user):
        # Read with the person at the start of this request (accounts/backends.py). Only for GET: a POST may
        # record a risk event after the person was loaded, and its response must show the panel.
        return {"safety_help": Help()}
    return {"safety_help": SimpleLazyObject(lambda: help_to_show(user))}


def _nothing_open(user) -> bool:
    return request_state(user, "has_open_risk_events") is False and request_state(user, "has_waiting_question") is False
