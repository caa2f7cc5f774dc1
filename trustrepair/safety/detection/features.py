"""Features for the learned layer: hashed word 1-2-grams and character 3-5-grams. Pure Python.

The training script (bench/train_crisis_model.py) and the run-time scorer both call `features()`, so the
two can never drift apart. The text is first normalised exactly as the rules see it (shorthand expanded,
misspellings of key words corrected, fillers dropped).
"""

from __future__ import annotations

import math
import re
import zlib

from trustrepair.safety.detection.normalise import normalise

N_BUCKETS = 1 << 18
_WORD_RE = re.compile(r"[a-z0-9']+")


def _bucket(kind: str, gram: str) -> int:
    return zlib.crc32(f"{kind}:{gram}".encode()) & (N_BUCKETS - 1)


def features(text: str) -> dict[int, float]:
    """Bucket -> weight: log(1 + count), the whole vector scaled to unit length."""
    s = normalise(text).s
    words = _WORD_RE.findall(s)
    counts: dict[int, int] = {}
    grams = [("w", w) for w in words]
    grams += [("b", f"{a} {b}") for a, b in zip(words, words[1:], strict=False)]
    padded = f" {' '.join(words)} "
    for n in (3, 4, 5):
        grams += [("c", padded[i : i + n]) for i in range(len(padded) - n + 1)]
    for kind, gram in grams:
        b = _bucket(kind, gram)
        counts[b] = counts.get(b, 0) + 1
    vec = {b: math.log1p(c) for b, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {b: v / norm for b, v in vec.items()}
