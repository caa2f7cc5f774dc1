"""A rule: one regular expression over normalised text, with the sentences it must and must not raise."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    """`positives` must raise the rule's category; `lookalikes` must not (the rule's words without the risk).

    Both are checked by trustrepair/safety/tests/test_rules.py for every rule, after normalisation, so a
    rule that nothing can reach (for instance one that names a word normalisation rewrites away) fails.
    """

    pattern: str
    positives: tuple[str, ...]
    lookalikes: tuple[str, ...]
    regex: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern))
