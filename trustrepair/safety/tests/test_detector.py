"""The crisis detector on a curated set of sentences, and properties that must hold for any text.

The whole labelled corpus is measured by bench/crisis_eval.py (figures, not assertions); these tests pin
the behaviours people rely on: negation, other people's words, idioms, and real risk never hidden.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustrepair.safety.detection import (
    DANGER_FROM_OTHERS,
    GOODBYE,
    HOPELESSNESS,
    PLAN_OR_MEANS,
    SELF_HARM,
    SUICIDAL_THOUGHTS,
    detect,
    find_risk,
)


def cats(text):
    return {f.category for f in find_risk(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal",
        "I'm not suicidal, just really tired.",
        "I would never kill myself.",
        "I don't want to die, I want things to change.",
        "I have never self-harmed.",
        "He would never hurt me.",
        "I'm not going to hurt myself.",
    ],
)
def test_a_negated_statement_is_not_risk(text):
    assert find_risk(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "my friend said she wanted to die",
        "My brother tried to kill himself in March.",
        "She cuts herself and I'm worried about her.",
        "My best friend is suicidal and won't see anyone.",
        "She wrote \u201cI want to die\u201d on her page and I called her.",
        '"I want to kill myself," he said, and then he laughed.',
    ],
)
def test_someone_elses_words_are_not_the_writers_risk(text):
    assert find_risk(text) == []
    assert any(not f.first_person for f in detect(text)), "the other person's words are still seen"


@pytest.mark.parametrize(
    "text",
    [
        "This traffic is killing me.",
        "I could die of embarrassment.",
        "I'm dying to see the new film.",
        "I nearly killed myself laughing.",
        "That cake is to die for.",
        "My mum will kill me when she sees my room.",
        "I burned myself on the oven tray.",
    ],
)
def test_idioms_and_accidents_are_not_risk(text):
    assert find_risk(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Years ago I used to self-harm but I haven't in a long time.",
        "I tried to kill myself ten years ago and I'm glad I survived.",
        "If I ever felt suicidal I would call my therapist.",
        "I'm writing an essay on suicide prevention.",
    ],
)
def test_recovered_past_hypotheticals_and_topics_are_not_risk(text):
    assert find_risk(text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I'm not okay, I want to die", SUICIDAL_THOUGHTS),
        ("I don't want to live anymore", SUICIDAL_THOUGHTS),
        ("my friend said she wanted to die and honestly so do I", SUICIDAL_THOUGHTS),
        ("I'm not going to lie, I think about killing myself.", SUICIDAL_THOUGHTS),
        ("I don't know why I want to die but I do.", SUICIDAL_THOUGHTS),
        ("I can't stop thinking about killing myself.", SUICIDAL_THOUGHTS),
        ("My therapist asked if I was suicidal and I am.", SUICIDAL_THOUGHTS),
        ("I've saved up my pills.", PLAN_OR_MEANS),
        ("I've been cutting myself again.", SELF_HARM),
        ("I used to self-harm and lately the urges are back.", SELF_HARM),
        ("Everyone would be better off without me.", HOPELESSNESS),
        ("No one would miss me if I was gone.", HOPELESSNESS),
        ("By the time you read this I'll be gone.", GOODBYE),
        ("He said he'd kill me.", DANGER_FROM_OTHERS),
        ("I'm scared he'll hurt me.", DANGER_FROM_OTHERS),
    ],
)
def test_real_risk_is_found_and_not_hidden(text, category):
    assert category in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "i wanna kms",
        "im so suicidle",
        "i want 2 die",
        "i dont want to live anymore",
        "I WANT TO DIE",
        "been cutting again",
    ],
)
def test_shorthand_typos_and_shouting_are_still_found(text):
    assert find_risk(text)


def test_a_finding_points_at_the_words_as_written():
    text = "Fine day.   Honestly  I  wanna   kms tbh"
    [finding] = find_risk(text)
    assert text[finding.start : finding.end] == finding.text == "kms"
    assert finding.first_person and finding.discounted == ""


def test_findings_carry_no_score():
    [finding] = find_risk("I want to die")
    assert not any("score" in name or "level" in name for name in vars(finding))


# ---- properties ------------------------------------------------------------------------------------

RISKY = [
    "I want to die.",
    "I don't want to live anymore.",
    "Everyone would be better off without me.",
    "I've been cutting myself again.",
    "He said he'd kill me.",
    "I've saved up my pills.",
    "This is goodbye.",
    "im so suicidal rn",
]
SAFE = [
    "This traffic is killing me.",
    "I'm not suicidal.",
    "My friend said she wanted to die.",
    "We had a good talk about trust tonight.",
    "I'm writing an essay on suicide prevention.",
]
NEUTRAL = [
    "I had pasta for dinner.",
    "The weather was grey today.",
    "We walked the dog in the park.",
    "Work was long.",
    "I read a chapter of my book.",
    "My sister phoned this afternoon.",
]


def _key(findings):
    return {(f.category, f.text.lower()) for f in findings}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(RISKY + SAFE), st.lists(st.sampled_from(NEUTRAL), max_size=3), st.booleans())
def test_adding_a_neutral_sentence_never_removes_a_finding(text, neutral, before):
    # A neutral *sentence*: when the text has no full stop of its own, the new sentence starts after one.
    padding = " ".join(neutral)
    combined = f"{padding} {text}" if before else f"{text}{'' if text.endswith(('.', '!', '?')) else '.'} {padding}"
    assert _key(find_risk(text)) <= _key(find_risk(combined))


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(RISKY + SAFE),
    st.sampled_from(["upper", "lower", "title", "swapcase"]),
    st.sampled_from([" ", "  ", "\t", " \u00a0"]),
)
def test_case_and_spacing_do_not_change_the_result(text, case, space):
    changed = getattr(text, case)().replace(" ", space)
    assert {f.category for f in find_risk(text)} == {f.category for f in find_risk(changed)}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_findings_inside_the_text(text):
    for f in detect(text):
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
