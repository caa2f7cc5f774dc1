"""The one sender: contact preference, Updates, exactly-once delivery, and nobody else sending email."""

import datetime as dt
import re
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from trustrepair.notifications import services
from trustrepair.notifications.models import Notice

CONTEXT = {"other": "Tess", "when": "Monday 9 March 2026 at 14:00 (Europe/London)"}


def tell(person, **extra):
    notice = services.notify(person, kind="appointment_confirmed", context=CONTEXT, link_path="/booking/", **extra)
    services.deliver_pending()
    return notice


def prefer(person, contact):
    person.contact = contact
    person.save(update_fields=["contact"])


def test_a_neutral_email_names_nothing_and_comes_from_the_neutral_sender(client_alice):
    tell(client_alice)
    [message] = mail.outbox
    assert message.subject == "You have a new update"
    assert message.from_email == settings.DISCREET_FROM_EMAIL
    assert "Tess" not in message.body and "An appointment on Monday 9 March" in message.body


def test_a_person_who_allowed_names_gets_them(client_alice):
    prefer(client_alice, "named_email")
    tell(client_alice)
    [message] = mail.outbox
    assert message.subject == "TrustRepair: appointment confirmed"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL and "with Tess" in message.body


def test_in_app_only_sends_no_email_but_lists_the_update(client, client_alice):
    prefer(client_alice, "in_app")
    notice = tell(client_alice)
    assert mail.outbox == [] and notice.email == Notice.Email.NONE
    client.force_login(client_alice)
    page = client.get(reverse("notifications:updates")).content.decode()
    assert "Your appointment with Tess on Monday 9 March 2026 at 14:00" in page


def test_in_app_only_still_gets_the_password_reset_it_asked_for(client, client_alice):
    prefer(client_alice, "in_app")
    client.post(reverse("account_reset_password"), {"email": client_alice.email})
    [message] = mail.outbox
    assert "/accounts/password/reset/key/" in message.body


def test_choosing_in_app_only_before_the_email_goes_stops_it(client_alice):
    notice = services.notify(client_alice, kind="appointment_confirmed", context=CONTEXT, deliver_now=False)
    prefer(client_alice, "in_app")
    assert services.deliver_pending() == 0
    notice.refresh_from_db()
    assert mail.outbox == [] and notice.email == Notice.Email.SKIPPED


def test_the_navigation_counts_unread_updates_and_opening_them_reads_them(client, client_alice):
    tell(client_alice)
    tell(client_alice)
    client.force_login(client_alice)
    home = client.get("/").content.decode()
    assert re.search(r"Updates</span> <span class=\"badge\">2<", home)  # in the More menu
    assert re.search(r"More</span> <span class=\"badge\">2<", home)  # and on More itself, while it is closed
    client.get(reverse("notifications:updates"))
    assert 'class="badge"' not in client.get("/").content.decode()
    assert not Notice.objects.filter(user=client_alice, read_at__isnull=True).exists()


def test_the_updates_page_shows_only_my_own_notices(client, client_alice, stranger_eve):
    tell(client_alice)
    client.force_login(stranger_eve)
    assert "Tess" not in client.get(reverse("notifications:updates")).content.decode()


def test_a_keyed_notice_is_made_once(client_alice):
    first = services.notify(client_alice, kind="checkin_due", key="checkin:1")
    again = services.notify(client_alice, kind="checkin_due", key="checkin:1")
    assert first.pk == again.pk and Notice.objects.count() == 1


def test_a_sent_notice_is_never_sent_again(client_alice):
    tell(client_alice)
    assert services.deliver_pending(now=timezone.now() + dt.timedelta(hours=1)) == 0
    assert len(mail.outbox) == 1


def test_a_claim_abandoned_for_more_than_ten_minutes_is_retried_and_a_fresh_one_is_not(client_alice):
    notice = services.notify(client_alice, kind="checkin_due", deliver_now=False)
    now = timezone.now()
    # A worker claimed it and died before sending: no sent mark.
    Notice.objects.filter(pk=notice.pk).update(email_claimed_at=now - dt.timedelta(minutes=9))
    assert services.deliver_pending(now=now) == 0
    Notice.objects.filter(pk=notice.pk).update(email_claimed_at=now - dt.timedelta(minutes=11))
    assert services.deliver_pending(now=now) == 1
    assert services.deliver_pending(now=now + dt.timedelta(minutes=30)) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's shared-cache test database answers 'table is locked' instead of waiting; proved on PostgreSQL",
)
def test_workers_in_parallel_send_each_email_once(client_alice):
    notices = [services.notify(client_alice, kind="checkin_due", deliver_now=False) for _ in range(5)]
    results, errors = [], []

    def work():
        try:
            results.append(services.deliver_pending())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and sum(results) == len(notices) and len(mail.outbox) == len(notices)


MAIL_BUILDERS = (
    r"from django\.core\.mail import|import django\.core\.mail\b|EmailMessage\(|EmailMultiAlternatives\(|"
    r"send_mass_mail\(|mail\.send_mail\("
)


def test_no_module_but_the_sender_builds_an_email():
    root = Path(settings.BASE_DIR) / "trustrepair"
    allowed = {root / "notifications" / "sender.py"}
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "tests" not in path.parts and path not in allowed and re.search(MAIL_BUILDERS, path.read_text())
    ]
    assert offenders == [], f"emails must go through notifications.sender: {offenders}"


def test_export_and_erase_include_notices(client_alice):
    tell(client_alice)
    assert services.export_notices(client_alice)[0]["kind"] == "appointment_confirmed"
    services.erase_notices(client_alice)
    assert not Notice.objects.filter(user=client_alice).exists()
