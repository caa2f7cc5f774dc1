"""Secure messages: only the two people of an active care relationship, encrypted, screened, rate-limited."""

import pytest
from django.db import connection

from trustrepair.clinic.models import RiskAlert
from trustrepair.messaging import services
from trustrepair.messaging.models import Message
from trustrepair.messaging.tests.care import in_care
from trustrepair.notifications.models import Notice

CRISIS = "I want to kill myself tonight, I have the pills ready"


@pytest.fixture
def care(client_alice, therapist_tess):
    return in_care(client_alice, therapist_tess, "risk_alerts")


def url(rel, side):
    return f"/messages/{side}/{rel.public_id}/"


def test_the_client_writes_and_the_therapist_reads(client, care, client_alice, therapist_tess):
    client.force_login(client_alice)
    response = client.post(url(care, "with"), {"body": "Can we move Thursday?"})
    assert response.status_code == 302
    client.force_login(therapist_tess)
    page = client.get(url(care, "clients")).content.decode()
    assert "Can we move Thursday?" in page
    assert Message.objects.get().read_at is not None


def test_the_page_says_plainly_it_is_not_for_emergencies_with_the_reply_norm(client, care, client_alice):
    client.force_login(client_alice)
    page = client.get(url(care, "with")).content.decode()
    assert "Messages are not for emergencies" in page
    assert "/help/crisis/" in page
    assert "usually replies within 2 working days" in page
    assert 'data-draft="message-' in page  # what is being typed survives an expired session (core drafts.js)


def test_message_text_is_encrypted_in_the_raw_column(care, client_alice):
    services.send_message(care, sender=client_alice, body="The secret about the weekend")
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM messaging_message")
        (raw,) = cursor.fetchone()
    assert "secret about the weekend" not in raw
    assert Message.objects.get().body == "The secret about the weekend"


@pytest.mark.django_db(transaction=True)
def test_a_crisis_message_shows_help_to_the_client_and_alerts_the_therapist(client, care, client_alice, therapist_tess):
    client.force_login(client_alice)
    client.post(url(care, "with"), {"body": CRISIS})
    assert Message.objects.filter(from_client=True).count() == 1  # sent and kept, whatever the screen said
    page = client.get(url(care, "with")).content.decode()
    assert "crisis-panel" in page  # the crisis panel heads the very next page
    assert RiskAlert.objects.filter(relationship=care, acknowledged_at__isnull=True).exists()
    assert Notice.objects.filter(user=therapist_tess, kind="care_alert").exists()


def test_a_crisis_message_raises_no_alert_without_the_risk_alert_scope(client_alice, therapist_tess):
    rel = in_care(client_alice, therapist_tess)
    services.send_message(rel, sender=client_alice, body=CRISIS)
    assert not RiskAlert.objects.exists()


def test_the_notice_is_neutral_and_one_until_read(care, client_alice, therapist_tess):
    services.send_message(care, sender=client_alice, body="First words about my partner")
    services.send_message(care, sender=client_alice, body="Second words")
    notices = Notice.objects.filter(user=therapist_tess, kind="message_new")
    assert notices.count() == 1
    notice = notices.get()
    assert "partner" not in notice.text and "partner" not in notice.email_body
    assert "Alice" not in notice.email_body


def test_sending_is_rate_limited_with_the_reason_next_to_the_field(client, care, client_alice):
    for i in range(services.PER_HOUR):
        services.send_message(care, sender=client_alice, body=f"note {i}")
    client.force_login(client_alice)
    response = client.post(url(care, "with"), {"body": "one more"})
    assert response.status_code == 200
    assert "wait a little" in response.content.decode()
    assert Message.objects.count() == services.PER_HOUR


def test_attachments_are_refused(client, care, client_alice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(client_alice)
    response = client.post(url(care, "with"), {"body": "see file", "file": SimpleUploadedFile("a.txt", b"x")})
    assert response.status_code == 200
    assert "attachments are not accepted" in response.content.decode()
    assert not Message.objects.exists()


def test_nobody_else_opens_the_thread(client, care, partner_bob, stranger_eve, staff_sam, client_alice):
    from conftest import make_user

    other_therapist = make_user("theo@example.test", "therapist", name="Theo", mfa=True)
    for person, side in [
        (stranger_eve, "with"),
        (partner_bob, "with"),
        (other_therapist, "clients"),
    ]:
        client.force_login(person)
        assert client.get(url(care, side)).status_code == 404, person
    client.force_login(staff_sam)
    assert client.get(url(care, "clients")).status_code == 403
    client.force_login(client_alice)
    assert client.get(url(care, "clients")).status_code == 403


def test_an_ended_relationship_closes_the_thread(client, care, client_alice):
    from trustrepair.clinic import services as clinic

    clinic.end_care(care, by=client_alice)
    client.force_login(client_alice)
    assert client.get(url(care, "with")).status_code == 404


def test_the_client_export_holds_the_thread(care, client_alice, therapist_tess):
    services.send_message(care, sender=therapist_tess, body="See you Thursday")
    exported = services.export_messages(client_alice)
    assert exported[0]["text"] == "See you Thursday"
