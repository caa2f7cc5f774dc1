"""Thinking traps offered in a thought record, each with a plain explanation. Pure data, no Django.

The slugs are stored on records; never rename one (add a new one instead).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Distortion:
    slug: str
    name: str
    explanation: str


BUILT_IN: tuple[Distortion, ...] = (
    Distortion(
        "mind_reading", "Mind reading", "Being sure you know what someone else thinks or intends without asking."
    ),
    Distortion(
        "fortune_telling", "Fortune telling", "Treating a feared future, such as being left or lied to, as certain."
    ),
    Distortion("catastrophising", "Catastrophising", "Jumping to the worst possible outcome and bracing for it."),
    Distortion(
        "all_or_nothing",
        "All-or-nothing thinking",
        "Seeing people as wholly trustworthy or wholly untrustworthy, with nothing in between.",
    ),
    Distortion(
        "overgeneralising",
        "Overgeneralising",
        "Taking one hurt and making it a rule: “people always”, “everyone will”.",
    ),
    Distortion(
        "emotional_reasoning",
        "Emotional reasoning",
        "Taking a strong feeling as proof: “I feel suspicious, so something must be wrong.”",
    ),
    Distortion("personalising", "Personalising", "Assuming that someone's mood or distance must be about you."),
    Distortion(
        "mental_filter",
        "Mental filter",
        "Noticing only the signs that fit the fear and letting the reassuring ones slip past.",
    ),
    Distortion(
        "discounting_positive",
        "Discounting the positive",
        "Explaining away kind or reliable acts: “they only did it because they had to.”",
    ),
    Distortion(
        "should_statements", "“Should” statements", "Rigid rules for how others must act, and anger when they don't."
    ),
    Distortion(
        "past_as_present",
        "Reading the past into the present",
        "Reacting to someone new as though they were the person who once betrayed you.",
    ),
)

BY_SLUG = {d.slug: d for d in BUILT_IN}
CHOICES = [(d.slug, d.name) for d in BUILT_IN]


def named(slugs) -> list[Distortion]:
    """The built-in distortions for these slugs, in the list's order; unknown slugs are skipped."""
    wanted = set(slugs)
    return [d for d in BUILT_IN if d.slug in wanted]
