"""One cleaner for every name a person gives: what reaches pages and emails is one plain line of text."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustrepair.core.names import MAX_NAME_LENGTH, InvalidName, clean_name


@given(st.text(max_size=200))
def test_a_cleaned_name_is_nfc_one_line_without_control_or_format_characters(raw):
    try:
        name = clean_name(raw)
    except InvalidName:
        return
    assert 1 <= len(name) <= MAX_NAME_LENGTH
    assert unicodedata.is_normalized("NFC", name)
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name)
    assert name == name.strip() and "  " not in name
    assert all(c == " " or not c.isspace() for c in name)


@given(st.text(max_size=200))
def test_cleaning_twice_changes_nothing(raw):
    try:
        name = clean_name(raw)
    except InvalidName:
        return
    assert clean_name(name) == name


@given(st.text(alphabet=st.characters(categories=["Lu", "Ll", "Lo"]), min_size=1, max_size=MAX_NAME_LENGTH))
def test_an_ordinary_name_is_kept_as_typed(raw):
    raw = unicodedata.normalize("NFC", raw)
    if len(raw) <= MAX_NAME_LENGTH:
        assert clean_name(raw) == raw


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Alice \n Smith\t", "Alice Smith"),
        ("Al\u202eice", "Alice"),  # right-to-left override
        ("A\u200bl\u2066i\u2069ce", "Alice"),  # zero-width space, isolates
        ("Ali\x00ce\x07", "Alice"),
        ("Zoe\u0301", "Zoé"),  # composed to NFC
        ("Line\u2028break", "Line break"),
    ],
)
def test_known_tricks_are_cleaned(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize("raw", ["", "   ", "\u200b\u202e", "x" * (MAX_NAME_LENGTH + 1)])
def test_a_name_that_is_empty_or_too_long_is_refused_with_a_reason(raw):
    with pytest.raises(InvalidName) as refused:
        clean_name(raw)
    assert str(refused.value)


@pytest.mark.django_db
def test_sign_up_stores_the_cleaned_name(client):
    from trustrepair.accounts.models import User
    from trustrepair.accounts.tests.test_accounts import SIGNUP

    response = client.post("/accounts/signup/", {**SIGNUP, "display_name": "Ni\u202ea\r\nBcc: x"})
    assert response.status_code == 302
    assert User.objects.get(email=SIGNUP["email"]).display_name == "Nia Bcc: x"


def test_a_profile_name_that_is_too_long_is_refused_next_to_the_field(client, client_alice):
    client.force_login(client_alice)
    response = client.post(
        "/account/profile/",
        {"display_name": "x" * 81, "time_zone": "UTC", "place": "US-NY", "locale": "en"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_display_name_error"' in html and "80 characters" in html
    client_alice.refresh_from_db()
    assert client_alice.display_name == "Alice"


def test_a_profile_name_of_invisible_characters_is_refused_next_to_the_field(client, client_alice):
    client.force_login(client_alice)
    response = client.post(
        "/account/profile/",
        {"display_name": "\u200b\u202e", "time_zone": "UTC", "place": "US-NY", "locale": "en"},
    )
    assert 'id="id_display_name_error"' in response.content.decode()


def test_the_services_clean_a_name_from_any_caller(client_alice):
    from trustrepair.accounts.services import update_profile

    update_profile(client_alice, display_name="\tAl\u2067ice\n")
    client_alice.refresh_from_db()
    assert client_alice.display_name == "Alice"


def test_the_admin_user_form_cleans_the_name():
    from trustrepair.accounts.admin import UserAdmin

    field = UserAdmin.form.base_fields["display_name"]
    assert field.clean("  Bo\u202eb\n") == "Bob"
