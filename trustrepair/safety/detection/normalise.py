# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Step 1: a normalised copy of the text for matching, with an offset map back to what was written."""

from __future__ import annotations

import re
from functools import lru_cache

_ONE_FOR_ONE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u02bc\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2013\u2014", "-"),
        **dict.fromkeys("\t\r\f\v\u00a0", " "),
    }
)


class _Text:
    """A normalised string plus, for each of its characters, the index of the original character."""

    def __init__(self, original: str):
        fast = original.translate(_ONE_FOR_ONE).lower()
        if len(fast) == len(original) and "\u03a3" not in original:  # each character stayed one character
            self.s, self.index, self.length = fast, list(range(len(original))), len(original)
            return
        chars, index = [], []
        for i, ch in enumerate(original):
            low = ch.lower()
            if ch in "\u2018\u2019\u02bc\u0060\u00b4":
                low = "'"
            elif ch in "\u201c\u201d\u201e\u00ab\u00bb":
                low = '"'
            elif ch in "\u2013\u2014":
                low = "-"
            elif ch in "\t\r\f\v\u00a0":
                low = " "
            if len(low) != 1:
                low = ch
            chars.append(low)
            index.append(i)
        self.s = "".join(chars)
        self.index = index
        self.length = len(original)

    def sub(self, pattern: re.Pattern, repl) -> None:
        if not pattern.search(self.s):
            return
        out, index, pos = [], [], 0
        for m in pattern.finditer(self.s):
            out.append(self.s[pos : m.start()])
            index.extend(self.index[pos : m.start()])
            new = repl(m) if callable(repl) else m.expand(repl)
            out.append(new)
            anchor = self.index[m.start()] if m.start() < len(self.index) else self.length
            index.extend([anchor] * len(new))
            if new and m.end() > m.start():
                index[-1] = self.index[m.end() - 1]
            pos = m.end()
        out.append(self.s[pos:])
        index.extend(self.index[pos:])
        self.s = "".join(out)
        self.index = index

    def span(self, start: int, end: int) -> tuple[int, int]:
        if start >= len(self.index):
            return self.length, self.length
        return self.index[start], (self.index[end - 1] + 1 if end > start else self.index[start])


_SHORTHAND = [
    (r"\bkms\b", "kill myself"),
    (r"\bkys\b", "kill yourself"),
    (r"\bun-?aliv(?:e|ing) (?:myself|me)\b", "kill myself"),
    (r"\bhes\b", "he's"),
    (r"\bshes\b", "she's"),
    (r"\btheyre\b", "they're"),
    (r"\bun-?alive\b", "dead"),
    (r"\bsewer ?slide\b", "suicide"),
    (r"\bs(?:ui|iu|u|ue|uei)c(?:i|e)?d(?:e|al|le|ial|el|all|ale)\b", None),  # handled by _spell
    (r"\bmy self\b", "myself"),
    (r"\bmyslef\b", "myself"),
    (r"\bi ?m\b", "i'm"),
    (r"\bi ?ve\b", "i've"),
    (r"\bi ll\b", "i'll"),
    (r"\bid\b(?= (?:rather|be|never|just|kill|end|do))", "i'd"),
    (r"\b(do|does|did|can|could|would|should|wo|is|are|was|were|have|has|had|ain)nt\b", r"\1n't"),
    (r"\bcant\b", "can't"),
    (r"\bwont\b", "won't"),
    (r"\bwanna\b", "want to"),
    (r"\bgonna\b", "going to"),
    (r"\bwant(s|ed)? 2\b", r"want\1 to"),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\bcuz\b|\bcos\b", "because"),
    (r"\bevery1\b", "everyone"),
    (r"\bno1\b", "no one"),
    (r"\bnobody\b", "no one"),
    (r"\banymore\b", "any more"),
    (r"\bkil+(?=(?:ing|ed)?\b)", "kill"),
    (r"\bgood ?bye\b|\bgood-bye\b", "goodbye"),
    (r"\bself ?harm", "self-harm"),
    (r"\bover ?dose", "overdose"),
    (r"\bcan not\b", "can't"),
    (r"\bcannot\b", "can't"),
    (r"\bdon't\b", "don't"),
]
_SHORTHAND_RE = [(re.compile(p), r) for p, r in _SHORTHAND if r is not None]

_KEY_WORDS = ("suicidal", "suicide", "myself", "overdose", "hopeless", "burden", "worthless", "goodbye")
_KNOWN = {
    "suicides",
    "mysel",
    "burdens",
    "burdened",
    "goodbyes",
    "hopeless",
    "overdoes",
    "overdone",
    "himself",
    "herself",
    "itself",
    "thyself",
    "burden",
    "harden",
    "warden",
}


def _close(word: str, key: str) -> bool:
    """True when `word` is one edit (insert, delete, substitute or swap neighbours) from `key`."""
    if word == key or abs(len(word) - len(key)) > 1:
        return word == key
    if len(word) == len(key):
        diffs = [i for i, (a, b) in enumerate(zip(word, key, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and word[diffs[0]] == key[diffs[1]] == word[diffs[0]]
    short, long_ = (word, key) if len(word) < len(key) else (key, word)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]  # the one extra character is the first that differs


def _swap_close(word: str, key: str) -> bool:
    if len(word) != len(key):
        return False
    diffs = [i for i, (a, b) in enumerate(zip(word, key, strict=True)) if a != b]
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and word[diffs[0]] == key[diffs[1]]
        and word[diffs[1]] == key[diffs[0]]
    )


_SPELLING = {
    "suicidle": "suicidal",
    "suicidial": "suicidal",
    "sucidal": "suicidal",
    "suisidal": "suicidal",
    "suecidal": "suicidal",
    "sucidial": "suicidal",
    "suiside": "suicide",
    "sucide": "suicide",
    "suecide": "suicide",
    "sucicide": "suicide",
    "suicde": "suicide",
    "overdoes": "overdose",
    "hopless": "hopeless",
    "burdon": "burden",
}
_WORD_RE = re.compile(r"[a-z]{5,}")


def _spell(m: re.Match) -> str:
    return _spell_word(m.group(0))


@lru_cache(maxsize=4096)
def _spell_word(word: str) -> str:
    if word in _SPELLING:
        return _SPELLING[word]
    if word in _KNOWN or word in _KEY_WORDS or len(word) < 6:
        return word
    for key in _KEY_WORDS:
        if _close(word, key) or _swap_close(word, key):
            return key
    return word


_SPACES_RE = re.compile(r" {2,}")


# Intensifiers and hedges that people slip between words ("he'll actually kill me", "I really just want to
# die") are dropped before matching, so each phrase need not allow for them.
FILLERS = (
    "actually",
    "really",
    "literally",
    "seriously",
    "truly",
    "genuinely",
    "definitely",
    "probably",
    "totally",
    "truthfully",
    "basically",
    "kinda",
    "kind of",
    "sort of",
    "just",
    "so so",
    "simply",
    "even",
)
_FILLERS_RE = re.compile(r"\b(?:" + "|".join(FILLERS) + r")\b ?")

# Every single word that never survives normalisation: the fillers above, the shorthand rewritten to its full
# form and the misspellings corrected. A rule that names one of these can never match (a test checks).
REMOVED_WORDS = frozenset(
    {w for w in FILLERS if " " not in w}
    | {"kms", "kys", "hes", "shes", "theyre", "myslef", "wanna", "gonna", "cuz", "cos", "every1", "no1", "nobody"}
    | {"anymore", "cant", "wont", "cannot", "ur"}
    | {f"{w}nt" for w in ("do", "does", "did", "can", "could", "would", "should", "is", "are", "was", "were")}
    | {f"{w}nt" for w in ("have", "has", "had", "ain")}
    | set(_SPELLING)
)


def normalise(text: str) -> _Text:
    t = _Text(text)
    t.sub(_SPACES_RE, " ")
    t.sub(_FILLERS_RE, "")
    t.sub(_WORD_RE, _spell)
    for pattern, repl in _SHORTHAND_RE:
        t.sub(pattern, repl)
    return t
