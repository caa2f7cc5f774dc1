import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from trustrepair.couples import services
from trustrepair.couples.models import Window

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(client_alice, partner_bob, couple):
    window, _ = services.propose_window(client_alice, couple=couple, question="Why did you go quiet?", minutes=10)
    services.answer_window(partner_bob, window, accept=True)
    services.mark_present(client_alice, window)
    window = services.mark_present(partner_bob, window)
    assert window.status == Window.Status.RUNNING
    return window


def test_a_rating_above_five_pauses_in_the_same_write(partner_bob, running):
    services.rate(partner_bob, running, value=7)
    running.refresh_from_db()
    assert running.status == Window.Status.PAUSED and running.pause_count == 1 and running.running_since is None


def test_five_does_not_pause(partner_bob, running):
    services.rate(partner_bob, running, value=5)
    running.refresh_from_db()
    assert running.status == Window.Status.RUNNING


def test_it_resumes_only_when_both_are_calm_and_both_choose_to(client_alice, partner_bob, running):
    services.rate(partner_bob, running, value=7)
    services.choose_continue(client_alice, running)
    with pytest.raises(services.CouplesError):
        services.choose_continue(partner_bob, running)  # Bob is still at 7
    running.refresh_from_db()
    assert running.status == Window.Status.PAUSED
    services.rate(partner_bob, running, value=4)
    running.refresh_from_db()
    assert running.status == Window.Status.PAUSED
    services.choose_continue(partner_bob, running)
    running.refresh_from_db()
    assert running.status == Window.Status.RUNNING


def test_paused_time_does_not_count(partner_bob, running):
    Window.objects.filter(pk=running.pk).update(running_since=timezone.now() - datetime.timedelta(seconds=60))
    running.refresh_from_db()
    services.rate(partner_bob, running, value=8)
    running.refresh_from_db()
    assert 59 <= running.elapsed() <= 62
    Window.objects.filter(pk=running.pk).update(version=running.version)  # an hour of pause changes nothing
    assert 59 <= running.elapsed(timezone.now() + datetime.timedelta(hours=1)) <= 62


def test_the_poll_reads_one_query_and_never_says_who_or_the_number(client, client_alice, partner_bob, running):
    services.rate(partner_bob, running, value=7)
    client.force_login(client_alice)
    url = f"/together/window/{running.public_id}/live/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    page = response.content.decode()
    assert "One of you needs a pause" in page
    assert "Bob" not in page and ">7<" not in page and 'value="7"' not in page
    ours = [q["sql"] for q in queries.captured_queries if "couples_window" in q["sql"]]
    assert len(ours) == 1, ours


def test_one_window_per_couple_per_day(client_alice, partner_bob, couple, running):
    services.end_window(client_alice, running)
    with pytest.raises(services.CouplesError):
        services.propose_window(partner_bob, couple=couple, question="Again?", minutes=10)


def test_minutes_must_be_between_5_and_20(client, client_alice, couple):
    client.force_login(client_alice)
    response = client.post("/together/window/new/", {"question": "Q?", "minutes": "30"})
    assert response.status_code == 200 and "less than or equal to 20" in response.content.decode()


def test_the_summary_shows_ratings_only_if_shared(client, client_alice, partner_bob, running):
    services.rate(partner_bob, running, value=7)
    services.rate(partner_bob, running, value=3)
    services.end_window(client_alice, running)
    client.force_login(client_alice)
    page = client.get(running.get_absolute_url()).content.decode()
    assert "My partner's ratings" not in page
    part = running.parts.get(owner=partner_bob)
    services.save_reflection(partner_bob, part, reflection="I learned a lot", sharing="partner", ratings_shared=True)
    page = client.get(running.get_absolute_url()).content.decode()
    assert "My partner's ratings" in page and "I learned a lot" in page
    services.set_sharing(part, sharing="private", ratings_shared=False)  # revoked: gone on the next request
    page = client.get(running.get_absolute_url()).content.decode()
    assert "My partner's ratings" not in page and "I learned a lot" not in page


def test_a_danger_from_others_finding_holds_a_reflection_back(client, client_alice, partner_bob, running):
    services.end_window(client_alice, running)
    part = running.parts.get(owner=partner_bob)
    held = services.save_reflection(
        partner_bob, part, reflection="He hits me when he is angry and I am scared to go home", sharing="partner",
        ratings_shared=False,
    )  # fmt: skip
    assert held
    client.force_login(client_alice)
    assert "scared to go home" not in client.get(running.get_absolute_url()).content.decode()


def test_an_htmx_rating_answers_with_the_live_fragment(client, partner_bob, running):
    client.force_login(partner_bob)
    response = client.post(
        f"/together/window/{running.public_id}/rate/", {"value": "8"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "One of you needs a pause" in response.content.decode()
    assert "<html" not in response.content.decode()
