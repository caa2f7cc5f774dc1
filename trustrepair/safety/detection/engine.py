# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Steps 2 and 4: match the rules, then the wider wish-plus-death net; detect() and find_risk()."""

from __future__ import annotations

import re

from trustrepair.safety.detection.context import (
    _AFFIRM,
    _ECHO,
    _analyse_match,
    _clause_start,
    _negated,
    _quotes,
    _sentences,
)
from trustrepair.safety.detection.findings import CATEGORIES, SUICIDAL_THOUGHTS, Finding
from trustrepair.safety.detection.normalise import _Text, normalise
from trustrepair.safety.detection.rules import _COMPILED, _TRIGGERS

_ALL_TRIGGERS = frozenset(w for lists in _TRIGGERS.values() for words in lists if words for w in words)

# ---- 4. a wider net: wanting + death in one clause ------------------------------------------------------
# Phrases miss new wordings ("I keep fantasising about not waking up"). This layer looks, within one
# sentence, for a wish or intention followed closely by a death word, with the same person, negation,
# idiom and topic checks as the phrases. It only ever adds findings.
_DESIRE = re.compile(
    r"\b(?:want|wanted|wanting|wish|wished|wishing|wonder|wondering|i'd like|would like|considering|contemplating|part of me|"
    r"pray|prayed|praying|hope|hoping|long|longing|rather|crave|craving|"
    r"tempted|tempting|urge|urges|plan|planning|planned|going to|ready|decided|thinking (?:of|about)|think about|"
    r"thought about|fantasi[sz]e|fantasi[sz]ing|dream (?:of|about)|dreaming (?:of|about)|imagine|imagining|picture|picturing|"
    r"research(?:ed|ing)?|look(?:ed|ing)? up|googl(?:e|ed|ing)|deserve|deserving|need to|would be (?:nice|easier|better|a relief|peaceful))\b"
)
# ...but no other person or thing may come between them ("I want to see the Dead Sea").
_BLOCK = {"the", "a", "an", "this", "these", "those", "he", "she", "they", "him", "her", "them", "his", "their"}
_BLOCK |= {"you", "your", "its", "we", "our", "us", "his", "someone", "somebody", "people", "everyone"}
_DEATH = re.compile(
    r"\b(?:die|stay asleep|sleep forever|(?:not|never) (?:come|coming) back|checking out|check out for good|"
    r"(?:be|being) gone(?: for good)?|be done(?= *(?:[.!?]|$| for good| with (?:it all|life|everything)))|not make it to|ending (?:everything|it all|my life)|"
    r"dying(?! (?:to|for|of|inside|laughing))|dead(?! (?:tired|end|serious|line|battery|on|set|heat|weight))|my (?:own )?death|"
    r"not (?:be )?(?:here|alive|around|exist(?:ing)?)|(?:stop|cease|ceasing|stopping) (?:to )?exist(?:ing)?|never wak(?:e|ing) up|"
    r"not wak(?:e|ing) up|funeral|my grave|afterlife|end (?:it all|my life|everything)|"
    r"disappear(?:ing)? (?:forever|for good|permanently)|no longer (?:be )?(?:here|around|alive)|not being (?:here|around|alive)|"
    r"stop(?:ping)? (?:breathing|living)|(?:fade|go) (?:away|black) (?:forever|for good)|ending (?:things|it)(?! with| between))\b"
)
_CONCEPT_GAP = 60  # characters between the wish and the death word
# Only these small words may stand between the wish and the death word, so "I want to see the Dead Sea" or
# "I hope she is not here" never join up.
_GLUE = {
    "to",
    "be",
    "could",
    "would",
    "should",
    "will",
    "can",
    "just",
    "i",
    "i'd",
    "i'm",
    "i'll",
    "about",
    "of",
    "that",
    "ways",
    "way",
    "how",
    "my",
    "own",
    "really",
    "simply",
    "quietly",
    "never",
    "go",
    "was",
    "were",
    "am",
    "being",
    "finally",
    "already",
    "so",
    "if",
    "it",
    "all",
    "then",
    "and",
    "myself",
    "again",
    "someday",
    "one",
    "day",
    "soon",
    "peacefully",
    "feel",
    "like",
    "sometimes",
    "often",
    "off",
    "gone",
    "where",
    "when",
    "what",
    "it'd",
    "is",
}


def _concept_findings(t: _Text, sentences, quotes, taken) -> list[Finding]:
    s = t.s
    found = []
    for sent_start, sent_end in sentences:
        for d in _DESIRE.finditer(s, sent_start, sent_end):
            m = _DEATH.search(s, d.end(), min(sent_end, d.end() + _CONCEPT_GAP))
            if m is None:
                continue
            between = re.findall(r"[a-z][a-z']*", s[d.end() : m.start()])
            if len(between) > 7 or any(w in _BLOCK and w not in _GLUE for w in between):
                continue
            if any(a < m.end() and d.start() < b for a, b, _ in taken):
                continue
            span = re.match(r"(?s).*", s[d.start() : m.end()])  # a match object over the whole span
            fake = _Span(d.start(), m.end(), span.group(0))
            found.append(_analyse_match(t, SUICIDAL_THOUGHTS, fake, sentences, quotes))
            taken.append((d.start(), m.end(), SUICIDAL_THOUGHTS))
            break
    return found


class _Span:
    """Just enough of re.Match for _analyse_match."""

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _=0) -> str:
        return self._text

    def groupdict(self) -> dict:
        return {}


def detect(text: str) -> list[Finding]:
    """Every candidate finding, including those not counted as the writer's own current risk (and why)."""
    if not text or not text.strip():
        return []
    t = normalise(text)
    s = t.s
    present = {word for word in _ALL_TRIGGERS if word in s}  # a rule none of whose words is here is skipped
    sentences = _sentences(s)
    quotes = _quotes(s)
    findings: list[Finding] = []
    taken: list[tuple[int, int, str]] = []
    for category in CATEGORIES:
        for pattern, literals in zip(_COMPILED[category], _TRIGGERS[category], strict=True):
            if literals is not None and literals.isdisjoint(present):
                continue
            for m in pattern.finditer(s):
                if any(a < m.end() and m.start() < b and c == category for a, b, c in taken):
                    continue
                if any(a <= m.start() and m.end() <= b for a, b, _ in taken):
                    continue  # wholly inside an earlier, longer phrase
                taken.append((m.start(), m.end(), category))
                f = _analyse_match(t, category, m, sentences, quotes)
                findings.append(
                    Finding(f.category, f.start, f.end, text[f.start : f.end], f.first_person, f.discounted)
                )
    for f in _concept_findings(t, sentences, quotes, taken):
        findings.append(Finding(f.category, f.start, f.end, text[f.start : f.end], f.first_person, f.discounted))
    # The writer joining in: "my friend said she wanted to die, and honestly so do I", or answering a
    # question with yes: "my therapist asked if I was suicidal and I am".
    others = [f for f in findings if (not f.first_person and not f.discounted) or f.discounted == "hypothetical"]
    if others:
        first_other = min(f.start for f in others)
        for m in (*_ECHO.finditer(s), *_AFFIRM.finditer(s)):
            o_start, o_end = t.span(m.start(), m.end())
            if o_start <= first_other:
                continue
            if _negated(s, _clause_start(s, m.start(), 0), m.start()):
                continue
            prior = [f for f in others if f.end <= o_start]
            if not prior:
                continue
            source = max(prior, key=lambda f: f.end)
            if any(f.first_person and f.start < o_end and o_start < f.end for f in findings):
                continue
            findings.append(Finding(source.category, o_start, o_end, text[o_start:o_end], True, ""))
    findings.sort(key=lambda f: (f.start, f.category))
    return findings


def find_risk(text: str) -> list[Finding]:
    """The findings that are the writer's own, current, and not negated: these bring the crisis panel."""
    return [f for f in detect(text) if f.is_risk]


def categories(text: str) -> set[str]:
    return {f.category for f in find_risk(text)}
