"""Matching in the database: the hard requirements as a WHERE, the score as integer SQL, top N by ORDER BY.

Every number here is the one matching.py computes in Python, step for step (integer points, integer
division of non-negative integers, distance floored to whole metres, md5(seed:id) as the last tie-break),
so the top 20 that leave the database are exactly the top 20 of the pure ranking, and their "why this
match" (built in Python for those 20 only) shows the score the database ordered by. Tests check both.

Works on PostgreSQL and SQLite. On SQLite, Django registers the math functions used here (sin, cos,
asin, sqrt, radians, floor) as Python functions, and directory.apps registers md5() on each connection.
"""

from __future__ import annotations

import math

from django.contrib.postgres.fields import ArrayField
from django.db import connections
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import Func
from django.db.models.functions import Cast, Concat, Round, Substr

from trustrepair.directory import jurisdiction, matching

BIG = BigIntegerField()
FLOAT = FloatField()


class MD5(Func):
    """md5(text) → 32 hex characters: built into PostgreSQL, registered on SQLite (directory.apps)."""

    function = "MD5"
    output_field = CharField()


def _int(value: int) -> Cast:
    """An integer constant typed bigint, so products such as SCORE_SCALE × points never overflow int4."""
    return Cast(Value(int(value)), BIG)


def _has(column: str, code: str) -> Q:
    return Q(**{f"{column}__contains": f",{code},"})


def _sum(terms: list) -> object:
    total = terms[0]
    for term in terms[1:]:
        total = total + term
    return ExpressionWrapper(total, output_field=BIG)


def _when(condition: Q, then: int) -> Case:
    return Case(When(condition, then=_int(then)), default=_int(0), output_field=BIG)


class Haversine(Func):
    """matching.distance_m in SQL: the same operations in the same order, floored to whole metres; NULL with no
    office. One node with its own SQL (not a tree of Sin/Cos/… expressions) because the score names the distance
    several times and Django would compile the whole tree at each mention."""

    output_field = BIG

    def __init__(self, latitude: float, longitude: float):
        super().__init__(F("latitude"), F("longitude"))
        self.origin = (float(latitude), float(longitude))

    def as_sql(self, compiler, connection, **extra_context):
        lat, lat_params = compiler.compile(self.source_expressions[0])
        lon, lon_params = compiler.compile(self.source_expressions[1])
        if lat_params or lon_params:
            raise ValueError("Haversine expects plain columns")
        p1 = math.radians(self.origin[0])
        least = "LEAST" if connection.vendor == "postgresql" else "MIN"  # what Django's Least renders
        half_dp = f"((RADIANS({lat}) - %s) / %s)"
        half_dl = f"(RADIANS(({lon} - %s)) / %s)"
        a = f"((SIN({half_dp}) * SIN({half_dp})) + ((%s * COS(RADIANS({lat}))) * (SIN({half_dl}) * SIN({half_dl}))))"
        metres = f"(%s * ASIN({least}(SQRT({a}), %s)))"
        sql = f"CASE WHEN ({lat} IS NULL OR {lon} IS NULL) THEN NULL ELSE CAST(FLOOR({metres}) AS bigint) END"
        dp, dl = [p1, 2.0], [self.origin[1], 2.0]
        params = [2 * matching.EARTH_RADIUS_M] + dp + dp + [math.cos(p1)] + dl + dl + [1.0]
        return sql, params


def distance_m(request: matching.Request) -> Haversine:
    """matching.distance_m in SQL, floored to whole metres (NULL for a profile with no office)."""
    return Haversine(request.latitude, request.longitude)


def near_box(request: matching.Request) -> Q:
    """Offers in-person sessions inside the bounding box of the radius (the indexed latitude/longitude)."""
    min_lat, max_lat, lon_ranges = matching.bounding_box(request.latitude, request.longitude, request.radius_km)
    lon_q = Q()
    for lo, hi in lon_ranges:
        lon_q |= Q(longitude__gte=lo, longitude__lte=hi)
    return Q(offers_in_person=True, latitude__gte=min_lat, latitude__lte=max_lat) & lon_q


class CoverageCodes(Func):
    """string_to_array(remote_coverage, ','): on PostgreSQL a GIN index on this expression (migration 0006) answers
    "covers any of these places" without reading every row."""

    function = "string_to_array"
    template = "string_to_array(%(expressions)s, ',')"
    output_field = ArrayField(TextField())


def remote_here(request: matching.Request, vendor: str = "") -> Q:
    """Offers video or phone and a verified credential (or compact) covers where the person will be."""
    keys = jurisdiction.place_keys(request.place)
    if vendor == "postgresql":
        covered = Q(coverage_codes__overlap=list(keys))
    else:
        covered = Q(pk__in=[])
        for key in keys:
            covered |= _has("remote_coverage", key)
    return (Q(offers_video=True) | Q(offers_phone=True)) & covered


def office_covered() -> Q:
    """A verified licence or register covers the office's place (itself, or its whole country)."""
    own = Concat(Value(","), F("office_place"), Value(","), output_field=CharField())
    country = Concat(Value(","), Substr("office_place", 1, 2), Value(","), output_field=CharField())
    return ~Q(office_place="") & (Q(licensed_areas__contains=own) | Q(licensed_areas__contains=country))


def _hour_runs(hours: frozenset[int]) -> list[tuple[int, int]]:
    """Sorted hours of the week as (first, length) runs, so a window is one substring test per run."""
    runs: list[tuple[int, int]] = []
    for hour in sorted(hours):
        if runs and runs[-1][0] + runs[-1][1] == hour:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((hour, 1))
    return runs


def _open_during(hours: frozenset[int]) -> Q:
    """open_hours (168 "0"/"1" characters) has a "1" in any of these hours."""
    q = Q(pk__in=[])
    for first, length in _hour_runs(hours):
        q |= Q(**{f"open_{first}_{length}__contains": "1"})
    return q


def _open_annotations(request: matching.Request) -> dict:
    out = {}
    for code in request.times:
        for first, length in _hour_runs(matching.wanted_hours(code, request.time_zone, request.week_of)):
            out[f"open_{first}_{length}"] = Substr("open_hours", first + 1, length)
    return out


def candidates(base: QuerySet, request: matching.Request, seed: str) -> QuerySet:
    """`base` (listed profiles) narrowed to those meeting every hard requirement, with `score`, `distance_m`
    and `tie` annotated and ordered best first. Slice it for the top N."""
    w = matching.WEIGHTS
    qs = base.filter(accepts_new_clients=True, **{f"offers_{request.format}": True})
    if request.language:
        qs = qs.filter(_has("languages", request.language))

    radius = matching.radius_m(request)
    use_distance = request.mode != "online" and request.place_known
    annotations = {}
    if use_distance:
        annotations["distance_m"] = distance_m(request)
    else:
        annotations["distance_m"] = Value(None, output_field=BIG)
    annotations.update(_open_annotations(request))
    qs = qs.annotate(**annotations)

    vendor = connections[qs.db].vendor
    if vendor == "postgresql":
        qs = qs.alias(coverage_codes=CoverageCodes("remote_coverage"))
    remote = remote_here(request, vendor) if request.mode != "in_person" and request.place else None
    nearby = None
    if request.mode != "online" and request.place_known:
        nearby = near_box(request) & Q(distance_m__lte=radius) & office_covered()
    if remote is not None and nearby is not None:
        qs = qs.filter(remote | nearby)
    elif remote is not None:
        qs = qs.filter(remote)
    elif nearby is not None:
        qs = qs.filter(nearby)
    else:
        return qs.none()

    points, maximum = [], 0
    wanted = matching.wanted_specialties(request)
    if wanted:
        matched = _sum([_when(_has("specialty_slugs", slug), weight) for slug, weight in sorted(wanted.items())])
        points.append(_int(w["concerns"]) * matched / _int(sum(wanted.values())))
        maximum += w["concerns"]
    approaches = matching.wanted_modalities(request)
    if approaches:
        matched = _sum([_when(_has("modality_slugs", slug), 1) for slug in sorted(approaches)])
        points.append(_int(w["approach"]) * matched / _int(len(approaches)))
        maximum += w["approach"]
    if request.budget is not None:
        budget, money = budget_points(request)
        qs = qs.annotate(**money)
        points.append(budget)
        maximum += w["budget"]
    if request.times:
        matched = _sum([
            _when(_open_during(matching.wanted_hours(code, request.time_zone, request.week_of)), 1)
            for code in sorted(request.times)
        ])  # fmt: skip
        points.append(_int(w["times"]) * matched / _int(len(request.times)))
        maximum += w["times"]
    distance_max = Value(0, output_field=BIG)
    if use_distance and radius > 0 and request.mode in ("in_person", "either"):
        # near_box first: a cheap test that spares the haversine for every office outside the box (the box
        # holds every point within the radius, and offers_in_person is the "either" rule too).
        weighs = near_box(request) & Q(distance_m__lte=radius)
        points.append(
            Case(
                When(weighs, then=_int(w["distance"]) * (_int(radius) - F("distance_m")) / _int(radius)),
                default=_int(0),
                output_field=BIG,
            )
        )
        distance_max = _when(weighs, w["distance"])
    total = _sum(points) if points else _int(0)
    qs = qs.annotate(points=total, maximum=ExpressionWrapper(_int(maximum) + distance_max, output_field=BIG))
    if maximum > 0:  # the usual case: the maximum is never 0, so no CASE that names it (and the distance) again
        score = ExpressionWrapper(_int(matching.SCORE_SCALE) * F("points") / F("maximum"), output_field=BIG)
    else:
        score = Case(
            When(maximum=0, then=_int(0)),
            default=_int(matching.SCORE_SCALE) * F("points") / F("maximum"),
            output_field=BIG,
        )
    qs = qs.annotate(
        score=score,
        tie=MD5(Concat(Value(f"{seed}:"), Cast("id", CharField()), output_field=CharField())),
    )
    if not use_distance:  # no distance anywhere: ordering by a NULL would be a no-op (and not valid SQL)
        return qs.order_by(F("score").desc(), "tie", "public_id")
    return qs.order_by(F("score").desc(), F("distance_m").asc(nulls_last=True), "tie", "public_id")


def budget_points(request: matching.Request) -> tuple[Case, dict]:
    """matching._budget_factor's points: fees in cents, compared only in the same currency."""
    top = matching.WEIGHTS["budget"]
    budget_c = matching.cents(request.budget)
    fee_c = Cast(Round(ExpressionWrapper(F("fee") * Value(100), output_field=FLOAT)), BIG)
    low_c = Cast(Round(ExpressionWrapper(F("sliding_scale_min") * Value(100), output_field=FLOAT)), BIG)
    whens = [When(fee__isnull=True, then=_int(top // 2))]
    if request.budget_currency:
        whens.append(When(~Q(fee_currency=request.budget_currency), then=_int(top // 2)))
    whens += [
        When(Q(fee_c__lte=budget_c), then=_int(top)),
        When(
            Q(offers_sliding_scale=True, sliding_scale_min__isnull=False, low_c__lte=budget_c),
            then=_int(top * 3 // 4),
        ),
    ]
    over = _int(top * (budget_c + 100)) / (_int(2) * (F("fee_c") + _int(100)))
    return Case(*whens, default=over, output_field=BIG), {"fee_c": fee_c, "low_c": low_c}


def ranking_sql(qs: QuerySet, limit: int, seed: str) -> tuple[str, tuple]:
    """SQL and parameters for the ids of the first `limit` rows of `candidates(…, seed)`, best first.

    On PostgreSQL the tie-break is computed only where it can matter: an inner query orders by score and distance
    and keeps the first `limit` rows WITH TIES (also every row equal to the last one kept), and only those get
    their md5(seed:id); the result is the order of ORDER BY score, distance, tie, public_id over every row.
    SQLite has no WITH TIES and runs the one ordered query.
    """
    ids = qs.values_list("pk", flat=True)[:limit]
    limit = int(limit)
    if connections[qs.db].vendor != "postgresql":
        return ids.query.sql_with_params()
    keys = list(qs.query.order_by)[:-2]  # score desc [, distance asc nulls last]; then tie, public_id
    inner = qs.values_list("pk", "score", "distance_m", "public_id").order_by(*keys)[:limit]
    sql, params = inner.query.sql_with_params()
    if not sql.endswith(f" LIMIT {limit}"):  # not the shape expected: the plain query is always right
        return ids.query.sql_with_params()
    sql = sql.removesuffix(f" LIMIT {limit}") + f" FETCH FIRST {limit} ROWS WITH TIES"
    distance = ' "distance_m" ASC NULLS LAST,' if len(keys) > 1 else ""
    outer = (
        f'SELECT "pk" FROM ({sql}) ranked ORDER BY "score" DESC,{distance} MD5(%s || "pk"::text), "public_id" '
        f"LIMIT {limit}"
    )
    return outer, (*params, f"{seed}:")


def top_ids(qs: QuerySet, limit: int, seed: str) -> list[int]:
    """The ids of the first `limit` rows of `candidates(…, seed)`, best first (see ranking_sql)."""
    if qs.query.is_empty():
        return []
    sql, params = ranking_sql(qs, limit, seed)
    with connections[qs.db].cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
