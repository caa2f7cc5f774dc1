"""The practice outcomes page: staff and the clinical lead only, counts only, small practices suppressed."""

import pytest

from conftest import make_user
from trustrepair.clinic import services as clinic
from trustrepair.clinic.models import PracticeMembership
from trustrepair.measures import registry
from trustrepair.measures import services as measures
from trustrepair.messaging.tests.care import in_care
from trustrepair.outcomes import reports


@pytest.fixture
def practice(therapist_tess, staff_sam):
    lead = make_user("lena@example.test", "therapist", name="Lena", mfa=True)
    backup = make_user("omar@example.test", "therapist", name="Omar", mfa=True)
    p = clinic.create_practice(name="Riverside", lead=lead, backup=backup)
    clinic.add_member(p, therapist_tess, role=PracticeMembership.Role.THERAPIST)
    clinic.add_member(p, staff_sam, role=PracticeMembership.Role.STAFF)
    return p


def gad7(user, value):
    instrument = registry.get("gad7")
    measures.submit_answers(user, instrument=instrument, answers={str(n): value for n in range(1, 8)})


def test_a_small_practice_shows_no_small_number(practice, therapist_tess, client_alice, partner_bob):
    for person in (client_alice, partner_bob):
        in_care(person, therapist_tess, "measures")
        gad7(person, 3)
        gad7(person, 0)
    report = reports.report_for(practice)
    assert report.clients_counted is None
    [row] = report.measures
    assert row.total is None and set(row.cells.values()) == {None}
    assert all(m["clients"] is None and m["homework"].total is None for m in report.months)


def test_clients_who_keep_measures_private_are_not_counted(practice, therapist_tess, client_alice):
    in_care(client_alice, therapist_tess)  # shares nothing
    gad7(client_alice, 3)
    gad7(client_alice, 0)
    assert reports.report_for(practice).measures == []


def test_the_page_is_for_staff_and_the_clinical_lead_only(client, practice, therapist_tess, staff_sam, client_alice):
    client.force_login(staff_sam)
    page = client.get("/outcomes/")
    assert page.status_code == 200 and "Outcomes at Riverside" in page.content.decode()
    client.force_login(practice.clinical_lead)
    assert client.get("/outcomes/").status_code == 200
    client.force_login(therapist_tess)
    page = client.get("/outcomes/").content.decode()
    assert "Outcomes at" not in page and "for a practice's staff and its clinical lead" in page
    client.force_login(client_alice)
    assert client.get("/outcomes/").status_code == 403


def test_staff_of_no_practice_see_nothing(client, staff_sam):
    client.force_login(staff_sam)
    assert "Outcomes at" not in client.get("/outcomes/").content.decode()
