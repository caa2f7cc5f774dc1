"""Walk our own URL patterns (not allauth's or the admin's): shared by the access and bad-input tests."""

from django.urls import URLPattern, URLResolver, get_resolver

# Third-party views we include whole. Each decides access itself; the reason is written here.
THIRD_PARTY_PREFIXES = {
    "accounts/": "django-allauth: sign-in, sign-up, reset and MFA; each of its views checks login itself",
    "admin/": "Django admin: staff only, in a session that passed MFA (core/admin_site.py); walked by admin_paths()",
}


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.callback


def own_views():
    for route, callback in walk(get_resolver().url_patterns):
        if any(route.startswith(prefix) for prefix in THIRD_PARTY_PREFIXES):
            continue
        yield route, callback


def parameterless_views():
    """Routes without URL parameters, as (path, access_rule); a view that signs the person out
    (quick exit) comes last, so that it does not sign out the walk's visitor before the other pages."""
    views = sorted(own_views(), key=lambda item: getattr(item[1], "ends_session", False))
    for route, callback in views:
        if "<" not in route and "(" not in route:
            yield "/" + route, callback.access_rule


def admin_paths():
    """The admin's own pages without URL parameters (index, each model's list and add page)."""
    for route, _callback in walk(get_resolver().url_patterns):
        if route.startswith("admin/") and "<" not in route and "(" not in route and "^" not in route:
            yield "/" + route
