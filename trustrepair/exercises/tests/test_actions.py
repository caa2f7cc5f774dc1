"""The actions particular to single tools: re-rating a belief, a fear's outcome, trying a ladder rung,
promise check-ins, the share page, the script preview, the timers."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from trustrepair.exercises import factories, services
from trustrepair.exercises.models import BeliefRating, FearPrediction, LadderAttempt, LadderStep, PromiseCheckIn
from trustrepair.exercises.timers import TIMERS

pytestmark = pytest.mark.django_db


def test_re_rating_a_belief_keeps_the_earlier_ratings(signed_in, client_alice):
    client = signed_in(client_alice)
    client.post(reverse("exercises:core_belief_new"), {"belief": "People always leave.", "strength": "85"})
    belief = client_alice and BeliefRating.objects.get().belief
    client.post(reverse("exercises:core_belief_rate", args=[belief.public_id]), {"strength": "60"})
    assert list(belief.ratings.values_list("strength", flat=True)) == [85, 60]
    page = client.get(belief.get_absolute_url()).content.decode()
    assert ">85<" in page and ">60<" in page


@pytest.mark.parametrize("strength", ["", "101", "-1", "lots"])
def test_a_bad_rating_is_answered_next_to_the_field(strength, signed_in, client_alice):
    belief = factories.make_core_beliefs(client_alice, 1, ratings_per_belief=1)[0]
    response = signed_in(client_alice).post(
        reverse("exercises:core_belief_rate", args=[belief.public_id]), {"strength": strength}
    )
    assert response.status_code == 400 and "strength" in response.context["rating_form"].errors
    assert belief.ratings.count() == 1


def test_recording_a_fear_outcome_feeds_the_base_rate(signed_in, client_alice):
    client = signed_in(client_alice)
    fears = [
        services.create_entry(client_alice, model=FearPrediction, prediction=f"Fear {i}", confidence=70)
        for i in range(4)
    ]
    for fear, outcome in zip(fears, ["did_not", "did_not", "partly", "came_true"], strict=True):
        response = client.post(
            reverse("exercises:fear_prediction_outcome", args=[fear.public_id]),
            {"outcome": outcome, "what_happened": "He was at work."},
        )
        assert response.status_code == 302
    fears[0].refresh_from_db()
    assert fears[0].outcome_recorded_at is not None and fears[0].what_happened == "He was at work."
    page = client.get(reverse("exercises:fear_prediction_list")).content.decode()
    assert "Of 4 fears with a known outcome, 1 came true, 1 partly, and 2 did not." in page
    assert "on average, 70% sure" in page and "38% came true" in page


def test_a_bad_outcome_is_answered_next_to_the_field(signed_in, client_alice):
    fear = services.create_entry(client_alice, model=FearPrediction, prediction="x", confidence=50)
    response = signed_in(client_alice).post(
        reverse("exercises:fear_prediction_outcome", args=[fear.public_id]), {"outcome": "maybe"}
    )
    assert response.status_code == 200 and "outcome" in response.context["form"].errors


def test_the_ladder_is_climbed_one_rung_at_a_time(signed_in, client_alice):
    client = signed_in(client_alice)
    easy = services.create_entry(client_alice, model=LadderStep, act="Easy", expected_distress=20)
    hard = services.create_entry(client_alice, model=LadderStep, act="Hard", expected_distress=80)

    response = client.post(
        reverse("exercises:ladder_step_attempt", args=[hard.public_id]),
        {"distress_before": "70", "distress_after": "50"},
    )
    assert response.status_code == 200 and "one at a time" in response.content.decode()
    assert not LadderAttempt.objects.exists()

    response = client.post(
        reverse("exercises:ladder_step_attempt", args=[easy.public_id]),
        {"distress_before": "30", "distress_after": "10", "notes": "Easier than I thought.", "climbed": "on"},
    )
    assert response.status_code == 302
    easy.refresh_from_db()
    assert easy.climbed_at is not None
    response = client.post(
        reverse("exercises:ladder_step_attempt", args=[hard.public_id]),
        {"distress_before": "70", "distress_after": "50"},
    )
    assert response.status_code == 302
    assert LadderAttempt.objects.filter(step=hard).count() == 1
    assert "Hard" in client.get(reverse("exercises:ladder_step_list")).content.decode()


@pytest.mark.parametrize(
    "data", [{}, {"distress_before": "101", "distress_after": "5"}, {"distress_before": "x", "distress_after": "5"}]
)
def test_a_bad_try_is_answered_next_to_the_field(data, signed_in, client_alice):
    step = services.create_entry(client_alice, model=LadderStep, act="Easy", expected_distress=20)
    response = signed_in(client_alice).post(reverse("exercises:ladder_step_attempt", args=[step.public_id]), data)
    assert response.status_code == 200 and response.context["form"].errors
    assert not LadderAttempt.objects.exists()


def test_promise_check_ins_count_kept_days_and_restart_gently(signed_in, client_alice):
    client = signed_in(client_alice)
    promise = factories.make_self_promises(client_alice, 1, days=0)[0]
    today = timezone.localdate()
    for d, kept in [(3, True), (2, True), (1, True)]:
        services.check_in_promise(promise, kept=kept, day=today - datetime.timedelta(days=d))
    url = reverse("exercises:self_promise_check_in", args=[promise.public_id])
    assert client.post(url, {"kept": "yes"}).status_code == 302
    assert "Kept 4 days running." in client.get(promise.get_absolute_url()).content.decode()

    client.post(url, {"kept": "no"})  # changed her mind today: one check-in a day, replaced
    assert PromiseCheckIn.objects.filter(promise=promise, day=today).count() == 1
    page = client.get(promise.get_absolute_url()).content.decode()
    assert "days running" not in page and "you can begin again tomorrow" in page
    assert "Kept on 3 of the last 14 days." in page  # the earlier days still count


def test_a_bad_check_in_changes_nothing(signed_in, client_alice):
    promise = factories.make_self_promises(client_alice, 1, days=0)[0]
    response = signed_in(client_alice).post(
        reverse("exercises:self_promise_check_in", args=[promise.public_id]), {"kept": "maybe"}
    )
    assert response.status_code == 302 and not PromiseCheckIn.objects.exists()


def test_a_stranger_cannot_check_in_my_promise(signed_in, client_alice, stranger_eve):
    promise = factories.make_self_promises(client_alice, 1, days=0)[0]
    response = signed_in(stranger_eve).post(
        reverse("exercises:self_promise_check_in", args=[promise.public_id]), {"kept": "yes"}
    )
    assert response.status_code == 404 and not PromiseCheckIn.objects.exists()


def test_needs_are_ready_to_share_as_one_page(signed_in, client_alice, stranger_eve):
    factories.make_need_statements(client_alice, 5)
    factories.make_need_statements(stranger_eve, 1)
    page = signed_in(client_alice).get(reverse("exercises:need_statement_share")).content.decode()
    assert "What helps me feel secure" in page and "What makes me uneasy" in page
    assert "- Hearing when plans change, even by a short text." in page  # in the copyable text
    assert page.count("Hearing when plans change") == 2  # Eve's copy is not here: once listed, once in the text


def test_the_script_builder_previews_without_saving(signed_in, client_alice):
    client = signed_in(client_alice)
    data = {
        "title": "t",
        "feeling": "insecure",
        "because": "past experiences",
        "not_responsible": "that",
        "need": "a hug",
    }
    page = client.post(reverse("exercises:communication_script_new"), {**data, "preview": "1"}).content.decode()
    assert (
        "I&#x27;m feeling insecure because of past experiences. You are not responsible for that. I need a hug." in page
    )
    from trustrepair.exercises.models import CommunicationScript

    assert not CommunicationScript.objects.exists()
    fragment = client.post(reverse("exercises:script_preview"), data).content.decode()
    assert "I need a hug." in fragment and "<html" not in fragment


@pytest.mark.parametrize("timer", TIMERS, ids=lambda t: t.slug)
def test_each_timer_works_as_plain_steps_and_loads_its_module(timer, signed_in, client_alice):
    page = signed_in(client_alice).get(reverse("exercises:timer", args=[timer.slug])).content.decode()
    for step in timer.steps:
        assert step.text in page
    assert f"exercises/{timer.slug}.js" in page and 'aria-live="polite"' in page
    assert "<script>" not in page


def test_an_unknown_timer_is_a_404(signed_in, client_alice):
    assert signed_in(client_alice).get("/tools/timers/no-such-thing/").status_code == 404


def test_a_resting_promise_is_taken_up_again_with_its_history(signed_in, client_alice):
    promise = factories.make_self_promises(client_alice, 1, days=3)[0]
    client = signed_in(client_alice)
    client.post(reverse("exercises:self_promise_edit", args=[promise.public_id]), {"promise": promise.promise})
    promise.refresh_from_db()
    assert not promise.is_active
    assert "Take it up again" in client.get(promise.get_absolute_url()).content.decode()
    client.post(reverse("exercises:self_promise_restart", args=[promise.public_id]))
    promise.refresh_from_db()
    assert promise.is_active and promise.check_ins.count() == 3


def test_a_slip_in_the_latest_rating_can_be_removed_after_confirming(signed_in, client_alice, stranger_eve):
    belief = factories.make_core_beliefs(client_alice, 1, ratings_per_belief=3)[0]
    url = reverse("exercises:core_belief_rating_remove", args=[belief.public_id])
    assert signed_in(stranger_eve).post(url).status_code == 404
    client = signed_in(client_alice)
    assert "Remove your latest rating" in client.get(url).content.decode()
    assert belief.ratings.count() == 3  # asking is not removing
    client.post(url)
    assert list(belief.ratings.values_list("strength", flat=True)) == [90, 82]
    client.post(url)
    client.post(url)  # the first rating always stays
    assert belief.ratings.count() == 1


def test_a_slip_in_the_latest_try_can_be_removed(signed_in, client_alice, stranger_eve):
    step = factories.make_ladder_steps(client_alice, 2, attempts_per_step=2)[0]
    url = reverse("exercises:ladder_attempt_remove", args=[step.public_id])
    assert signed_in(stranger_eve).post(url).status_code == 404
    client = signed_in(client_alice)
    assert client.get(url).status_code == 200
    client.post(url)
    assert step.attempts.count() == 1
