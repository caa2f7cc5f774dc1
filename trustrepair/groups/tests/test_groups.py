"""Groups (issue 14 item 6): 3–9 members by code, handles only, calendar blocks, attendance, a note per member
naming no one else, leaving ends access at once, adults only."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import make_user
from trustrepair.groups import services
from trustrepair.groups.models import GroupSession, Member, NoteEntry


@pytest.fixture
def group_and_code(therapist_tess):
    return services.create_group(
        therapist_tess, name="Thursday", theme="Rebuilding", schedule="Thu 18:00", max_members=3
    )


@pytest.fixture
def members(group_and_code, client_alice, partner_bob, stranger_eve):
    _group, code = group_and_code
    return [
        services.join(client_alice, code=code, handle="Ally", adult=True),
        services.join(partner_bob, code=code, handle="Bee", adult=True),
        services.join(stranger_eve, code=code, handle="Evie", adult=True),
    ]


def test_group_size_is_three_to_nine(therapist_tess):
    for bad in (2, 10):
        with pytest.raises(services.GroupError):
            services.create_group(therapist_tess, name="x", theme="y", schedule="z", max_members=bad)


def test_a_full_group_refuses_another(group_and_code, members):
    newcomer = make_user("nia@example.test", "client", name="Nia")
    with pytest.raises(services.GroupError, match="full"):
        services.join(newcomer, code=group_and_code[1], handle="Nia", adult=True)


def test_members_are_adults(group_and_code, client_alice):
    with pytest.raises(services.GroupError, match="18"):
        services.join(client_alice, code=group_and_code[1], handle="Ally", adult=False)


def test_members_see_one_another_only_by_handle(client, group_and_code, members, client_alice):
    group, _ = group_and_code
    client.force_login(client_alice)
    page = client.get(f"/groups/{group.public_id}/").content.decode()
    assert "Bee" in page and "Evie" in page
    for secret in ("bob@example.test", "eve@example.test", "Bob", "Eve<", "Eve "):
        assert secret not in page


def test_a_member_never_opens_another_members_record(client, group_and_code, members, client_alice, stranger_eve):
    from trustrepair.messaging.tests.care import in_care

    rel = in_care(stranger_eve, group_and_code[0].therapist)
    client.force_login(client_alice)
    assert client.get(f"/care/with/{rel.public_id}/").status_code == 404
    assert client.get(f"/messages/with/{rel.public_id}/").status_code == 404


def test_the_group_note_writes_one_entry_per_member_naming_no_one_else(group_and_code, members, therapist_tess):
    group, _ = group_and_code
    session = GroupSession.objects.create(
        group=group, start=timezone.now() - dt.timedelta(days=1), end=timezone.now() - dt.timedelta(hours=22)
    )
    alice, bob, eve = members
    with pytest.raises(services.GroupError, match="Evie"):
        services.write_group_note(session, author=therapist_tess, shared="Evie led the check-in", personal={})
    with pytest.raises(services.GroupError, match="names"):
        services.write_group_note(
            session,
            author=therapist_tess,
            shared="Mapping the cycle",
            personal={str(alice.public_id): "Paired with Bee"},
        )
    assert not NoteEntry.objects.exists()  # nothing written when any part names someone
    services.write_group_note(
        session, author=therapist_tess, shared="Mapping the cycle", personal={str(alice.public_id): "Ally spoke first"}
    )
    entries = {e.member.handle: e.text for e in NoteEntry.objects.select_related("member")}
    assert set(entries) == {"Ally", "Bee", "Evie"}
    assert "Ally spoke first" in entries["Ally"] and "Ally" not in entries["Bee"] and "Ally" not in entries["Evie"]


def test_the_export_holds_only_my_own_note(group_and_code, members, therapist_tess, client_alice):
    group, _ = group_and_code
    session = GroupSession.objects.create(
        group=group, start=timezone.now() - dt.timedelta(days=1), end=timezone.now() - dt.timedelta(hours=22)
    )
    alice, bob, eve = members
    services.write_group_note(
        session, author=therapist_tess, shared="", personal={str(bob.public_id): "Bee was quiet tonight"}
    )
    exported = services.export_groups(client_alice)
    assert exported[0]["notes"] == []
    assert "Bee was quiet" not in str(exported)


def test_leaving_removes_access_at_once(client, group_and_code, members, client_alice):
    group, _ = group_and_code
    client.force_login(client_alice)
    assert client.get(f"/groups/{group.public_id}/").status_code == 200
    client.post(f"/groups/{group.public_id}/leave/")
    assert client.get(f"/groups/{group.public_id}/").status_code == 404
    assert "Ally" not in client.get("/groups/").content.decode()


def test_a_group_session_removes_the_therapists_bookable_slots(therapist_tess, group_and_code):
    from trustrepair.booking import selectors as booking
    from trustrepair.booking import services as booking_services

    schedule = booking.schedule_for(therapist_tess)
    day = (timezone.now() + dt.timedelta(days=7)).date()
    booking_services.add_rule(schedule, weekday=day.weekday(), start=dt.time(9), end=dt.time(17))
    before = booking.open_slots(schedule, kind="session", first_day=day, last_day=day)
    assert before
    services.add_session(group_and_code[0], start=before[0], minutes=120)
    after = booking.open_slots(schedule, kind="session", first_day=day, last_day=day)
    assert before[0] not in after and len(after) < len(before)


def test_attendance_per_session(client, group_and_code, members, therapist_tess):
    group, _ = group_and_code
    session = GroupSession.objects.create(
        group=group, start=timezone.now() - dt.timedelta(days=1), end=timezone.now() - dt.timedelta(hours=22)
    )
    client.force_login(therapist_tess)
    client.post(f"/groups/sessions/{session.public_id}/", {"present": [str(members[0].public_id)]})
    assert {a.member.handle: a.present for a in session.attendance.select_related("member")} == {
        "Ally": True,
        "Bee": False,
        "Evie": False,
    }


def test_nobody_but_the_therapist_runs_the_group(client, group_and_code, members, client_alice, staff_sam):
    group, _ = group_and_code
    theo = make_user("theo@example.test", "therapist", name="Theo", mfa=True)
    client.force_login(theo)
    assert client.get(f"/groups/run/{group.public_id}/").status_code == 404
    client.force_login(client_alice)
    assert client.get(f"/groups/run/{group.public_id}/").status_code == 403
    client.force_login(staff_sam)
    assert client.get(f"/groups/{group.public_id}/").status_code == 403


def test_group_reminders_once_per_member(group_and_code, members):
    group, _ = group_and_code
    start = timezone.now() + dt.timedelta(hours=20)
    GroupSession.objects.create(group=group, start=start, end=start + dt.timedelta(hours=1))
    assert services.send_reminders() == 3
    assert services.send_reminders() == 0
    assert Member.objects.count() == 3
