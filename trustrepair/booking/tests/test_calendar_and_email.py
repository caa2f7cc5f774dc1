"""iCalendar output (RFC 5545), the private feed, and emails that reveal no clinical detail."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse

from trustrepair.accounts import services as account_services
from trustrepair.booking import ics, services
from trustrepair.booking.tests.helpers import INTAKE_SECRET, book, open_every_day, upcoming_slots

REQUIRED_EVENT_PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS"}


def properties(text: str) -> list[tuple[str, str]]:
    return [(line.split(":", 1)[0].split(";")[0], line.split(":", 1)[1]) for line in ics.unfold(text)]


def assert_valid_calendar(text: str) -> list[dict]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(raw.encode()) <= 75 for raw in text.split("\r\n"))
    props = properties(text)
    assert props[0] == ("BEGIN", "VCALENDAR") and props[-1] == ("END", "VCALENDAR")
    names = [name for name, _ in props]
    assert "VERSION" in names and "PRODID" in names and dict(props)["VERSION"] == "2.0"
    events, current = [], None
    for name, value in props:
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
        elif (name, value) == ("END", "VEVENT"):
            assert current.keys() >= REQUIRED_EVENT_PROPERTIES
            for key in ("DTSTAMP", "DTSTART", "DTEND"):
                assert current[key].endswith("Z")
                dt.datetime.strptime(current[key][:-1] + "+0000", "%Y%m%dT%H%M%S%z")
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return events


def test_ics_escapes_text_and_folds_long_lines():
    start = dt.datetime(2026, 3, 9, 14, 0, tzinfo=dt.UTC)
    text = ics.calendar(
        [ics.Event(uid="a@b", start=start, end=start + dt.timedelta(minutes=50), description="a; b, c\nd " + "é" * 80)],
        now=start,
    )
    [event] = assert_valid_calendar(text)
    assert event["DESCRIPTION"] == "a\\; b\\, c\\nd " + "é" * 80
    assert event["DTSTART"] == "20260309T140000Z" and event["DTEND"] == "20260309T145000Z"


def test_ics_refuses_naive_times():
    with pytest.raises(ValueError):
        ics.utc_stamp(dt.datetime(2026, 1, 1))  # noqa: DTZ001 - the point of the test


@pytest.mark.django_db
def test_emails_never_contain_the_intake_or_the_therapists_message(
    client_alice, therapist_tess, django_capture_on_commit_callbacks
):
    therapist_tess.contact = "named_email"  # Tess allows names in her email; Alice keeps the neutral default
    therapist_tess.save(update_fields=["contact"])
    for person in (client_alice, therapist_tess):
        account_services.grant_consent(person, kind="email_reminders")
    schedule = open_every_day(therapist_tess)
    slots = upcoming_slots(schedule, days_ahead=0, days=1)
    with django_capture_on_commit_callbacks(execute=True):
        consultation = book(client_alice, therapist_tess, slots[0], contact_detail="+1 555 0100")
        services.decide(consultation, therapist=therapist_tess, accept=True, message="About your diary worry")
        session_slots = upcoming_slots(schedule, kind="session", days_ahead=0, days=1)
        session = book(client_alice, therapist_tess, session_slots[3], kind="session")
        services.reschedule(session, by=client_alice, start=session_slots[6])
        services.send_due_reminders()
        services.cancel(consultation, by=client_alice)
    assert len(mail.outbox) >= 9
    for message in mail.outbox:
        everything = message.subject + message.body + "".join(str(a[1]) for a in message.attachments)
        everything = everything.replace("\r\n ", "")  # a calendar folds long lines (RFC 5545 3.1): unfold them
        # Ids and calendar time stamps (…T235553Z) may hold "555" by chance; the phone number may not appear.
        everything = re.sub(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|\d{8}T\d{6}Z", "<id>", everything)
        for secret in (INTAKE_SECRET, "my partner", "no mornings", "555", "diary", "consultation"):
            assert secret not in everything.lower(), (secret, message.subject)
        if message.to == [therapist_tess.email]:
            assert message.subject.startswith("TrustRepair: ")
        else:  # Alice's email names neither the product nor her therapist, in any part
            assert "trustrepair" not in (everything + message.from_email).lower() and "tess" not in everything.lower()


@pytest.mark.django_db
def test_a_confirmation_email_carries_a_valid_ics_attachment(
    client_alice, therapist_tess, django_capture_on_commit_callbacks
):
    client_alice.contact = "named_email"
    client_alice.save(update_fields=["contact"])
    schedule = open_every_day(therapist_tess)
    with django_capture_on_commit_callbacks(execute=True):
        session = book(client_alice, therapist_tess, upcoming_slots(schedule, kind="session")[0], kind="session")
    to_alice = next(m for m in mail.outbox if m.to == [client_alice.email])
    assert "confirmed" in to_alice.subject
    [(filename, content, mimetype)] = to_alice.attachments
    assert (filename, mimetype) == ("appointment.ics", "text/calendar")
    [event] = assert_valid_calendar(content)
    assert event["UID"] == f"{session.public_id}@trustrepair"
    assert event["SUMMARY"] == "TrustRepair appointment"
    assert event["DTSTART"] == session.start.strftime("%Y%m%dT%H%M%SZ")


@pytest.mark.django_db
def test_a_discreet_persons_calendar_attachment_names_nothing(
    client_alice, therapist_tess, django_capture_on_commit_callbacks
):
    schedule = open_every_day(therapist_tess)
    with django_capture_on_commit_callbacks(execute=True):
        book(client_alice, therapist_tess, upcoming_slots(schedule, kind="session")[0], kind="session")
    to_alice = next(m for m in mail.outbox if m.to == [client_alice.email])
    [(_, content, _)] = to_alice.attachments
    [event] = assert_valid_calendar(content)
    assert event["SUMMARY"] == "Appointment"
    assert "trustrepair" not in content.lower() and "tess" not in content.lower()


@pytest.mark.django_db
def test_a_cancellation_email_cancels_the_calendar_event(
    client_alice, therapist_tess, django_capture_on_commit_callbacks
):
    schedule = open_every_day(therapist_tess)
    session = book(client_alice, therapist_tess, upcoming_slots(schedule, kind="session")[0], kind="session")
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(session, by=therapist_tess)
    content = mail.outbox[-1].attachments[0][1]
    [event] = assert_valid_calendar(content)
    assert "METHOD:CANCEL" in content and event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == "1"


@pytest.mark.django_db
def test_the_private_feed_shows_times_only_and_needs_no_sign_in(client, client_alice, therapist_tess):
    therapist_tess.contact = "named_email"  # Tess allowed names: her feed may say what it is
    therapist_tess.save(update_fields=["contact"])
    schedule = open_every_day(therapist_tess)
    book(client_alice, therapist_tess, upcoming_slots(schedule)[0])
    response = client.get(reverse("booking:feed", args=[schedule.feed_token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    [event] = assert_valid_calendar(text)
    assert event["SUMMARY"] == "TrustRepair appointment" and event["STATUS"] == "TENTATIVE"
    assert "Alice" not in text and "alice" not in text and "partner" not in text


@pytest.mark.django_db
def test_a_discreet_therapists_feed_names_nothing(client, client_alice, therapist_tess):
    schedule = open_every_day(therapist_tess)
    book(client_alice, therapist_tess, upcoming_slots(schedule)[0])
    text = client.get(reverse("booking:feed", args=[schedule.feed_token])).content.decode()
    [event] = assert_valid_calendar(text)
    assert event["SUMMARY"] == "Appointment" and "trustrepair" not in text.lower()


@pytest.mark.django_db
def test_a_regenerated_feed_address_replaces_the_old_one(client, therapist_tess):
    schedule = open_every_day(therapist_tess)
    old = reverse("booking:feed", args=[schedule.feed_token])
    services.regenerate_feed_token(schedule)
    assert client.get(old).status_code == 404
    assert client.get(reverse("booking:feed", args=[schedule.feed_token])).status_code == 200
    assert client.get(reverse("booking:feed", args=["guess"])).status_code == 404
