"""Someone who knows a person's email cannot keep that person out of their own account."""

from conftest import PASSWORD

ATTACKER = "203.0.113.9"
OWNER = "198.51.100.7"


def test_failures_from_another_address_never_lock_the_owner_out(client, client_alice):
    for _ in range(8):
        client.post("/accounts/login/", {"login": client_alice.email, "password": "wrong"}, REMOTE_ADDR=ATTACKER)
    # the attacker's own address is now held back, even with the right password
    held = client.post("/accounts/login/", {"login": client_alice.email, "password": PASSWORD}, REMOTE_ADDR=ATTACKER)
    assert "Too many attempts in a short time" in held.content.decode()
    assert "_auth_user_id" not in client.session
    # Alice, from her own address, signs in at once
    response = client.post("/accounts/login/", {"login": client_alice.email, "password": PASSWORD}, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(client_alice.pk)


def test_the_lock_still_holds_per_account_from_one_address(client, client_alice, stranger_eve):
    for _ in range(5):
        client.post("/accounts/login/", {"login": client_alice.email, "password": "wrong"}, REMOTE_ADDR=ATTACKER)
    held = client.post("/accounts/login/", {"login": client_alice.email, "password": PASSWORD}, REMOTE_ADDR=ATTACKER)
    assert "Too many attempts in a short time" in held.content.decode()
    # another account from that address is not affected by Alice's lock
    other = client.post("/accounts/login/", {"login": stranger_eve.email, "password": PASSWORD}, REMOTE_ADDR=ATTACKER)
    assert other.status_code == 302
