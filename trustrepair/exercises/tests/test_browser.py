"""Journeys in a real browser, keyboard only, and axe on every tools page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from conftest import axe_violations, tab_to
from trustrepair.exercises import factories
from trustrepair.exercises.models import (
    CommunicationScript,
    CoreBelief,
    FearPrediction,
    JournalEntry,
    LadderStep,
    ThoughtRecord,
)
from trustrepair.exercises.tests.helpers import make_one
from trustrepair.exercises.timers import TIMERS
from trustrepair.exercises.tools import TOOLS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
THOUGHT = "He is hiding something from me."


def sign_in(page, client, user, live_server):
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def submit(page, label):
    tab_to(page, f"button[type=submit]:has-text('{label}')")
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def thought_in_view(page):
    expect(page.locator("[data-automatic-thought]")).to_be_visible()
    expect(page.locator("[data-automatic-thought]")).to_contain_text(THOUGHT)


def test_a_thought_record_can_be_completed_with_the_keyboard_alone(page, client, client_alice, live_server):
    sign_in(page, client, client_alice, live_server)
    page.goto(reverse("exercises:thought_record_new"))
    type_into(page, "#id_situation", "He came home late and didn't text.")
    type_into(page, "#id_automatic_thought", THOUGHT)
    submit(page, "Save and continue")

    expect(page.get_by_role("heading", name="Step 2 of 5: Emotions")).to_be_visible()
    thought_in_view(page)
    # The first chip has the focus: Space chooses it, Tab reaches its slider, Page Up and arrows set it.
    assert page.evaluate("document.activeElement.id") == "id_feel_anxious"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_level_anxious"
    for key in ["PageUp", "PageUp", "PageUp", "ArrowRight"]:
        page.keyboard.press(key)
    expect(page.locator("#id_level_anxious")).to_have_attribute("aria-valuetext", "85 of 100")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Step 3 of 5: Thinking traps")).to_be_visible()
    thought_in_view(page)
    tab_to(page, "input[value=mind_reading]")
    page.keyboard.press("Space")
    submit(page, "Save and continue")

    expect(page.get_by_role("heading", name="Step 4 of 5: Evidence")).to_be_visible()
    thought_in_view(page)
    type_into(page, "#id_evidence_for", "He was late.")
    type_into(page, "#id_evidence_against", "The trains were down; he told me the truth last time.")
    submit(page, "Save and continue")

    expect(page.get_by_role("heading", name="Step 5 of 5: A balanced thought")).to_be_visible()
    thought_in_view(page)
    type_into(page, "#id_balanced_thought", "He was probably stuck on the train.")
    page.keyboard.press("Tab")  # the slider starts where the emotion was: 85
    for key in ["PageDown", "PageDown", "PageDown", "PageDown", "ArrowLeft"]:
        page.keyboard.press(key)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Thought record,")).to_be_visible()
    expect(page.get_by_text("Mind reading")).to_be_visible()
    expect(page.get_by_text("anxious 85 → 40")).to_be_visible()
    record = ThoughtRecord.objects.get(owner=client_alice)
    assert record.is_complete and record.emotions.get().intensity_after == 40


def test_the_box_breathing_guide_runs_from_the_keyboard_and_announces_each_step(
    page, client, client_alice, live_server
):
    sign_in(page, client, client_alice, live_server)
    page.goto(reverse("exercises:timer", args=["box-breathing"]))
    live = page.locator("[data-guide-now]")
    expect(live).to_have_attribute("aria-live", "polite")

    tab_to(page, "[data-guide-start]")
    page.keyboard.press("Enter")
    expect(live).to_have_text("Round 1 of 4. Breathe in slowly")
    expect(page.locator(".guide-steps li").first).to_have_attribute("aria-current", "step")
    expect(live).to_have_text("Round 1 of 4. Hold your breath gently", timeout=8000)  # the timer moves on by itself

    tab_to(page, "[data-guide-next]")
    page.keyboard.press("Enter")
    expect(live).to_have_text("Round 1 of 4. Breathe out slowly")

    tab_to(page, "[data-guide-pause]")
    page.keyboard.press("Enter")
    expect(live).to_contain_text("Paused")
    expect(page.locator("[data-guide-start]")).to_be_focused()


def test_the_journal_keeps_what_is_typed_on_the_server_and_brings_it_back(page, client, client_alice, live_server):
    sign_in(page, client, client_alice, live_server)
    page.goto(reverse("exercises:journal_entry_new") + "?prompt=now_or_then")
    tab_to(page, "#id_body")
    page.keyboard.type("The panic felt like waiting for Dad")
    status = page.locator("#autosave-status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("Saved at", timeout=8000)
    draft = JournalEntry.objects.get(owner=client_alice)
    assert draft.is_draft and draft.body == "The panic felt like waiting for Dad"

    page.goto(reverse("exercises:index"))  # the tab is closed or the person wanders off
    page.goto(reverse("exercises:journal_entry_new"))
    expect(page.locator("#id_body")).to_have_value("The panic felt like waiting for Dad")
    expect(page.get_by_text("Welcome back")).to_be_visible()

    submit(page, "Save entry")  # a real submit, not an autosave
    expect(page.get_by_text("Your journal entry is saved.")).to_be_visible()
    entry = JournalEntry.objects.get(owner=client_alice)
    assert entry.pk == draft.pk and not entry.is_draft


def test_the_script_builder_previews_as_the_person_types_and_saves(page, client, client_alice, live_server):
    sign_in(page, client, client_alice, live_server)
    page.goto(reverse("exercises:communication_script_new"))
    type_into(page, "#id_title", "When he's late")
    type_into(page, "#id_feeling", "insecure")
    type_into(page, "#id_because", "past experiences")
    type_into(page, "#id_need", "some reassurance")
    preview = page.locator("#script-preview")
    expect(preview).to_have_attribute("aria-live", "polite")
    expect(preview).to_contain_text(
        "I'm feeling insecure because of past experiences. You are not responsible for what happened to me before."
        " I need some reassurance."
    )
    submit(page, "Save script")
    expect(page.get_by_role("heading", name="When he's late")).to_be_visible()
    assert CommunicationScript.objects.filter(owner=client_alice).count() == 1


def test_the_guides_do_not_move_when_reduced_motion_is_asked_for(page, client, client_alice, live_server):
    sign_in(page, client, client_alice, live_server)
    page.emulate_media(reduced_motion="reduce")
    page.goto(reverse("exercises:timer", args=["box-breathing"]))
    page.locator("[data-guide-start]").click()
    visual = page.locator("[data-guide-visual]")
    assert visual.evaluate("el => getComputedStyle(el).transform") == "none"
    assert visual.evaluate("el => getComputedStyle(el).transitionDuration") == "0s"


def test_every_tools_page_has_no_serious_accessibility_violations(page, client, client_alice, live_server):
    factories.make_year_of_entries(client_alice, days=10)
    sign_in(page, client, client_alice, live_server)
    record = ThoughtRecord.objects.filter(owner=client_alice).first()
    urls = [
        reverse("exercises:index"),
        reverse("exercises:timer_index"),
        *[reverse("exercises:timer", args=[t.slug]) for t in TIMERS],
        reverse("exercises:need_statement_share"),
        reverse("exercises:thought_record_new"),
        *[reverse("exercises:thought_record_step", args=[record.public_id, n]) for n in range(2, 6)],
        reverse("exercises:journal_entry_new"),
    ]
    for tool in TOOLS:
        entry = tool.model.objects.filter(owner=client_alice).first()
        if entry is None:
            entry = make_one(tool.key, client_alice)
        urls += [reverse(tool.list_name), entry.get_absolute_url(), reverse(tool.delete_name, args=[entry.public_id])]
        if not tool.own_new_and_edit:
            urls += [reverse(tool.new_name), reverse(tool.edit_name, args=[entry.public_id])]
    fear = FearPrediction.objects.filter(owner=client_alice).first()
    step = LadderStep.objects.filter(owner=client_alice).first()
    urls += [
        reverse("exercises:fear_prediction_outcome", args=[fear.public_id]),
        reverse("exercises:ladder_step_attempt", args=[step.public_id]),
        reverse("exercises:ladder_attempt_remove", args=[step.public_id]),
        reverse(
            "exercises:core_belief_rating_remove", args=[CoreBelief.objects.filter(owner=client_alice)[0].public_id]
        ),
    ]
    found = {}
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        violations = axe_violations(page)
        if violations:
            found[url] = violations
    # A form with errors, too: the error summary and field errors must stay accessible.
    page.goto(reverse("exercises:trust_event_new"))
    page.get_by_role("button", name="Save event").click()
    page.wait_for_load_state()
    if violations := axe_violations(page):
        found["trust_event_new with errors"] = violations
    assert found == {}


def test_a_thought_record_takes_at_most_40_key_presses_on_a_phone(page, client, client_alice, live_server):
    """Issue 11: from the first field to finished, keyboard only, at 320 px (bench/keypresses.py counts)."""
    from bench.keypresses import measure

    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, client, client_alice, live_server)
    result = measure(page)
    assert result["finished"], result
    assert result["key_presses"] <= 40, result
    assert result["last_page_overflow_px"] <= 0, result
