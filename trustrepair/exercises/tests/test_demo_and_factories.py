import pytest
from django.urls import reverse

from trustrepair.exercises import dashboard, demo, factories
from trustrepair.exercises.tools import TOOLS

pytestmark = pytest.mark.django_db


def test_demo_seeding_fills_every_tool_once(cast):
    demo.seed(cast)
    counts = {t.key: t.model.objects.filter(owner=cast["client"]).count() for t in TOOLS if t.key != "distortion"}
    assert all(counts.values()), counts
    demo.seed(cast)  # idempotent
    assert counts == {
        t.key: t.model.objects.filter(owner=cast["client"]).count() for t in TOOLS if t.key != "distortion"
    }


def test_a_year_of_entries_is_about_five_thousand_rows(client_alice):
    made = factories.make_year_of_entries(client_alice)
    from trustrepair.exercises.models import BeliefRating, LadderAttempt, PromiseCheckIn, ThoughtEmotion

    children = (
        ThoughtEmotion.objects.count()
        + BeliefRating.objects.count()
        + LadderAttempt.objects.count()
        + PromiseCheckIn.objects.count()
    )
    total = sum(made.values()) + children
    assert 4_500 <= total <= 6_000, total


def test_the_dashboard_card_is_for_clients_and_partners_only(cast):
    assert dashboard.dashboard_card(cast["client"])["url"] == reverse("exercises:index")
    assert dashboard.dashboard_card(cast["partner"]) is not None
    assert dashboard.dashboard_card(cast["therapist"]) is None
    assert dashboard.dashboard_card(cast["staff"]) is None


def test_the_dashboard_card_offers_to_carry_on_an_unfinished_entry(client_alice):
    from trustrepair.exercises import services

    draft = services.autosave_journal(client_alice, entry=None, prompt="free", body="half")
    card = dashboard.dashboard_card(client_alice)
    assert card["url"] == reverse("exercises:journal_entry_edit", args=[draft.public_id])


def test_the_home_page_shows_the_tools_card(signed_in, client_alice):
    assert reverse("exercises:index") in signed_in(client_alice).get("/").content.decode()
