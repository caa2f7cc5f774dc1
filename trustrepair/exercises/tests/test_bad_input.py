"""Bad input gets a message next to the field, never a server error, and nothing is saved."""

import pytest
from django.urls import reverse

from trustrepair.exercises.tests.helpers import SIMPLE, VALID
from trustrepair.exercises.tools import BY_KEY

pytestmark = pytest.mark.django_db

# (tool, field, bad value): wrong types, out-of-range numbers, unknown choices, huge strings, null bytes.
BAD = [
    ("trust_event", "impact", "11"),
    ("trust_event", "impact", "-1"),
    ("trust_event", "impact", "a lot"),
    ("trust_event", "age", "200"),
    ("trust_event", "happened_on", "yesterday-ish"),
    ("trust_event", "what_happened", "x" * 4001),
    ("trust_event", "what_happened", ""),
    ("trigger_log", "intensity", "10.5"),
    ("trigger_log", "intensity", "99"),
    ("trigger_log", "urge", "stalking"),
    ("trigger_log", "response", ""),
    ("trigger_log", "context", "the moon"),
    ("trigger_log", "occurred_at", "not a time"),
    ("trigger_log", "occurred_at", "2999-01-01T10:00"),
    ("trust_event", "happened_on", "2999-01-01"),
    ("evidence_brick", "happened_on", "2999-01-01"),
    ("trigger_log", "situation", "a\x00b"),
    ("fear_prediction", "confidence", "101"),
    ("fear_prediction", "confidence", ""),
    ("fear_prediction", "prediction", "y" * 501),
    ("ladder_step", "expected_distress", "1e9"),
    ("core_belief", "strength", "-5"),
    ("core_belief", "belief", ""),
    ("evidence_brick", "kind", "luck"),
    ("evidence_brick", "happened_on", "2026-02-30"),
    ("self_promise", "promise", "z" * 501),
    ("need_statement", "kind", ""),
    ("communication_script", "need", ""),
    ("distortion", "name", "n" * 121),
]


@pytest.mark.parametrize("key,field,value", BAD, ids=[f"{k}-{f}-{v[:12]!r}" for k, f, v in BAD])
def test_a_bad_value_is_answered_next_to_its_field_and_nothing_is_saved(key, field, value, signed_in, client_alice):
    tool = BY_KEY[key]
    response = signed_in(client_alice).post(reverse(tool.new_name), {**VALID[key], field: value})
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    page = response.content.decode()
    assert f'id="id_{field}_error"' in page  # the error sits with its field, tied by aria-describedby
    assert "Nothing you typed has been lost" in page
    assert not tool.model.objects.exists()


@pytest.mark.parametrize("key", SIMPLE)
def test_an_empty_submit_asks_for_what_is_needed(key, signed_in, client_alice):
    tool = BY_KEY[key]
    response = signed_in(client_alice).post(reverse(tool.new_name), {})
    assert response.status_code == 200 and response.context["form"].errors
    assert not tool.model.objects.exists()


def test_an_event_needs_an_age_or_a_date(signed_in, client_alice):
    data = {**VALID["trust_event"], "age": "", "happened_on": ""}
    response = signed_in(client_alice).post(reverse("exercises:trust_event_new"), data)
    assert "age" in response.context["form"].errors


def test_an_urge_of_another_kind_needs_a_few_words(signed_in, client_alice):
    data = {**VALID["trigger_log"], "urge": "other", "urge_other": ""}
    response = signed_in(client_alice).post(reverse("exercises:trigger_log_new"), data)
    assert "urge_other" in response.context["form"].errors


@pytest.mark.parametrize("key", SIMPLE)
def test_forms_keep_drafts_of_what_is_typed(key, signed_in, client_alice):
    page = signed_in(client_alice).get(reverse(BY_KEY[key].new_name)).content.decode()
    assert "data-draft=" in page
