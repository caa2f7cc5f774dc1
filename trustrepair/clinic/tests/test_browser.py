"""Two browsers: the client shares questionnaires, the therapist sees them, the client stops sharing, and the
therapist's very next page shows nothing of them."""

import pytest
from django.conf import settings as django_settings

from conftest import axe_violations, signed_in_session_key
from trustrepair.clinic.tests.conftest import add_gad7

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def context_for(chromium, live_server, user):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1000, "height": 900})
    host = live_server.url.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": signed_in_session_key(user),
                "domain": host,
                "path": "/",
            }
        ]
    )
    return context


def test_share_see_revoke_and_the_next_page_shows_nothing(chromium, live_server, care, client_alice, therapist_tess):
    add_gad7(client_alice, [1, 1, 1, 1, 0, 1, 1], days_ago=14)
    add_gad7(client_alice, [2, 2, 2, 2, 2, 2, 2], days_ago=1)
    alice = context_for(chromium, live_server, client_alice).new_page()
    tess = context_for(chromium, live_server, therapist_tess).new_page()
    client_page = f"/care/clients/{care.public_id}/"

    tess.goto(client_page)
    assert tess.get_by_text("Nothing is shared.").is_visible()

    alice.goto(f"/care/with/{care.public_id}/")
    assert axe_violations(alice) == []
    alice.get_by_role("button", name="Share questionnaires and their history").click()
    assert alice.get_by_role("button", name="Stop sharing questionnaires and their history").is_visible()
    alice.get_by_role("link", name="Preview exactly what Tess sees").click()
    assert alice.get_by_role("heading", name="GAD-7").is_visible()

    tess.goto(client_page)
    assert tess.get_by_role("heading", name="GAD-7").is_visible()
    assert axe_violations(tess) == []
    tess.goto("/care/caseload/")
    assert tess.get_by_text("reliably worse").first.is_visible()

    alice.goto(f"/care/with/{care.public_id}/")
    alice.get_by_role("button", name="Stop sharing questionnaires and their history").click()
    assert alice.get_by_role("button", name="Share questionnaires and their history").is_visible()

    tess.goto(client_page)
    assert tess.get_by_text("Nothing is shared.").is_visible()
    assert "GAD-7" not in tess.content()
    tess.goto("/care/caseload/")
    assert "reliably worse" not in tess.content()
