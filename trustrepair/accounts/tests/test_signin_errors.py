"""Sign-in errors (issue 11, item 11): said once, and without promising that nothing was lost when the
password field was emptied."""

import pytest


@pytest.mark.django_db
def test_a_wrong_password_is_reported_once_and_asks_for_the_password_again(client, client_alice):
    html = client.post("/accounts/login/", {"login": "alice@example.test", "password": "wrong-one"}).content.decode()
    assert html.count("not correct") == 1
    assert "Nothing you typed has been lost" not in html
    assert "please type your password again" in html


@pytest.mark.django_db
def test_forms_without_passwords_still_say_nothing_was_lost(client, client_alice):
    client.force_login(client_alice)
    html = client.post("/account/profile/", {"display_name": "x" * 500}).content.decode()
    assert "Nothing you typed has been lost" in html


@pytest.mark.django_db
def test_a_short_password_that_does_not_match_is_told_both(client):
    html = client.post(
        "/accounts/signup/", {"email": "new@example.test", "password1": "short", "password2": "shorter"}
    ).content.decode()
    assert "too short" in html
    assert "The two passwords are not the same" in html
    assert html.count("The two passwords are not the same") == 1
