"""Kept pages (core.page_cache) never outlive a change, never reach another session, and hold nothing readable.

The key carries the person's page version (core.page_versions), which every write that could change what they
see moves: their own (however it was written), a connected person's, or any row that names them.
"""

import base64
import pickle
import zlib

import pytest
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.urls import reverse

from trustrepair.clinic import services as clinic_services
from trustrepair.clinic.tests.conftest import add_gad7
from trustrepair.core import page_versions
from trustrepair.core.fields import fernet
from trustrepair.core.models import AuditEvent
from trustrepair.exercises.models import JournalEntry

pytestmark = pytest.mark.django_db

JOURNAL = "/tools/journal/"


@pytest.fixture
def care(client_alice, therapist_tess):
    """Alice in care with Tess, by a code; nothing shared yet."""
    code, _ = clinic_services.issue_code(therapist_tess)
    return clinic_services.redeem_code(client_alice, code)


def kept(browser, path):
    """Visit twice: the first visit sets the CSRF cookie, the second is kept; return the kept page's text."""
    browser.get(path)
    response = browser.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_kept_page_shows_the_persons_own_new_entry_at_once(signed_in, client_alice):
    browser = signed_in(client_alice)
    assert "The lighthouse kept blinking" not in kept(browser, JOURNAL)
    response = browser.post(
        reverse("exercises:journal_entry_new"), {"prompt": "free", "body": "The lighthouse kept blinking."}
    )
    assert response.status_code == 302
    assert "The lighthouse kept blinking." in browser.get(JOURNAL).content.decode()


def test_a_write_made_with_update_in_the_persons_request_moves_their_and_their_therapists_version(
    care, client_alice, therapist_tess, stranger_eve
):
    before = {p.pk: page_versions.current(p) for p in (client_alice, therapist_tess, stranger_eve)}
    with page_versions.watch_writes(client_alice.pk) as watch, connection.execute_wrapper(watch):
        JournalEntry.objects.filter(owner=client_alice).update(is_draft=False)  # no signal is sent for this
    after = {p.pk: page_versions.current(p) for p in (client_alice, therapist_tess, stranger_eve)}
    assert after[client_alice.pk] != before[client_alice.pk]
    assert after[therapist_tess.pk] != before[therapist_tess.pk]  # connected: she may see what Alice shares
    assert after[stranger_eve.pk] == before[stranger_eve.pk]


def test_a_row_written_outside_any_request_moves_the_versions_of_the_people_it_names(
    care, client_alice, therapist_tess
):
    before = page_versions.current(client_alice), page_versions.current(therapist_tess)
    clinic_services.share(care, "measures")  # names them only through the relationship
    assert page_versions.current(client_alice) != before[0]
    assert page_versions.current(therapist_tess) != before[1]


def test_no_write_brings_back_an_old_version(client_alice):
    seen = set()
    for _ in range(5):
        JournalEntry.objects.create(owner=client_alice, body="again")
        version = page_versions.current(client_alice)
        assert version not in seen
        seen.add(version)
    client_alice.save()  # saving the person writes no version back: it lives in its own table
    assert page_versions.current(client_alice) not in seen


def test_the_therapists_kept_client_page_stops_showing_what_the_client_stops_sharing(
    client, another_device, care, client_alice, therapist_tess
):
    add_gad7(client_alice, [2, 2, 2, 2, 2, 2, 2], days_ago=1)
    alice = another_device
    alice.force_login(client_alice)
    alice.post(reverse("clinic:share", args=[care.public_id]), {"scope": "measures"})
    client.force_login(therapist_tess)
    page = f"/care/clients/{care.public_id}/"
    assert "GAD-7" in kept(client, page)

    response = alice.post(reverse("clinic:stop_sharing", args=[care.public_id]), {"scope": "measures"})
    assert response.status_code == 302
    assert "GAD-7" not in client.get(page).content.decode()


def test_a_kept_caseload_is_audited_each_time_it_is_shown(client, care, client_alice, therapist_tess):
    client.force_login(therapist_tess)
    kept(client, "/care/caseload/")
    reads = AuditEvent.objects.filter(subject=client_alice, object_type="clinic.caseload")
    before = reads.count()
    assert client.get("/care/caseload/").status_code == 200  # served from the cache
    assert reads.count() == before + 1
    assert reads.first().actor == therapist_tess


def test_a_page_is_kept_per_session_with_that_sessions_own_csrf_token(client, another_device, client_alice):
    pages = {}
    for browser in (client, another_device):
        browser.force_login(client_alice)
        body = kept(browser, reverse("exercises:journal_entry_list"))
        token = body.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
        secret = browser.cookies["csrftoken"].value
        assert _unmask_cipher_token(token) == secret  # the kept page's forms work from this browser
        pages[browser] = body
    assert pages[client] != pages[another_device]


def test_nothing_readable_is_kept_in_the_shared_cache(signed_in, client_alice):
    JournalEntry.objects.create(owner=client_alice, body="Where the river bends at dusk", is_draft=False)
    browser = signed_in(client_alice)
    assert "Where the river bends at dusk" in kept(browser, JOURNAL)
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM trustrepair_cache")
        stored = [pickle.loads(base64.b64decode(value)) for (value,) in cursor.fetchall()]  # noqa: S301
    assert stored, "the journal list was kept"
    for value in stored:
        assert b"river bends" not in value and b"Alice" not in value
        with pytest.raises(zlib.error):
            zlib.decompress(value)  # not merely compressed: a Fernet token, readable only with the field keys
        assert b"river bends" in zlib.decompress(fernet().decrypt(value))


def test_a_page_with_a_message_waiting_shows_it_and_is_not_kept(signed_in, client_alice):
    browser = signed_in(client_alice)
    kept(browser, JOURNAL)
    browser.post(reverse("exercises:journal_entry_new"), {"prompt": "free", "body": "A short note."})
    first = browser.get(JOURNAL).content.decode()
    again = browser.get(JOURNAL).content.decode()
    assert first != again  # the first showed the confirmation once; the next is a fresh page without it


def test_no_page_is_kept_when_kept_page_seconds_is_zero(signed_in, client_alice, settings):
    settings.KEPT_PAGE_SECONDS = 0
    browser = signed_in(client_alice)
    kept(browser, JOURNAL)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM trustrepair_cache")
        assert cursor.fetchone()[0] == 0


def test_the_kept_couples_space_closes_for_both_the_moment_one_partner_does_not_feel_safe(
    client, another_device, client_alice, partner_bob
):
    from trustrepair.couples import services as couples_services
    from trustrepair.couples.tests.helpers import link_and_open

    link_and_open(client_alice, partner_bob)
    client.force_login(client_alice)
    another_device.force_login(partner_bob)
    open_space = kept(client, "/together/")
    assert "Bob" in open_space
    couples_services.close_space(partner_bob)  # outside any request of Alice's: the gate is read on every request
    after = client.get("/together/").content.decode()
    assert after != open_space and "Bob" not in after


def test_a_kept_page_is_not_served_once_the_persons_day_has_changed(signed_in, client_alice, monkeypatch):
    """Kept a minute from its rendering, never past the person's midnight: a page saying "today" must mean it."""
    import datetime as dt

    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    browser = signed_in(client_alice)
    kept(browser, JOURNAL)
    with CaptureQueriesContext(connection) as served:
        browser.get(JOURNAL)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    with CaptureQueriesContext(connection) as next_day:
        assert browser.get(JOURNAL).status_code == 200
    assert len(served) <= 2 < len(next_day)  # the kept page, then a page rendered afresh


def test_saving_a_session_moves_no_page_version(client, client_alice):
    """Sessions are not shown on a page: writing one (every sign-in does) must not retire the person's pages."""
    from trustrepair.accounts.models import Session
    from trustrepair.core.page_versions import shown_tables

    assert Session._meta.db_table not in shown_tables()
