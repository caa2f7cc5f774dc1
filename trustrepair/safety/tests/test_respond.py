"""respond(text): rules always show the panel; the learned layer may only add help, never take it away."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustrepair.safety.detection import CATEGORIES, DANGER_FROM_OTHERS, Response, respond
from trustrepair.safety.detection import model as detection_model
from trustrepair.safety.detection.respond import ASK, NONE, PANEL, respond_with, units
from trustrepair.safety.detection.respond import _cache as respond_cache

RANK = {NONE: 0, ASK: 1, PANEL: 2}
SENTENCES = [
    "I want to die.",
    "I'm not suicidal, just tired.",
    "My friend said she wanted to die.",
    "He said he'd kill me if I left.",
    "I've been giving my things away to people who'll use them.",
    "I checked his phone again last night and hated myself for it.",
    "This traffic is killing me.",
    "i cant do this anymore tbh",
    "Nobody would notice if I was gone.",
    "We had a lovely walk by the river.",
]


def test_a_rule_hit_is_always_the_panel_and_says_it_came_from_the_rules():
    r = respond("I want to die.")
    assert r.action == PANEL
    assert r.findings[0].layer == "rules"
    assert r.findings[0].model_version == ""
    assert r.findings[0].text == "want to die"


def test_nothing_found_is_no_action():
    assert respond("We had a lovely walk by the river and bought bread.") == Response(NONE, ())


def test_a_response_carries_no_score_threshold_or_label():
    assert [f.name for f in dataclasses.fields(Response)] == ["action", "findings"]
    finding_fields = {f.name: f.type for f in dataclasses.fields(respond("I want to die.").findings[0])}
    assert not {"score", "probability", "p", "level", "threshold"} & set(finding_fields)
    assert all("float" not in str(t) for t in finding_fields.values())


@given(st.lists(st.sampled_from(SENTENCES), min_size=0, max_size=4), st.text(max_size=60))
@settings(max_examples=150, deadline=None)
def test_the_model_never_lowers_what_the_rules_decided(sentences, noise):
    text = " ".join([*sentences, noise])
    with_model = respond(text)
    rules_only = respond_with(text, None)
    assert RANK[with_model.action] >= RANK[rules_only.action]
    assert set(rules_only.findings) <= set(with_model.findings)
    assert all(f.category in CATEGORIES for f in with_model.findings)
    assert all(f.layer in ("rules", "model") for f in with_model.findings)


def test_ask_category_names_the_gentle_question():
    assert Response(ASK, (dataclasses.replace(respond("I want to die.").findings[0], layer="model"),)).ask_category == (
        "self"
    )
    danger = respond("He said he'd kill me if I left.").findings[0]
    assert danger.category == DANGER_FROM_OTHERS
    assert Response(ASK, (danger,)).ask_category == "others"
    assert Response(PANEL, (danger,)).ask_category is None
    assert Response(NONE, ()).ask_category is None


def test_long_sentences_are_also_read_clause_by_clause():
    text = "Work was fine and the bus was late again, but honestly I keep thinking everyone would cope without me."
    spans = [text[a:b] for a, b in units(text)]
    assert text in spans
    assert "honestly I keep thinking everyone would cope without me." in spans


def test_the_cache_holds_only_keyed_hashes_and_outcomes_and_an_autosave_scores_only_what_is_new():
    text = "Today was slow. I folded the washing (a unique test sentence 5521). Then I read for an hour."
    respond(text)
    before = set(respond_cache)
    respond(text + " Dinner was soup.")
    added = set(respond_cache) - before
    model_on = detection_model.current() is not None
    # the new sentence (for the model) and the chunk it changed (for the rules); nothing else re-scored
    assert 1 <= len(added) <= 2 + model_on
    for key in added:
        assert isinstance(key, bytes) and len(key) == 16
        outcome = respond_cache[key]
        assert all(not isinstance(x, str) or x in (*CATEGORIES, NONE, ASK, PANEL) for x in outcome if x)
        assert "Dinner" not in repr(outcome)


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text_needs_no_help(text):
    assert respond(text).action == NONE
