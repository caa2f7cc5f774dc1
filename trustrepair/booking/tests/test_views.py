"""Pages × roles, other people's appointments (404), bad input that keeps what was typed."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from trustrepair.booking.models import Appointment, AvailabilityRule, TimeOff
from trustrepair.booking.slots import in_zone
from trustrepair.booking.tests.helpers import INTAKE_SECRET, book, open_every_day, upcoming_slots
from trustrepair.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule(therapist_tess):
    return open_every_day(therapist_tess)


@pytest.fixture
def alices_appointment(client_alice, therapist_tess, schedule):
    return book(client_alice, therapist_tess, upcoming_slots(schedule)[0])


def intake_data(start, **overrides):
    data = {
        "start": start.isoformat(),
        "kind": "consultation",
        "reason": INTAKE_SECRET,
        "who_is_involved": "my partner and me",
        "preferences": "",
        "contact_method": "email",
        "contact_detail": "",
        "where": "US-NY",  # the client confirms where they will be during the session
    }
    return data | overrides


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("client", 200), ("partner", 200), ("therapist", 403), ("staff", 403), ("stranger", 200)],
)
def test_who_may_open_the_booking_page(client, cast, schedule, therapist_tess, role, expected):
    if cast[role]:
        client.force_login(cast[role])
    response = client.get(reverse("booking:request_consultation", args=[therapist_tess.public_id]))
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("client", 403), ("partner", 403), ("therapist", 200), ("staff", 403)],
)
def test_only_therapists_open_the_availability_editor_and_appointment_list(client, cast, role, expected):
    if cast[role]:
        client.force_login(cast[role])
    assert client.get(reverse("booking:availability")).status_code == expected
    assert client.get(reverse("booking:therapist_appointments")).status_code == expected


def test_a_person_who_is_not_a_bookable_therapist_has_no_booking_page(
    client, client_alice, stranger_eve, therapist_tess
):
    client.force_login(client_alice)
    assert client.get(reverse("booking:book", args=[stranger_eve.public_id])).status_code == 404
    assert client.get(reverse("booking:book", args=[therapist_tess.public_id])).status_code == 404  # no schedule yet


@pytest.mark.parametrize("name", ["appointment", "cancel", "reschedule", "appointment_ics"])
def test_stranger_eve_cannot_see_alices_appointment(client, stranger_eve, alices_appointment, name):
    client.force_login(stranger_eve)
    assert client.get(reverse(f"booking:{name}", args=[alices_appointment.public_id])).status_code == 404


def test_stranger_eve_cannot_cancel_alices_appointment(client, stranger_eve, alices_appointment):
    client.force_login(stranger_eve)
    assert client.post(reverse("booking:cancel", args=[alices_appointment.public_id])).status_code == 404
    alices_appointment.refresh_from_db()
    assert alices_appointment.status == "requested"


def test_another_therapist_cannot_see_or_decide_the_appointment(client, alices_appointment):
    from conftest import make_user

    other = make_user("theo@example.test", "therapist", mfa=True)
    client.force_login(other)
    assert client.get(alices_appointment.get_absolute_url()).status_code == 404
    decide = reverse("booking:decide", args=[alices_appointment.public_id])
    assert client.post(decide, {"decision": "accept"}).status_code == 404


def test_the_day_picker_shows_open_times_in_the_clients_zone(client, client_alice, schedule):
    client.force_login(client_alice)  # Alice lives in Europe/London; Tess works in New York
    first = upcoming_slots(schedule)[0]
    day = in_zone(first, "Europe/London").date()
    url = reverse("booking:book", args=[schedule.therapist.public_id])
    response = client.get(url, {"kind": "consultation", "day": day.isoformat()})
    assert response.status_code == 200
    assert f">{in_zone(first, 'Europe/London'):%H:%M}</a>" in response.content.decode()
    assert "Europe/London" in response.content.decode()


@pytest.mark.parametrize("bad_day", ["2026-13-45", "tomorrow", ""])
def test_a_malformed_day_gets_a_clear_message(client, client_alice, schedule, bad_day):
    client.force_login(client_alice)
    response = client.get(
        reverse("booking:book", args=[schedule.therapist.public_id]), {"kind": "session", "day": bad_day}
    )
    assert response.status_code == 200
    assert "Please enter a date" in response.content.decode() or "This field is required" in response.content.decode()


def test_a_day_in_the_past_gets_a_clear_message(client, client_alice, schedule):
    client.force_login(client_alice)
    yesterday = (timezone.now() - dt.timedelta(days=2)).date().isoformat()
    response = client.get(reverse("booking:book", args=[schedule.therapist.public_id]), {"day": yesterday})
    assert "That day has already passed" in response.content.decode()


def test_booking_through_the_pages_creates_a_request_and_shows_it_in_my_appointments(client, client_alice, schedule):
    client.force_login(client_alice)
    start = upcoming_slots(schedule)[0]
    url = reverse("booking:intake", args=[schedule.therapist.public_id])
    assert client.get(url, {"kind": "consultation", "start": start.isoformat()}).status_code == 200
    response = client.post(url, intake_data(start))
    appointment = Appointment.objects.get(client=client_alice)
    assert response.status_code == 302 and response.url == appointment.get_absolute_url()
    assert appointment.start == start and appointment.reason == INTAKE_SECRET
    mine = client.get(reverse("booking:mine")).content.decode()
    assert appointment.get_absolute_url() in mine


def test_a_slot_that_was_just_taken_says_so_and_keeps_what_was_typed(client, stranger_eve, client_alice, schedule):
    start = upcoming_slots(schedule)[0]
    book(stranger_eve, schedule.therapist, start)
    client.force_login(client_alice)
    response = client.post(reverse("booking:intake", args=[schedule.therapist.public_id]), intake_data(start))
    page = response.content.decode()
    assert response.status_code == 400
    assert "That time was just taken" in page
    assert INTAKE_SECRET in page and "my partner and me" in page
    assert "Other open times that day" in page
    assert not Appointment.objects.filter(client=client_alice).exists()


def test_a_time_in_the_past_says_so_and_keeps_what_was_typed(client, client_alice, schedule):
    client.force_login(client_alice)
    past = timezone.now().replace(microsecond=0) - dt.timedelta(hours=3)
    response = client.post(reverse("booking:intake", args=[schedule.therapist.public_id]), intake_data(past))
    assert response.status_code == 400
    assert "That time has already passed" in response.content.decode()
    assert INTAKE_SECRET in response.content.decode()


@pytest.mark.parametrize("bad_start", ["not-a-time", "2026-02-30T10:00:00+00:00", "2026-03-01T10:00:00"])
def test_a_malformed_time_says_so_and_keeps_what_was_typed(client, client_alice, schedule, bad_start):
    client.force_login(client_alice)
    url = reverse("booking:intake", args=[schedule.therapist.public_id])
    response = client.post(url, intake_data(timezone.now()) | {"start": bad_start})
    assert response.status_code == 400
    assert "That time could not be read" in response.content.decode()
    assert INTAKE_SECRET in response.content.decode()
    assert client.get(url, {"start": bad_start}).status_code == 302  # back to the day picker, with a message


def test_a_phone_contact_needs_a_number(client, client_alice, schedule):
    client.force_login(client_alice)
    start = upcoming_slots(schedule)[0]
    url = reverse("booking:intake", args=[schedule.therapist.public_id])
    response = client.post(url, intake_data(start, contact_method="text"))
    assert response.status_code == 400 and "Please give the number to use" in response.content.decode()


def test_a_therapist_opening_an_appointment_is_audited(client, therapist_tess, alices_appointment):
    client.force_login(therapist_tess)
    response = client.get(alices_appointment.get_absolute_url())
    assert response.status_code == 200 and INTAKE_SECRET in response.content.decode()
    assert (
        AuditEvent.objects.filter(actor=therapist_tess, subject=alices_appointment.client, action="read").count() == 1
    )


def test_the_therapist_accepts_through_the_page(client, therapist_tess, alices_appointment):
    client.force_login(therapist_tess)
    response = client.post(
        reverse("booking:decide", args=[alices_appointment.public_id]),
        {"decision": "accept", "message": "See you then"},
    )
    assert response.status_code == 302
    alices_appointment.refresh_from_db()
    assert (alices_appointment.status, alices_appointment.therapist_message) == ("confirmed", "See you then")


def test_a_client_cancelling_late_sees_the_policy_first(client, client_alice, therapist_tess, schedule):
    appointment = book(client_alice, therapist_tess, upcoming_slots(schedule, days_ahead=0, days=1)[0])
    client.force_login(client_alice)
    url = reverse("booking:cancel", args=[appointment.public_id])
    page = client.get(url).content.decode()
    assert "recorded as a late cancellation" in page and "24 hours" in page
    client.post(url)
    appointment.refresh_from_db()
    assert appointment.status == "cancelled" and appointment.is_late_cancellation


def test_rescheduling_through_the_page(client, client_alice, alices_appointment, schedule):
    client.force_login(client_alice)
    url = reverse("booking:reschedule", args=[alices_appointment.public_id])
    new_start = upcoming_slots(schedule)[4]
    day = in_zone(new_start, client_alice.time_zone).date()
    page = client.get(url, {"day": day.isoformat()}).content.decode()
    assert new_start.isoformat() in page
    assert client.post(url, {"start": new_start.isoformat()}).status_code == 302
    alices_appointment.refresh_from_db()
    assert alices_appointment.start == new_start


def test_rescheduling_onto_a_taken_time_says_so(client, client_alice, stranger_eve, alices_appointment, schedule):
    taken = upcoming_slots(schedule)[4]
    book(stranger_eve, schedule.therapist, taken)
    client.force_login(client_alice)
    response = client.post(
        reverse("booking:reschedule", args=[alices_appointment.public_id]), {"start": taken.isoformat()}
    )
    assert response.status_code == 400 and "That time was just taken" in response.content.decode()


def test_the_appointment_calendar_file_downloads(client, client_alice, alices_appointment):
    client.force_login(client_alice)
    response = client.get(reverse("booking:appointment_ics", args=[alices_appointment.public_id]))
    assert response.status_code == 200 and b"BEGIN:VEVENT" in response.content


def test_the_availability_editor_adds_and_removes_hours_and_time_off(client, therapist_tess):
    # One small view per action (issue 13 item 8), each with its own URL.
    client.force_login(therapist_tess)
    assert client.get(reverse("booking:availability")).status_code == 200
    add_hours = reverse("booking:open_hours_add")
    assert client.post(add_hours, {"r-weekday": "2", "r-start": "09:00", "r-end": "12:30"}).status_code == 302
    rule = AvailabilityRule.objects.get(schedule__therapist=therapist_tess)
    assert (rule.weekday, rule.start, rule.end) == (2, dt.time(9), dt.time(12, 30))
    bad = client.post(add_hours, {"r-weekday": "2", "r-start": "12:00", "r-end": "09:00"})
    assert bad.status_code == 400 and "The end time must be after the start time" in bad.content.decode()
    client.post(
        reverse("booking:time_off_add"), {"t-first_day": "2026-12-24", "t-last_day": "2026-12-26", "t-label": "holiday"}
    )
    time_off = TimeOff.objects.get(schedule__therapist=therapist_tess)
    client.post(reverse("booking:open_hours_remove", args=[rule.pk]))
    assert not AvailabilityRule.objects.filter(schedule__therapist=therapist_tess).exists()
    assert client.post(reverse("booking:open_hours_remove", args=[999999])).status_code == 302  # no 500
    client.post(reverse("booking:time_off_remove", args=[time_off.pk]))
    assert not TimeOff.objects.filter(schedule__therapist=therapist_tess).exists()
    assert client.get(add_hours).status_code == 405  # an action is a POST


def test_a_therapist_cannot_remove_another_therapists_hours(client, therapist_tess, schedule):
    from conftest import make_user

    other = make_user("theo@example.test", "therapist", mfa=True)
    client.force_login(other)
    rule = schedule.rules.first()
    client.post(reverse("booking:open_hours_remove", args=[rule.pk]))
    assert AvailabilityRule.objects.filter(pk=rule.pk).exists()


def test_the_settings_form_saves_lengths_and_regenerates_the_feed(client, therapist_tess, schedule):
    client.force_login(therapist_tess)
    url = reverse("booking:availability_settings")
    data = {
        "s-time_zone": "Europe/Berlin",
        "s-accepts_bookings": "on",
        "s-consultation_minutes": "15",
        "s-session_minutes": "60",
        "s-buffer_minutes": "15",
        "s-min_notice_hours": "12",
        "s-horizon_days": "30",
        "s-cancel_notice_hours": "48",
    }
    assert client.post(url, data).status_code == 302
    schedule.refresh_from_db()
    assert (schedule.time_zone, schedule.session_minutes, schedule.cancel_notice_hours) == ("Europe/Berlin", 60, 48)
    bad = client.post(url, data | {"s-session_minutes": "1"})
    assert bad.status_code == 400 and "between 5 and 240" in bad.content.decode()
    old_token = schedule.feed_token
    client.post(reverse("booking:feed_address_new"))
    schedule.refresh_from_db()
    assert schedule.feed_token != old_token


def test_list_pages_keep_their_query_count_flat(
    client, client_alice, therapist_tess, schedule, django_assert_max_num_queries
):
    from trustrepair.booking import services

    for start in upcoming_slots(schedule)[:30:3]:  # ten appointments: cancelled ones keep the limit of two
        services.cancel(book(client_alice, therapist_tess, start), by=client_alice)
    client.force_login(client_alice)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("booking:mine")).status_code == 200
    client.force_login(therapist_tess)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("booking:therapist_appointments")).status_code == 200


def test_the_dashboard_card_shows_the_next_appointment_and_waiting_requests(
    client_alice, therapist_tess, alices_appointment
):
    from trustrepair.booking.dashboard import dashboard_card

    assert dashboard_card(client_alice)["title"] == "Your next appointment"
    assert dashboard_card(therapist_tess)["text"].startswith("1 request waiting")


def test_the_booking_actions_tag_links_to_the_consultation_request(rf, client_alice, therapist_tess, schedule):
    from django.template import Context, Template

    html = Template("{% load booking %}{% booking_actions therapist %}").render(
        Context({"therapist": therapist_tess, "user": client_alice})
    )
    assert reverse("booking:request_consultation", args=[therapist_tess.public_id]) in html


def test_demo_seed_is_idempotent(cast):
    from trustrepair.booking import demo

    demo.seed(cast)
    demo.seed(cast)
    assert Appointment.objects.filter(client=cast["client"], status="confirmed").count() == 1
    assert cast["therapist"].booking_schedule.rules.count() == 6
