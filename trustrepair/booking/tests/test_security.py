"""Holes a security review found in booking (issue 8): each test states the rule that closes one."""

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
    response = client.post(
        reverse("booking:availability"), {"action": "add_time_off", "t-first_day": first, "t-last_day": last}
    )
    assert response.status_code == 400
    form = response.context["off_form"]
    assert form.errors.get("first_day") or form.errors.get("last_day")
