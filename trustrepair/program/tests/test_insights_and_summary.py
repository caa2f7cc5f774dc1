"""Insights and the printable summary: charts with tables, constant cost, and nothing shared unasked."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from trustrepair.exercises import factories
from trustrepair.exercises import selectors as tools
from trustrepair.program import curriculum, services

pytestmark = pytest.mark.django_db

CHART_KEYS = ["urges", "beliefs", "contexts", "fears", "ladder", "bricks", "promises"]


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def a_little_of_everything(user):
    factories.make_trigger_logs(user, 3)
    factories.make_core_beliefs(user, 1, ratings_per_belief=2)
    factories.make_fear_predictions(user, 3)
    factories.make_ladder_steps(user, 2, attempts_per_step=1)
    factories.make_evidence_bricks(user, 2)
    factories.make_self_promises(user, 1, days=3)
    factories.make_thought_records(user, 1)
    factories.make_journal_entries(user, 1)


def test_insights_shows_every_chart_with_its_table_and_sentence(signed_in, client_alice):
    factories.make_year_of_entries(client_alice, days=120)
    body = signed_in(client_alice).get(reverse("program:insights")).content.decode()
    for key in CHART_KEYS:
        assert f'aria-labelledby="{key}-title {key}-desc"' in body
    assert body.count("<table>") == len(CHART_KEYS)
    assert "In the last 4 weeks you rode out" in body
    assert "fears with a known outcome" in body
    assert "streak" not in body.lower()


def test_insights_for_someone_new_is_calm_and_empty(signed_in, client_alice):
    body = signed_in(client_alice).get(reverse("program:insights")).content.decode()
    assert body.count("Nothing to draw yet") == len(CHART_KEYS)
    assert "No urges logged in the last eight weeks." in body


def test_insights_never_draw_another_persons_entries(signed_in, client_alice, stranger_eve):
    factories.make_trigger_logs(client_alice, 30)
    body = signed_in(stranger_eve).get(reverse("program:insights")).content.decode()
    assert "No urges logged" in body


@pytest.mark.usefixtures("no_shared_cache")
def test_insights_cost_the_same_queries_for_a_year_of_entries(signed_in, client_alice, django_assert_num_queries):
    c = signed_in(client_alice)
    a_little_of_everything(client_alice)
    few = queries_for(c, reverse("program:insights"))
    factories.make_year_of_entries(client_alice)
    with django_assert_num_queries(few):
        c.get(reverse("program:insights"))


def test_today_costs_the_same_queries_however_much_is_done(signed_in, client_alice, django_assert_num_queries):
    c = signed_in(client_alice)
    services.enrol(client_alice, starting_phase="trust-history")
    services.mark_lesson_done(client_alice, lesson_key=curriculum.all_lesson_keys()[0])
    services.record_setback(client_alice, happened_on=timezone.localdate())
    c.get(reverse("program:today"))  # the first visit of the hour records the visit (one write); compare the rest
    few = queries_for(c, reverse("program:today"))
    for key in curriculum.all_lesson_keys()[1:-1]:
        services.mark_lesson_done(client_alice, lesson_key=key)
    for _ in range(20):
        services.record_setback(client_alice, happened_on=timezone.localdate())
    factories.make_year_of_entries(client_alice, days=60)
    with django_assert_num_queries(few):
        c.get(reverse("program:today"))


# ---- the printable summary --------------------------------------------------------------------------
def test_the_summary_includes_nothing_personal_by_default(signed_in, client_alice):
    factories.make_core_beliefs(client_alice, 1)
    body = signed_in(client_alice).get(reverse("program:summary")).content.decode()
    belief = tools.core_beliefs_for(client_alice).first()
    # The belief is offered as a choice, unticked; nothing else is printed.
    assert f'value="core_belief:{belief.public_id}"' in body
    assert "checked" not in body
    assert "Entries I chose to share" not in body and "Program progress</h3>" not in body


def test_only_the_entries_i_tick_are_printed(signed_in, client_alice):
    first, second = factories.make_core_beliefs(client_alice, 2)
    response = signed_in(client_alice).post(
        reverse("program:summary"), {"entries": [f"core_belief:{first.public_id}"]}, follow=True
    )
    body = response.content.decode()
    sheet = body[body.index("summary-sheet") :]
    assert first.belief in sheet and first.balanced_belief in sheet
    assert second.belief not in sheet


def test_the_summary_prints_phases_measures_and_figures_when_chosen(signed_in, client_alice):
    services.enrol(client_alice, starting_phase="trust-history")
    services.mark_lesson_done(client_alice, lesson_key=curriculum.all_lesson_keys()[0])
    factories.make_trigger_logs(client_alice, 10)
    body = (
        signed_in(client_alice)
        .post(
            reverse("program:summary"),
            {"include_phases": "on", "include_measures": "on", "include_insights": "on"},
            follow=True,
        )
        .content.decode()
    )
    assert "1. Trust history (current)" in body and "1 of 4" in body
    assert "Questionnaires</h3>" in body
    assert "In the last 4 weeks you rode out" in body


def test_nobody_can_print_another_persons_entry(signed_in, client_alice, stranger_eve):
    (belief,) = factories.make_core_beliefs(client_alice, 1)
    response = signed_in(stranger_eve).post(
        reverse("program:summary"), {"entries": [f"core_belief:{belief.public_id}"]}, follow=True
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert belief.belief not in body
    assert "Select a valid choice" in body


def test_the_summary_costs_the_same_queries_for_a_year_of_entries(signed_in, client_alice, django_assert_num_queries):
    c = signed_in(client_alice)
    services.enrol(client_alice, starting_phase="trust-history")
    a_little_of_everything(client_alice)
    c.post(reverse("program:summary"), {"include_phases": "on", "include_insights": "on"})
    with CaptureQueriesContext(connection) as ctx:
        c.get(reverse("program:summary"), {"show": "1"})
    factories.make_year_of_entries(client_alice, days=90)
    with django_assert_num_queries(len(ctx.captured_queries)):
        c.get(reverse("program:summary"), {"show": "1"})


def test_this_weeks_urges_bricks_and_promises_land_in_the_last_column(client_alice):
    import datetime

    from trustrepair.exercises.models import EvidenceBrick, PromiseCheckIn, SelfPromise, TriggerLog
    from trustrepair.program import insights

    now = timezone.now()
    today = timezone.localdate()
    for response in ("rode_out", "rode_out", "acted_on"):
        TriggerLog.objects.create(
            owner=client_alice, occurred_at=now, situation="s", urge="checking", intensity=5, response=response
        )
    TriggerLog.objects.create(
        owner=client_alice,
        occurred_at=now - datetime.timedelta(weeks=5),
        situation="s",
        urge="checking",
        intensity=5,
        response="acted_on",
    )
    EvidenceBrick.objects.create(owner=client_alice, kind="care", moment="m", who="w", happened_on=today)
    promise = SelfPromise.objects.create(owner=client_alice, promise="walk")
    PromiseCheckIn.objects.create(promise=promise, day=today, kept=True)
    charts = {c.key: c for c in insights.charts_for(client_alice, today=today)}
    assert charts["urges"].rows[-1][1:] == ("2", "1")
    assert charts["urges"].sentence == (
        "In the last 4 weeks you rode out 2 of 3 urges (67%), compared with 0 of 1 (0%) in the 4 weeks before."
    )
    assert charts["bricks"].rows[-1][1:] == ("1",)
    assert charts["promises"].rows[-1][1:] == ("1", "0")
    assert charts["contexts"].rows[0] == ("Partner", "0", "4")


def test_the_trust_profile_suggests_where_to_start(signed_in, client_alice):
    from trustrepair.measures.tests.factories import take

    take(client_alice, "phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0])  # heavy low mood: steadier footing comes first
    body = signed_in(client_alice).get(reverse("program:overview")).content.decode()
    assert "Your trust profile suggests starting with <strong>phase 3: Regulation and safety</strong>" in body
    assert re.search(r'<input[^>]*value="regulation-and-safety"[^>]*checked', body)


def test_without_any_answers_there_is_no_suggestion_and_phase_one_is_preselected(signed_in, client_alice):
    body = signed_in(client_alice).get(reverse("program:overview")).content.decode()
    assert "Your trust profile suggests" not in body
    assert re.search(r'<input[^>]*value="trust-history"[^>]*checked', body)


def test_the_summary_shows_the_latest_questionnaire_scores(signed_in, client_alice):
    from trustrepair.measures.tests.factories import take

    take(client_alice, "gad7", [1, 1, 1, 1, 1, 1, 1], weeks_ago=3)
    take(client_alice, "gad7", [2, 2, 2, 2, 2, 2, 2])
    body = signed_in(client_alice).post(reverse("program:summary"), {"include_measures": "on"}, follow=True).content
    row = re.search(r"<tr><th scope=\"row\">([^<]*)</th><td>([^<]*)</td>", body.decode())
    assert "GAD-7" in row.group(1)
    assert row.group(2).startswith("14")  # the latest score, not the one three weeks ago


# ---- issue 8 item 16: what goes on the summary never travels in the address -------------------------------
def test_summary_choices_are_posted_kept_in_the_session_and_never_in_the_address(signed_in, client_alice):
    first, second = factories.make_core_beliefs(client_alice, 2)
    c = signed_in(client_alice)
    response = c.post(reverse("program:summary"), {"entries": [f"core_belief:{first.public_id}"]})
    assert response.status_code == 302
    assert str(first.public_id) not in response["Location"] and "entries" not in response["Location"]
    body = c.get(response["Location"]).content.decode()
    sheet = body[body.index("summary-sheet") :]
    assert first.belief in sheet and second.belief not in sheet
    # Going back to the form finds the choice still ticked.
    form = c.get(reverse("program:summary")).content.decode()
    assert re.search(rf'value="core_belief:{first.public_id}"[^>]*checked', form)


def test_entries_in_a_link_are_not_printed(signed_in, client_alice):
    (belief,) = factories.make_core_beliefs(client_alice, 1)
    body = (
        signed_in(client_alice)
        .get(reverse("program:summary"), {"show": "1", "entries": [f"core_belief:{belief.public_id}"]})
        .content.decode()
    )
    assert "summary-sheet" not in body or belief.belief not in body[body.index("summary-sheet") :]


# ---- after which tools my own ratings were lower ---------------------------------------------------------
def _check_in(user, day, strength):
    from trustrepair.exercises.models import DailyCheckIn

    DailyCheckIn.objects.create(owner=user, day=day, trust=5, urge="check", urge_strength=strength)


def _journal_on(user, day):
    import datetime

    from trustrepair.exercises.models import JournalEntry

    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    JournalEntry.objects.create(owner=user, body="a few lines", is_draft=False, created_at=at)


def test_lower_after_shows_a_tool_from_five_days_with_check_ins_on_both_sides(signed_in, client_alice):
    import datetime

    start = timezone.localdate() - datetime.timedelta(days=40)
    for n in range(5):
        use = start + datetime.timedelta(days=4 * n)
        _check_in(client_alice, use - datetime.timedelta(days=1), 6)
        _check_in(client_alice, use + datetime.timedelta(days=1), 3 if n < 4 else 7)
        _journal_on(client_alice, use)
    body = signed_in(client_alice).get(reverse("program:insights")).content.decode()
    assert (
        "On the day after you wrote in your journal, your strongest urge was lower than on the day before "
        "4 of 5 times." in body
    )
    assert "From 5 times." in body


def test_lower_after_has_a_kind_empty_state_below_five(signed_in, client_alice):
    import datetime

    start = timezone.localdate() - datetime.timedelta(days=40)
    for n in range(4):
        use = start + datetime.timedelta(days=4 * n)
        _check_in(client_alice, use - datetime.timedelta(days=1), 6)
        _check_in(client_alice, use + datetime.timedelta(days=1), 3)
        _journal_on(client_alice, use)
    body = signed_in(client_alice).get(reverse("program:insights")).content.decode()
    assert "wrote in your journal" not in body
    assert "Nothing here yet, and that's fine." in body and "at least 5 times" in body


def test_lower_after_never_reads_another_persons_ratings(signed_in, client_alice, stranger_eve):
    factories.make_ladder_steps(client_alice, 3, attempts_per_step=3)
    assert "trust ladder, your distress" in signed_in(client_alice).get(reverse("program:insights")).content.decode()
    body = signed_in(stranger_eve).get(reverse("program:insights")).content.decode()
    assert "trust ladder, your distress" not in body
