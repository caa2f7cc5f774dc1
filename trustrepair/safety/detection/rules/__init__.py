"""One module of rules per category. Each is tried in this order, phrases before structural rules."""

from __future__ import annotations

import hashlib
import re

from trustrepair.safety.detection import context as _context
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
from trustrepair.safety.detection.triggers import required_literals

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
_COMPILED = {cat: [r.regex for r in rules] for cat, rules in RULES.items()}
# Changes whenever any rule or any discount check's pattern changes: part of the key under which screening
# results are cached.
_DISCOUNT_PATTERNS = [v.pattern for _, v in sorted(vars(_context).items()) if isinstance(v, re.Pattern)]
VERSION = hashlib.sha256(
    "\n".join([*(r.pattern for rules in RULES.values() for r in rules), *_DISCOUNT_PATTERNS]).encode()
).hexdigest()[:12]
# Literal words one of which each rule's match must contain: a rule whose words are absent is skipped.
_TRIGGERS = {cat: [required_literals(r.pattern) for r in rules] for cat, rules in RULES.items()}
