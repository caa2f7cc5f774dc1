"""A cheap first pass for the rules: the literal words one of which any match of a rule must contain.

`required_literals(pattern)` reads the regular expression's parse tree and returns a set of strings such
that every match contains at least one of them (or None when it cannot tell). A rule whose strings are all
absent from a text cannot match it, so the engine skips it without running the expression. Exact, not a
guess: only literal characters, groups, alternations and repeats of at least one are followed.
"""

from __future__ import annotations

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]


def _strength(lits: set[str] | None) -> int:
    return min((len(x) for x in lits), default=0) if lits else 0


def _of_sequence(items) -> set[str] | None:
    best: set[str] | None = None
    run = ""
    options: list[set[str]] = []
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        sub = _of_item(op, av)
        if sub is not None:
            options.append(sub)
    if run:
        options.append({run})
    for option in options:
        if _strength(option) > _strength(best):
            best = option
    return best


def _of_item(op, av) -> set[str] | None:
    if op is _c.SUBPATTERN:
        return _of_sequence(av[-1])
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            sub = _of_sequence(alternative)
            if not sub:
                return None
            out |= sub
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, body = av
        return _of_sequence(body) if low >= 1 else None
    return None


def required_literals(pattern: str) -> frozenset[str] | None:
    found = _of_sequence(_p.parse(pattern))
    return frozenset(found) if found and _strength(found) >= 2 else None


def could_match(literals: frozenset[str] | None, s: str) -> bool:
    return literals is None or any(x in s for x in literals)
