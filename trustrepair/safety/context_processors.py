"""Puts the crisis panel (or nothing) into every page's context; base.html includes it first in <main>.

Lazy: the query runs only when a page that extends base.html renders the include.
"""

from django.utils.functional import SimpleLazyObject

from trustrepair.safety.selectors import panel_for


def crisis_panel(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"crisis_panel": None}
    return {"crisis_panel": SimpleLazyObject(lambda: panel_for(user))}
