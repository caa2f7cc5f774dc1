"""The URL × role matrix for every view of issue 14 (messages, homework, groups, how to meet, couples and
family sessions, outcomes): the owner, a partner, the treating therapist, another therapist, the clinical
lead, the backup clinician, practice staff, a stranger and nobody signed in."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import make_user
from trustrepair.booking.models import Appointment
from trustrepair.clinic import homework
from trustrepair.clinic import services as clinic
from trustrepair.clinic.models import PracticeMembership
from trustrepair.groups import services as groups
from trustrepair.groups.models import GroupSession
from trustrepair.meetings import services as meetings
from trustrepair.messaging.tests.care import in_care

ROLES = ["anonymous", "client", "partner", "therapist", "other_therapist", "lead", "backup", "staff", "stranger"]


@pytest.fixture
def world(client_alice, partner_bob, therapist_tess, staff_sam, stranger_eve):
    lead = make_user("lena@example.test", "therapist", name="Lena", mfa=True)
    backup = make_user("omar@example.test", "therapist", name="Omar", mfa=True)
    practice = clinic.create_practice(name="Riverside", lead=lead, backup=backup)
    clinic.add_member(practice, therapist_tess, role=PracticeMembership.Role.THERAPIST)
    clinic.add_member(practice, staff_sam, role=PracticeMembership.Role.STAFF)
    rel = in_care(client_alice, therapist_tess, "measures", "risk_alerts")
    task = homework.assign(
        rel, by=therapist_tess, kind="tool", target="journal_entry", due_at=timezone.now() + dt.timedelta(days=2)
    )
    group, code = groups.create_group(therapist_tess, name="G", theme="T", schedule="S", max_members=5)
    groups.join(client_alice, code=code, handle="Ally", adult=True)
    session = GroupSession.objects.create(
        group=group, start=timezone.now() + dt.timedelta(days=2), end=timezone.now() + dt.timedelta(days=2, hours=1)
    )
    start = timezone.now() + dt.timedelta(days=3)
    appointment = Appointment.objects.create(
        therapist=therapist_tess,
        client=client_alice,
        kind="session",
        status="confirmed",
        start=start,
        end=start + dt.timedelta(minutes=50),
        blocks_until=start + dt.timedelta(minutes=60),
        reason="x",
        contact_method="email",
    )
    meetings.set_way(appointment, by=therapist_tess, mode="video", detail="https://v.example.test/r")
    people = {
        "anonymous": None,
        "client": client_alice,
        "partner": partner_bob,
        "therapist": therapist_tess,
        "other_therapist": make_user("theo@example.test", "therapist", name="Theo", mfa=True),
        "lead": lead,
        "backup": backup,
        "staff": staff_sam,
        "stranger": stranger_eve,
    }
    ids = {"rel": rel.public_id, "task": task.public_id, "group": group.public_id, "session": session.public_id}
    ids["appointment"] = appointment.public_id
    return people, ids


MEMBER_PAGE = {"client": 200, "partner": 404, "stranger": 404}  # therapists and staff: 403
THERAPIST_PAGE = {"therapist": 200, "other_therapist": 404, "lead": 404, "backup": 404}  # members, staff: 403

MATRIX = [
    ("GET", "/messages/with/{rel}/", MEMBER_PAGE),
    ("GET", "/messages/clients/{rel}/", THERAPIST_PAGE),
    ("GET", "/care/homework/clients/{rel}/", THERAPIST_PAGE),
    ("POST", "/care/homework/{task}/done/", {"client": 302, "partner": 404, "stranger": 404}),
    ("POST", "/care/homework/{task}/not-done/", {"client": 302, "partner": 404, "stranger": 404}),
    ("POST", "/care/homework/{task}/withdraw/", {**THERAPIST_PAGE, "therapist": 302}),
    ("GET", "/groups/{group}/", MEMBER_PAGE),
    ("GET", "/groups/run/{group}/", THERAPIST_PAGE),
    ("GET", "/groups/sessions/{session}/", THERAPIST_PAGE),
    ("POST", "/groups/run/{group}/code/", {**THERAPIST_PAGE, "therapist": 302}),
    ("POST", "/groups/sessions/{session}/cancel/", {**THERAPIST_PAGE, "therapist": 302}),
    ("GET", "/meet/{appointment}/", MEMBER_PAGE),
    ("GET", "/meet/{appointment}/setup/", THERAPIST_PAGE),
    ("GET", "/meet/{appointment}/notes/", THERAPIST_PAGE),
    ("POST", "/meet/{appointment}/family/", {**THERAPIST_PAGE, "therapist": 302}),
    ("POST", "/groups/{group}/leave/", {"client": 302, "partner": 404, "stranger": 404}),  # last: alice leaves
]


def expected(rule: dict, role: str) -> int:
    if role == "anonymous":
        return 302
    if role in rule:
        return rule[role]
    return 403


@pytest.mark.parametrize("role", ROLES)
def test_every_new_view_gives_each_role_the_right_answer(client, world, role):
    people, ids = world
    if people[role] is not None:
        client.force_login(people[role])
    wrong = []
    for method, pattern, rule in MATRIX:
        path = pattern.format(**ids)
        response = client.post(path, {"name": "Rosa"}) if method == "POST" else client.get(path)
        want = expected(rule, role)
        got = response.status_code
        if role == "anonymous" and got == 302 and "/accounts/login/" not in response["Location"]:
            got = "302 elsewhere"
        if got != want:
            wrong.append(f"{role} {method} {path}: wanted {want}, got {got}")
    assert wrong == []


@pytest.mark.parametrize("role", ["lead", "staff"])
def test_outcomes_for_the_lead_and_staff(client, world, role):
    people, _ = world
    client.force_login(people[role])
    assert "Outcomes at Riverside" in client.get("/outcomes/").content.decode()


@pytest.mark.parametrize("role", ["therapist", "other_therapist", "backup"])
def test_outcomes_for_no_other_clinician(client, world, role):
    people, _ = world
    client.force_login(people[role])
    assert "Outcomes at" not in client.get("/outcomes/").content.decode()


@pytest.mark.parametrize("role", ["client", "partner", "stranger"])
def test_outcomes_never_for_members(client, world, role):
    people, _ = world
    client.force_login(people[role])
    assert client.get("/outcomes/").status_code == 403
