"""Quick exit signs out (by beacon or by plain link); signed-in pages are never cached."""

import pytest
from django.test import Client
from django.urls import reverse

from trustrepair.core.tests.urlwalk import parameterless_views

pytestmark = pytest.mark.django_db


def test_the_quick_exit_link_signs_out_and_leaves_for_the_neutral_site(client, client_alice, settings):
    settings.QUICK_EXIT_URL = "http://127.0.0.1:9/weather"
    client.force_login(client_alice)
    response = client.get(reverse("core:quick_exit"))
    assert response.status_code == 302 and response["Location"] == "http://127.0.0.1:9/weather"
    assert "no-store" in response["Cache-Control"]
    assert "_auth_user_id" not in client.session


def test_the_beacon_signs_out_with_the_csrf_token_and_not_without(client_alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(client_alice)
    page = browser.get(reverse("accounts:profile")).content.decode()
    token = page.split('data-csrf="', 1)[1].split('"', 1)[0]
    assert browser.post(reverse("core:quick_exit")).status_code == 403  # no token: refused
    assert "_auth_user_id" in browser.session
    assert browser.post(reverse("core:quick_exit"), {"csrfmiddlewaretoken": token}).status_code == 204
    assert "_auth_user_id" not in browser.session


def test_every_page_carries_the_quick_exit_link_and_the_neutral_address(client, settings):
    settings.QUICK_EXIT_URL = "http://127.0.0.1:9/weather"
    page = client.get("/").content.decode()
    assert f'href="{reverse("core:quick_exit")}"' in page and 'data-neutral="http://127.0.0.1:9/weather"' in page


def test_every_signed_in_page_is_sent_with_no_store(client, client_alice):
    client.force_login(client_alice)
    checked = 0
    for path, _rule in parameterless_views():
        if path == reverse("core:quick_exit"):
            continue
        response = client.get(path)
        assert "no-store" in response.get("Cache-Control", ""), path
        checked += 1
    assert checked > 20


def test_a_view_cannot_make_a_signed_in_page_cacheable(rf, client_alice):
    from django.http import HttpResponse

    from trustrepair.core.middleware import PrivateByDefaultMiddleware

    def view(request):
        response = HttpResponse("private")
        response["Cache-Control"] = "public, max-age=600"
        return response

    request = rf.get("/")
    request.user = client_alice
    assert PrivateByDefaultMiddleware(view)(request)["Cache-Control"] == "no-store, private"


def test_signed_in_pages_mark_the_body_so_they_reload_from_the_back_forward_cache(client, client_alice):
    assert "data-signed-in" not in client.get("/").content.decode()
    client.force_login(client_alice)
    assert "<body" in (page := client.get("/").content.decode()) and "data-signed-in" in page
