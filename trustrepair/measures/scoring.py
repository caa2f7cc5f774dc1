"""Scoring exactly as published: totals, subscale means, reverse items, bands, missing answers and
the Jacobson–Truax reliable change index. Pure Python: nothing here touches Django or a database.

Every stored score carries SCORING_VERSION, so a later change to these rules never silently rewrites
what a person saw before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from trustrepair.measures.instruments import Band, Instrument

SCORING_VERSION = "1"
Z_95 = 1.96

IMPROVED = "reliable improvement"
DETERIORATED = "reliable deterioration"
NO_RELIABLE_CHANGE = "no reliable change"
NOT_ASSESSED = "not assessed"


class ScoringError(ValueError):
    """Answers or a total that the instrument's rules cannot score."""


@dataclass(frozen=True)
class Score:
    total: float | None
    subscales: dict[str, float] = field(default_factory=dict)
    band: Band | None = None
    missing: tuple[str, ...] = ()

    @property
    def is_complete(self) -> bool:
        return not self.missing

    def value(self, key: str) -> float | None:
        return self.total if key == "total" else self.subscales.get(key)

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "subscales": dict(self.subscales),
            "band": self.band.label if self.band else None,
            "missing": list(self.missing),
            "scoring_version": SCORING_VERSION,
        }


def answer_errors(instrument: Instrument, answers: dict) -> dict[str, str]:
    """Item id → a plain message for each answer that is missing (where needed) or not one of the options."""
    errors = {}
    for item in instrument.items + instrument.unscored_items:
        value = answers.get(item.id)
        allowed = {o.value for o in instrument.options_for(item)}
        if value is None:
            if item in instrument.items and instrument.missing_rule == "complete":
                errors[item.id] = "Please choose an answer to this question."
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            errors[item.id] = "Please choose one of the answers shown."
    return errors


def item_value(instrument: Instrument, item_id: str, raw: int) -> int:
    """The value an answer adds to the score: reversed items count as (lowest + highest − answer)."""
    if item_id in instrument.reverse_items:
        return instrument.min_value + instrument.max_value - raw
    return raw


def band_for(instrument: Instrument, total: float) -> Band | None:
    """The published band for a total; an impossible total is an error, not a band."""
    bounds = instrument.total_range()
    if bounds is not None and not bounds[0] <= total <= bounds[1]:
        raise ScoringError(f"{instrument.short_title}: {total} is outside the possible range {bounds[0]}–{bounds[1]}.")
    for band in instrument.bands:
        if band.contains(total):
            return band
    return None


def score(instrument: Instrument, answers: dict[str, int]) -> Score:
    """Score one set of answers. Out-of-range answers raise ScoringError; missing ones follow the
    instrument's missing-answer rule ("complete": no total, never a silent prorating)."""
    errors = {k: v for k, v in answer_errors(instrument, answers).items() if answers.get(k) is not None}
    if errors:
        raise ScoringError(f"{instrument.short_title}: answers out of range for items {', '.join(sorted(errors))}.")
    if instrument.missing_rule == "absent_is_zero":
        answers = {item_id: answers.get(item_id) or 0 for item_id in instrument.item_ids}
    missing = tuple(i for i in instrument.item_ids if answers.get(i) is None)
    values = {i: item_value(instrument, i, answers[i]) for i in instrument.item_ids if answers.get(i) is not None}

    subscales = {}
    for sub in instrument.subscales:
        if all(i in values for i in sub.items):
            subscales[sub.id] = round(sum(values[i] for i in sub.items) / len(sub.items), 4)

    total = None
    if not missing:
        if instrument.method in {"sum", "count"}:
            total = sum(values.values())
        elif instrument.method == "mean":
            total = round(sum(values.values()) / len(values), 4)
    band = band_for(instrument, total) if total is not None else None
    return Score(total=total, subscales=subscales, band=band, missing=missing)


# ---- reliable change ------------------------------------------------------------------------------
def rci_threshold(*, sd: float, reliability: float, z: float = Z_95) -> float:
    """Jacobson & Truax (1991): the smallest difference that is reliable, z · SD · √(2(1 − r))."""
    if sd <= 0 or not 0 < reliability < 1:
        raise ScoringError("The reliable change index needs SD > 0 and 0 < r < 1.")
    return z * sd * math.sqrt(2 * (1 - reliability))


def rci(before: float, after: float, *, sd: float, reliability: float) -> float:
    """The index itself: (after − before) / S_diff, where S_diff = SD · √(2(1 − r))."""
    return (after - before) / (sd * math.sqrt(2 * (1 - reliability)))


@dataclass(frozen=True)
class Change:
    before: float
    after: float
    difference: float
    threshold: float | None
    verdict: str  # IMPROVED / DETERIORATED / NO_RELIABLE_CHANGE / NOT_ASSESSED
    clinically_significant: bool = False
    provisional: bool = False

    @property
    def is_reliable(self) -> bool:
        return self.verdict in {IMPROVED, DETERIORATED}


def threshold_for(instrument: Instrument) -> float | None:
    """The reliable-change threshold in score points: a published one when given, else Jacobson–Truax."""
    rc = instrument.reliable_change
    if not rc:
        return None
    if "threshold" in rc:
        return float(rc["threshold"])
    return rci_threshold(sd=rc["sd"], reliability=rc["reliability"])


def reliable_change(instrument: Instrument, before: float, after: float, *, key: str = "total") -> Change:
    """Compare two administrations' scores (the total, or a subscale named by `key`), direction aware.

    A published threshold (e.g. ≥ 6 points on the PHQ-9) counts a difference of at least that many
    points; a computed Jacobson–Truax threshold counts a difference beyond it (|RCI| > 1.96).
    Clinically significant change (Jacobson–Truax criterion c) also needs a published cut-off to be
    crossed: from at or above it to below it for improvement, and the reverse for deterioration.
    """
    higher_is = instrument.higher_is if key == "total" else instrument.subscale(key).higher_is
    difference = round(after - before, 4)
    threshold = threshold_for(instrument)
    if threshold is None or higher_is == "neutral":
        return Change(before, after, difference, None, NOT_ASSESSED)
    published = "threshold" in (instrument.reliable_change or {})
    reliable = abs(difference) >= threshold if published else abs(difference) > threshold
    if not reliable:
        verdict = NO_RELIABLE_CHANGE
    else:
        got_worse = difference > 0 if higher_is == "worse" else difference < 0
        verdict = DETERIORATED if got_worse else IMPROVED
    significant = False
    cutoff = instrument.clinical_cutoff
    if key == "total" and cutoff and verdict != NO_RELIABLE_CHANGE:
        c = cutoff["value"]
        if higher_is == "worse":
            crossed_down, crossed_up = before >= c > after, before < c <= after
        else:
            crossed_down, crossed_up = before < c <= after, before >= c > after
        significant = crossed_down if verdict == IMPROVED else crossed_up
    return Change(
        before,
        after,
        difference,
        round(threshold, 2),
        verdict,
        clinically_significant=significant,
        provisional=bool((instrument.reliable_change or {}).get("provisional")),
    )


def score_keys(instrument: Instrument) -> list[tuple[str, str]]:
    """The scores an instrument reports, as (key, title): the total and/or each subscale."""
    keys = []
    if instrument.method in {"sum", "mean", "count"}:
        keys.append(("total", "Total"))
    if instrument.method == "subscale_means":
        keys += [(s.id, s.title) for s in instrument.subscales]
    return keys
