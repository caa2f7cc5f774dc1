"""The data migration turns free-text jurisdictions into licences with ISO areas."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("directory", "0002_default_terms"), ("accounts", "0004_country_and_subdivision_replace_region")]
AFTER = [("directory", "0004_licences_currency_photos_availability_staff_decisions")]


@pytest.mark.django_db(transaction=True)
def test_ny_nj_becomes_us_ny_and_us_nj_and_keeps_its_verification():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User, Profile = old.get_model("accounts", "User"), old.get_model("directory", "TherapistProfile")
    staff = User.objects.create(email="staff@example.test", role="staff", password="!")
    verified_at = timezone.now()

    def profile(email, jurisdictions, country, status="verified"):
        user = User.objects.create(email=email, role="therapist", password="!")
        return Profile.objects.create(
            user=user, name=email, licence_type="LMFT", licence_number="N-1", jurisdictions=jurisdictions,
            country_code=country, status=status, wants_listing=True, is_listed=status == "verified",
            verified_at=verified_at, verified_by=staff, offers_in_person=False,
        )  # fmt: skip

    profile("ny@example.test", "NY, NJ", "US")
    profile("uk@example.test", "UK", "GB")
    profile("odd@example.test", "NY, Atlantis", "US")
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Licence, Profile = new.get_model("directory", "Licence"), new.get_model("directory", "TherapistProfile")

    def licence(email):
        return Licence.objects.get(profile__user__email=email)

    ny = licence("ny@example.test")
    assert ny.areas == ",US-NJ,US-NY," and ny.verified_at == verified_at and ny.verified_by_id == staff.pk
    assert Profile.objects.get(user__email="ny@example.test").remote_coverage == ",US-NJ,US-NY,"
    assert licence("uk@example.test").areas == ",GB,"
    assert Profile.objects.get(user__email="uk@example.test").fee_currency == "GBP"
    odd = licence("odd@example.test")  # something not understood: staff check it again
    assert odd.areas == ",US-NY," and odd.verified_at is None
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
