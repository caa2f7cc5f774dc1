"""The trust profile: from a person's latest self-check, causes checklist, attachment and symptom
scores, the patterns that stand out (in the words they endorsed), where to start in the program, and
which kinds of therapy fit and why. Pure: the rule table is data (rules/profile_rules.json).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from trustrepair.measures.instruments import Instrument

RULES_FILE = Path(__file__).resolve().parent / "rules" / "profile_rules.json"


@cache
def rules() -> dict:
    return json.loads(RULES_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Latest:
    """The newest current response to one instrument."""

    instrument: Instrument
    answers: dict[str, int]
    total: float | None
    subscales: dict[str, float]
    band: str = ""


@dataclass
class Profile:
    signals: dict[str, list[str]] = field(default_factory=dict)  # signal → evidence sentences
    patterns: list[dict] = field(default_factory=list)  # {"title", "statements": [...]}
    causes: list[str] = field(default_factory=list)
    therapies: list[dict] = field(default_factory=list)  # {"id", "name", "format", "reasons": [{"why", "because"}]}
    therapy_groups: list[dict] = field(
        default_factory=list
    )  # one per matched rule: {"rule", "names", "why", "because"}
    start_phase: str | None = None
    start_phase_title: str = ""
    start_phase_why: str = ""
    start_phase_because: list[str] = field(default_factory=list)
    format: str | None = None
    concerns: list[str] = field(default_factory=list)
    measures_used: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.measures_used


def _add(signals: dict, name: str, evidence: str) -> None:
    signals.setdefault(name, []).append(evidence)


def _fmt(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def build(latest: dict[str, Latest]) -> Profile:
    table = rules()
    limits = table["thresholds"]
    profile = Profile(measures_used=sorted(latest))
    signals = profile.signals

    signs = latest.get("trust_signs")
    if signs:
        inst = signs.instrument
        for sub in inst.subscales:
            mean = signs.subscales.get(sub.id)
            if mean is None or mean < limits["self_check_subscale_mean"]:
                continue
            strong = [inst.item(i).text for i in sub.items if signs.answers.get(i, 0) >= limits["self_check_statement"]]
            statements = strong or [inst.item(i).text for i in sub.items if signs.answers.get(i, 0) > 0]
            profile.patterns.append({"id": sub.id, "title": sub.title, "statements": statements})
            for text in statements:
                _add(signals, f"pattern:{sub.id}", f"In the self-check you said “{text}” is like you.")

    causes = latest.get("causes")
    if causes:
        inst = causes.instrument
        for item in inst.items:
            if causes.answers.get(item.id):
                profile.causes.append(item.text)
                for tag in item.tags:
                    _add(signals, f"cause:{tag}", f"You ticked “{item.text}”")

    for attachment_id in ("ecr_r", "ecr_rs"):
        entry = latest.get(attachment_id)
        if not entry:
            continue
        for sub in entry.instrument.subscales:
            mean = entry.subscales.get(sub.id)
            if mean is not None and mean > limits["attachment_mean_above"]:
                _add(
                    signals,
                    f"attachment:{sub.id}",
                    f"Your {sub.title.lower()} score on the {entry.instrument.short_title} was {_fmt(mean)} "
                    f"on a 1–7 scale, above its middle.",
                )

    for symptom_id, signal in (("phq9", "symptom:low_mood"), ("gad7", "symptom:worry")):
        entry = latest.get(symptom_id)
        if not entry or entry.total is None or not entry.instrument.clinical_cutoff:
            continue
        if entry.total >= entry.instrument.clinical_cutoff["value"]:
            _add(signals, signal, f"Your {entry.instrument.short_title} total was {_fmt(entry.total)} ({entry.band}).")
        if entry.total >= limits["symptom_high_band_from"]:
            _add(
                signals,
                "symptom:high",
                f"Your {entry.instrument.short_title} total was {_fmt(entry.total)} ({entry.band}).",
            )

    # Therapies: every rule that matches adds its therapies, with its reason and the evidence.
    by_id: dict[str, dict] = {}
    for rule in table["therapy_rules"]:
        matched = [s for s in rule["if_any"] if s in signals]
        if not matched:
            continue
        because = [e for s in matched for e in signals[s]]
        names = [table["therapies"][t]["name"] for t in rule["therapies"]]
        profile.therapy_groups.append({"rule": rule["id"], "names": names, "why": rule["why"], "because": because})
        for therapy_id in rule["therapies"]:
            info = table["therapies"][therapy_id]
            entry = by_id.setdefault(
                therapy_id, {"id": therapy_id, "name": info["name"], "format": info["format"], "reasons": []}
            )
            entry["reasons"].append({"rule": rule["id"], "why": rule["why"], "because": because})
    profile.therapies = sorted(by_id.values(), key=lambda t: -len(t["reasons"]))

    if not profile.is_empty:
        for rule in table["phase_rules"]:
            matched = [s for s in rule["if_any"] if s in signals or s == "*"]
            if matched:
                profile.start_phase = rule["phase"]
                profile.start_phase_title = table["phases"][rule["phase"]]
                profile.start_phase_why = rule["why"]
                profile.start_phase_because = [e for s in matched if s != "*" for e in signals[s]]
                break

    if causes:
        couples_items = set(table["couples_format_if_items"])
        profile.format = "couples" if any(causes.answers.get(i) for i in couples_items) else "individual"
    elif profile.therapies:
        profile.format = "individual"
    profile.concerns = sorted({table["concerns"][s] for s in signals if s in table["concerns"]})
    return profile
