"""The contract the crisis UI relies on from `safety.detection.respond` (issue 10, item 3).

Written against the temporary adapter in this branch; the engine that replaces it must pass it unchanged.
"""

import dataclasses

import pytest

from trustrepair.safety.detection import respond


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I want to die", "suicidal_thoughts"),
        ("I have saved up enough pills to end it", "plan_or_means"),
        ("I'm scared he'll hurt me", "danger_from_others"),
    ],
)
def test_a_rule_hit_is_always_a_panel_with_its_category(text, category):
    response = respond(text)
    assert response.action == "panel"
    assert category in response.categories and response.ask_category is None  # nothing to ask: help is shown
    [rule] = [f for f in response.findings if f.category == category and f.layer == "rules"]
    assert rule.text and rule.model_version == ""  # the words that matched; the model may add its own finding
    assert all(f.layer in {"rules", "model"} and isinstance(f.model_version, str) for f in response.findings)


def test_nothing_found_is_none():
    response = respond("A calm day at the park with my sister.")
    assert (response.action, response.findings, response.ask_category) == ("none", (), None)


def test_the_response_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        respond("I want to die").action = "none"
