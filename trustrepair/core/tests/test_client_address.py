"""Behind the documented TLS proxy, limits and records follow each person's own address, not the proxy's."""

import pytest

from conftest import PASSWORD

PROXY = "10.0.0.2"  # the TLS proxy in front of gunicorn: every request arrives from here
ATTACKER = "203.0.113.9"
OWNER = "198.51.100.7"


def via_proxy(client_ip: str) -> dict:
    # nginx's `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for` appends the peer's address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{client_ip}"}


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def test_one_attacker_behind_the_proxy_does_not_use_up_everyone_s_sign_in_limit(
    client, client_alice, stranger_eve, behind_one_proxy
):
    for n in range(31):
        client.post("/accounts/login/", {"login": f"nobody{n}@example.test", "password": "x"}, **via_proxy(ATTACKER))
    refused = client.post(
        "/accounts/login/", {"login": stranger_eve.email, "password": PASSWORD}, **via_proxy(ATTACKER)
    )
    assert refused.status_code == 429  # the attacker's own address is limited
    # Alice comes through the same proxy from her own address and signs in
    response = client.post("/accounts/login/", {"login": client_alice.email, "password": PASSWORD}, **via_proxy(OWNER))
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(client_alice.pk)


def test_a_forged_forwarded_for_added_by_the_client_is_not_believed(rf, settings):
    from trustrepair.core.http import client_address

    settings.TRUSTED_PROXY_COUNT = 1
    # the client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real peer
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ATTACKER}")
    assert client_address(request) == ATTACKER


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(rf, settings):
    from trustrepair.core.http import client_address

    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR=OWNER, HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == OWNER


def test_a_named_client_ip_header_from_the_proxy_is_used_when_configured(rf, settings):
    from trustrepair.core.http import client_address

    settings.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_REAL_IP=OWNER, HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == OWNER


@pytest.mark.parametrize("forwarded", ["", "garbage", "1.2.3.4.5", ", ,", "::1::2", "x" * 5000, "\x00"])
def test_a_malformed_forwarded_header_never_breaks_the_address(rf, settings, forwarded):
    from trustrepair.core.http import client_address

    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) in (None, PROXY)
