"""The labelled sentences behind crisis screening: which files, in what order, and how they are read.

Two formats, one sentence a line, `#` for comments:
- `label<TAB>sentence` (the first ~900 sentences, bench/data/crisis_corpus.tsv and crisis_holdout..10);
  their kind is "unknown" and a risk sentence's category is the rules' (or "unknown" when none fired).
- `label<TAB>category<TAB>kind<TAB>sentence` (the corpus in bench/data/corpus/ and holdout 11 on).
label is `risk` (the writer's own current risk, to themselves or from someone else) or `none`.

ORDER is the order in which files entered the repository. A file's prospective figure is the detector
trained only on the files before it. HELD_OUT files are never trained on.
"""

from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data"

ORDER = [
    "crisis_corpus.tsv",
    "crisis_holdout.tsv",
    *[f"crisis_holdout{n}.tsv" for n in range(2, 11)],
    "crisis_holdout11.tsv",
    "crisis_holdout12.tsv",
    *[f"corpus/{kind}_{n:02}.tsv" for n in range(1, 7) for kind in ("risk", "none")],
    "corpus/everyday_01.tsv",
    "crisis_holdout13.tsv",
    "crisis_holdout14.tsv",
]
# Files from here on must carry no near-duplicate of anything before them (the importer drops them).
FIRST_CLEAN = "corpus/risk_01.tsv"
# Never trained on. Holdouts 11 and 12 were held out from the first model (crisis-lr-9e2e23d0d6), ran once
# against it, and then became training data; holdout 13 is the honest figure of the final model (spent: it has
# been run, so it is never tuned on). Holdout 14 was committed before the rules' discount checks were tightened
# and run once against the detector as it stood then; its second run is the figure of the tightened detector.
HELD_OUT: set[str] = {"crisis_holdout13.tsv", "crisis_holdout14.tsv"}

# Stated similarity limit for the training corpus: no two sentences closer than this (tests/test_crisis_corpus.py).
WORD_3GRAM_JACCARD = 0.6
CHAR_5GRAM_JACCARD = 0.7


@dataclass(frozen=True)
class Row:
    label: str  # "risk" or "none"
    category: str  # one of the six for risk ("unknown" if not known); "-" for none
    kind: str  # direct, indirect, embedded, slang_typo, idiom, negation, ... or "unknown"
    sentence: str
    file: str


@cache
def read(name: str) -> tuple[Row, ...]:
    from trustrepair.safety.detection import find_risk

    path = DATA / name
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) == 2:
            label, sentence = parts
            category, kind = "-", "unknown"
            if label == "risk":
                found = find_risk(sentence)
                category = found[0].category if found else "unknown"
        elif len(parts) == 4:
            label, category, kind, sentence = parts
        else:
            raise SystemExit(f"{path}:{number}: expected 2 or 4 tab-separated columns")
        if label not in ("risk", "none"):
            raise SystemExit(f"{path}:{number}: label must be 'risk' or 'none'")
        rows.append(Row(label, category, kind, sentence.strip(), name))
    return tuple(rows)


def files() -> list[str]:
    return [name for name in ORDER if (DATA / name).exists()]


def training_files(before: str | None = None) -> list[str]:
    """Files a model may learn from: all but the held-out ones, or only those before `before`."""
    names = files()
    if before is not None:
        names = names[: ORDER.index(before)]
    return [n for n in names if n not in HELD_OUT]


# ---- near-duplicates: exact Jaccard with a prefix filter, fast enough for a test ------------------------

_WORDS = re.compile(r"[a-z0-9']+")


def word_3grams(s: str) -> set[str]:
    w = _WORDS.findall(s.lower())
    return {" ".join(w[i : i + 3]) for i in range(len(w) - 2)} or {" ".join(w)}


def char_5grams(s: str) -> set[str]:
    t = " ".join(_WORDS.findall(s.lower()))
    return {t[i : i + 5] for i in range(len(t) - 4)} or {t}


def _similar_pairs(sets: list[set[str]], threshold: float) -> set[tuple[int, int]]:
    """Pairs (i < j) with Jaccard > threshold. Two such sets share a token among each one's rarest
    |A| - ceil(threshold * |A|) + 1 tokens (prefix filtering), so only those are indexed."""
    freq: dict[str, int] = defaultdict(int)
    for s in sets:
        for tok in s:
            freq[tok] += 1
    index: dict[str, list[int]] = defaultdict(list)
    pairs = set()
    for i, s in enumerate(sets):
        ordered = sorted(s, key=lambda tok: (freq[tok], tok))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        candidates = {j for tok in prefix for j in index[tok]}
        for j in candidates:
            other = sets[j]
            inter = len(s & other)
            if inter / (len(s) + len(other) - inter) > threshold:
                pairs.add((j, i))
        for tok in prefix:
            index[tok].append(i)
    return pairs


def near_duplicates(sentences: list[str]) -> set[tuple[int, int]]:
    """Index pairs of sentences above the stated similarity (word 3-grams or character 5-grams)."""
    return _similar_pairs([word_3grams(s) for s in sentences], WORD_3GRAM_JACCARD) | _similar_pairs(
        [char_5grams(s) for s in sentences], CHAR_5GRAM_JACCARD
    )


def deduplicated(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """Keep the first of any near-duplicate pair, in file order. Returns (kept, dropped).

    The first ~900 sentences repeat themselves a little (held-out files that were tuned on, kept as they
    were written, figures in their headers); files added from bench/data/corpus/ on must have no repeats of
    anything before them (the importer drops them, and tests/test_crisis_corpus.py checks)."""
    pairs = near_duplicates([r.sentence for r in rows])
    drop = {j for _, j in pairs}
    return [r for i, r in enumerate(rows) if i not in drop], [r for i, r in enumerate(rows) if i in drop]


def training_rows(before: str | None = None) -> list[Row]:
    return deduplicated([row for name in training_files(before) for row in read(name)])[0]
