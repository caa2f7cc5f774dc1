"""The learned layer: a small logistic-regression classifier over hashed n-grams, read by pure Python.

The weights are ours: trained by bench/train_crisis_model.py on TrustRepair's own labelled sentences
(bench/data), shipped in data/crisis_model.json.gz (see data/NOTICE.md), pinned by the SHA-256 below.
Nothing is downloaded, ever. If the file is missing, unreadable or not the pinned one, `current()` returns
None, screening runs on the rules alone, and `status()` says so (staff pages show "screening on rules only").
Saving is never blocked by any of this.

The file holds, besides the weights, the two thresholds chosen by cross-validation on the training corpus
(the model's probability of risk at or above `ask_at` asks a gentle question, at or above `panel_at` shows
the crisis panel). No probability, threshold or label is ever shown to anyone or stored.
"""

from __future__ import annotations

import array
import base64
import gzip
import hashlib
import json
import logging
import math
import operator
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from trustrepair.safety.detection.features import N_BUCKETS, features

log = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).resolve().parent / "data" / "crisis_model.json.gz"
MODEL_SHA256 = "5ddaed81da44a266386a801246655f42b37010d4f0d7001d051eafd712e08048"
# Where to read the weights from instead (tests point it at temporary copies); the hash stays pinned.
PATH_ENV = "TRUSTREPAIR_CRISIS_MODEL"
FORMAT = "trustrepair-crisis-lr/1"


@dataclass(frozen=True)
class Model:
    version: str
    classes: tuple[str, ...]  # "none" first, then the detector's six categories
    ask_at: float
    panel_at: float
    bias: tuple[float, ...]
    table: dict[int, tuple[float, ...]]  # feature bucket -> one weight per class

    def probabilities(self, text: str) -> list[float]:
        table = self.table
        values, rows = [], []
        for bucket, value in features(text).items():
            row = table.get(bucket)
            if row is not None:
                values.append(value)
                rows.append(row)
        # one dot product per class, over the transposed rows (zip and map run in C)
        z = list(self.bias)
        if rows:
            columns = zip(*rows, strict=True)
            z = [b + sum(map(operator.mul, values, column)) for b, column in zip(z, columns, strict=True)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return [v / total for v in e]

    def risk(self, text: str) -> tuple[float, str]:
        """The probability that this is the writer's own current risk, and its most likely category."""
        p = self.probabilities(text)
        best = max(range(1, len(p)), key=p.__getitem__)
        return 1.0 - p[0], self.classes[best]


@dataclass(frozen=True)
class Status:
    available: bool
    version: str = ""
    problem: str = ""  # why the model is not in use: missing, not the pinned file, unreadable

    @property
    def label(self) -> str:
        return f"screening on rules and model {self.version}" if self.available else "screening on rules only"


_lock = threading.Lock()
_loaded: dict[str, tuple[Model | None, Status]] = {}


def _path() -> str:
    return os.environ.get(PATH_ENV) or str(MODEL_FILE)


def _read(path: str) -> tuple[Model | None, Status]:
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return None, Status(False, problem=f"missing: {path}")
    if hashlib.sha256(raw).hexdigest() != MODEL_SHA256:
        return None, Status(False, problem="not the pinned file (SHA-256 differs): corrupt or replaced")
    try:
        model = parse(raw)
    except (ValueError, KeyError, TypeError, OSError, EOFError) as exc:
        return None, Status(False, problem=f"unreadable: {exc}")
    return model, Status(True, version=model.version)


def parse(raw: bytes) -> Model:
    """A model from the bytes of a model file (the caller checks the hash). Raises ValueError and friends."""
    doc = json.loads(gzip.decompress(raw))
    if doc["format"] != FORMAT or doc["n_buckets"] != N_BUCKETS:
        raise ValueError("unknown format")
    classes = tuple(doc["classes"])
    buckets = array.array("I", base64.b64decode(doc["buckets"]))
    weights = array.array("h", base64.b64decode(doc["weights"]))
    k, scales = len(classes), tuple(float(x) for x in doc["scales"])
    if len(weights) != len(buckets) * k or classes[0] != "none" or len(scales) != k:
        raise ValueError("weights do not fit the buckets")
    model = Model(
        version=doc["version"],
        classes=classes,
        ask_at=float(doc["ask_at"]),
        panel_at=float(doc["panel_at"]),
        bias=tuple(doc["bias"]),
        table={b: tuple(weights[i * k + c] * scales[c] for c in range(k)) for i, b in enumerate(buckets)},
    )
    return model


def _load() -> tuple[Model | None, Status]:
    path = _path()
    found = _loaded.get(path)
    if found is None:
        with _lock:
            found = _loaded.get(path)
            if found is None:
                found = _read(path)
                if not found[1].available:
                    log.error("Crisis screening runs on rules only: the model is %s.", found[1].problem)
                _loaded[path] = found
    return found


def current() -> Model | None:
    """The model in use, or None when screening runs on the rules only."""
    return _load()[0]


def status() -> Status:
    return _load()[1]
