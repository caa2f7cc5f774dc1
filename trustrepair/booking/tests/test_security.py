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
