"""Every discount check, run on the examples it carries (generated: one case per example).

A discount check says why a phrase a rule matched is not the writer's own current risk (negated, someone
else's, an idiom, imagined, a topic, recovered past, an accident). Each carries sentences it must discount
and first-person current statements it must never discount ("I'm a nurse and I want to die" stays risk).
"""

import pytest

from trustrepair.safety.detection import detect, find_risk, respond
from trustrepair.safety.detection.context import DISCOUNTS, EXAMPLES

DISCOUNTED = [(name, text) for name, ex in EXAMPLES.items() for text in ex.discounted]
STAYS_RISK = [(name, text) for name, ex in EXAMPLES.items() for text in ex.stays_risk]


def test_every_discount_check_carries_examples_both_ways():
    assert set(EXAMPLES) == {name for name, _ in DISCOUNTS} | {"someone_elses"}
    for name, ex in EXAMPLES.items():
        assert ex.discounted and ex.stays_risk, name


@pytest.mark.parametrize(("name", "text"), DISCOUNTED, ids=[f"{n}-{i}" for i, (n, _) in enumerate(DISCOUNTED)])
def test_the_check_discounts_its_examples(name, text):
    assert find_risk(text) == [], text
    seen = detect(text)
    assert seen, "the words are still seen, only not counted"
    if name == "someone_elses":
        assert any(not f.first_person for f in seen)
    else:
        assert any(f.discounted == name for f in seen), [(f.category, f.discounted) for f in seen]


@pytest.mark.parametrize(("name", "text"), STAYS_RISK, ids=[f"{n}-{i}" for i, (n, _) in enumerate(STAYS_RISK)])
def test_the_check_never_discounts_a_first_person_current_statement(name, text):
    assert find_risk(text), text
    assert respond(text).action == "panel"  # a rule hit is always the panel
