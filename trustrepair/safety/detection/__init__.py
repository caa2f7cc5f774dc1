"""TEMPORARY ADAPTER — replaced whole by the engine branch (wt-crisis, issue 10 items 1–3) at merge.

It gives the rest of the project the engine's contract today, over the existing rules in
`safety/detector.py`, so the crisis UI (asking gently, the panel) can be built against it:

    respond(text) -> Response(action, findings, categories, ask_category)

- `action` is "none", "ask" or "panel". This adapter has no learned layer, so it never returns "ask":
  a rule finding is always "panel", nothing else is "none". (The ask flow's tests reach "ask" through
  the `ask_sentence` fixture in safety/tests/conftest.py until the engine lands.)
- each finding carries category, the matched words, the layer ("rules" or "model") and a model version.
- `ask_category` (only when the action is "ask") is "self" for suicidal thoughts, a plan or means,
  self-harm, hopelessness or a goodbye, "others" for danger from someone else; otherwise None.
- the category constants (SUICIDAL_THOUGHTS, ...) are exported here as the engine exports them.

Pure: imports nothing from Django.
"""

from __future__ import annotations

from dataclasses import dataclass

from trustrepair.safety import detector
from trustrepair.safety.detector import (  # the engine exports the same names from this package
    CATEGORIES,
    DANGER_FROM_OTHERS,
    GOODBYE,
    HOPELESSNESS,
    PLAN_OR_MEANS,
    SELF_HARM,
    SUICIDAL_THOUGHTS,
)

__all__ = [
    "CATEGORIES",
    "DANGER_FROM_OTHERS",
    "GOODBYE",
    "HOPELESSNESS",
    "PLAN_OR_MEANS",
    "SELF_HARM",
    "SUICIDAL_THOUGHTS",
    "Finding",
    "Response",
    "respond",
]

ASK_SELF = "self"
ASK_OTHERS = "others"
SELF_CATEGORIES = frozenset({SUICIDAL_THOUGHTS, PLAN_OR_MEANS, SELF_HARM, HOPELESSNESS, GOODBYE})
OTHERS_CATEGORIES = frozenset({DANGER_FROM_OTHERS})


def ask_category_of(categories) -> str | None:
    """Which gentle question fits: "self" wins over "others" (the person's own life comes first)."""
    categories = set(categories)
    if categories & SELF_CATEGORIES:
        return ASK_SELF
    if categories & OTHERS_CATEGORIES:
        return ASK_OTHERS
    return None


@dataclass(frozen=True)
class Finding:
    category: str
    text: str
    layer: str = "rules"
    model_version: str = ""


@dataclass(frozen=True)
class Response:
    action: str  # "none", "ask" or "panel"
    findings: tuple[Finding, ...] = ()

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.category for f in self.findings))

    @property
    def ask_category(self) -> str | None:
        """Which gentle question to ask, only when the action is "ask" (as in the engine)."""
        return ask_category_of(self.categories) if self.action == "ask" else None


def respond(text: str) -> Response:
    findings = tuple(Finding(f.category, f.text) for f in detector.find_risk(str(text or "")))
    return Response("panel" if findings else "none", findings)
