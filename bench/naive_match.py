"""The naive baseline for bench/match.py: the ranking code as it stood on main before issue 16, kept verbatim.

Every listed row is loaded and the pure matcher (directory/matching.py) filters, scores and orders in Python.
The only changes from the original are the ones issue 16 asks of both paths and which live in matching.py:
integer scores, distance in whole metres, and the md5(seed:id) tie-break, so both paths rank identically.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from trustrepair.directory import matching
from trustrepair.directory.selectors import CANDIDATE_COLUMNS, candidate_from_row, listed_profiles, term_labels


def rank(
    candidates: Iterable[matching.Candidate],
    request: matching.Request,
    *,
    seed: str = "",
    limit: int | None = 20,
    labels: dict[str, str] | None = None,
) -> list[matching.Match]:
    """Candidates that meet the hard requirements, best first; equal scores in the seed's fair order.

    Scores every candidate without words, then explains only the ones returned.
    """
    scored = [m for c in candidates if (m := matching.evaluate(c, request, seed, explain=False)) is not None]
    order = matching.order_key
    top = sorted(scored, key=order) if limit is None else heapq.nsmallest(limit, scored, key=order)
    return [matching.evaluate(m.candidate, request, seed, labels) for m in top]


def naive_match(request: matching.Request, *, seed: str, limit: int = 20) -> list[matching.Match]:
    """The same ranking with no help from the database: every listed row, filtered in Python."""
    rows = listed_profiles().values_list(*CANDIDATE_COLUMNS)
    return rank((candidate_from_row(r) for r in rows), request, seed=seed, limit=limit, labels=term_labels())
