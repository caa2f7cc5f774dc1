"""Holes a security review found in booking (issue 8): each test states the rule that closes one."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from trustrepair.booking.tests.helpers import open_every_day, upcoming_slots

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule(therapist_tess):
    return open_every_day(therapist_tess)


# ---- item 11: a link may choose the time and kind, nothing else ---------------------------------------
def test_a_crafted_link_cannot_prefill_the_intake_contact_details(client, client_alice, schedule):
    start = upcoming_slots(schedule)[0]
    client.force_login(client_alice)
    url = reverse("booking:intake", args=[schedule.therapist.public_id])
    response = client.get(
        url,
        {
            "start": start.isoformat(),
            "kind": "consultation",
            "contact_method": "phone",
            "contact_detail": "555-0100",
            "may_leave_messages": "on",
            "reason": "planted words",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "555-0100" not in html and "planted words" not in html
    assert not re.search(r'<input[^>]*name="contact_method"[^>]*value="phone"[^>]*checked', html)
    assert not re.search(r'<input[^>]*name="may_leave_messages"[^>]*checked', html)
    # The time and kind still come through.
    assert f'value="{start.isoformat()}"' in html


# ---- item 10: out-of-range dates get a clear message by the field, never a 500 -------------------------
OUT_OF_RANGE_DAYS = ["9999-12-31", "0001-01-01", "2999-01-01"]
OUT_OF_RANGE_STARTS = [
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59+00:00",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00+00:00",
    "2999-01-01T10:00:00+00:00",
]


def field_errors(response, name: str) -> list[str]:
    form = response.context.get("form")
    return list(form.errors.get(name, [])) if form is not None else []


@pytest.mark.parametrize("day", OUT_OF_RANGE_DAYS)
def test_a_day_outside_the_booking_horizon_is_refused_by_the_day_field(client, client_alice, schedule, day):
    client.force_login(client_alice)
    response = client.get(reverse("booking:book", args=[schedule.therapist.public_id]), {"kind": "session", "day": day})
    assert response.status_code == 200
    errors = field_errors(response, "day")
    assert errors and ("already passed" in errors[0] or "60 days" in errors[0]), errors


@pytest.mark.parametrize("day", OUT_OF_RANGE_DAYS)
def test_a_day_outside_the_horizon_is_refused_when_moving(client, client_alice, therapist_tess, schedule, day):
    from trustrepair.booking.tests.helpers import book

    appointment = book(client_alice, therapist_tess, upcoming_slots(schedule)[0])
    client.force_login(client_alice)
    response = client.get(reverse("booking:reschedule", args=[appointment.public_id]), {"day": day})
    assert response.status_code == 200
    assert response.context["day_form"].errors.get("day"), "the day field should say what is wrong"


@pytest.mark.parametrize("start", OUT_OF_RANGE_STARTS)
def test_a_start_outside_the_horizon_in_a_link_sends_the_person_back_to_pick(client, client_alice, schedule, start):
    client.force_login(client_alice)
    url = reverse("booking:intake", args=[schedule.therapist.public_id])
    response = client.get(url, {"kind": "session", "start": start})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("booking:book", args=[schedule.therapist.public_id]))


@pytest.mark.parametrize("start", OUT_OF_RANGE_STARTS)
def test_a_posted_start_outside_the_horizon_is_refused_by_the_start_field(client, client_alice, schedule, start):
    client.force_login(client_alice)
    url = reverse("booking:intake", args=[schedule.therapist.public_id])
    data = {"start": start, "kind": "session", "reason": "I want to stop checking", "contact_method": "email"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert field_errors(response, "start"), "the start field should say what is wrong"
    assert "I want to stop checking" in response.content.decode()  # nothing typed is lost


@pytest.mark.parametrize("start", OUT_OF_RANGE_STARTS)
def test_a_posted_new_time_outside_the_horizon_is_refused_when_moving(
    client, client_alice, therapist_tess, schedule, start
):
    from trustrepair.booking.tests.helpers import book

    appointment = book(client_alice, therapist_tess, upcoming_slots(schedule)[0])
    client.force_login(client_alice)
    response = client.post(reverse("booking:reschedule", args=[appointment.public_id]), {"start": start})
    assert response.status_code == 400
    assert field_errors(response, "start")


@pytest.mark.parametrize("start", OUT_OF_RANGE_STARTS)
def test_the_booking_service_refuses_a_start_outside_the_horizon(client_alice, therapist_tess, schedule, start):
    from trustrepair.booking import services
    from trustrepair.booking.forms import parse_start
    from trustrepair.booking.tests.helpers import book

    moment = parse_start(start)
    if moment is None:
        return  # cannot even be represented in UTC: the form refuses it before any service
    with pytest.raises(services.BookingError):
        book(client_alice, therapist_tess, moment, kind="session")


@pytest.mark.parametrize(("first", "last"), [("9999-12-31", "9999-12-31"), ("0001-01-01", "0001-01-02")])
def test_time_off_far_outside_any_horizon_is_refused_by_the_field(client, therapist_tess, schedule, first, last):
    client.force_login(therapist_tess)
    response = client.post(reverse("booking:time_off_add"), {"t-first_day": first, "t-last_day": last})
    assert response.status_code == 400
    form = response.context["off_form"]
    assert form.errors.get("first_day") or form.errors.get("last_day")


# ---- item 12: booking limits -----------------------------------------------------------------------------
def test_a_client_may_hold_two_upcoming_appointments_with_one_therapist(client_alice, therapist_tess, schedule):
    from trustrepair.booking import services
    from trustrepair.booking.tests.helpers import book, spaced_slots

    first, second, third = spaced_slots(schedule, count=3)
    book(client_alice, therapist_tess, first)
    book(client_alice, therapist_tess, second)
    with pytest.raises(services.BookingLimitReached, match="2 upcoming appointments with this therapist"):
        book(client_alice, therapist_tess, third)


def test_a_cancelled_appointment_frees_its_place(client_alice, therapist_tess, schedule):
    from trustrepair.booking import services
    from trustrepair.booking.tests.helpers import book, spaced_slots

    first, second, third = spaced_slots(schedule, count=3)
    book(client_alice, therapist_tess, first)
    services.cancel(book(client_alice, therapist_tess, second), by=client_alice)
    assert book(client_alice, therapist_tess, third).is_active


def test_a_client_may_hold_four_upcoming_appointments_in_all(client_alice, therapist_tess, schedule):
    from trustrepair.booking import services
    from trustrepair.booking.tests.helpers import another_therapist, book, spaced_slots

    others = [another_therapist(f"t{i}@example.test") for i in range(3)]
    for therapist, their_schedule in [(therapist_tess, schedule), *others[:1]]:
        for start in spaced_slots(their_schedule, count=2):
            book(client_alice, therapist, start)
    therapist, their_schedule = others[1]
    with pytest.raises(services.BookingLimitReached, match="4 upcoming appointments"):
        book(client_alice, therapist, spaced_slots(their_schedule, count=1)[0])


def test_at_most_ten_booking_attempts_an_hour_count_failed_ones_too(client_alice, therapist_tess, schedule):
    import datetime as dt

    from django.utils import timezone

    from trustrepair.booking import services
    from trustrepair.booking.models import Appointment
    from trustrepair.booking.tests.helpers import book

    now = timezone.now()
    for _ in range(10):  # ten tries at a time that has passed: each is refused, each counts
        with pytest.raises(services.SlotInPast):
            book(client_alice, therapist_tess, now - dt.timedelta(hours=1), now=now)
    good = upcoming_slots(schedule)[0]
    with pytest.raises(services.TooManyAttempts, match="10 times in the last hour"):
        book(client_alice, therapist_tess, good, now=now)
    assert not Appointment.objects.filter(client=client_alice).exists()
    # An hour later the client may try again.
    assert book(client_alice, therapist_tess, good, now=now + dt.timedelta(minutes=61)).is_active


def test_the_rate_limit_is_kept_in_the_database_not_in_one_process(client_alice, therapist_tess, schedule):
    """Every worker on every machine sees the same count: the attempts are rows, not process memory."""
    from trustrepair.booking import services
    from trustrepair.booking.models import BookingAttempt
    from trustrepair.booking.tests.helpers import book

    with pytest.raises(services.BookingError):
        book(client_alice, therapist_tess, upcoming_slots(schedule)[0].replace(year=2000))
    assert BookingAttempt.objects.filter(client=client_alice).count() == 1


def test_the_intake_page_explains_the_limit_and_keeps_the_words(client, client_alice, therapist_tess, schedule):
    from trustrepair.booking.tests.helpers import book, spaced_slots

    first, second, third = spaced_slots(schedule, count=3)
    book(client_alice, therapist_tess, first)
    book(client_alice, therapist_tess, second)
    client.force_login(client_alice)
    response = client.post(
        reverse("booking:intake", args=[therapist_tess.public_id]),
        {
            "start": third.isoformat(),
            "kind": "consultation",
            "reason": "words I wrote",
            "contact_method": "email",
            "where": "US-NY",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "2 upcoming appointments with this therapist" in html and "words I wrote" in html


# ---- item 3: only listed therapists are bookable; returning or suspending withdraws their bookings ---------
@pytest.fixture
def requested_and_confirmed(client_alice, therapist_tess, schedule):
    from trustrepair.booking.tests.helpers import book, spaced_slots

    first, second = spaced_slots(schedule, count=2)
    return book(client_alice, therapist_tess, first), book(client_alice, therapist_tess, second, kind="session")


def test_a_therapist_with_no_listed_profile_cannot_be_booked(client, client_alice, therapist_tess):
    from trustrepair.booking import selectors, services
    from trustrepair.booking.tests.helpers import book

    schedule = selectors.schedule_for(therapist_tess)  # taking bookings, open hours, but never verified
    for weekday in range(7):
        services.add_rule(schedule, weekday=weekday, start=dt.time(9), end=dt.time(17))
    services.update_schedule(schedule, min_notice_hours=0)
    client.force_login(client_alice)
    assert client.get(reverse("booking:book", args=[therapist_tess.public_id])).status_code == 404
    assert client.get(reverse("booking:intake", args=[therapist_tess.public_id])).status_code == 404
    with pytest.raises(services.NotAllowed):
        book(client_alice, therapist_tess, upcoming_slots(schedule, days=7)[0])


@pytest.mark.parametrize("action", ["return", "suspend"])
def test_a_returned_or_suspended_therapist_cannot_be_booked(
    client, client_alice, staff_sam, therapist_tess, schedule, action
):
    from trustrepair.booking import services
    from trustrepair.booking.tests.helpers import book
    from trustrepair.directory import services as directory_services

    profile = therapist_tess.therapist_profile
    if action == "return":
        directory_services.return_profile(staff_sam, profile=profile, note="Please add your licence number.")
    else:
        directory_services.suspend_profile(staff_sam, profile=profile, reason="licence lapsed", for_cause=False)
    client.force_login(client_alice)
    assert client.get(reverse("booking:book", args=[therapist_tess.public_id])).status_code == 404
    with pytest.raises(services.NotAllowed):
        book(client_alice, therapist_tess, upcoming_slots(schedule)[0])


def test_returning_a_profile_cancels_pending_requests_neutrally_and_keeps_confirmed_ones(
    client,
    mailoutbox,
    client_alice,
    staff_sam,
    therapist_tess,
    requested_and_confirmed,
    django_capture_on_commit_callbacks,
):
    from trustrepair.directory import services as directory_services

    request, session = requested_and_confirmed
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        directory_services.return_profile(staff_sam, profile=therapist_tess.therapist_profile, note="Licence unclear.")
    request.refresh_from_db()
    session.refresh_from_db()
    assert request.status == "cancelled" and session.status == "confirmed"
    # The therapist is told of the staff decision (issue 12); the client gets exactly one neutral notice.
    [notice] = [m for m in mailoutbox if m.to == [client_alice.email]]
    assert "cancelled" in notice.body  # the subject is neutral for a discreet person
    assert "Tess" not in notice.subject + notice.body and "Licence" not in notice.body  # neutral
    assert reverse("directory:find") in notice.body  # a way to find someone else
    client.force_login(client_alice)
    page = client.get(request.get_absolute_url()).content.decode()
    assert "find another therapist" in page.lower() and reverse("directory:find") in page


def test_suspending_for_cause_cancels_confirmed_appointments_too(
    mailoutbox, client_alice, staff_sam, therapist_tess, requested_and_confirmed, django_capture_on_commit_callbacks
):
    from trustrepair.directory import services as directory_services

    request, session = requested_and_confirmed
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        directory_services.suspend_profile(
            staff_sam, profile=therapist_tess.therapist_profile, reason="complaint upheld", for_cause=True
        )
    request.refresh_from_db()
    session.refresh_from_db()
    assert request.status == "cancelled" and session.status == "cancelled"
    # Each client is told neutrally; the therapist is told there is a decision (issue 12); nobody reads the reason.
    assert len([m for m in mailoutbox if m.to != [therapist_tess.email]]) == 2
    assert all("complaint" not in m.body for m in mailoutbox)


def test_suspending_without_cause_keeps_confirmed_appointments(
    client_alice, staff_sam, therapist_tess, requested_and_confirmed
):
    from trustrepair.directory import services as directory_services

    request, session = requested_and_confirmed
    directory_services.suspend_profile(
        staff_sam, profile=therapist_tess.therapist_profile, reason="on leave", for_cause=False
    )
    request.refresh_from_db()
    session.refresh_from_db()
    assert request.status == "cancelled" and session.status == "confirmed"


def test_staff_suspend_for_cause_from_the_review_page(client, staff_sam, therapist_tess, requested_and_confirmed):
    request, session = requested_and_confirmed
    client.force_login(staff_sam)
    url = reverse("directory:staff_suspend", args=[therapist_tess.therapist_profile.public_id])
    response = client.post(url, {"reason": "complaint upheld", "for_cause": "on"})
    assert response.status_code == 302
    therapist_tess.therapist_profile.refresh_from_db()
    profile = therapist_tess.therapist_profile
    assert profile.status == "suspended" and profile.suspended_for_cause and not profile.is_listed
    session.refresh_from_db()
    assert session.status == "cancelled"


def test_a_therapist_whose_profile_was_returned_does_not_read_the_intake(
    client, staff_sam, therapist_tess, requested_and_confirmed
):
    from trustrepair.booking.tests.helpers import INTAKE_SECRET
    from trustrepair.core.models import AuditEvent
    from trustrepair.directory import services as directory_services

    _request, session = requested_and_confirmed
    directory_services.return_profile(staff_sam, profile=therapist_tess.therapist_profile, note="Licence unclear.")
    client.force_login(therapist_tess)
    response = client.get(session.get_absolute_url())
    assert response.status_code == 200  # the time stays on their calendar
    assert INTAKE_SECRET not in response.content.decode()
    assert not AuditEvent.objects.filter(object_id=str(session.public_id), actor=therapist_tess).exists()


# ---- item 14: erasure follows the records table -------------------------------------------------------------
@pytest.fixture
def past_and_upcoming(client_alice, therapist_tess, schedule):
    """A confirmed session that already happened and a confirmed one still to come."""
    from django.utils import timezone

    from trustrepair.booking.models import Appointment
    from trustrepair.booking.tests.helpers import book, spaced_slots

    upcoming = book(client_alice, therapist_tess, spaced_slots(schedule, count=1, kind="session")[0], kind="session")
    start = timezone.now() - dt.timedelta(days=7)
    past = Appointment.objects.create(
        therapist=therapist_tess,
        client=client_alice,
        kind="session",
        status="confirmed",
        start=start,
        end=start + dt.timedelta(minutes=50),
        blocks_until=start + dt.timedelta(minutes=60),
        reason="what I wrote last week",
        contact_method="phone",
        contact_detail="+1 555 0100",
    )
    return past, upcoming


def test_erasing_a_client_keeps_the_practices_record_restricted_and_without_them(
    mailoutbox, client_alice, therapist_tess, past_and_upcoming, django_capture_on_commit_callbacks
):
    from trustrepair.booking.models import Appointment
    from trustrepair.core import privacy

    past, upcoming = past_and_upcoming
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase_user(client_alice)
    past, upcoming = Appointment.objects.get(pk=past.pk), Appointment.objects.get(pk=upcoming.pk)
    for record in (past, upcoming):
        assert record.client is None and record.restricted_at is not None
        assert record.retain_until > record.restricted_at + dt.timedelta(days=6 * 365)
        assert record.contact_detail == ""  # a phone number identifies the person; the record does not need it
    assert past.reason == "what I wrote last week"  # the clinical record itself is kept
    # The upcoming session leaves the therapist's calendar, and the therapist is told neutrally.
    assert upcoming.status == "cancelled" and past.status == "confirmed"
    [notice] = mailoutbox
    assert notice.to == [therapist_tess.email] and "cancelled" in notice.body
    assert "Alice" not in notice.subject + notice.body


def test_the_therapist_sees_a_former_client_and_no_intake_once_the_client_is_erased(
    client, client_alice, therapist_tess, past_and_upcoming
):
    from trustrepair.core import privacy

    past, _upcoming = past_and_upcoming
    privacy.erase_user(client_alice)
    client.force_login(therapist_tess)
    page = client.get(past.get_absolute_url()).content.decode()
    assert "a former client" in page and "what I wrote last week" not in page
    listing = client.get(reverse("booking:therapist_appointments")).content.decode()
    assert "a former client" in listing and "None" not in listing


def test_erasing_a_therapist_cancels_upcoming_appointments_neutrally_and_clients_keep_their_records(
    client, mailoutbox, client_alice, therapist_tess, past_and_upcoming, django_capture_on_commit_callbacks
):
    from trustrepair.booking.models import Appointment
    from trustrepair.core import privacy

    past, upcoming = past_and_upcoming
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase_user(therapist_tess)
    past, upcoming = Appointment.objects.get(pk=past.pk), Appointment.objects.get(pk=upcoming.pk)
    assert past.therapist is None and upcoming.therapist is None
    assert upcoming.status == "cancelled" and past.status == "confirmed"
    [notice] = mailoutbox
    assert notice.to == [client_alice.email] and "cancelled" in notice.body
    assert reverse("directory:find") in notice.body
    # Alice keeps what she wrote: it is in her export and on her pages.
    exported = privacy.export_user_data(client_alice)["sections"]["booking.appointments"]["appointments"]
    assert {a["reason"] for a in exported} >= {"what I wrote last week"}
    client.force_login(client_alice)
    page = client.get(past.get_absolute_url()).content.decode()
    assert "a former therapist" in page and "what I wrote last week" in page
    assert "None" not in client.get(reverse("booking:mine")).content.decode()


def test_restricted_records_are_deleted_when_the_retention_period_ends(client_alice, past_and_upcoming):
    from django.utils import timezone

    from trustrepair.booking import services
    from trustrepair.booking.models import Appointment
    from trustrepair.core import privacy

    privacy.erase_user(client_alice)
    assert services.purge_expired_records(now=timezone.now()) == 0
    assert services.purge_expired_records(now=timezone.now() + dt.timedelta(days=8 * 365)) == 2
    assert not Appointment.objects.exists()


@pytest.mark.parametrize(
    ("role", "words"),
    [("client", "appointments you booked are kept"), ("therapist", "upcoming appointments are cancelled")],
)
def test_the_erasure_page_says_what_happens_to_appointments(reauthenticated, cast, role, words):
    client = reauthenticated(cast[role])
    assert words in client.get("/account/erase/").content.decode()


# ---- item 16: the calendar feed's secret address stays out of logs ---------------------------------------
def test_gunicorn_writes_the_feed_address_to_its_access_log_without_the_token(schedule):
    import datetime as dt
    import runpy
    from pathlib import Path
    from types import SimpleNamespace

    from gunicorn.config import Config

    from trustrepair.booking.access_log import RedactingLogger

    conf = runpy.run_path(str(Path(__file__).resolve().parents[3] / "gunicorn.conf.py"))
    assert conf["logger_class"] == "trustrepair.booking.access_log.RedactingLogger"
    token = schedule.feed_token
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/booking/feed/{token}.ics?x=1",
        "PATH_INFO": f"/booking/feed/{token}.ics",
        "QUERY_STRING": "x=1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.9",
    }
    response = SimpleNamespace(status="200 OK", headers=[], sent=120)
    atoms = RedactingLogger(Config()).atoms(response, SimpleNamespace(headers=[]), environ, dt.timedelta(0))
    assert token not in repr(atoms)
    assert atoms["U"] == "/booking/feed/[secret].ics" and atoms["r"].startswith("GET /booking/feed/[secret].ics")
    # Any other address is logged as it was.
    other = RedactingLogger(Config()).atoms(
        response, SimpleNamespace(headers=[]), environ | {"RAW_URI": "/booking/", "PATH_INFO": "/booking/"},
        dt.timedelta(0),
    )  # fmt: skip
    assert other["U"] == "/booking/"


def test_a_wrong_feed_token_is_not_written_to_djangos_log(client, caplog):
    with caplog.at_level("WARNING", logger="django.request"):
        assert client.get("/booking/feed/an-old-secret-token.ics").status_code == 404
    assert "an-old-secret-token" not in caplog.text


# ---- item 15 (booking and directory's part): reads of other people's data are audited ----------------------
def test_the_therapists_appointment_list_is_audited_once_per_client_shown(
    client, client_alice, stranger_eve, therapist_tess, schedule
):
    from trustrepair.booking.tests.helpers import book, spaced_slots
    from trustrepair.core.models import AuditEvent

    first, second, third = spaced_slots(schedule, count=3)
    book(client_alice, therapist_tess, first)
    book(client_alice, therapist_tess, second)
    book(stranger_eve, therapist_tess, third)
    client.force_login(therapist_tess)
    assert client.get(reverse("booking:therapist_appointments")).status_code == 200
    reads = AuditEvent.objects.filter(actor=therapist_tess, action="read", object_type="booking.appointment_list")
    assert sorted(e.subject.email for e in reads) == [client_alice.email, stranger_eve.email]
    assert {e.ip_address for e in reads} == {"127.0.0.1"}  # where the read came from, for the practice


def test_a_staff_review_page_is_audited(client, staff_sam, therapist_tess, schedule):
    from trustrepair.core.models import AuditEvent

    profile = therapist_tess.therapist_profile
    client.force_login(staff_sam)
    assert client.get(reverse("directory:staff_review", args=[profile.public_id])).status_code == 200
    [event] = AuditEvent.objects.filter(actor=staff_sam, subject=therapist_tess, action="read")
    assert event.ip_address == "127.0.0.1"


def test_the_staff_csv_export_is_audited_for_every_therapist_in_it(client, staff_sam, therapist_tess, schedule):
    from trustrepair.booking.tests.helpers import another_therapist
    from trustrepair.core.models import AuditEvent

    other, _ = another_therapist("other@example.test")
    client.force_login(staff_sam)
    assert client.get(reverse("directory:staff_export")).status_code == 200
    exported = AuditEvent.objects.filter(actor=staff_sam, action="export")
    assert {e.subject_id for e in exported} == {therapist_tess.pk, other.pk}
    assert {e.ip_address for e in exported} == {"127.0.0.1"}
