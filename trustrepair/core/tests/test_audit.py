"""Audit events record where a read came from; the person sees who looked, never from where."""

import json

import pytest

from conftest import make_user
from trustrepair.accounts.models import User
from trustrepair.core import audit
from trustrepair.core.models import AuditEvent

VIEWER_ADDRESS = "203.0.113.44"


def test_the_audit_helper_records_the_client_address_behind_the_proxy(rf, settings, client_alice, therapist_tess):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"1.2.3.4, {VIEWER_ADDRESS}")
    event = audit.record_access(
        actor=therapist_tess, subject=client_alice, action="read", obj="measures.history", reason="r", request=request
    )
    assert event.ip_address == VIEWER_ADDRESS


def test_the_old_keyword_form_still_works(client_alice, therapist_tess):
    event = audit.record_access(
        actor=therapist_tess, subject=client_alice, action="read", obj="x", reason="r", ip_address="192.0.2.1"
    )
    assert event.ip_address == "192.0.2.1"


def test_who_looked_is_in_my_page_and_my_export_but_never_where_from(reauthenticated, client_alice, therapist_tess):
    audit.record_access(
        actor=therapist_tess,
        subject=client_alice,
        action="read",
        obj="measures.history",
        reason="session prep",
        ip_address=VIEWER_ADDRESS,
    )
    client = reauthenticated(client_alice)
    page = client.get("/account/data/").content.decode()
    assert "session prep" in page and VIEWER_ADDRESS not in page
    response = client.post("/account/data/export/")
    data = json.loads(response.content)
    looked = data["sections"]["who_looked"]
    assert [(row["who"], row["why"], row["what"]) for row in looked] == [("Tess", "session prep", "measures.history")]
    assert VIEWER_ADDRESS not in response.content.decode()


@pytest.fixture
def operator_olga(db):
    olga = make_user("olga@example.test", User.Role.STAFF, name="Olga", mfa=True)
    olga.is_staff = olga.is_superuser = True
    olga.save(update_fields=["is_staff", "is_superuser"])
    return olga


def test_opening_a_person_in_the_admin_is_audited_with_the_address(client, operator_olga, client_alice):
    client.force_login(operator_olga)
    response = client.get(f"/admin/accounts/user/{client_alice.pk}/change/", REMOTE_ADDR=VIEWER_ADDRESS)
    assert response.status_code == 200
    event = AuditEvent.objects.get(subject=client_alice)
    assert (event.actor, event.action, event.ip_address) == (operator_olga, "read", VIEWER_ADDRESS)


def test_listing_people_in_the_admin_is_audited(client, operator_olga, client_alice):
    client.force_login(operator_olga)
    assert client.get("/admin/accounts/user/").status_code == 200
    assert AuditEvent.objects.filter(actor=operator_olga, object_type__contains="accounts.user").exists()


@pytest.mark.django_db(transaction=True)  # as a kept page writes them: in no transaction of the caller's
def test_replayed_reads_are_written_whole_and_the_connection_keeps_waiting_for_the_disk(
    rf, client_alice, therapist_tess, stranger_eve
):
    """A kept page writes its reads again in one statement. On PostgreSQL that statement alone commits without
    waiting for the disk; every later write on the connection waits, as PostgreSQL's default says."""
    from django.db import connection

    from trustrepair.core.audit import replay
    from trustrepair.core.models import AuditEvent

    events = [
        {
            "actor_id": therapist_tess.pk,
            "subject_id": subject.pk,
            "action": "read",
            "object_type": "clinic.caseload",
            "object_id": "",
            "reason": "the caseload",
        }
        for subject in (client_alice, stranger_eve)
    ]
    request = rf.get("/care/caseload/", REMOTE_ADDR="203.0.113.9")
    replay(events, request)
    rows = AuditEvent.objects.filter(actor=therapist_tess, object_type="clinic.caseload")
    assert sorted((e.subject_id, e.action, e.reason, e.ip_address) for e in rows) == sorted(
        (s.pk, "read", "the caseload", "203.0.113.9") for s in (client_alice, stranger_eve)
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            assert cursor.fetchone()[0] == "on"
