"""`respond(text)`: what screening does about a piece of writing -- nothing, ask gently, or show the panel.

- A rule finding (the writer's own, current, not negated) always shows the crisis panel.
- The learned layer reads each sentence, and each clause of a long sentence, on its own. Where it is
  confident it shows the panel; where it is less sure it asks a gentle question ("ask"). It can only add:
  it never lowers what the rules decided (a hypothesis property in the tests proves it).
- Without the model (missing, corrupt, not the pinned file) screening runs on the rules alone.

Findings name the category, the words a rule matched ("" for the model), the layer and the model version;
never a score. Results for each sentence are cached by a keyed hash of the sentence (never the text), so an
autosave that adds one sentence scores only that sentence.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass

from trustrepair.safety.detection import model as _model
from trustrepair.safety.detection.engine import find_risk
from trustrepair.safety.detection.findings import DANGER_FROM_OTHERS, Finding
from trustrepair.safety.detection.rules import VERSION as RULES_VERSION

NONE, ASK, PANEL = "none", "ask", "panel"
_RANK = {NONE: 0, ASK: 1, PANEL: 2}


@dataclass(frozen=True)
class Response:
    action: str  # "none", "ask" or "panel"
    findings: tuple[Finding, ...] = ()

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.category for f in self.findings))

    @property
    def ask_category(self) -> str | None:
        """Which gentle question to ask: "self" (ending life or self-harm) or "others" (safety at home)."""
        if self.action != ASK or not self.findings:
            return None
        return "others" if self.findings[0].category == DANGER_FROM_OTHERS else "self"


def stronger(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


# ---- units the model reads: sentences, and the clauses of long sentences ------------------------------

_SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]*")
_CLAUSE_SPLIT = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:but|so|because|and then|though|although)\b", re.I)
LONG_SENTENCE_WORDS = 12
MIN_CLAUSE_WORDS = 3


def units(text: str) -> list[tuple[int, int]]:
    """Spans of `text` the model scores: every sentence, plus the clauses of sentences of 12 or more words."""
    spans = []
    for m in _SENTENCE_RE.finditer(text):
        sentence = m.group(0)
        if not sentence.strip():
            continue
        start = m.start() + (len(sentence) - len(sentence.lstrip()))
        end = m.end() - (len(sentence) - len(sentence.rstrip()))
        spans.append((start, end))
        if len(sentence.split()) < LONG_SENTENCE_WORDS:
            continue
        pos = start
        for cut in [*_CLAUSE_SPLIT.finditer(text, start, end), None]:
            stop = cut.start() if cut else end
            piece = text[pos:stop]
            if len(piece.split()) >= MIN_CLAUSE_WORDS and (pos, stop) != (start, end):
                lead = len(piece) - len(piece.lstrip())
                spans.append((pos + lead, stop - (len(piece) - len(piece.rstrip()))))
            pos = cut.end() if cut else end
    return spans


# ---- the cache: keyed hash of a unit -> the model's outcome for it -------------------------------------

_CACHE_KEY = os.urandom(32)  # per process, so a hash cannot be matched against a list of sentences
_CACHE_SIZE = 20_000
_cache: OrderedDict[bytes, tuple] = OrderedDict()  # keyed hash -> outcome (action, category / spans)
_cache_lock = threading.Lock()


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), key=_CACHE_KEY, digest_size=16).digest()


def _remember(key: bytes, outcome: tuple) -> None:
    with _cache_lock:
        _cache[key] = outcome
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


def _unit_outcome(m: _model.Model, unit: str) -> tuple[str, str]:
    key = _key(f"m\0{m.version}\0{unit}")
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    p, category = m.risk(unit)
    outcome = (PANEL if p >= m.panel_at else ASK if p >= m.ask_at else NONE, category)
    _remember(key, outcome)
    return outcome


def model_findings(text: str, m: _model.Model | None) -> tuple[str, tuple[Finding, ...]]:
    """The learned layer alone: its action and one finding per unit it raised, panel-level first."""
    if m is None or not text:
        return NONE, ()
    raised = []
    for start, end in units(text):
        action, category = _unit_outcome(m, text[start:end])
        if action != NONE:
            raised.append((action, Finding(category, start, end, "", True, "", layer="model", model_version=m.version)))
    if not raised:
        return NONE, ()
    raised.sort(key=lambda af: -_RANK[af[0]])
    top = raised[0][0]
    seen, findings = set(), []
    for action, f in raised:  # the findings behind the strongest action, one per category
        if action == top and f.category not in seen:
            seen.add(f.category)
            findings.append(f)
    return top, tuple(findings)


# ---- the rules, run on chunks of a few sentences so that an edit re-runs only the chunk it touched ------

_CHUNK_MAX = 500


def chunks(text: str) -> list[tuple[int, int]]:
    """Contiguous spans covering `text`. A chunk ends at a line break, after a sentence whose checksum
    ends in 0 mod 3 (so boundaries depend on content, and an edit moves none but its own), or at 500
    characters. The rules read each chunk on its own; nearly every entry is a single chunk."""
    spans, start = [], 0
    for m in _SENTENCE_RE.finditer(text):
        end = m.end()
        ends_line = end < len(text) and text[end] == "\n"
        if ends_line or zlib.crc32(m.group(0).strip().encode()) % 3 == 0 or end - start >= _CHUNK_MAX:
            spans.append((start, end))
            start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _chunk_findings(chunk: str) -> tuple[tuple[str, int, int], ...]:
    key = _key(f"r\0{RULES_VERSION}\0{chunk}")
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    found = tuple((f.category, f.start, f.end) for f in find_risk(chunk))
    _remember(key, found)
    return found


def rules_action(text: str) -> tuple[str, tuple[Finding, ...]]:
    if not text:
        return NONE, ()
    findings = tuple(
        Finding(category, start + a, start + b, text[start + a : start + b], True, "")
        for start, end in chunks(text)
        for category, a, b in _chunk_findings(text[start:end])
    )
    return (PANEL if findings else NONE), findings


def respond(text: str) -> Response:
    """Screen one piece of writing. Pure: no Django, no I/O beyond reading the model once."""
    return respond_with(text, _model.current())


def respond_with(text: str, m: _model.Model | None) -> Response:
    """respond() with a given model (None: rules only). The benchmarks use it for models trained on the fly."""
    action, findings = rules_action(text)
    learned, learned_findings = model_findings(text, m)
    if _RANK[learned] < _RANK[action]:
        learned_findings = ()  # a question is moot once the rules have shown the panel
    return Response(stronger(action, learned), findings + learned_findings)


def model_status() -> _model.Status:
    """Whether the learned layer is in use ("screening on rules only" when it is not)."""
    return _model.status()
