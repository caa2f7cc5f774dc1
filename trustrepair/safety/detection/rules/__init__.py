"""One module of rules per category. Each is tried in this order, phrases before structural rules."""

import re

from trustrepair.safety.detection.findings import CATEGORIES
from trustrepair.safety.detection.rules import (
    danger_from_others,
    goodbye,
    hopelessness,
    plan_or_means,
    self_harm,
    suicidal_thoughts,
)

MODULES = {
    suicidal_thoughts.__name__.rsplit(".", 1)[-1]: suicidal_thoughts,
    plan_or_means.__name__.rsplit(".", 1)[-1]: plan_or_means,
    self_harm.__name__.rsplit(".", 1)[-1]: self_harm,
    hopelessness.__name__.rsplit(".", 1)[-1]: hopelessness,
    goodbye.__name__.rsplit(".", 1)[-1]: goodbye,
    danger_from_others.__name__.rsplit(".", 1)[-1]: danger_from_others,
}
_PHRASES: dict[str, list[str]] = {cat: [*MODULES[cat].PHRASES, *MODULES[cat].STRUCTURAL] for cat in CATEGORIES}
_COMPILED = {cat: [re.compile(p) for p in pats] for cat, pats in _PHRASES.items()}
