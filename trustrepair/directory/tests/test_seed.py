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
        assert abs(place.latitude - p.latitude) < 0.2 and p.specialty_slugs
        assert p.office_place and p.office_place.split("-")[0] == place.country_code
    for p in profiles.filter(is_listed=True).prefetch_related("licences"):
        # Every listed therapist has a verified licence or registration whose areas are its coverage.
        (licence,) = p.licences.all()
        assert licence.is_verified and set(licence.area_codes) <= set(TherapistProfile.split(p.remote_coverage))
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
    assert tess.is_listed and tess.remote_coverage == ",US-NJ,US-NY," and tess.fee_currency == "USD"
    assert [lic.area_codes for lic in tess.licences.all()] == [["US-NJ", "US-NY"]]
    assert tess.photo.content_type == "image/webp" and len(tess.photo.data) <= 60 * 1024
    others = TherapistProfile.objects.filter(user__email__startswith="demo-therapist-")
    assert others.filter(photo__isnull=False).count() >= demo.DEMO_COUNT // 2
    assert len(set(others.values_list("fee_currency", flat=True))) > 1  # fees in several currencies
    assert TherapistProfile.objects.filter(user__email__startswith="demo-therapist-").count() == demo.DEMO_COUNT
