"""Crisis lines by region, from data/crisis_lines.json."""

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "crisis_lines.json"


@cache
def _data() -> dict:
    return json.loads(DATA.read_text())


def crisis_resources(region: str) -> dict:
    data = _data()
    regions = data["regions"]
    entry = regions.get(region) or regions["OTHER"]
    return {"region": region if region in regions else "OTHER", **entry, "international": data["international"]}


def regions() -> list[tuple[str, str]]:
    return [(code, entry["name"]) for code, entry in _data()["regions"].items()]
