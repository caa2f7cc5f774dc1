"""Every view declares who may see it; a view without a rule fails here."""

from django.urls import URLPattern, URLResolver, get_resolver

# Third-party views we include whole. Each decides access itself; the reason is written here.
THIRD_PARTY_PREFIXES = {
    "accounts/": "django-allauth: sign-in, sign-up, reset and MFA; each of its views checks login itself",
    "admin/": "Django admin: staff only, signed in through allauth (MFA) by secure_admin_login",
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


def test_every_view_declares_its_access_rule():
    missing = [route for route, callback in own_views() if not getattr(callback, "access_rule", None)]
    assert missing == [], f"views without @public, @login_required or a role decorator: {missing}"


def test_the_walk_finds_our_views():
    routes = {route for route, _ in own_views()}
    assert {"", "learn/", "account/data/", "help/crisis/"} <= routes
