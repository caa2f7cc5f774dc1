"""The structural rules of the detector (word classes combined by rule, not one phrase per sentence).

Each rule is pinned with wordings it must find and the look-alikes it must leave alone: a burden belief
but not "the team will be fine without me for a week", violence aimed at the writer but not a kind hand
or "choked up", finality but not a weekend away, a means with intent but not a pill for a headache.
"""

import pytest

from trustrepair.safety.detection import (
    DANGER_FROM_OTHERS,
    GOODBYE,
    HOPELESSNESS,
    PLAN_OR_MEANS,
    SELF_HARM,
    SUICIDAL_THOUGHTS,
    find_risk,
)


def cats(text):
    return {f.category for f in find_risk(text)}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # burden belief: <anyone> would be <fine/better/relieved> without me
        ("My parents would be relieved without me.", HOPELESSNESS),
        ("honestly they'd all be okay without me", HOPELESSNESS),
        ("The people around me would be happier without me around.", HOPELESSNESS),
        # euphemisms for ending one's life
        ("I've been contemplating ending things.", SUICIDAL_THOUGHTS),
        ("I'd be better off not being here.", SUICIDAL_THOUGHTS),
        ("I just want to fade away forever.", SUICIDAL_THOUGHTS),
        ("Some days I want to go to sleep and not wake up.", SUICIDAL_THOUGHTS),
        ("I can't see myself making it to next summer.", SUICIDAL_THOUGHTS),
        # means without the word suicide
        ("I counted my sleeping pills again tonight.", PLAN_OR_MEANS),
        ("I keep picturing throwing myself off the car park roof.", PLAN_OR_MEANS),
        ("I have a plan and I've chosen the place.", PLAN_OR_MEANS),
        # finality and giving things away
        ("I won't be around much longer, so don't worry about me.", GOODBYE),
        ("I'm giving my records to my cousin because I won't need them.", GOODBYE),
        ("I sorted out who gets my savings.", GOODBYE),
        # self-harm slang
        ("relapsed on sh last night", SELF_HARM),
        # violence by someone else: <person> <violent act> me / my <body part>
        ("My husband squeezed my neck until I couldn't breathe.", DANGER_FROM_OTHERS),
        ("Her ex slammed me into the door.", DANGER_FROM_OTHERS),
        ("He wrapped his hands around my throat.", DANGER_FROM_OTHERS),
        ("my bf keeps following me and threatened to stab me", DANGER_FROM_OTHERS),
        # second widening: conditional threats, armed arrival, lethal-means research, high places
        ("If I tell anyone, she'll ruin me.", DANGER_FROM_OTHERS),
        ("My brother turned up at the flat with a bat.", DANGER_FROM_OTHERS),
        ("I looked into which pills are lethal.", PLAN_OR_MEANS),
        ("At the station I kept staring at the platform edge, thinking about stepping off.", PLAN_OR_MEANS),
        ("I'm worn out of fighting to stay alive.", HOPELESSNESS),
        ("It'd be easier for my family if I vanished.", HOPELESSNESS),
    ],
)
def test_structural_rules_find_new_wordings(text, category):
    assert category in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        # burden look-alikes
        "My team will be fine without me for a week.",
        "The kids were fine without me while I was at the conference.",
        # euphemism look-alikes
        "I'm ending things with him, we want different lives.",
        "I'm thinking of ending it with my girlfriend.",
        # means look-alikes
        "I took two pills for my headache.",
        "I jumped off the pier with my cousins.",
        # finality look-alikes
        "I won't be around this weekend, we're camping.",
        "I'm giving my old clothes to charity.",
        # violence look-alikes
        "She grabbed my hand and squeezed it.",
        "My dad choked up during the speech.",
        "She hurt me when she lied.",
        "Goodbye everyone, signing off for today!",
        "I'm hopeless at maths.",
        "Nobody would notice if I skipped the meeting.",
        "If I leave now, they'll save me a seat.",
        # idioms, negation and other people still win over the wider net
        "This commute is killing me.",
        "I'm not suicidal and I won't hurt myself.",
        "My friend said her family would be better off without her.",
    ],
)
def test_structural_rules_leave_look_alikes_alone(text):
    assert find_risk(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "As a nurse I see overdoses every week.",
        "I work on a helpline and we get suicide calls.",
        "My clients who self-harm often hide it.",
    ],
)
def test_a_professional_speaking_about_the_topic_is_not_risk(text):
    assert find_risk(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "As a nurse I took an overdose last night.",
        "As a therapist I have been self-harming again.",
        "I'm a paramedic and I want to kill myself.",
    ],
)
def test_a_professional_role_never_hides_the_writers_own_risk(text):
    assert find_risk(text)
