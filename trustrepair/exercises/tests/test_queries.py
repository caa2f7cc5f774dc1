"""List pages cost the same number of queries for a few entries or hundreds (no N+1)."""

import pytest
from django.urls import reverse

from trustrepair.exercises import factories
from trustrepair.exercises.tools import BY_KEY

pytestmark = pytest.mark.django_db

SMALL_AND_LARGE = {
    "trust_event": lambda u, n: factories.make_trust_events(u, n),
    "trigger_log": lambda u, n: factories.make_trigger_logs(u, n),
    "thought_record": lambda u, n: factories.make_thought_records(u, n),
    "fear_prediction": lambda u, n: factories.make_fear_predictions(u, n),
    "ladder_step": lambda u, n: factories.make_ladder_steps(u, n, attempts_per_step=3),
    "core_belief": lambda u, n: factories.make_core_beliefs(u, n, ratings_per_belief=5),
    "journal_entry": lambda u, n: factories.make_journal_entries(u, n),
    "evidence_brick": lambda u, n: factories.make_evidence_bricks(u, n),
    "self_promise": lambda u, n: factories.make_self_promises(u, n, days=20),
    "need_statement": lambda u, n: factories.make_need_statements(u, n),
    "communication_script": lambda u, n: factories.make_communication_scripts(u, n),
}


def queries_for(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.usefixtures("no_shared_cache")
@pytest.mark.parametrize("key", list(SMALL_AND_LARGE))
def test_a_list_page_does_not_grow_with_its_rows(key, signed_in, client_alice, django_assert_max_num_queries):
    client = signed_in(client_alice)
    url = reverse(BY_KEY[key].list_name)
    make = SMALL_AND_LARGE[key]
    make(client_alice, 2)
    few = queries_for(client, url, django_assert_max_num_queries, 15)
    make(client_alice, 60)
    many = queries_for(client, url, django_assert_max_num_queries, few)
    assert many <= few


def test_the_index_and_timer_pages_are_cheap(signed_in, client_alice, django_assert_max_num_queries):
    client = signed_in(client_alice)
    factories.make_year_of_entries(client_alice, days=30)
    for url in [reverse("exercises:index"), reverse("exercises:timer", args=["box-breathing"])]:
        queries_for(client, url, django_assert_max_num_queries, 6)
