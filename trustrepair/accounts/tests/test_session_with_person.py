"""A signed-in request reads its session and its person in one statement (`accounts.sessions`), and that person
is only ever the one the session names, in the request that read it."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from trustrepair.accounts.models import Session
from trustrepair.accounts.sessions import SessionStore, person_read_with_session, person_with_session

pytestmark = pytest.mark.django_db


def test_a_session_row_names_its_signed_in_person_and_no_one_once_signed_out(client, client_alice):
    client.force_login(client_alice)
    key = client.session.session_key
    assert Session.objects.get(session_key=key).user_id == client_alice.pk
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    assert not Session.objects.filter(user_id=client_alice.pk).exists()


def test_a_signed_in_request_reads_session_and_person_in_one_statement(client, client_alice):
    client.force_login(client_alice)
    client.get("/tools/")
    client.get("/tools/")  # kept now
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/tools/").status_code == 200
    reads = [q["sql"] for q in queries.captured_queries if "accounts_session" in q["sql"]]
    assert len(reads) == 1 and "accounts_user" in reads[0]
    assert len(queries.captured_queries) == 2  # that statement, and the kept page


def test_the_person_read_with_a_session_is_handed_over_once_and_only_for_their_own_id(
    client, client_alice, stranger_eve
):
    client.force_login(client_alice)
    key = client.session.session_key
    with person_with_session():
        SessionStore(key).load()
        assert person_read_with_session(stranger_eve.pk) is None  # asked for someone else: not handed over
        assert person_read_with_session(client_alice.pk) is None  # and not kept for a later ask either
    with person_with_session():
        SessionStore(key).load()
        person = person_read_with_session(client_alice.pk)
        assert person == client_alice and person.request_state_has_health_data_consent is True
        assert person_read_with_session(client_alice.pk) is None


def test_a_session_read_outside_a_request_leaves_no_person_behind(client, client_alice):
    client.force_login(client_alice)
    assert SessionStore(client.session.session_key).load()["_auth_user_id"] == str(client_alice.pk)
    assert person_read_with_session(client_alice.pk) is None


def test_a_session_row_without_its_person_still_signs_the_person_in(client, client_alice):
    """A row saved without its person's id (by another writer): the statement finds the session but nobody in
    it, and the backend reads the person the session's data names."""
    client.force_login(client_alice)
    Session.objects.filter(session_key=client.session.session_key).update(user=None)
    assert client.get("/account/profile/").status_code == 200


def test_a_session_that_has_expired_signs_no_one_in(client, client_alice):
    client.force_login(client_alice)
    past = timezone.now() - dt.timedelta(seconds=1)
    Session.objects.filter(session_key=client.session.session_key).update(expire_date=past)
    response = client.get("/account/profile/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
