"""Issue 8 item 16: what a person says brings them to therapy never travels in an address (access logs,
browser history, Referer). It is posted, kept in their session, and read back from there."""

import re

import pytest
from django.urls import reverse

from trustrepair.directory.tests.factories import make_therapist

pytestmark = pytest.mark.django_db
FIND = reverse("directory:find")
LIST = reverse("directory:list")


@pytest.fixture
def therapists(staff_sam):
    make_therapist("betrayal@example.test", verified_by=staff_sam, name="Betrayal Expert",
                   specialties=("infidelity-and-betrayal",), offers_couples=True)  # fmt: skip
    make_therapist("trust@example.test", verified_by=staff_sam, name="Trust Expert", specialties=("trust-issues",),
                   offers_couples=False)  # fmt: skip


def test_questionnaire_answers_are_posted_and_never_put_in_the_address(client, therapists):
    response = client.post(
        FIND,
        {
            "format": "individual",
            "mode": "online",
            "where": "US-NY",
            "concerns": ["infidelity-and-betrayal"],
            "involved": [],
        },
    )
    assert response.status_code == 302
    assert "concerns" not in response["Location"] and "betrayal" not in response["Location"]
    results = client.get(response["Location"])
    assert results.status_code == 200 and "Why this match" in results.text
    assert re.search(r'value="infidelity-and-betrayal"[^>]*checked', results.text)  # nothing lost
    # Back to the questionnaire: the answers are still there.
    assert re.search(r'value="infidelity-and-betrayal"[^>]*checked', client.get(FIND).text)


def test_concerns_in_a_link_are_ignored_but_format_and_mode_still_work(client, therapists):
    response = client.get(
        FIND, {"format": "individual", "mode": "online", "where": "US-NY", "concerns": "infidelity-and-betrayal"}
    )
    assert response.status_code == 200 and "Why this match" in response.text
    assert not re.search(r'value="infidelity-and-betrayal"[^>]*checked', response.text)


def test_an_invalid_questionnaire_comes_back_with_its_errors_and_what_was_typed(client):
    response = client.post(FIND, {"format": "individual", "mode": "in_person", "place": ""}, follow=True)
    assert response.status_code == 200
    assert "Type a town or city" in response.text and "Nothing you typed has been lost" in response.text


def test_the_directory_filter_keeps_the_specialty_out_of_the_address(client, therapists):
    response = client.post(LIST, {"specialty": "trust-issues", "format": "individual"})
    assert response.status_code == 302
    assert "trust-issues" not in response["Location"] and "specialty" not in response["Location"]
    page = client.get(response["Location"])
    assert "Trust Expert" in page.text and "Betrayal Expert" not in page.text
    assert "trust-issues" not in "".join(re.findall(r'href="([^"]*)"', page.text))
    assert re.search(r'value="trust-issues"[^>]*selected', page.text)


def test_a_specialty_in_a_link_is_ignored(client, therapists):
    page = client.get(LIST, {"specialty": "trust-issues"})
    assert "Trust Expert" in page.text and "Betrayal Expert" in page.text
