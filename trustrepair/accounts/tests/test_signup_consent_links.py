"""Consent labels on sign-up link to what a person agrees to (issue 11, item 11)."""

import pytest


@pytest.mark.django_db
def test_the_consent_labels_link_to_the_terms_and_the_privacy_notice(client):
    html = client.get("/accounts/signup/").content.decode()
    assert '<a href="/terms/" target="_blank" rel="noopener">terms of use</a>' in html
    assert '<a href="/privacy/" target="_blank" rel="noopener">privacy notice</a>' in html
    assert "&lt;a href" not in html
