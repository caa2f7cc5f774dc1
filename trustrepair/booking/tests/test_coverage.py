"""Booking follows the law of the place the client will be: the service itself refuses, not only the page."""

import pytest

from trustrepair.booking import services
from trustrepair.booking.models import Appointment
from trustrepair.booking.tests.helpers import book, open_every_day, upcoming_slots
from trustrepair.directory.tests.factories import make_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed_tess(therapist_tess, staff_sam):
    """Tess is licensed in New York only (verified)."""
    return make_profile(therapist_tess, verified_by=staff_sam, areas=("US-NY",))


def test_the_service_refuses_a_booking_for_a_place_the_therapist_is_not_licensed(client_alice, listed_tess):
    schedule = open_every_day(listed_tess.user)
    start = upcoming_slots(schedule)[0]
    with pytest.raises(services.OutsideCoverage, match="not licensed or registered for United Kingdom"):
        book(client_alice, listed_tess.user, start, client_place="GB")
    with pytest.raises(services.OutsideCoverage):
        book(client_alice, listed_tess.user, start, client_place="US-NJ")
    with pytest.raises(services.OutsideCoverage, match="say where you will be"):
        book(client_alice, listed_tess.user, start, client_place="")
    assert not Appointment.objects.exists()


def test_a_booking_where_the_therapist_is_licensed_goes_through_and_keeps_the_place(client_alice, listed_tess):
    schedule = open_every_day(listed_tess.user)
    appointment = book(client_alice, listed_tess.user, upcoming_slots(schedule)[0], client_place="US-NY")
    assert appointment.client_place == "US-NY"


def test_without_a_stated_place_the_clients_account_place_is_used(client_alice, listed_tess):
    schedule = open_every_day(listed_tess.user)
    client_alice.country, client_alice.subdivision = "GB", ""
    client_alice.save(update_fields=["country", "subdivision"])
    with pytest.raises(services.OutsideCoverage):
        book(client_alice, listed_tess.user, upcoming_slots(schedule)[0])


def test_an_unverified_licence_does_not_make_a_place_bookable(client_alice, therapist_tess):
    profile = make_profile(therapist_tess, areas=("US-NY",))  # nobody has checked it
    schedule = open_every_day(profile.user)
    # Refused by the service either way: an unchecked therapist is not listed (issue 8), nor covered (issue 12).
    with pytest.raises((services.OutsideCoverage, services.NotAllowed)):
        book(client_alice, profile.user, upcoming_slots(schedule)[0], client_place="US-NY")


def test_a_compact_covers_member_states_for_remote_sessions(client_alice, therapist_tess, staff_sam):
    profile = make_profile(therapist_tess, verified_by=staff_sam, areas=("US-PA",), compact="psypact")
    schedule = open_every_day(profile.user)
    appointment = book(client_alice, profile.user, upcoming_slots(schedule)[0], client_place="US-TX")
    assert appointment.client_place == "US-TX"
    with pytest.raises(services.OutsideCoverage):  # New York is not a PSYPACT member
        book(client_alice, profile.user, upcoming_slots(schedule)[1], client_place="US-NY")


def test_a_suspended_therapist_cannot_be_booked_even_where_licensed(client_alice, listed_tess, staff_sam):
    from trustrepair.directory import services as directory_services

    schedule = open_every_day(listed_tess.user)
    directory_services.suspend_profile(staff_sam, profile=listed_tess, reason="Complaint under review.")
    with pytest.raises(services.NotAllowed, match="not taking bookings"):
        book(client_alice, listed_tess.user, upcoming_slots(schedule)[0], client_place="US-NY")
