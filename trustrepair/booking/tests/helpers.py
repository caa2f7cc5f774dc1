"""Test data for booking: a therapist open every day, and the next open slots from now."""

import datetime as dt

from django.utils import timezone

from trustrepair.booking import selectors, services
from trustrepair.booking.models import AvailabilityRule

INTAKE_SECRET = "my partner Sam reads my diary and I feel watched"


def list_in_directory(therapist):
    """Give a therapist without a directory profile a verified, listed one: only listed therapists can be booked."""
    from trustrepair.accounts.models import User
    from trustrepair.directory.models import TherapistProfile
    from trustrepair.directory.tests.factories import make_profile

    profile = TherapistProfile.objects.filter(user=therapist).first()
    if profile is None:  # a therapist the test set up itself (unverified, suspended, …) is left as it is
        # Licensed where the test clients live (US-NY), with the licence and the profile verified by staff.
        verifier = User.objects.filter(email="verifier@example.test").first() or User.objects.create_user(
            email="verifier@example.test", password=None, role=User.Role.STAFF, display_name="Verifier"
        )
        profile = make_profile(therapist, name=f"Dr {therapist.display_name or 'Test'}", verified_by=verifier)
    return profile


def open_every_day(therapist, *, zone="America/New_York", start=dt.time(0, 0), end=dt.time(23, 59), **settings):
    list_in_directory(therapist)
    schedule = selectors.schedule_for(therapist)
    fields = {"time_zone": zone, "min_notice_hours": 0, **settings}
    services.update_schedule(schedule, **fields)
    AvailabilityRule.objects.filter(schedule=schedule).delete()
    for weekday in range(7):
        services.add_rule(schedule, weekday=weekday, start=start, end=end)
    schedule.refresh_from_db()
    return schedule


def upcoming_slots(schedule, *, kind="consultation", days_ahead=2, days=2):
    today = timezone.now().date()
    return selectors.open_slots(
        schedule,
        kind=kind,
        first_day=today + dt.timedelta(days=days_ahead),
        last_day=today + dt.timedelta(days=days_ahead + days),
    )


def book(client, therapist, start, *, kind="consultation", reason=INTAKE_SECRET, **extra):
    return services.book_appointment(
        client=client,
        therapist=therapist,
        kind=kind,
        start=start,
        reason=reason,
        who_is_involved=extra.pop("who_is_involved", "my partner"),
        preferences=extra.pop("preferences", "no mornings"),
        **extra,
    )


def spaced_slots(schedule, *, kind="consultation", count=6, hours_apart=2):
    """`count` open slots at least `hours_apart` apart, so booking one never blocks the next."""
    chosen = []
    for start in upcoming_slots(schedule, kind=kind, days=4):
        if not chosen or start - chosen[-1] >= dt.timedelta(hours=hours_apart):
            chosen.append(start)
        if len(chosen) == count:
            break
    return chosen


def another_therapist(email):
    """A second bookable therapist, open every day."""
    from trustrepair.accounts.models import User

    therapist = User.objects.create_user(email=email, password=None, role=User.Role.THERAPIST, display_name="Dr X")
    return therapist, open_every_day(therapist)


def another_client(email):
    from trustrepair.accounts.models import User

    return User.objects.create_user(
        email=email, password=None, role=User.Role.CLIENT, display_name="Client", country="US", subdivision="US-NY"
    )
