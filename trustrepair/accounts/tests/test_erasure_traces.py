"""Erasure leaves no trace of the person in sessions or cache keys; expired sessions are cleared by a job."""

import datetime
import json

import pytest
from allauth.core.internal.ratelimit import get_cache_key, get_rates
from allauth.usersessions.models import UserSession
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from conftest import PASSWORD, make_user
from trustrepair.accounts.adapter import login_attempts_key
from trustrepair.accounts.models import Session, User
from trustrepair.accounts.services import clear_expired_sessions
from trustrepair.accounts.sessions import SessionStore


def sessions_mentioning(*needles: str) -> list[str]:
    found = []
    for session in Session.objects.all():
        text = json.dumps(session.get_decoded(), default=str).lower()
        if any(needle.lower() in text for needle in needles):
            found.append(session.session_key)
    return found


def email_keys(email: str, addresses: list[str]) -> list[str]:
    """The rate-limit cache keys that allauth (and our account adapter) derive from an email address."""
    keys = []
    for action, key in [("reset_password", email), ("confirm_email", email)] + [
        ("login_failed", login_attempts_key(email, address)) for address in addresses
    ]:
        for rate in get_rates(app="allauth.account", action=action):
            if rate.per == "key":
                keys.append(get_cache_key(None, app="allauth.account", action=action, rate=rate, key=key))
    return keys


@pytest.mark.django_db
def test_erasure_ends_every_session_that_names_the_person(reauthenticated, another_device):
    alice = make_user("alice2@example.test", User.Role.CLIENT, name="Alice", mfa=True)
    another_device.force_login(alice)
    another_device.get("/")
    other_key = another_device.session.session_key
    half_signed_in = Client()  # a third browser stopped at the code step: its session holds her email
    response = half_signed_in.post("/accounts/login/", {"login": alice.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert sessions_mentioning(alice.email)
    client = reauthenticated(alice)
    response = client.post("/account/erase/", {"confirmation": "erase"})
    assert response.status_code == 302
    assert not SessionStore().exists(other_key)
    assert sessions_mentioning(alice.email) == []
    assert not UserSession.objects.exists()


def test_erasure_clears_rate_limit_keys_derived_from_the_email(reauthenticated, client_alice):
    home = "198.51.100.7"
    outsider = Client()
    outsider.post("/accounts/password/reset/", {"email": client_alice.email}, REMOTE_ADDR=home)
    outsider.post("/accounts/login/", {"login": client_alice.email, "password": "wrong"}, REMOTE_ADDR=home)
    keys = email_keys(client_alice.email, [home])
    assert any(cache.get(key) for key in keys)  # the traces exist
    client = reauthenticated(client_alice)
    client.get("/", REMOTE_ADDR=home)
    client.post("/account/erase/", {"confirmation": "erase"}, REMOTE_ADDR=home)
    assert [key for key in keys if cache.get(key)] == []


@pytest.mark.django_db
def test_clearing_expired_sessions_removes_them_their_index_and_expired_cache_rows(client_alice):
    past = timezone.now() - datetime.timedelta(hours=1)
    expired = SessionStore()
    expired["_auth_user_id"] = str(client_alice.pk)
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(expire_date=past)
    UserSession.objects.create(user=client_alice, session_key=expired.session_key, ip="192.0.2.1")
    live = SessionStore()
    live["_auth_user_id"] = str(client_alice.pk)
    live.create()
    UserSession.objects.create(user=client_alice, session_key=live.session_key, ip="192.0.2.2")
    cache.set("old-trace", "x", timeout=1)
    cache.set("fresh", "y", timeout=600)
    backdate_cache_rows("old-trace", past)

    clear_expired_sessions()
    assert not Session.objects.filter(session_key=expired.session_key).exists()
    assert list(UserSession.objects.values_list("session_key", flat=True)) == [live.session_key]
    assert cache_row_count("old-trace") == 0 and cache.get("fresh") == "y"
    call_command("clear_expired_sessions", verbosity=0)  # the scheduled command; running it again is harmless
    assert Session.objects.filter(session_key=live.session_key).exists()


def backdate_cache_rows(key: str, when) -> None:
    from django.db import connection

    table = connection.ops.quote_name("trustrepair_cache")
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET expires = %s WHERE cache_key LIKE %s", [when, f"%{key}"])  # noqa: S608


def cache_row_count(key: str) -> int:
    from django.db import connection

    table = connection.ops.quote_name("trustrepair_cache")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE cache_key LIKE %s", [f"%{key}"])  # noqa: S608
        return cursor.fetchone()[0]
