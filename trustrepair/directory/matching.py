"""Therapist matching: hard requirements, a preference score the person can read, a fair tie order.

Pure Python, no Django: the database narrows the candidates (listed, accepting, format, language,
bounding box), and this module decides, explains and orders. The same functions run over every row
in the naive comparison of bench/match.py, so both paths rank identically.

Score: each factor that the person expressed a preference for contributes `points` out of `maximum`;
the total is 100 × Σpoints / Σmaximum, so it is always within [0, 100]. Factors the person left blank
are not counted (and are said to be so). Among equal totals the order is a hash of (seed, therapist),
so it is deterministic for one seed and a different few therapists come first for other seeds.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

EARTH_RADIUS_KM = 6371.0088

FORMATS = ("individual", "couples", "family", "group")
MODES = ("in_person", "online", "either")
TIMES = {
    "weekday_mornings": "weekday mornings",
    "weekday_afternoons": "weekday afternoons",
    "weekday_evenings": "weekday evenings",
    "weekends": "weekends",
}
INVOLVED = {
    "just_me": "Just me",
    "partner": "My partner",
    "ex_partner": "A former partner",
    "family": "My family",
    "work": "People at work",
    "friends": "Friends",
}
# Who is involved hints at what experience helps (weighted half as much as concerns said outright).
INVOLVED_SPECIALTIES = {
    "partner": ("infidelity-and-betrayal", "relationship-trauma"),
    "ex_partner": ("relationship-trauma",),
    "family": ("family-estrangement",),
    "work": ("workplace-trust",),
    "friends": ("trust-issues",),
}
# When the person names no approach, these are the approaches that fit what they said.
SUGGESTED_MODALITIES_BY_FORMAT = {
    "couples": ("emotionally-focused-couples-therapy", "gottman-method", "cognitive-behavioural-couples-therapy"),
    "family": ("relationship-counselling", "attachment-based"),
    "group": ("cbt",),
    "individual": (),
}
SUGGESTED_MODALITIES_BY_CONCERN = {
    "trust-issues": ("cbt", "schema-therapy"),
    "infidelity-and-betrayal": ("emotionally-focused-couples-therapy", "gottman-method", "trauma-informed"),
    "relationship-trauma": ("emdr", "trauma-informed"),
    "attachment-anxiety": ("attachment-based", "schema-therapy"),
    "family-estrangement": ("relationship-counselling", "attachment-based"),
    "workplace-trust": ("cbt",),
}

WEIGHTS = {"concerns": 40.0, "approach": 20.0, "budget": 20.0, "times": 10.0, "distance": 10.0}


@dataclass(frozen=True)
class Candidate:
    key: str  # stable identifier (the profile's public id), used for the tie order
    name: str = ""
    formats: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    specialties: frozenset[str] = frozenset()
    modalities: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()
    in_person: bool = False
    video: bool = False
    latitude: float | None = None
    longitude: float | None = None
    fee: float | None = None
    sliding_scale_min: float | None = None
    accepts_new_clients: bool = True


@dataclass(frozen=True)
class Request:
    format: str = "individual"
    mode: str = "either"
    language: str = ""
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float = 25.0
    concerns: frozenset[str] = frozenset()
    involved: frozenset[str] = frozenset()
    modalities: frozenset[str] = frozenset()
    budget: float | None = None
    times: frozenset[str] = frozenset()

    @property
    def place_known(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class Factor:
    name: str
    points: float
    maximum: float
    explanation: str


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: float
    factors: tuple[Factor, ...]
    requirements: tuple[str, ...]  # the hard requirements met, in words
    distance_km: float | None = None
    tie: str = field(default="", compare=False)


# ---- geometry --------------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, list[tuple[float, float]]]:
    """(min_lat, max_lat, [(min_lon, max_lon), ...]) enclosing every point within radius_km.

    Longitude ranges are split in two where the box crosses the antimeridian; near a pole every
    longitude is included. A little generous (never misses a point), the haversine check is exact.
    """
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    min_lat, max_lat = lat - dlat, lat + dlat
    if min_lat <= -90 or max_lat >= 90:
        return max(min_lat, -90.0), min(max_lat, 90.0), [(-180.0, 180.0)]
    # The widest longitude span is at the latitude edge nearest the pole.
    ratio = math.sin(radius_km / EARTH_RADIUS_KM) / math.cos(math.radians(lat))
    dlon = 180.0 if ratio >= 1 else math.degrees(math.asin(ratio)) * 1.0001
    lo, hi = lon - dlon, lon + dlon
    if dlon >= 180:
        return min_lat, max_lat, [(-180.0, 180.0)]
    if lo < -180:
        return min_lat, max_lat, [(lo + 360, 180.0), (-180.0, hi)]
    if hi > 180:
        return min_lat, max_lat, [(lo, 180.0), (-180.0, hi - 360)]
    return min_lat, max_lat, [(lo, hi)]


# ---- hard requirements ---------------------------------------------------------------------------


def distance_for(candidate: Candidate, request: Request) -> float | None:
    if not request.place_known or candidate.latitude is None or candidate.longitude is None:
        return None
    return haversine_km(request.latitude, request.longitude, candidate.latitude, candidate.longitude)


def requirements_met(candidate: Candidate, request: Request, distance_km: float | None) -> tuple[str, ...] | None:
    """The hard requirements in words when all are met; None when any is not."""
    met = []
    if not candidate.accepts_new_clients:
        return None
    met.append("Accepting new clients")
    if request.format not in candidate.formats:
        return None
    met.append(f"Offers {request.format} sessions")
    if request.language:
        if request.language not in candidate.languages:
            return None
        met.append("Works in your language")
    nearby = candidate.in_person and distance_km is not None and distance_km <= request.radius_km
    if request.mode == "in_person":
        if not nearby:
            return None
        met.append(f"Sees people in person {distance_km:.0f} km away")
    elif request.mode == "online":
        if not candidate.video:
            return None
        met.append("Offers video sessions")
    else:
        if not (candidate.video or nearby):
            return None
        met.append(f"In person {distance_km:.0f} km away" if nearby else "Offers video sessions")
    return tuple(met)


# ---- preferences ---------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def wanted_specialties(request: Request) -> dict[str, float]:
    """Specialty → weight: concerns said outright count 1, those implied by who is involved count 0.5."""
    wanted = {slug: 0.5 for who in request.involved for slug in INVOLVED_SPECIALTIES.get(who, ())}
    wanted.update(dict.fromkeys(request.concerns, 1.0))
    return wanted


@lru_cache(maxsize=256)
def wanted_modalities(request: Request) -> frozenset[str]:
    if request.modalities:
        return request.modalities
    suggested = set(SUGGESTED_MODALITIES_BY_FORMAT.get(request.format, ()))
    for concern in request.concerns:
        suggested.update(SUGGESTED_MODALITIES_BY_CONCERN.get(concern, ()))
    return frozenset(suggested)


def _names(slugs: Iterable[str], labels: dict[str, str]) -> str:
    return ", ".join(sorted(labels.get(s, s.replace("-", " ")) for s in slugs))


def factors_for(
    candidate: Candidate,
    request: Request,
    distance_km: float | None,
    labels: dict[str, str] | None = None,
    *,
    explain: bool = True,
) -> tuple[Factor, ...]:
    """Each preference the person expressed, with points; `explain=False` skips the words (for speed)."""
    labels = labels or {}
    factors = []

    wanted = wanted_specialties(request)
    if wanted:
        matched = [s for s in wanted if s in candidate.specialties]
        share = sum(wanted[s] for s in matched) / sum(wanted.values())
        text = (
            (f"Experienced with {_names(matched, labels)}" if matched else "No listed experience with what you named")
            if explain
            else ""
        )
        factors.append(Factor("What brings you", WEIGHTS["concerns"] * share, WEIGHTS["concerns"], text))

    approaches = wanted_modalities(request)
    if approaches:
        matched = approaches & candidate.modalities
        share = len(matched) / len(approaches)
        text = (
            (f"Uses {_names(matched, labels)}" if matched else "None of the approaches that fit what you said")
            if explain
            else ""
        )
        factors.append(Factor("Approach", WEIGHTS["approach"] * share, WEIGHTS["approach"], text))

    if request.budget is not None:
        factors.append(_budget_factor(candidate, request.budget))

    if request.times:
        matched = request.times & candidate.times
        share = len(matched) / len(request.times)
        text = (
            (f"Sees people on {_names(matched, TIMES)}" if matched else "Not at the times you prefer")
            if explain
            else ""
        )
        factors.append(Factor("Times", WEIGHTS["times"] * share, WEIGHTS["times"], text))

    if request.mode == "in_person" and distance_km is not None and request.radius_km > 0:
        share = max(0.0, 1.0 - distance_km / request.radius_km)
        factors.append(
            Factor("Distance", WEIGHTS["distance"] * share, WEIGHTS["distance"], f"About {distance_km:.0f} km away")
        )
    return tuple(factors)


def _budget_factor(candidate: Candidate, budget: float) -> Factor:
    top = WEIGHTS["budget"]
    fee = candidate.fee
    if fee is None:
        return Factor("Budget", top * 0.5, top, "Fee not listed: ask at the consultation")
    if fee <= budget:
        return Factor("Budget", top, top, f"Fee {fee:.0f} is within your budget of {budget:.0f}")
    low = candidate.sliding_scale_min
    if low is not None and low <= budget:
        return Factor("Budget", top * 0.75, top, f"Sliding scale from {low:.0f} brings it within {budget:.0f}")
    # Over budget: strictly less the further over ((budget+1)/(fee+1) is in (0, 1)), never more than half marks.
    share = 0.5 * (budget + 1) / (fee + 1)
    return Factor("Budget", top * share, top, f"Fee {fee:.0f} is above your budget of {budget:.0f}")


# ---- ranking -------------------------------------------------------------------------------------


def tie_order(key: str, seed: str) -> str:
    return hashlib.blake2b(f"{seed}\x00{key}".encode(), digest_size=8).hexdigest()


def evaluate(
    candidate: Candidate, request: Request, seed: str = "", labels: dict[str, str] | None = None, *, explain=True
) -> Match | None:
    """A Match when the candidate meets every hard requirement, else None."""
    distance = distance_for(candidate, request)
    met = requirements_met(candidate, request, distance)
    if met is None:
        return None
    factors = factors_for(candidate, request, distance, labels, explain=explain)
    maximum = sum(f.maximum for f in factors)
    score = 100.0 * sum(f.points for f in factors) / maximum if maximum else 0.0
    score = min(100.0, max(0.0, score))
    return Match(candidate, score, factors, met, distance, tie_order(candidate.key, seed))


def _order(m: Match):
    return (-m.score, m.tie, m.candidate.key)


def rank(
    candidates: Iterable[Candidate],
    request: Request,
    *,
    seed: str = "",
    limit: int | None = 20,
    labels: dict[str, str] | None = None,
) -> list[Match]:
    """Candidates that meet the hard requirements, best first; equal scores in the seed's fair order.

    Scores every candidate without words, then explains only the ones returned.
    """
    scored = [m for c in candidates if (m := evaluate(c, request, seed, explain=False)) is not None]
    top = sorted(scored, key=_order) if limit is None else heapq.nsmallest(limit, scored, key=_order)
    return [evaluate(m.candidate, request, seed, labels) for m in top]
