"""Real availability: next available and "times that suit you" come from open hours, time off and bookings,
in the person's own time zone; overlapping open hours are refused by the field."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from trustrepair.booking import selectors as booking_selectors
from trustrepair.booking import services as booking_services
from trustrepair.booking import slots
from trustrepair.booking.tests.helpers import book
from trustrepair.directory import matching, services
from trustrepair.directory.models import TherapistProfile
from trustrepair.directory.tests.factories import make_profile

pytestmark = pytest.mark.django_db
UTC = dt.UTC


@pytest.fixture
def tess_mondays(therapist_tess, staff_sam):
    """Tess in New York, open Mondays 09:00–10:00 her time, no minimum notice."""
    profile = make_profile(therapist_tess, verified_by=staff_sam)
    schedule = booking_selectors.schedule_for(therapist_tess)
    booking_services.update_schedule(schedule, time_zone="America/New_York", min_notice_hours=0)
    booking_services.add_rule(schedule, weekday=0, start=dt.time(9), end=dt.time(10))
    return profile


def test_next_available_crosses_the_spring_clock_change(tess_mondays, client, client_alice):
    # Friday 6 March 2026: New York moves its clocks on Sunday 8 March, London not until 29 March.
    services.refresh_next_available(profiles=[tess_mondays], now=dt.datetime(2026, 3, 6, 12, tzinfo=UTC))
    tess_mondays.refresh_from_db()
    # Monday 09:00 in New York is 13:00 UTC after the change (it was 14:00 UTC the Monday before).
    assert tess_mondays.next_available == dt.datetime(2026, 3, 9, 13, tzinfo=UTC)
    client_alice.time_zone = "Europe/London"
    client_alice.save(update_fields=["time_zone"])
    client.force_login(client_alice)
    assert "Mon 9 Mar, 13:00" in client.get(reverse("directory:list")).text  # in Alice's own zone
    # The autumn change moves it back: Monday 2 November 09:00 EST is 14:00 UTC.
    services.refresh_next_available(profiles=[tess_mondays], now=dt.datetime(2026, 10, 30, 12, tzinfo=UTC))
    tess_mondays.refresh_from_db()
    assert tess_mondays.next_available == dt.datetime(2026, 11, 2, 14, tzinfo=UTC)


def test_next_available_skips_time_off_and_booked_times_and_updates_on_each_change(
    tess_mondays, client_alice, django_capture_on_commit_callbacks
):
    schedule = booking_selectors.schedule_for(tess_mondays.user)
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.add_rule(schedule, weekday=0, start=dt.time(11), end=dt.time(12))
    tess_mondays.refresh_from_db()
    first = tess_mondays.next_available
    assert first is not None and first.astimezone(dt.UTC).weekday() == 0
    with django_capture_on_commit_callbacks(execute=True):
        book(client_alice, tess_mondays.user, first, client_place="US-NY")
    tess_mondays.refresh_from_db()
    assert tess_mondays.next_available > first  # the booked time is no longer next
    local_day = slots.in_zone(tess_mondays.next_available, "America/New_York").date()
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.add_time_off(schedule, first_day=local_day, last_day=local_day)
    tess_mondays.refresh_from_db()
    assert slots.in_zone(tess_mondays.next_available, "America/New_York").date() > local_day


def test_the_nightly_command_refreshes_every_listed_therapist(tess_mondays):
    TherapistProfile.objects.filter(pk=tess_mondays.pk).update(next_available=None, open_hours="")
    call_command("refresh_next_available", verbosity=0)
    tess_mondays.refresh_from_db()
    assert tess_mondays.next_available is not None and tess_mondays.next_available_checked_at is not None
    assert "1" in tess_mondays.open_hours


def test_times_that_suit_are_read_on_the_persons_clock(tess_mondays):
    services.refresh_next_available(profiles=[tess_mondays], now=dt.datetime(2026, 6, 3, tzinfo=UTC))
    tess_mondays.refresh_from_db()
    hours = {i for i, c in enumerate(tess_mondays.open_hours) if c == "1"}
    assert hours == {13}  # Monday 09:00 EDT is 13:00 UTC
    # A Londoner's weekday afternoon (12–17 BST = 11–16 UTC) includes it; a Sydney morning does not.
    monday = dt.date(2026, 6, 1)
    assert matching.wanted_hours("weekday_afternoons", "Europe/London", monday) & hours
    assert not matching.wanted_hours("weekday_mornings", "Australia/Sydney", monday) & hours


def test_overlapping_open_hours_are_refused_by_the_field(client, therapist_tess, tess_mondays):
    client.force_login(therapist_tess)
    data = {"r-weekday": "0", "r-start": "09:30", "r-end": "11:00"}
    response = client.post(reverse("booking:open_hours_add"), data)
    assert response.status_code == 400
    assert 'id="id_r-start_error"' in response.text and "overlap your open hours on Monday 09:00–10:00" in response.text
    assert booking_selectors.schedule_for(therapist_tess).rules.count() == 1
    # Touching end to start is not an overlap.
    client.post(reverse("booking:open_hours_add"), {**data, "r-start": "10:00", "r-end": "11:00"})
    assert booking_selectors.schedule_for(therapist_tess).rules.count() == 2
