import datetime as dt

import pytest
from django.utils import timezone

from conftest import make_user
from trustrepair.clinic import services
from trustrepair.clinic.models import PracticeMembership


@pytest.fixture
def lead_lena(db):
    return make_user("lena@example.test", "therapist", name="Lena", mfa=True)


@pytest.fixture
def backup_omar(db):
    return make_user("omar@example.test", "therapist", name="Omar", mfa=True)


@pytest.fixture
def therapist_tom(db):
    """A therapist with no relationship to anyone in the cast."""
    return make_user("tom@example.test", "therapist", name="Tom", mfa=True)


@pytest.fixture
def practice(therapist_tess, lead_lena, backup_omar, staff_sam):
    practice = services.create_practice(name="Riverside", lead=lead_lena, backup=backup_omar)
    services.add_member(practice, therapist_tess, role=PracticeMembership.Role.THERAPIST)
    services.add_member(practice, staff_sam, role=PracticeMembership.Role.STAFF)
    return practice


@pytest.fixture
def care(practice, client_alice, therapist_tess):
    """Alice in care with Tess, by a code; nothing shared yet."""
    text, _ = services.issue_code(therapist_tess)
    return services.redeem_code(client_alice, text)


def add_gad7(user, values, *, days_ago):
    from trustrepair.measures import registry
    from trustrepair.measures import services as measures_services

    return measures_services.submit_answers(
        user,
        instrument=registry.get("gad7"),
        answers={str(n): v for n, v in enumerate(values, start=1)},
        completed_at=timezone.now() - dt.timedelta(days=days_ago),
    )
