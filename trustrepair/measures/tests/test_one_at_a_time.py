"""Measures on a phone (issue 11): answers saved as given, item 9 seen at once, results with next steps."""

import pytest
from django.urls import reverse

from trustrepair.measures.models import Administration, AnswerDraft
from trustrepair.safety.models import RiskEvent

pytestmark = pytest.mark.django_db


def autosave(client, instrument, answers):
    return client.post(reverse("measures:autosave", args=[instrument]), {f"item_{k}": v for k, v in answers.items()})


def test_each_answer_is_saved_as_it_is_given_and_offered_back(signed_in, client_alice):
    client = signed_in(client_alice)
    assert autosave(client, "gad7", {"1": "2", "2": "3", "3": "banana", "4": "9"}).status_code == 200
    assert AnswerDraft.objects.get(owner=client_alice).answers == {"1": 2, "2": 3}
    page = client.get(reverse("measures:take", args=["gad7"])).content.decode()
    assert "Carry on where you left off" in page
    assert 'value="2" id="id_item_1_2" required checked' in page or 'name="item_1" value="2"' in page


def test_phq9_item_9_above_0_raises_help_at_once_even_if_never_finished(signed_in, client_alice):
    client = signed_in(client_alice)
    response = autosave(client, "phq9", {"1": "1", "9": "1"})
    assert RiskEvent.objects.filter(user=client_alice, kind="structured").count() == 1
    assert 'id="safety-help" hx-swap-oob' in response.content.decode()  # the crisis panel, straight away
    autosave(client, "phq9", {"1": "2", "9": "1"})  # another answer changes: no second event
    assert RiskEvent.objects.filter(user=client_alice).count() == 1
    assert not Administration.objects.exists()


def test_finishing_after_item_9_keeps_one_event_linked_to_the_response(signed_in, client_alice):
    client = signed_in(client_alice)
    autosave(client, "phq9", {"9": "2"})
    answers = {f"item_{n}": "1" for n in range(1, 10)} | {"item_9": "2"}
    client.post(reverse("measures:take", args=["phq9"]), answers)
    administration = Administration.objects.get(owner=client_alice)
    event = RiskEvent.objects.get(user=client_alice)
    assert event.object_id == str(administration.public_id)
    assert not AnswerDraft.objects.exists()


def test_item_9_at_0_is_never_called_no_risk(signed_in, client_alice):
    client = signed_in(client_alice)
    autosave(client, "phq9", {"9": "0"})
    assert not RiskEvent.objects.exists()
    client.post(reverse("measures:take", args=["phq9"]), {f"item_{n}": "0" for n in range(1, 10)})
    page = client.get(Administration.objects.get().get_absolute_url()).content.decode().lower()
    assert "no risk" not in page and "not at risk" not in page


def test_results_show_a_gauge_with_the_band_in_words_whole_numbers_and_next_steps(signed_in, client_alice):
    client = signed_in(client_alice)
    client.post(reverse("measures:take", args=["phq9"]), {f"item_{n}": "1" for n in range(1, 10)} | {"item_9": "0"})
    page = client.get(Administration.objects.get().get_absolute_url()).content.decode()
    assert 'class="gauge"' in page and 'aria-label="PHQ-9: 8 out of 27, mild' in page
    assert "8.0" not in page
    assert reverse("program:overview") in page and reverse("directory:find") in page


def test_the_take_page_offers_one_question_at_a_time_and_the_one_page_link(signed_in, client_alice):
    client = signed_in(client_alice)
    page = client.get(reverse("measures:take", args=["phq9"])).content.decode()
    assert "data-one-at-a-time" in page and "one-at-a-time.js" in page and "?all=1" in page
    one_page = client.get(reverse("measures:take", args=["phq9"]) + "?all=1").content.decode()
    assert "data-one-at-a-time" not in one_page


def test_drafts_are_in_the_export_and_erased(signed_in, client_alice):
    from trustrepair.measures.services import erase_measures, export_measures

    autosave(signed_in(client_alice), "gad7", {"1": "1"})
    assert export_measures(client_alice)["unfinished"][0]["answers"] == {"1": 1}
    erase_measures(client_alice)
    assert not AnswerDraft.objects.exists()
