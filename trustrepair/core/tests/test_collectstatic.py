"""Production static files (issue 11): collectstatic with the production storage (whitenoise's compressed
manifest), then the main pages render for every role. A template naming a missing asset, or a stylesheet whose
url() points nowhere, fails here and not in production."""

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.urls import reverse

PAGES = {
    "anonymous": [
        "core:home",
        "learn:index",
        "directory:list",
        "account_login",
        "account_signup",
        "core:styleguide",
        "safety:crisis",
    ],
    "client": [
        "core:home",
        "program:overview",
        "exercises:index",
        "program:insights",
        "measures:index",
        "core:my_data",
        "directory:find",
        "booking:mine",
        "notifications:updates",
        "accounts:profile",
    ],
    "therapist": ["core:home", "booking:therapist_appointments", "directory:my_profile", "booking:availability"],
    "staff": ["core:home", "directory:staff_queue", "directory:staff_therapists"],
}


@pytest.fixture
def production_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


@pytest.mark.django_db
def test_main_pages_render_after_collectstatic_with_the_production_storage(production_static, client, cast):
    assert type(staticfiles_storage._wrapped).__name__ == "CompressedManifestStaticFilesStorage"
    assert (production_static / "staticfiles.json").exists()
    assert staticfiles_storage.url("core/tokens.css") != "/static/core/tokens.css"  # hashed name
    for role, names in PAGES.items():
        client.logout()
        if cast[role] is not None:
            client.force_login(cast[role])
        for name in names:
            response = client.get(reverse(name), follow=True)
            assert response.status_code == 200, (role, name)
            html = response.content.decode()
            assert "core/tokens." in html and ".css" in html
    # and a template naming an asset that is not there fails loudly (one collectstatic run serves both checks)
    from django.template import Context, Template

    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        Template("{% load static %}{% static 'core/no-such-file.css' %}").render(Context())
