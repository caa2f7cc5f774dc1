"""Instrument files: the schema check names the file and field; clinics complete licensed keys by data."""

import json

import pytest
from django.urls import reverse

from trustrepair.measures import registry
from trustrepair.measures.instruments import BUILTIN_DIR, InstrumentFileError, load_instruments, parse_instrument


def builtin(name):
    return json.loads((BUILTIN_DIR / f"{name}.json").read_text())


def test_every_shipped_instrument_loads():
    found = load_instruments()
    assert {"phq9", "gad7", "trust_signs", "causes", "ecr_r", "ecr_rs", "rempel_trust"} <= set(found)


def test_only_free_instruments_ship_item_text():
    for instrument in load_instruments().values():
        assert instrument.is_complete == instrument.item_text_free, instrument.id
        if not instrument.item_text_free:
            assert all(item.text == "" for item in instrument.items)


def test_phq9_and_gad7_are_verbatim_with_the_pfizer_notice():
    found = load_instruments()
    phq9, gad7 = found["phq9"], found["gad7"]
    assert phq9.item("9").text == "Thoughts that you would be better off dead or of hurting yourself in some way"
    assert gad7.item("7").text == "Feeling afraid, as if something awful might happen"
    for instrument in (phq9, gad7):
        assert "No permission required to reproduce, translate, display or distribute." in instrument.licence_notice
    assert phq9.safety_items == ("9",)


def test_our_own_instruments_are_labelled_educational():
    found = load_instruments()
    assert found["trust_signs"].educational and found["causes"].educational
    assert not found["phq9"].educational


@pytest.mark.parametrize(
    "change,field",
    [
        (lambda d: d.pop("title"), "title"),
        (lambda d: d.update(kind="quiz"), "kind"),
        (lambda d: d["items"][2].pop("id"), "items[2].id"),
        (lambda d: d.update(reverse_items=["99"]), "reverse_items[0]"),
        (lambda d: d.update(safety_items=["42"]), "safety_items[0]"),
        (lambda d: d["response_options"][1].update(value="two"), "response_options[1].value"),
        (lambda d: d["bands"][1].update(min=3), "bands[1].min"),
        (lambda d: d["reliable_change"].pop("source"), "reliable_change.source"),
        (lambda d: d["scoring"].update(method="median"), "scoring.method"),
        (lambda d: d["missing"].update(rule="impute"), "missing.rule"),
    ],
)
def test_a_wrong_file_is_reported_by_file_and_field(change, field):
    data = builtin("phq9")
    change(data)
    with pytest.raises(InstrumentFileError) as excinfo:
        parse_instrument(data, "/clinic/phq9.json")
    assert excinfo.value.field == field
    assert str(excinfo.value).startswith(f"phq9.json: field '{field}'")


def test_invalid_json_names_the_file(tmp_path):
    (tmp_path / "broken.json").write_text("{not json")
    with pytest.raises(InstrumentFileError, match=r"broken.json: field '\(file\)': is not valid JSON"):
        load_instruments([tmp_path])


def licensed_texts(n, prefix="Licensed statement"):
    return [{"id": str(i), "text": f"{prefix} {i}"} for i in range(1, n + 1)]


def test_a_clinic_completes_a_licensed_key_with_its_own_file(tmp_path):
    completion = {
        "completes": "ecr_rs",
        "version": "clinic-2026",
        "licence": {"notice": "Used with the authors' permission by Example Clinic."},
        "items": licensed_texts(9),
    }
    (tmp_path / "ecr_rs_texts.json").write_text(json.dumps(completion))
    found = load_instruments([tmp_path])
    ecr_rs = found["ecr_rs"]
    assert ecr_rs.is_complete
    assert ecr_rs.item("3").text == "Licensed statement 3"
    assert ecr_rs.version == "1.0+clinic-2026"
    assert ecr_rs.reverse_items == frozenset({"1", "2", "3", "4"})  # the scoring key is untouched
    assert "Example Clinic" in ecr_rs.licence_notice


def test_an_incomplete_completion_file_is_refused(tmp_path):
    completion = {"completes": "rempel_trust", "version": "x", "licence": {"notice": "ok"}, "items": licensed_texts(16)}
    (tmp_path / "rempel.json").write_text(json.dumps(completion))
    with pytest.raises(InstrumentFileError, match="rempel.json: field 'items': texts are missing for items 17"):
        load_instruments([tmp_path])


def test_completed_licensed_scale_can_be_taken_without_code_change(client, client_alice, tmp_path, settings):
    completion = {
        "completes": "ecr_rs",
        "version": "c1",
        "licence": {"notice": "Licensed to Example Clinic."},
        "items": licensed_texts(9),
    }
    (tmp_path / "ecr_rs.json").write_text(json.dumps(completion))
    settings.MEASURES_EXTRA_DIR = str(tmp_path)
    registry.clear_cache()
    try:
        client.force_login(client_alice)
        page = client.get(reverse("measures:take", args=["ecr_rs"]))
        assert page.status_code == 200 and "Licensed statement 9" in page.content.decode()
        form = {f"item_{i}": "7" for i in range(1, 10)}
        response = client.post(reverse("measures:take", args=["ecr_rs"]), form, follow=True)
        assert "Attachment avoidance (with partner)" in response.content.decode()
    finally:
        settings.MEASURES_EXTRA_DIR = ""
        registry.clear_cache()


def test_safety_items_need_a_message():
    data = builtin("phq9")
    del data["safety_message"]
    with pytest.raises(InstrumentFileError, match="field 'safety_message'"):
        parse_instrument(data, "phq9.json")
