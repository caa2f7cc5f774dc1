import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from trustrepair.couples import services
from trustrepair.couples.models import Invitation, Membership
from trustrepair.couples.tests.helpers import link

pytestmark = pytest.mark.django_db


def test_a_code_links_two_accounts_each_with_their_own_consent(client_alice, partner_bob):
    couple = link(client_alice, partner_bob)
    members = Membership.objects.filter(couple=couple)
    assert {m.user for m in members} == {client_alice, partner_bob}
    assert all(m.consented_at and m.consent_version for m in members)


def test_a_code_works_once(client_alice, partner_bob, stranger_eve):
    _inv, code = services.create_invitation(client_alice)
    services.accept_invitation(partner_bob, code=code)
    services.unlink(partner_bob)
    with pytest.raises(services.CouplesError):
        services.accept_invitation(stranger_eve, code=code)


def test_a_code_expires_after_seven_days(client_alice, partner_bob):
    invitation, code = services.create_invitation(client_alice)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    with pytest.raises(services.CouplesError) as refused:
        services.accept_invitation(partner_bob, code=code)
    assert "does not work" in refused.value.message


def test_codes_are_long_and_only_their_hash_is_kept(client_alice):
    invitation, code = services.create_invitation(client_alice)
    assert len(code.replace("-", "")) == 16
    assert code.replace("-", "") not in invitation.code_hash


def test_one_active_link_per_person_is_a_database_rule(client_alice, partner_bob, stranger_eve):
    couple = link(client_alice, partner_bob)
    with pytest.raises(IntegrityError):
        Membership.objects.create(couple=couple, user=client_alice)


def test_someone_linked_cannot_join_another(client_alice, partner_bob, stranger_eve):
    link(client_alice, partner_bob)
    _inv, code = services.create_invitation(stranger_eve)
    with pytest.raises(services.CouplesError):
        services.accept_invitation(client_alice, code=code)


def test_the_email_invitation_reads_the_same_whether_or_not_the_address_has_an_account(
    client, client_alice, partner_bob, django_capture_on_commit_callbacks
):
    client.force_login(client_alice)
    pages, bodies = [], []
    for address in ("bob@example.test", "nobody-here@example.test"):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            with_capture = client.post("/together/invite/email/", {"address": address}, follow=True)
        pages.append(with_capture.content.decode().count("If that address can receive email"))
        assert len(mail.outbox) == 1
        bodies.append(mail.outbox[0].body.split("Your one-time code:")[0])
        assert "TrustRepair" not in mail.outbox[0].body + mail.outbox[0].subject
    assert pages == [1, 1]
    assert bodies[0] == bodies[1]


def test_join_with_a_bad_code_shows_the_error_next_to_the_field(client, partner_bob):
    client.force_login(partner_bob)
    response = client.post("/together/join/", {"code": "NOPE-NOPE"})
    assert response.status_code == 200
    assert "That code does not work" in response.content.decode()


def test_either_can_unlink_at_once(client, client_alice, partner_bob):
    link(client_alice, partner_bob)
    client.force_login(partner_bob)
    client.post("/together/unlink/")
    assert not Membership.objects.filter(left_at__isnull=True).exists()
