"""Crisis lines by region, from data/crisis_lines.json (versioned data, checked by tests)."""

import json
from functools import cache
from pathlib import Path

from trustrepair.core.places import EU_MEMBERS

DATA = Path(__file__).parent / "data" / "crisis_lines.json"


@cache
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def crisis_resources(region: str) -> dict:
    """Emergency number, crisis lines and lines for people living with abuse, for `region` (else OTHER)."""
    data = _data()
    regions = data["regions"]
    code = region if region in regions else "OTHER"
    entry = regions[code]
    return {
        "region": code,
        "name": entry["name"],
        "emergency": entry["emergency"],
        "lines": entry["lines"],
        "abuse": entry.get("abuse", []),
        "international": data["international"],
    }


def region_for_country(country: str) -> str:
    """The crisis-line group for an ISO country code: its own when we hold one, "EU" for other EU members,
    else "OTHER" (the international directory)."""
    regions = _data()["regions"]
    if country in regions and country not in ("EU", "OTHER"):
        return country
    if country in EU_MEMBERS:
        return "EU"
    return "OTHER"


def regions() -> list[tuple[str, str]]:
    return [(code, entry["name"]) for code, entry in _data()["regions"].items()]
