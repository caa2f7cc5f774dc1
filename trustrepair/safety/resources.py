"""Crisis lines by region, from data/crisis_lines.json (versioned data, checked by tests)."""

import json
import re
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
        "emergency_tel": _first_number(entry["emergency"]),
        "lines": entry["lines"],
        "abuse": entry.get("abuse", []),
        "international": data["international"],
    }


def _first_number(text: str) -> str:
    """The number to dial from "999 or 112"; "" for "your local emergency number"."""
    found = re.search(r"\d{2,}", text)
    return found.group(0) if found else ""


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
