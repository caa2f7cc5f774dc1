import json

import pytest

from trustrepair.safety.resources import DATA, crisis_resources


@pytest.mark.parametrize(
    ("region", "number"),
    [("US", "988"), ("CA", "988"), ("GB", "116123"), ("IE", "116123"), ("AU", "131114")],
)
def test_the_required_crisis_lines_are_there(region, number):
    assert number in {line.get("tel") for line in crisis_resources(region)["lines"]}


@pytest.mark.parametrize(
    ("region", "emergency"), [("US", "911"), ("CA", "911"), ("GB", "999"), ("EU", "112"), ("AU", "000")]
)
def test_emergency_numbers_are_shown(region, emergency):
    assert emergency in crisis_resources(region)["emergency"]


def test_unknown_regions_get_the_international_directory():
    res = crisis_resources("ZZ")
    assert res["region"] == "OTHER"
    assert "findahelpline.com" in res["international"]["how"]


def test_retired_options_are_not_offered():
    text = DATA.read_text()
    assert "Press 3" not in text.replace("Press 3 ended", "")  # 988's Press 3 ended in July 2025
    lines = [line for region in json.loads(text)["regions"].values() for line in region["lines"]]
    samaritans = [line for line in lines if line["name"] == "Samaritans"]
    assert all("sms" not in line for line in samaritans)  # Samaritans' text service ended in 2020
