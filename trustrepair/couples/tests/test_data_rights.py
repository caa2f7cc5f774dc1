import json

import pytest
from django.core import mail

from trustrepair.core import privacy
from trustrepair.couples import services
from trustrepair.couples.models import CheckInPart, Couple, RupturePart
from trustrepair.notifications.models import Notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def joint(client_alice, partner_bob, couple):
    rupture, _ = services.log_rupture(client_alice, couple=couple, sharing="partner", felt="ALICE-WORDS")
    services.save_rupture_part(partner_bob, rupture.parts.get(owner=partner_bob), sharing="partner", felt="BOB-WORDS")
    services.save_check_in(
        partner_bob, couple=couple, sharing="partner", safe=3, connected=4, trusting=5, need="BOB-NEED"
    )
    return rupture


def test_an_export_holds_only_my_own_parts(client_alice, joint):
    exported = json.dumps(privacy.export_user_data(client_alice)["sections"]["couples"], default=str)
    assert "ALICE-WORDS" in exported
    assert "BOB-WORDS" not in exported and "BOB-NEED" not in exported


def test_erasure_unlinks_deletes_my_parts_and_keeps_the_others(client, client_alice, partner_bob, joint):
    privacy.erase_user(partner_bob)
    assert not RupturePart.objects.filter(felt__isnull=False, owner_id=None).exists()
    assert RupturePart.objects.filter(rupture=joint).count() == 1  # Alice's
    assert not CheckInPart.objects.exists()
    couple = Couple.objects.get()
    assert couple.ended_at is not None and couple.member_b is None and couple.member_a == client_alice
    client.force_login(client_alice)
    page = client.get("/together/").content.decode()
    assert "Invite your partner" in page and "BOB-WORDS" not in page


def test_sharing_sends_the_other_a_neutral_notice(
    client_alice, partner_bob, couple, django_capture_on_commit_callbacks
):
    rupture, _ = services.log_rupture(client_alice, couple=couple, sharing="private", felt="x")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.set_sharing(rupture.parts.get(owner=client_alice), sharing="partner")
    notice = Notice.objects.get(user=partner_bob, kind="couples_waiting")
    assert "Something is waiting for you in your shared space" in notice.text
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert "TrustRepair" not in sent.subject + sent.body and "Alice" not in sent.subject + sent.body
    assert "rupture" not in (sent.subject + sent.body).lower()


def test_no_notice_while_the_space_is_closed(client_alice, partner_bob, couple, django_capture_on_commit_callbacks):
    rupture, _ = services.log_rupture(client_alice, couple=couple, sharing="private", felt="x")
    services.close_space(partner_bob)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_sharing(rupture.parts.get(owner=client_alice), sharing="partner")
    assert not Notice.objects.filter(kind="couples_waiting").exists()


def test_check_ins_are_revealed_side_by_side_only_when_both_answered(client, client_alice, partner_bob, couple):
    services.save_check_in(
        partner_bob, couple=couple, sharing="partner", safe=3, connected=4, trusting=5, need="BOB-NEED"
    )
    client.force_login(client_alice)
    assert "BOB-NEED" not in client.get("/together/check-in/").content.decode()
    response = client.post(
        "/together/check-in/", {"safe": 6, "connected": 6, "trusting": 6, "sharing": "partner"}, follow=True
    )
    assert "BOB-NEED" in response.content.decode()


def test_the_demo_links_alice_and_bob_with_a_full_space(db):
    from django.core.management import call_command

    from trustrepair.accounts.models import User

    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)  # idempotent
    alice = User.objects.get(email="alice@demo.trustrepair.test")
    couple = Couple.objects.get(ended_at__isnull=True)
    assert couple.is_open() and couple.other(alice).email == "bob@demo.trustrepair.test"
    assert couple.windows.filter(status="ended").count() == 1
    assert couple.ruptures.filter(repaired_at__isnull=False).count() == 1
    assert couple.check_ins.count() >= 3
