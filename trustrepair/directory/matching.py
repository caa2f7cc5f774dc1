"""Therapist matching: hard requirements, a preference score the person can read, a fair tie order.

Pure Python, no Django. The app ranks in the database (sql_matching.py, the same rules in SQL) and uses this
module to explain the 20 it shows; bench/naive_match.py runs it over every row as the baseline. Tests check
that both give the same therapists, order and integer scores.

Score: each factor that the person expressed a preference for contributes `points` out of `maximum`, both
integers (a weight point is UNIT units); the score is SCORE_SCALE × Σpoints // Σmaximum, an integer within
[0, SCORE_SCALE] (SCORE_SCALE is "100 out of 100"). Every division is integer division of non-negative
integers, so the database (directory/sql_matching.py) computes the very same numbers. Factors the person
left blank are not counted (and are said to be so). The order is score, then distance in whole metres, then
md5(seed:profile id): deterministic for one seed, and a different few therapists come first on other days.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

from trustrepair.directory import jurisdiction
from trustrepair.directory.jurisdiction import Credential

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

# What each "times that suit you" choice means on the person's own clock: (weekdays, first hour, end hour).
TIME_WINDOWS = {
    "weekday_mornings": ((0, 1, 2, 3, 4), 7, 12),
    "weekday_afternoons": ((0, 1, 2, 3, 4), 12, 17),
    "weekday_evenings": ((0, 1, 2, 3, 4), 17, 21),
    "weekends": ((5, 6), 9, 18),
}

UNIT = 10_000  # integer units per weight point: fine enough that a fee one unit dearer scores strictly lower
WEIGHTS = {"concerns": 40 * UNIT, "approach": 20 * UNIT, "budget": 20 * UNIT, "times": 10 * UNIT, "distance": 10 * UNIT}
SCORE_SCALE = 1_000_000  # the score of a perfect match; ≥ Σ WEIGHTS, so one unit of points moves the score
EARTH_RADIUS_M = EARTH_RADIUS_KM * 1000


@dataclass(frozen=True)
class Candidate:
    key: str  # stable identifier (the profile's public id)
    id: int | None = None  # the profile's row id: the tie order hashes it (the key when there is none)
    name: str = ""
    formats: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    specialties: frozenset[str] = frozenset()
    modalities: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()
    in_person: bool = False
    video: bool = False
    phone: bool = False
    latitude: float | None = None
    longitude: float | None = None
    fee: float | None = None
    fee_currency: str = "USD"
    sliding_scale_min: float | None = None
    accepts_new_clients: bool = True
    # Verified licences and registers, and the ISO place of the office (for in-person sessions).
    credentials: tuple[Credential, ...] = ()
    office_place: str = ""
    # UTC hours of the week (0 = Monday 00:00 UTC) the therapist's open hours touch this week.
    open_hours: frozenset[int] = frozenset()

    @property
    def remote(self) -> bool:
        return self.video or self.phone


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
    budget_currency: str = ""
    times: frozenset[str] = frozenset()
    # Where the person will be during sessions (ISO code, e.g. US-NY or GB): the law follows this place.
    place: str = ""
    # The person's clock, for "times that suit you", and the Monday of the week being compared.
    time_zone: str = "UTC"
    week_of: dt.date | None = None

    @property
    def place_known(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class Factor:
    name: str
    points: int  # in UNITs
    maximum: int
    explanation: str

    @property
    def shown_points(self) -> float:
        """Points on the people's scale (a weight point each), for the breakdown table."""
        return self.points / UNIT

    @property
    def shown_maximum(self) -> float:
        return self.maximum / UNIT


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: int  # 0..SCORE_SCALE
    factors: tuple[Factor, ...]
    requirements: tuple[str, ...]  # the hard requirements met, in words
    distance_m: int | None = None
    tie: str = field(default="", compare=False)

    @property
    def distance_km(self) -> float | None:
        return None if self.distance_m is None else self.distance_m / 1000

    @property
    def percent(self) -> float:
        """The score out of 100, for people."""
        return 100 * self.score / SCORE_SCALE


# ---- geometry --------------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> int:
    """Great-circle distance in whole metres (floored), in the very steps sql_matching.distance_m takes."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    half_dp = (p2 - p1) / 2
    half_dl = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dp) * math.sin(half_dp) + math.cos(p1) * math.cos(p2) * (math.sin(half_dl) * math.sin(half_dl))
    return math.floor(2 * EARTH_RADIUS_M * math.asin(min(math.sqrt(a), 1.0)))


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


def distance_for(candidate: Candidate, request: Request) -> int | None:
    """Metres from the person's place to the office; None online (distance plays no part there) or when unknown."""
    if request.mode == "online" or not request.place_known or candidate.latitude is None or candidate.longitude is None:
        return None
    return distance_m(request.latitude, request.longitude, candidate.latitude, candidate.longitude)


def radius_m(request: Request) -> int:
    return round(request.radius_km * 1000)


def _remote_words(candidate: Candidate) -> str:
    return {(True, True): "video or phone", (True, False): "video", (False, True): "phone"}[
        (candidate.video, candidate.phone)
    ]


def requirements_met(candidate: Candidate, request: Request, distance: int | None) -> tuple[str, ...] | None:
    """The hard requirements in words when all are met; None when any is not.

    Remote sessions need a verified credential covering the place the person will be; in-person sessions need
    one covering the office's place (where the session happens).
    """
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
    nearby = candidate.in_person and distance is not None and distance <= radius_m(request)
    remote = None
    if candidate.remote and request.mode != "in_person":
        remote = jurisdiction.covering(candidate.credentials, request.place, remote=True)
    office = None
    if nearby and request.mode != "online":
        office = jurisdiction.covering(candidate.credentials, candidate.office_place, remote=False)
    if remote is not None and (request.mode == "online" or office is None):
        compact_used = not jurisdiction.covers(remote, request.place, remote=False)
        met.append(f"Offers {_remote_words(candidate)} sessions")
        met.append(jurisdiction.why(remote, compact_used=compact_used))
    elif office is not None:
        met.append(f"Sees people in person {distance / 1000:.0f} km away")
        met.append(jurisdiction.why(office))
    else:
        return None
    return tuple(met)


# ---- preferences ---------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def wanted_specialties(request: Request) -> dict[str, int]:
    """Specialty → weight: concerns said outright count 2, those implied by who is involved count 1."""
    wanted = {slug: 1 for who in request.involved for slug in INVOLVED_SPECIALTIES.get(who, ())}
    wanted.update(dict.fromkeys(request.concerns, 2))
    return wanted


@lru_cache(maxsize=256)
def wanted_modalities(request: Request) -> frozenset[str]:
    if request.modalities:
        return request.modalities
    suggested = set(SUGGESTED_MODALITIES_BY_FORMAT.get(request.format, ()))
    for concern in request.concerns:
        suggested.update(SUGGESTED_MODALITIES_BY_CONCERN.get(concern, ()))
    return frozenset(suggested)


@lru_cache(maxsize=1024)
def wanted_hours(code: str, zone: str, week_of: dt.date | None) -> frozenset[int]:
    """The UTC hours of the week that a "times that suit you" choice covers on the person's clock."""
    days, first, end = TIME_WINDOWS[code]
    monday = week_of or dt.date(2026, 1, 5)
    tz = ZoneInfo(zone)
    hours = set()
    for day in days:
        for hour in range(first, end):
            local = dt.datetime.combine(monday + dt.timedelta(days=day), dt.time(hour), tz)
            utc = local.astimezone(dt.UTC)
            hours.add(utc.weekday() * 24 + utc.hour)
    return frozenset(hours)


def _names(slugs: Iterable[str], labels: dict[str, str]) -> str:
    return ", ".join(sorted(labels.get(s, s.replace("-", " ")) for s in slugs))


def factors_for(
    candidate: Candidate,
    request: Request,
    distance: int | None,
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
        points = WEIGHTS["concerns"] * sum(wanted[s] for s in matched) // sum(wanted.values())
        text = (
            (f"Experienced with {_names(matched, labels)}" if matched else "No listed experience with what you named")
            if explain
            else ""
        )
        factors.append(Factor("What brings you", points, WEIGHTS["concerns"], text))

    approaches = wanted_modalities(request)
    if approaches:
        matched = approaches & candidate.modalities
        points = WEIGHTS["approach"] * len(matched) // len(approaches)
        text = (
            (f"Uses {_names(matched, labels)}" if matched else "None of the approaches that fit what you said")
            if explain
            else ""
        )
        factors.append(Factor("Approach", points, WEIGHTS["approach"], text))

    if request.budget is not None:
        factors.append(_budget_factor(candidate, request.budget, request.budget_currency))

    if request.times:
        matched = {code for code in request.times if wanted_hours(code, request.time_zone, request.week_of)
                   & candidate.open_hours}  # fmt: skip
        points = WEIGHTS["times"] * len(matched) // len(request.times)
        text = (
            (f"Open on {_names(matched, TIMES)} (your time)" if matched else "No open hours at the times you chose")
            if explain
            else ""
        )
        factors.append(Factor("Times", points, WEIGHTS["times"], text))

    weigh_distance = request.mode == "in_person" or (request.mode == "either" and candidate.in_person)
    radius = radius_m(request)
    if weigh_distance and distance is not None and distance <= radius and radius > 0:
        points = WEIGHTS["distance"] * (radius - distance) // radius
        factors.append(Factor("Distance", points, WEIGHTS["distance"], f"About {distance / 1000:.0f} km away"))
    return tuple(factors)


def cents(amount) -> int:
    """A fee or budget in hundredths, rounded: the unit both paths compare money in."""
    return round(float(amount) * 100)


def _budget_factor(candidate: Candidate, budget: float, currency: str = "") -> Factor:
    """Fees are compared with the budget only in the same currency, and the words say which currency."""
    top = WEIGHTS["budget"]
    fee = candidate.fee
    if fee is None:
        return Factor("Budget", top // 2, top, "Fee not listed: ask at the consultation")
    cur = candidate.fee_currency
    if currency and cur != currency:
        return Factor("Budget", top // 2, top, f"Fee is in {cur}, so it is not compared with your budget in {currency}")
    unit = f" {cur}" if cur else ""
    fee_c, budget_c = cents(fee), cents(budget)
    if fee_c <= budget_c:
        return Factor("Budget", top, top, f"Fee {fee:.0f}{unit} is within your budget of {budget:.0f}{unit}")
    low = candidate.sliding_scale_min
    if low is not None and cents(low) <= budget_c:
        return Factor(
            "Budget", top * 3 // 4, top, f"Sliding scale from {low:.0f}{unit} brings it within {budget:.0f}{unit}"
        )
    # Over budget: strictly less the further over ((budget+1)/(fee+1) is in (0, 1)), never more than half marks.
    points = top * (budget_c + 100) // (2 * (fee_c + 100))
    return Factor("Budget", points, top, f"Fee {fee:.0f}{unit} is above your budget of {budget:.0f}{unit}")


# ---- ranking -------------------------------------------------------------------------------------


def tie_order(key: str, seed: str) -> str:
    """md5 of "seed:key" in hex: PostgreSQL's md5() and the md5 registered on SQLite give the same text."""
    return hashlib.md5(f"{seed}:{key}".encode()).hexdigest()  # noqa: S324 - an order, not a secret


def tie_key(candidate: Candidate) -> str:
    return str(candidate.id) if candidate.id is not None else candidate.key


def score_of(factors: Iterable[Factor]) -> int:
    factors = tuple(factors)
    maximum = sum(f.maximum for f in factors)
    return SCORE_SCALE * sum(f.points for f in factors) // maximum if maximum else 0


def evaluate(
    candidate: Candidate, request: Request, seed: str = "", labels: dict[str, str] | None = None, *, explain=True
) -> Match | None:
    """A Match when the candidate meets every hard requirement, else None."""
    distance = distance_for(candidate, request)
    met = requirements_met(candidate, request, distance)
    if met is None:
        return None
    factors = factors_for(candidate, request, distance, labels, explain=explain)
    return Match(candidate, score_of(factors), factors, met, distance, tie_order(tie_key(candidate), seed))


NO_DISTANCE = 1 << 62  # sorts after every real distance, as NULLS LAST does in SQL


def order_key(m: Match):
    """Score (highest first), distance in metres (nearest first, unknown last), then the seed's hash."""
    return (-m.score, NO_DISTANCE if m.distance_m is None else m.distance_m, m.tie, m.candidate.key)


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
    top = sorted(scored, key=order_key) if limit is None else heapq.nsmallest(limit, scored, key=order_key)
    return [evaluate(m.candidate, request, seed, labels) for m in top]
