"""The safety gate leaks nothing: B's "Sometimes" closes the space, and A sees exactly the unfinished-setup
page on every couples URL (polls included); B's shared items vanish for A; nothing of B's answers reaches A."""

import datetime
import json

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from trustrepair.core import privacy
from trustrepair.couples import services
from trustrepair.couples.models import Membership, Window
from trustrepair.couples.tests.helpers import CLEAR, link, page_text
from trustrepair.notifications.models import Notice

pytestmark = pytest.mark.django_db


def every_couples_url(couple, window, rupture):
    w, r = window.public_id, rupture.public_id
    gets = [
        "/together/",
        "/together/window/new/",
        f"/together/window/{w}/",
        f"/together/window/{w}/live/",
        "/together/repair/",
        "/together/repair/new/",
        f"/together/repair/{r}/",
        "/together/check-in/",
    ]
    posts = [
        f"/together/window/{w}/rate/",
        f"/together/window/{w}/continue/",
        f"/together/window/{w}/end/",
        f"/together/window/{w}/present/",
        f"/together/window/{w}/reflection/",
        f"/together/repair/{r}/repaired/",
        "/together/repair/cycle/",
    ]
    return gets, posts


@pytest.fixture
def shared_things(client_alice, partner_bob, couple):
    window, _ = services.propose_window(partner_bob, couple=couple, question="What happened on Friday?", minutes=10)
    services.answer_window(client_alice, window, accept=True)
    services.mark_present(client_alice, window)
    services.mark_present(partner_bob, window)
    rupture, _ = services.log_rupture(
        partner_bob, couple=couple, sharing="partner", felt="I felt shut out by the locked door", what_happened="x"
    )
    services.save_check_in(
        partner_bob, couple=couple, sharing="partner", safe=2, connected=3, trusting=4,
        appreciation="the walk", need="patience",
    )  # fmt: skip
    services.save_check_in(client_alice, couple=couple, sharing="partner", safe=7, connected=7, trusting=7)
    return window, rupture


def waiting_page(client):
    """What A sees before B has ever finished setup, for comparison."""
    return page_text(client.get("/together/"))


def test_b_sometimes_closes_the_space_and_a_sees_exactly_the_unfinished_setup_page_everywhere(
    client, client_alice, partner_bob, stranger_eve, therapist_tess
):
    # The unfinished-setup page: Eve invited Alice-like A... simplest: Alice linked, her screen done, Bob's not.
    couple = link(client_alice, partner_bob)
    services.record_screen(client_alice, answers=CLEAR)
    client.force_login(client_alice)
    unfinished = page_text(client.get("/together/"))
    assert "Waiting for your partner" in unfinished
    # Setup completes and things are shared…
    services.record_screen(partner_bob, answers=CLEAR)
    couple.refresh_from_db()
    window, _ = services.propose_window(partner_bob, couple=couple, question="What happened on Friday?", minutes=10)
    rupture, _ = services.log_rupture(partner_bob, couple=couple, sharing="partner", felt="I felt shut out")
    assert "I felt shut out" in client.get(rupture.get_absolute_url()).content.decode()
    notices_before = Notice.objects.filter(user=client_alice).count()
    mail.outbox.clear()
    # …then B answers "Sometimes" on the 30-day screen.
    services.record_screen(partner_bob, answers={**CLEAR, "controlled": "sometimes"})
    gets, posts = every_couples_url(couple, window, rupture)
    for url in gets:
        response = client.get(url)
        assert response.status_code == 200, url
        assert page_text(response) == unfinished, url
    for url in posts:
        response = client.post(url, {"value": "9", "sharing": "private", "moves": ["pursue"]})
        assert response.status_code == 200, url
        assert page_text(response) == unfinished, url
    # No notification, no email.
    assert Notice.objects.filter(user=client_alice).count() == notices_before
    assert mail.outbox == []
    # Nothing of B's answers in A's export.
    exported = json.dumps(privacy.export_user_data(client_alice), default=str)
    assert "sometimes" not in exported.lower() and "controlled" not in exported


def test_an_expired_screen_of_b_looks_the_same_to_a(client, client_alice, partner_bob, couple):
    client.force_login(client_alice)
    Membership.objects.filter(user=partner_bob).update(screened_at=None)
    services._refresh_open_until(couple)
    unfinished = page_text(client.get("/together/"))
    services.record_screen(partner_bob, answers=CLEAR)
    services.close_space(partner_bob)  # "I don't feel safe"
    assert page_text(client.get("/together/")) == unfinished


def test_the_closer_sees_help_lines_quick_exit_and_sign_out_everywhere(client, client_alice, partner_bob, couple):
    services.record_screen(partner_bob, answers={**CLEAR, "afraid": "prefer_not"})
    client.force_login(partner_bob)
    page = client.get("/together/repair/").content.decode()
    assert "tel:" in page and "Quick exit" in page
    assert reverse("couples:sign_out_others") in page
    assert "specialist" in page
    assert "I don't feel safe" in page


def test_only_the_closer_can_reopen_after_a_fresh_clear_screen(client, client_alice, partner_bob, couple):
    services.close_space(partner_bob)
    services.record_screen(client_alice, answers=CLEAR)  # A's own screen cannot reopen B's closure
    couple.refresh_from_db()
    assert not couple.is_open()
    services.record_screen(partner_bob, answers=CLEAR)
    couple.refresh_from_db()
    assert couple.is_open()


def test_i_dont_feel_safe_is_one_tap_on_every_couples_page(client, client_alice, partner_bob, couple):
    client.force_login(client_alice)
    for url in ["/together/", "/together/repair/", "/together/check-in/", "/together/my-space/"]:
        assert reverse("couples:unsafe") in client.get(url).content.decode(), url
    client.post(reverse("couples:unsafe"))
    couple.refresh_from_db()
    assert not couple.is_open()


def test_the_screen_repeats_every_30_days(client, client_alice, partner_bob, couple):
    client.force_login(client_alice)
    assert "Your shared space" in client.get("/together/").content.decode()
    Membership.objects.filter(user=client_alice).update(
        screened_at=timezone.now() - datetime.timedelta(days=30, minutes=1)
    )
    services._refresh_open_until(couple)  # as if 30 days had passed since Alice's screen
    page = client.get("/together/").content.decode()
    assert "Before anything is shared" in page
    client.force_login(partner_bob)
    assert "Waiting for your partner" in client.get("/together/").content.decode()
    services.record_screen(client_alice, answers=CLEAR)
    assert "Waiting for your partner" not in client.get("/together/").content.decode()


def test_closing_ends_a_running_window(client_alice, partner_bob, couple):
    window, _ = services.propose_window(client_alice, couple=couple, question="Q?", minutes=10)
    services.answer_window(partner_bob, window, accept=True)
    services.mark_present(client_alice, window)
    services.mark_present(partner_bob, window)
    services.close_space(partner_bob)
    window.refresh_from_db()
    assert window.status == Window.Status.ENDED


def test_a_missing_answer_on_the_screen_is_an_error_next_to_the_item(client, client_alice, partner_bob):
    link(client_alice, partner_bob)
    client.force_login(client_alice)
    response = client.post("/together/screen/", {"hurt": "never"})
    assert response.status_code == 200
    assert "Please choose an answer." in response.content.decode()


def test_the_gate_answers_are_stored_nowhere(client_alice, partner_bob, couple):
    from django.db import connection

    services.record_screen(partner_bob, answers={**CLEAR, "forced": "often", "hurt": "prefer_not"})
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("couples_"):
                cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table names
                stored = " ".join(str(v) for row in cursor.fetchall() for v in row).lower()
                assert "often" not in stored and "prefer_not" not in stored, table
