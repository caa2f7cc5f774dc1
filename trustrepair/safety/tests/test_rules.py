"""Every rule of the detector, run on the examples it carries (generated: one case per rule).

A rule fires on its positives and raises nothing of its category on its look-alikes, after normalisation,
and names no word that normalisation rewrites away (such a rule could never match: "nobody will believe me"
was dead because "nobody" becomes "no one"; "I should just disappear" because "just" is dropped).
"""

import re

import pytest

from trustrepair.safety.detection import categories, normalise
from trustrepair.safety.detection.normalise import REMOVED_WORDS
from trustrepair.safety.detection.rules import RULES
from trustrepair.safety.detection.triggers import could_match, required_literals

CASES = [(category, rule) for category, rules in RULES.items() for rule in rules]
IDS = [f"{category}-{i}" for category, rules in RULES.items() for i in range(len(rules))]


@pytest.mark.parametrize(("category", "rule"), CASES, ids=IDS)
def test_the_rule_fires_on_its_positives(category, rule):
    assert rule.positives, "a rule with no example that reaches it is dead"
    for text in rule.positives:
        assert rule.regex.search(normalise(text).s), text
        assert category in categories(text), text


@pytest.mark.parametrize(("category", "rule"), CASES, ids=IDS)
def test_the_rule_raises_nothing_on_its_lookalikes(category, rule):
    assert rule.lookalikes
    for text in rule.lookalikes:
        assert category not in categories(text), text


@pytest.mark.parametrize(("category", "rule"), CASES, ids=IDS)
def test_the_rule_names_no_word_that_normalisation_removes(category, rule):
    words = set(re.findall(r"[a-z0-9]+", re.sub(r"\\[a-zA-Z]", " ", rule.pattern)))
    assert not words & REMOVED_WORDS


@pytest.mark.parametrize(("category", "rule"), CASES, ids=IDS)
def test_the_prefilter_never_skips_a_rule_on_text_it_matches(category, rule):
    literals = required_literals(rule.pattern)
    for text in rule.positives:
        assert could_match(literals, normalise(text).s), (literals, text)


def test_the_prefilter_reads_the_words_a_rule_needs():
    assert required_literals(r"\bi want (?:to die|out)\b") == {"i want "}
    assert required_literals(r"\b(?:ready|going) to die\b") == {" to die"}  # the longest it must contain
    assert required_literals(r"\b(?:ready|going)\b") == {"ready", "going"}
    assert required_literals(r"\b(?:my )?noose\b") == {"noose"}
    assert required_literals(r"\b\w+\b") is None


@pytest.mark.parametrize("word", sorted(REMOVED_WORDS))
def test_normalisation_really_removes_each_listed_word(word):
    assert word not in re.findall(r"[a-z0-9]+", normalise(f"and then {word} so").s)
