"""A client books a free consultation with the keyboard alone and finds it in "My appointments"."""

import datetime as dt

import pytest
from django.conf import settings as django_settings

from conftest import axe_violations, signed_in_session_key, tab_to
from trustrepair.booking.models import Appointment
from trustrepair.booking.tests.helpers import open_every_day

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user):
    # A session as a real sign-in leaves it: a therapist's has passed MFA (clinical pages check that).
    host = live_server.url.split("//", 1)[1].split(":")[0]
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": signed_in_session_key(user),
                "domain": host,
                "path": "/",
            }
        ]
    )


def test_booking_a_consultation_with_the_keyboard_only(page, live_server, client_alice, therapist_tess):
    open_every_day(therapist_tess, start=dt.time(9), end=dt.time(17))
    sign_in(page, live_server, client_alice)

    page.goto(f"/booking/with/{therapist_tess.public_id}/consultation/")
    assert axe_violations(page) == []
    # Pick the first day that has open times.
    tab_to(page, "a[href*='day=']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#times-heading")
    assert axe_violations(page) == []
    # Pick the first open time.
    tab_to(page, ".slot-list a")
    chosen = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")
    page.wait_for_selector("textarea[name=reason]")
    assert axe_violations(page) == []

    tab_to(page, "textarea[name=reason]")
    page.keyboard.type("I keep checking whether people mean what they say.")
    tab_to(page, "textarea[name=who_is_involved]")
    page.keyboard.type("Just me for now.")
    tab_to(page, "input[name=contact_method]")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]:not(.link-button)")
    page.keyboard.press("Enter")

    page.wait_for_selector("text=Waiting for the therapist")
    appointment = Appointment.objects.get(client=client_alice)
    assert appointment.status == "requested"
    assert appointment.reason == "I keep checking whether people mean what they say."
    assert chosen in page.content()
    assert axe_violations(page) == []

    page.goto("/booking/")
    assert page.locator(f"a[href='{appointment.get_absolute_url()}']").count() == 1
    assert axe_violations(page) == []


def test_the_therapist_pages_are_accessible_and_a_request_is_accepted_by_keyboard(
    page, live_server, client_alice, therapist_tess
):
    from trustrepair.booking.tests.helpers import book, upcoming_slots

    schedule = open_every_day(therapist_tess, start=dt.time(9), end=dt.time(17))
    appointment = book(client_alice, therapist_tess, upcoming_slots(schedule)[0])
    sign_in(page, live_server, therapist_tess)

    page.goto("/booking/practice/availability/")
    assert axe_violations(page) == []
    page.goto("/booking/practice/")
    assert axe_violations(page) == []
    tab_to(page, f"a[href='{appointment.get_absolute_url()}']")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Answer this request")
    assert axe_violations(page) == []
    tab_to(page, "textarea[name=message]")
    page.keyboard.type("Looking forward to meeting you.")
    tab_to(page, "button[value=accept]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Accepted: the client has been told.")
    appointment.refresh_from_db()
    assert appointment.status == "confirmed"
