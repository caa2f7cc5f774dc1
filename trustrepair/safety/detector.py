"""Crisis language in free text. Pure: imports nothing from Django.

Interim lexical version; the measures-and-safety issue replaces it with a negation- and
quotation-aware detector evaluated by bench/crisis_eval.py.
"""

import re

_PHRASES = [
    r"\bkill(?:ing)? myself\b",
    r"\bend(?:ing)? my life\b",
    r"\bsuicid(?:e|al)\b",
    r"\bwant(?:ed)? to die\b",
    r"\bbetter off dead\b",
    r"\bhurt(?:ing)? myself\b",
    r"\bself[- ]harm\b",
]
_PATTERN = re.compile("|".join(_PHRASES), re.IGNORECASE)


def find_risk(text: str) -> list[str]:
    return [m.group(0).lower() for m in _PATTERN.finditer(text)]
