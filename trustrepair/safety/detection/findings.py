"""The six categories of crisis language and what the detector reports."""

from __future__ import annotations

from dataclasses import dataclass

SUICIDAL_THOUGHTS = "suicidal_thoughts"
PLAN_OR_MEANS = "plan_or_means"
SELF_HARM = "self_harm"
HOPELESSNESS = "hopelessness"
GOODBYE = "goodbye"
DANGER_FROM_OTHERS = "danger_from_others"
CATEGORIES = (SUICIDAL_THOUGHTS, PLAN_OR_MEANS, SELF_HARM, HOPELESSNESS, GOODBYE, DANGER_FROM_OTHERS)


@dataclass(frozen=True)
class Finding:
    category: str
    start: int  # span in the text as written
    end: int
    text: str  # the words as written
    first_person: bool  # the writer's own experience (not someone else's, not quoted from another speaker)
    discounted: str = ""  # why it is not counted: negated, idiom, past, hypothetical, topic; "" when it counts
    layer: str = "rules"  # "rules" or "model"
    model_version: str = ""  # the learned layer's version; "" for rules

    @property
    def is_risk(self) -> bool:
        return self.first_person and not self.discounted
