"""How to meet (item 3), couples sessions (item 4) and family sessions (item 5)."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from conftest import make_user
from trustrepair.booking.models import Appointment
from trustrepair.clinic.models import ProgressNote
from trustrepair.meetings import services
from trustrepair.meetings.models import MeetingWay, Participant
from trustrepair.messaging.tests.care import in_care
from trustrepair.notifications.models import Notice

LINK = "https://video.example.test/room/tess-42"


def appointment(client, therapist, *, status="confirmed", hours=30):
    start = timezone.now() + dt.timedelta(hours=hours)
    return Appointment.objects.create(
        therapist=therapist,
        client=client,
        kind="session",
        status=status,
        start=start,
        end=start + dt.timedelta(minutes=50),
        blocks_until=start + dt.timedelta(minutes=60),
        reason="x",
        contact_method="email",
    )


@pytest.fixture
def bob_in_care(partner_bob, therapist_tess, client_alice):
    """Bob and Alice are both in Tess's care and linked as a couple in their couples space."""
    from trustrepair.couples import services as couples

    in_care(client_alice, therapist_tess)
    relationship = in_care(partner_bob, therapist_tess)
    _invitation, code = couples.create_invitation(client_alice)
    couples.accept_invitation(partner_bob, code=code)
    return relationship


def test_two_clients_not_linked_as_a_couple_cannot_share_a_couples_session(client_alice, partner_bob, therapist_tess):
    in_care(client_alice, therapist_tess)
    bob = in_care(partner_bob, therapist_tess)
    a = appointment(client_alice, therapist_tess)
    with pytest.raises(services.MeetingError, match="not linked as a couple"):
        services.add_second_client(a, by=therapist_tess, relationship_id=bob.public_id)


def test_the_client_sees_how_to_meet_only_once_confirmed(client, client_alice, therapist_tess):
    a = appointment(client_alice, therapist_tess, status="requested")
    services.set_way(a, by=therapist_tess, mode="video", detail=LINK)
    client.force_login(client_alice)
    assert LINK not in client.get(a.get_absolute_url()).content.decode()
    assert LINK not in client.get(f"/meet/{a.public_id}/").content.decode()
    Appointment.objects.filter(pk=a.pk).update(status="confirmed")
    assert LINK in client.get(f"/meet/{a.public_id}/").content.decode()
    assert LINK in client.get(a.get_absolute_url()).content.decode()  # on booking's own appointment page too


def test_the_way_to_meet_is_encrypted_and_checked(client_alice, therapist_tess):
    a = appointment(client_alice, therapist_tess)
    with pytest.raises(services.MeetingError):
        services.set_way(a, by=therapist_tess, mode="video", detail="not a link")
    services.set_way(a, by=therapist_tess, mode="in_person", detail="12 Quiet Lane, second floor")
    with connection.cursor() as cursor:
        cursor.execute("SELECT detail FROM meetings_meetingway")
        assert "Quiet Lane" not in cursor.fetchone()[0]


def test_a_reminder_two_hours_before_once_and_neutral(client_alice, therapist_tess):
    a = appointment(client_alice, therapist_tess, hours=1)
    services.set_way(a, by=therapist_tess, mode="video", detail=LINK)
    assert services.send_soon_reminders() == 1
    assert services.send_soon_reminders() == 0
    notice = Notice.objects.get(user=client_alice, kind="session_soon")
    assert LINK not in notice.email_body and LINK not in notice.text


def test_a_couples_session_has_two_clients_in_care_each_noted_in_their_own_record(
    client, client_alice, partner_bob, therapist_tess, bob_in_care
):
    a = appointment(client_alice, therapist_tess)
    client.force_login(therapist_tess)
    client.post(f"/meet/{a.public_id}/second-client/", {"relationship": str(bob_in_care.public_id)})
    assert Participant.objects.filter(appointment=a, relationship=bob_in_care).exists()
    alice_rel = services.note_people(a)[0]
    response = client.post(
        f"/meet/{a.public_id}/notes/",
        {
            f"note-{alice_rel.public_id}": "Spoke of trust while Bob listened.",
            f"note-{bob_in_care.public_id}": "Quiet.",
        },
    )
    assert "names “Bob”" in response.content.decode()  # Alice's note names Bob: refused, nothing written
    assert not ProgressNote.objects.exists()
    client.post(
        f"/meet/{a.public_id}/notes/",
        {
            f"note-{alice_rel.public_id}": "Spoke of trust; their partner listened.",
            f"note-{bob_in_care.public_id}": "Listened; named one fear.",
        },
    )
    assert {n.relationship_id for n in ProgressNote.objects.all()} == {alice_rel.pk, bob_in_care.pk}


def test_the_second_client_sees_the_session_but_not_the_family_or_the_other_record(
    client, client_alice, partner_bob, therapist_tess, bob_in_care
):
    a = appointment(client_alice, therapist_tess)
    services.add_second_client(a, by=therapist_tess, relationship_id=bob_in_care.public_id)
    services.set_way(a, by=therapist_tess, mode="phone", detail="Tess calls you")
    client.force_login(partner_bob)
    page = client.get(f"/meet/{a.public_id}/").content.decode()
    assert "Tess calls you" in page
    assert "alice@example.test" not in page
    assert client.get(a.get_absolute_url()).status_code == 404  # booking's page (and intake) stay the client's


def test_a_second_client_must_be_in_care_with_the_therapist(client_alice, therapist_tess, stranger_eve):
    in_care(client_alice, therapist_tess)
    other = make_user("theo@example.test", "therapist", name="Theo", mfa=True)
    rel_elsewhere = in_care(stranger_eve, other)
    a = appointment(client_alice, therapist_tess)
    with pytest.raises(services.MeetingError):
        services.add_second_client(a, by=therapist_tess, relationship_id=rel_elsewhere.public_id)


def test_family_participants_are_named_people_without_accounts(client, client_alice, therapist_tess):
    a = appointment(client_alice, therapist_tess)
    client.force_login(therapist_tess)
    client.post(f"/meet/{a.public_id}/family/", {"name": "Rosa", "relation": "mother"})
    p = Participant.objects.get()
    assert p.name == "Rosa" and p.relationship is None
    client.force_login(client_alice)
    assert "Rosa" in client.get(f"/meet/{a.public_id}/").content.decode()


def test_nobody_else_opens_or_sets_up_the_appointment(client, client_alice, therapist_tess, stranger_eve, staff_sam):
    a = appointment(client_alice, therapist_tess)
    other = make_user("theo@example.test", "therapist", name="Theo", mfa=True)
    client.force_login(stranger_eve)
    assert client.get(f"/meet/{a.public_id}/").status_code == 404
    client.force_login(other)
    assert client.get(f"/meet/{a.public_id}/setup/").status_code == 404
    assert client.get(f"/meet/{a.public_id}/notes/").status_code == 404
    client.force_login(staff_sam)
    assert client.get(f"/meet/{a.public_id}/setup/").status_code == 403


def test_the_couples_lookup_is_lazy(db):
    assert services.linked_as_couple(None, None) in (None, False)
    assert MeetingWay.Mode.VIDEO == "video"
