"""Download my data and erase my account, end to end, for the data that exists."""

import json

import pytest
from django.contrib.auth import get_user_model

from trustrepair.core import audit
from trustrepair.core.models import AuditEvent

User = get_user_model()


def test_export_is_one_json_file_with_my_account_and_agreements(reauthenticated, client_alice, partner_bob):
    client = reauthenticated(client_alice)
    response = client.post("/account/data/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="trustrepair-data-')
    data = json.loads(response.content)
    account = data["sections"]["account"]
    assert account["email"] == "alice@example.test"
    assert {c["kind"] for c in account["consents"]} == {"terms", "health_data"}
    assert "bob@example.test" not in response.content.decode()  # never anyone else's data


def test_export_asks_for_the_password_again_first(client, client_alice):
    client.force_login(client_alice)
    response = client.post("/account/data/export/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_a_get_link_to_the_export_shows_a_button_not_the_data(reauthenticated, client_alice):
    client = reauthenticated(client_alice)
    response = client.get("/account/data/export/")
    assert response.status_code == 200 and "Download the file" in response.content.decode()
    assert "alice@example.test" not in response.content.decode().split("<main", 1)[1]


def test_erasure_removes_the_account_and_keeps_no_link_to_the_person(reauthenticated, client_alice, therapist_tess):
    audit.record_access(
        actor=therapist_tess, subject=client_alice, action="read", obj="measures.history", reason="test"
    )
    client = reauthenticated(client_alice)
    response = client.post("/account/erase/", {"confirmation": "erase"})
    assert response.status_code == 302 and response["Location"] == "/account/erased/"
    # Alice should be gone, and signed out
    assert not User.objects.filter(email="alice@example.test").exists()
    assert client.get("/account/data/").status_code == 302
    # the record that Tess read something stays, but names nobody
    event = AuditEvent.objects.get()
    assert event.subject is None and event.actor == therapist_tess


def test_audit_events_are_append_only(client_alice, therapist_tess):
    event = audit.record_access(actor=therapist_tess, subject=client_alice, action="read", obj="x", reason="r")
    event.reason = "changed"
    with pytest.raises(ValueError):
        event.save()


def test_my_data_page_lists_who_read_my_information(client, client_alice, therapist_tess):
    audit.record_access(
        actor=therapist_tess, subject=client_alice, action="read", obj="measures.history", reason="session prep"
    )
    client.force_login(client_alice)
    page = client.get("/account/data/").content.decode()
    assert "Tess" in page and "session prep" in page
