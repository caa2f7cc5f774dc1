"""The pure matching module: properties over generated input, and a few worked examples."""

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from trustrepair.directory import matching
from trustrepair.directory.jurisdiction import Credential
from trustrepair.directory.matching import Candidate as _Candidate
from trustrepair.directory.matching import Request as _Request

# Everyone here is a UK-registered therapist with an office in England, and every person is in the UK: the
# jurisdiction rules have their own tests (test_jurisdiction.py); these are about preferences and order.
UK = Credential("register", "BACP", frozenset({"GB"}), verified_on=dt.date(2026, 3, 3))


def Candidate(**fields):  # noqa: N802 - reads like the class it builds
    fields.setdefault("credentials", (UK,))
    fields.setdefault("office_place", "GB-ENG")
    return _Candidate(**fields)


def Request(**fields):  # noqa: N802
    fields.setdefault("place", "GB")
    return _Request(**fields)


SPECIALTIES = [
    "trust-issues",
    "infidelity-and-betrayal",
    "relationship-trauma",
    "attachment-anxiety",
    "family-estrangement",
    "workplace-trust",
]
MODALITIES = [
    "cbt",
    "emdr",
    "schema-therapy",
    "attachment-based",
    "trauma-informed",
    "gottman-method",
    "emotionally-focused-couples-therapy",
]
TIMES = list(matching.TIMES)

subsets = st.frozensets
LEEDS = (53.79648, -1.54785)

candidates = st.builds(
    Candidate,
    key=st.uuids().map(str),
    formats=subsets(st.sampled_from(matching.FORMATS), min_size=1),
    languages=subsets(st.sampled_from(["en", "es", "fr"]), min_size=1),
    specialties=subsets(st.sampled_from(SPECIALTIES)),
    modalities=subsets(st.sampled_from(MODALITIES)),
    times=subsets(st.sampled_from(TIMES)),
    in_person=st.booleans(),
    video=st.booleans(),
    latitude=st.floats(53.0, 54.5),
    longitude=st.floats(-2.5, -0.5),
    fee=st.none() | st.integers(0, 400).map(float),
    sliding_scale_min=st.none() | st.integers(0, 200).map(float),
    accepts_new_clients=st.booleans(),
    phone=st.booleans(),
)
requests = st.builds(
    Request,
    format=st.sampled_from(matching.FORMATS),
    mode=st.sampled_from(matching.MODES),
    language=st.sampled_from(["", "en", "es"]),
    latitude=st.just(LEEDS[0]),
    longitude=st.just(LEEDS[1]),
    radius_km=st.sampled_from([5.0, 25.0, 100.0]),
    concerns=subsets(st.sampled_from(SPECIALTIES)),
    involved=subsets(st.sampled_from(list(matching.INVOLVED))),
    modalities=subsets(st.sampled_from(MODALITIES)),
    budget=st.none() | st.integers(0, 300).map(float),
    times=subsets(st.sampled_from(TIMES)),
)


def eligible(request: Request) -> Candidate:
    """A candidate that meets every hard requirement of `request`, with no preferences met."""
    return Candidate(
        key="base",
        formats=frozenset({request.format}),
        languages=frozenset({request.language or "en"}),
        in_person=True,
        video=True,
        latitude=request.latitude,
        longitude=request.longitude,
        fee=None,
    )


@given(st.lists(candidates, max_size=30), requests, st.text(max_size=10))
def test_scores_are_bounded_and_factors_within_their_maximum(cands, request, seed):
    for m in matching.rank(cands, request, seed=seed, limit=None):
        assert 0 <= m.score <= matching.SCORE_SCALE
        for f in m.factors:
            assert 0 <= f.points <= f.maximum


@given(st.lists(candidates, max_size=30), requests, st.text(max_size=10))
def test_ranking_is_sorted_and_every_result_meets_the_hard_requirements(cands, request, seed):
    ranked = matching.rank(cands, request, seed=seed, limit=None)
    assert [m.score for m in ranked] == sorted((m.score for m in ranked), reverse=True)
    for m in ranked:
        c = m.candidate
        assert c.accepts_new_clients and request.format in c.formats
        assert not request.language or request.language in c.languages
        if request.mode == "in_person":
            assert c.in_person and m.distance_km <= request.radius_km
        if request.mode == "online":
            assert c.video or c.phone
        assert any(r.startswith("Registered (BACP) where you'll be, verified 3 March 2026") for r in m.requirements)


@given(st.lists(candidates, max_size=30), requests, st.text(max_size=10))
def test_tie_order_is_deterministic_for_one_seed_whatever_the_input_order(cands, request, seed):
    unique = list({c.key: c for c in cands}.values())
    forward = [m.candidate.key for m in matching.rank(unique, request, seed=seed, limit=None)]
    backward = [m.candidate.key for m in matching.rank(list(reversed(unique)), request, seed=seed, limit=None)]
    assert forward == backward


@given(requests, st.sampled_from(SPECIALTIES), st.frozensets(st.sampled_from(SPECIALTIES)))
def test_more_of_what_the_person_named_never_ranks_lower(request, extra, base_specialties):
    base = eligible(request)
    worse = base.__class__(**{**base.__dict__, "key": "worse", "specialties": base_specialties - {extra}})
    better = base.__class__(**{**base.__dict__, "key": "better", "specialties": base_specialties | {extra}})
    wanted = matching.wanted_specialties(request)
    ranked = [m.candidate.key for m in matching.rank([worse, better], request, seed="s", limit=None)]
    if extra in wanted:
        assert ranked == ["better", "worse"]
    assert ranked.index("better") <= ranked.index("worse") or extra not in wanted


@given(requests, st.integers(1, 150), st.integers(1, 150))
def test_a_cheaper_fee_never_ranks_below_a_dearer_one(request, fee, extra):
    base = eligible(request)
    cheap = Candidate(**{**base.__dict__, "key": "cheap", "fee": float(fee)})
    dear = Candidate(**{**base.__dict__, "key": "dear", "fee": float(fee + extra)})
    by_key = {m.candidate.key: m for m in matching.rank([dear, cheap], request, seed="x", limit=None)}
    assert by_key["cheap"].score >= by_key["dear"].score
    if request.budget is not None and fee + extra > request.budget:
        ranked = [m.candidate.key for m in matching.rank([dear, cheap], request, seed="x", limit=None)]
        assert ranked == ["cheap", "dear"]


@given(st.integers(0, 40), st.integers(1, 40))
def test_closer_never_ranks_below_further_in_person(km, extra):
    request = Request(format="individual", mode="in_person", latitude=LEEDS[0], longitude=LEEDS[1], radius_km=100)
    per_km = 1 / 111.2  # one degree of latitude is about 111 km

    def at(key, distance):
        return Candidate(
            key=key,
            formats=frozenset({"individual"}),
            in_person=True,
            latitude=LEEDS[0] + distance * per_km,
            longitude=LEEDS[1],
        )

    ranked = [m.candidate.key for m in matching.rank([at("far", km + extra), at("near", km)], request, seed="z")]
    assert ranked == ["near", "far"]


@given(requests, st.sampled_from(TIMES))
def test_more_matching_times_never_rank_lower(request, time):
    base = eligible(request)
    open_then = matching.wanted_hours(time, request.time_zone, request.week_of)
    with_time = Candidate(**{**base.__dict__, "key": "a", "open_hours": open_then})
    without = Candidate(**{**base.__dict__, "key": "b", "open_hours": frozenset()})
    ranked = [m.candidate.key for m in matching.rank([without, with_time], request, seed="t", limit=None)]
    if time in request.times:
        assert ranked == ["a", "b"]


def test_equal_scores_are_ordered_differently_on_different_days():
    request = Request(format="individual", mode="online")
    cands = [Candidate(key=f"t{i}", formats=frozenset({"individual"}), video=True) for i in range(20)]
    firsts = {
        matching.rank(cands, request, seed=f"2026-11-{day:02d}:", limit=1)[0].candidate.key for day in range(1, 15)
    }
    assert len(firsts) > 3  # a different few come first; no one therapist always leads


def test_haversine_known_distance_london_to_paris():
    assert math.isclose(matching.haversine_km(51.5074, -0.1278, 48.8566, 2.3522), 343.5, abs_tol=1.5)


@settings(max_examples=300)
@given(st.floats(-89.9, 89.9), st.floats(-180, 180), st.floats(0.5, 500), st.floats(0, 1), st.floats(0, 360))
def test_bounding_box_contains_every_point_within_the_radius(lat, lon, radius, frac, bearing_deg):
    # A point at distance frac*radius on a given bearing (destination formula) must fall inside the box.
    d = frac * radius / matching.EARTH_RADIUS_KM
    b, p1, l1 = math.radians(bearing_deg), math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    plat, plon = math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180
    min_lat, max_lat, ranges = matching.bounding_box(lat, lon, radius)
    assert min_lat - 1e-9 <= plat <= max_lat + 1e-9
    assert any(lo - 1e-9 <= plon <= hi + 1e-9 for lo, hi in ranges)


def test_why_this_match_names_each_factor():
    request = Request(
        format="couples",
        mode="online",
        concerns=frozenset({"infidelity-and-betrayal"}),
        budget=100,
        times=frozenset({"weekends"}),
    )
    cand = Candidate(
        key="k",
        formats=frozenset({"couples"}),
        video=True,
        specialties=frozenset({"infidelity-and-betrayal"}),
        modalities=frozenset({"gottman-method"}),
        fee=90,
        open_hours=matching.wanted_hours("weekends", "UTC", None),
    )
    (m,) = matching.rank([cand], request, labels={"infidelity-and-betrayal": "Infidelity and betrayal"})
    names = [f.name for f in m.factors]
    assert names == ["What brings you", "Approach", "Budget", "Times"]
    assert "Infidelity and betrayal" in m.factors[0].explanation
    assert "Offers video sessions" in m.requirements
    assert "Registered (BACP) where you'll be, verified 3 March 2026" in m.requirements


def test_sliding_scale_counts_towards_the_budget():
    request = Request(format="individual", mode="online", budget=60)
    sliding = Candidate(key="s", formats=frozenset({"individual"}), video=True, fee=120, sliding_scale_min=50)
    fixed = Candidate(key="f", formats=frozenset({"individual"}), video=True, fee=120)
    assert [m.candidate.key for m in matching.rank([fixed, sliding], request)] == ["s", "f"]
