"""The reads other pages build on: owner-only, ordered, and aggregates that match the rows."""

import datetime

import pytest

from trustrepair.exercises import factories, selectors, services
from trustrepair.exercises.models import EvidenceBrick, TriggerLog

pytestmark = pytest.mark.django_db


def test_every_list_selector_returns_only_the_owners_entries(client_alice, stranger_eve):
    factories.make_year_of_entries(client_alice, days=3)
    factories.make_year_of_entries(stranger_eve, days=3)
    for name in [
        "trust_events_for",
        "trigger_logs_for",
        "thought_records_for",
        "fear_predictions_for",
        "ladder_steps_for",
        "core_beliefs_for",
        "journal_entries_for",
        "evidence_bricks_for",
        "self_promises_for",
        "need_statements_for",
        "communication_scripts_for",
    ]:
        rows = list(getattr(selectors, name)(client_alice))
        assert rows and all(r.owner_id == client_alice.pk for r in rows), name


def test_the_timeline_runs_from_childhood_to_dated_events(client_alice):
    late = services.create_entry(client_alice, model=selectors.TrustEvent, age=30, what_happened="b", impact=2)
    dated = services.create_entry(
        client_alice, model=selectors.TrustEvent, happened_on=datetime.date(2020, 1, 1), what_happened="c", impact=2
    )
    early = services.create_entry(client_alice, model=selectors.TrustEvent, age=7, what_happened="a", impact=9)
    assert list(selectors.trust_events_for(client_alice)) == [early, late, dated]


def test_urges_by_week_counts_ridden_out_and_acted_on(client_alice):
    monday = datetime.datetime(2026, 11, 16, 12, tzinfo=datetime.UTC)
    for offset, response in [(0, "rode_out"), (1, "rode_out"), (2, "acted_on"), (7, "acted_on")]:
        services.create_entry(
            client_alice,
            model=TriggerLog,
            occurred_at=monday + datetime.timedelta(days=offset),
            situation="s",
            urge="checking",
            intensity=5,
            response=response,
        )
    assert selectors.urges_by_week(client_alice) == [
        {"week": datetime.date(2026, 11, 16), "rode_out": 2, "acted_on": 1},
        {"week": datetime.date(2026, 11, 23), "rode_out": 0, "acted_on": 1},
    ]


def test_triggers_by_context_names_every_context(client_alice):
    factories.make_trigger_logs(client_alice, 30)
    counts = selectors.triggers_by_context(client_alice)
    assert set(counts) == set(TriggerLog.Context.values) and sum(counts.values()) == 30


def test_ladder_progress_and_bricks_and_promises_add_up(client_alice):
    factories.make_ladder_steps(client_alice, 6, attempts_per_step=2)
    assert selectors.ladder_progress(client_alice) == {"rungs": 6, "climbed": 3, "tries": 8}
    factories.make_evidence_bricks(client_alice, 40)
    months = selectors.bricks_by_month(client_alice)
    assert sum(m["bricks"] for m in months) == 40 == EvidenceBrick.objects.count()
    assert all(m["bricks"] == m["reliability"] + m["honesty"] + m["care"] for m in months)
    factories.make_self_promises(client_alice, 2, days=21)
    weeks = selectors.promise_check_ins_by_week(client_alice)
    assert sum(w["kept"] + w["not_kept"] for w in weeks) == 42


def test_aggregates_cost_one_query_each(client_alice, django_assert_num_queries):
    factories.make_year_of_entries(client_alice, days=20)
    for read in [
        selectors.urges_by_week,
        selectors.triggers_by_context,
        selectors.bricks_by_month,
        selectors.promise_check_ins_by_week,
        selectors.fear_base_rate,
    ]:
        with django_assert_num_queries(1):
            read(client_alice)
    with django_assert_num_queries(1):
        list(selectors.belief_ratings_for(client_alice))
