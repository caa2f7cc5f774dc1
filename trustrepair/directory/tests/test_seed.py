"""seed_directory and the demo data: plausible, real cities, repeatable."""

import pytest
from django.core.management import call_command

from trustrepair.directory import demo, gazetteer
from trustrepair.directory.models import TherapistProfile

pytestmark = pytest.mark.django_db


def test_seed_directory_creates_plausible_therapists_in_real_cities():
    call_command("seed_directory", count=60, verbosity=0)
    profiles = TherapistProfile.objects.all()
    assert profiles.count() == 60
    assert profiles.filter(is_listed=True).count() > 30
    for p in profiles.filter(offers_in_person=True)[:10]:
        place = gazetteer.resolve(p.city)
        assert abs(place.latitude - p.latitude) < 0.2 and p.licence_number and p.specialty_slugs
    for p in profiles:
        assert p.offers_in_person or p.offers_video
        assert p.formats and p.user.role == "therapist" and not p.user.has_usable_password()
        assert not p.is_listed or p.status == "verified"


def test_seed_directory_reset_replaces_rather_than_adds():
    call_command("seed_directory", count=20, verbosity=0)
    call_command("seed_directory", count=20, verbosity=0)
    assert TherapistProfile.objects.count() == 40
    call_command("seed_directory", count=15, reset=True, verbosity=0)
    assert TherapistProfile.objects.count() == 15


def test_demo_seed_lists_the_demo_therapist_and_is_idempotent(cast):
    demo.seed(cast)
    demo.seed(cast)
    tess = TherapistProfile.objects.get(user=cast["therapist"])
    assert tess.is_listed
    assert TherapistProfile.objects.filter(user__email__startswith="demo-therapist-").count() == demo.DEMO_COUNT
