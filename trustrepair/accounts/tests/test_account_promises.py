"""What the account pages say will happen does happen (docs/promises.md): links are sent, codes renewed."""

import re

from allauth.account.models import EmailAddress
from django.core import mail

from conftest import PASSWORD
from trustrepair.accounts.tests.test_account_voice import confirm_password


def test_adding_an_email_address_sends_a_link_to_confirm_it(client, client_alice, settings):
    settings.SITE_URL = "http://testserver"
    client.force_login(client_alice)
    client.post("/accounts/email/", {"email": "alice.new@example.test", "action_add": ""})
    assert EmailAddress.objects.filter(user=client_alice, email="alice.new@example.test", verified=False).exists()
    [message] = [m for m in mail.outbox if "alice.new@example.test" in m.to]
    assert re.search(r"http://testserver/accounts/confirm-email/\S+/", message.body)


def test_signing_in_with_an_unconfirmed_address_sends_a_new_link(client, client_alice, settings):
    settings.SITE_URL = "http://testserver"
    EmailAddress.objects.filter(user=client_alice).update(verified=False)
    client.post("/accounts/login/", {"login": client_alice.email, "password": PASSWORD})
    [message] = [m for m in mail.outbox if client_alice.email in m.to]
    assert re.search(r"http://testserver/accounts/confirm-email/\S+/", message.body)


def test_new_recovery_codes_replace_the_old_ones(client, therapist_tess):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    old = set(RecoveryCodes.activate(therapist_tess).generate_codes())
    client.force_login(therapist_tess)
    confirm_password(client)
    assert client.post("/accounts/2fa/recovery-codes/generate/").status_code == 302
    from allauth.mfa.models import Authenticator

    renewed = Authenticator.objects.get(user=therapist_tess, type=Authenticator.Type.RECOVERY_CODES)
    new = set(renewed.wrap().generate_codes())
    assert new and not new & old
