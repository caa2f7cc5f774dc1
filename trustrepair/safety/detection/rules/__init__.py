"""One module of rules per category. Each is tried in this order, phrases before structural rules."""

from __future__ import annotations

from trustrepair.safety.detection.findings import CATEGORIES
from trustrepair.safety.detection.rules import (
    danger_from_others,
    goodbye,
    hopelessness,
    plan_or_means,
    self_harm,
    suicidal_thoughts,
)
from trustrepair.safety.detection.rules.rule import Rule

MODULES = {
    "suicidal_thoughts": suicidal_thoughts,
    "plan_or_means": plan_or_means,
    "self_harm": self_harm,
    "hopelessness": hopelessness,
    "goodbye": goodbye,
    "danger_from_others": danger_from_others,
}
assert tuple(MODULES) == CATEGORIES

RULES: dict[str, tuple[Rule, ...]] = {cat: (*MODULES[cat].PHRASES, *MODULES[cat].STRUCTURAL) for cat in CATEGORIES}
_COMPILED = {
    cat: [r.regex if isinstance(r, Rule) else __import__("re").compile(r) for r in rules]
    for cat, rules in RULES.items()
}
