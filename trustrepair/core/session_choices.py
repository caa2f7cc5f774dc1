"""Choices that say something about a person's health (what brings them to therapy, which entries they
print) are posted and kept in their session, never put in an address: addresses land in access logs,
browser history and Referer headers. The page then redirects (POST-redirect-GET) and reads them back, so
refresh, back and pagination keep working and nothing typed is lost.

    session_choices.remember(request, "directory.find", request.POST, fields=MatchForm.base_fields)
    data = session_choices.recall(request, "directory.find")   # a QueryDict, or None
"""

from django.http import QueryDict

MAX_VALUES = 200  # a form here has at most a few dozen ticks; more is someone stuffing the session


def remember(request, key: str, data: QueryDict, *, fields) -> None:
    """Keep the posted values of `fields` (names) under `key` in the person's session."""
    names = set(fields)
    request.session[key] = {name: data.getlist(name)[:MAX_VALUES] for name in data if name in names}


def recall(request, key: str) -> QueryDict | None:
    stored = request.session.get(key)
    if not isinstance(stored, dict):
        return None
    data = QueryDict(mutable=True)
    for name, values in stored.items():
        data.setlist(name, [str(v) for v in values])
    return data


def initial_from(data: QueryDict | None, form_class) -> dict:
    """Initial values for an unbound form from remembered data (lists for multiple-choice fields)."""
    if data is None:
        return {}
    initial = {}
    for name, field in form_class.base_fields.items():
        if name in data:
            values = data.getlist(name)
            initial[name] = values if getattr(field.widget, "allow_multiple_selected", False) else values[-1]
    return initial
