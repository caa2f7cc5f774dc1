"""The signed-in person is loaded with the consent gate and crisis state in one query, read afresh on every
request (accounts/backends.py, issue 16)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from trustrepair.accounts import services
from trustrepair.accounts.backends import request_state, user_with_request_state
from trustrepair.safety import context_processors
from trustrepair.safety import services as safety

pytestmark = pytest.mark.django_db

RISK = "I want to kill myself tonight"


def test_the_person_comes_with_the_state_every_page_reads(client_alice):
    loaded = user_with_request_state(client_alice.pk)
    assert request_state(loaded, "has_health_data_consent") is True
    assert request_state(loaded, "has_open_risk_events") is False
    assert request_state(loaded, "has_waiting_question") is False
    assert request_state(client_alice, "has_health_data_consent") is None  # loaded another way: readers query


def test_a_page_costs_three_queries_fewer_and_withdrawn_consent_still_counts_on_the_next_request(
    client, client_alice, django_assert_max_num_queries
):
    client.force_login(client_alice)
    with django_assert_max_num_queries(3):  # session, person with state, the tools page's own
        assert client.get(reverse("exercises:index")).status_code == 200
    services.revoke_consent(client_alice, kind="health_data")
    response = client.get(reverse("exercises:index"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:consents")


def test_a_new_risk_event_shows_the_panel_on_the_next_request(client, client_alice):
    client.force_login(client_alice)
    assert client.get(reverse("learn:index")).context["safety_help"].panel is None
    safety.screen_text(client_alice, RISK, source="exercises.journal")
    assert client.get(reverse("learn:index")).context["safety_help"].panel is not None


def test_a_post_that_records_a_risk_event_shows_the_panel_in_its_own_response(client_alice):
    # The person was loaded before the POST recorded the event: the loaded state says nothing is open.
    request = RequestFactory().post("/")
    request.user = user_with_request_state(client_alice.pk)
    safety.screen_text(request.user, RISK, source="exercises.journal")
    assert context_processors.crisis_panel(request)["safety_help"].panel is not None
    request.method = "GET"  # a GET trusts what was loaded with the person
    assert context_processors.crisis_panel(request)["safety_help"].panel is None


def test_the_compiled_statement_loads_the_right_person_with_true_and_false_state(client_alice, therapist_tess):
    """The statement is compiled once per process (issue 16); each call binds its own id, and the state is a
    real True/False on every database (SQLite returns 1/0 for EXISTS)."""
    alice = user_with_request_state(str(client_alice.pk))  # the session holds the id as text
    tess = user_with_request_state(therapist_tess.pk)
    assert (alice.pk, tess.pk) == (client_alice.pk, therapist_tess.pk)
    assert alice.email == client_alice.email and alice.time_zone == client_alice.time_zone
    assert request_state(alice, "has_mfa") is False and request_state(tess, "has_mfa") is True
    assert user_with_request_state(client_alice.pk + 1000) is None
    assert user_with_request_state("not an id") is None
