"""The learned layer's weights: the committed file is the pinned one, and anything else falls back to rules.

The model path is read from TRUSTREPAIR_CRISIS_MODEL, so each case points it at a temporary copy: missing,
corrupt (cut short), or a well-formed model that is not the pinned one. Screening then runs on the rules
alone, says so, and still shows the panel for a rule hit. Nothing here trains anything.
"""

import gzip
import hashlib
import json

import pytest

from trustrepair.safety.detection import model as detection_model
from trustrepair.safety.detection import model_status, respond
from trustrepair.safety.detection.respond import respond_with


def test_the_committed_weights_are_the_pinned_ones():
    raw = detection_model.MODEL_FILE.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == detection_model.MODEL_SHA256
    status = model_status()
    assert status.available, status.problem
    assert status.version.startswith("crisis-lr-")
    assert status.label == f"screening on rules and model {status.version}"


def test_the_thresholds_travel_with_the_weights_and_ask_before_the_panel():
    m = detection_model.current()
    assert 0 < m.ask_at <= m.panel_at <= 1
    assert m.classes[0] == "none" and len(m.classes) == 7


@pytest.fixture
def model_at(monkeypatch, tmp_path):
    def point(raw: bytes | None):
        path = tmp_path / "crisis_model.json.gz"
        if raw is not None:
            path.write_bytes(raw)
        monkeypatch.setenv(detection_model.PATH_ENV, str(path))
        return path

    return point


def test_a_faithful_copy_elsewhere_is_used(model_at):
    model_at(detection_model.MODEL_FILE.read_bytes())
    assert model_status().available


def _falls_back_to_rules(problem_word: str) -> None:
    status = model_status()
    assert not status.available
    assert problem_word in status.problem
    assert status.label == "screening on rules only"
    assert detection_model.current() is None
    assert respond("I want to die.").action == "panel"  # rules still show the panel
    text = "I've been giving my things away to people who'll use them."
    assert respond(text) == respond_with(text, None)


def test_a_missing_file_means_rules_only(model_at):
    model_at(None)
    _falls_back_to_rules("missing")


def test_a_corrupt_file_means_rules_only(model_at):
    model_at(detection_model.MODEL_FILE.read_bytes()[:5000])
    _falls_back_to_rules("pinned")


def test_a_well_formed_model_that_is_not_the_pinned_one_means_rules_only(model_at):
    doc = json.loads(gzip.decompress(detection_model.MODEL_FILE.read_bytes()))
    doc["ask_at"] = 0.0  # someone "tuning" the shipped file by hand
    model_at(gzip.compress(json.dumps(doc).encode()))
    _falls_back_to_rules("pinned")


def test_a_few_fixed_outputs_of_the_committed_model():
    m = detection_model.current()
    for text in ("We had a lovely walk by the river.", "I made pasta and watched a film with my sister."):
        assert m.risk(text)[0] < m.ask_at, text
    p, category = m.risk("I want to kill myself tonight.")
    assert p >= m.panel_at and category in ("suicidal_thoughts", "plan_or_means")
    p, category = m.risk("He hit me again and said next time he'll finish it.")
    assert p >= m.ask_at and category == "danger_from_others"


def test_staff_see_on_their_home_page_when_screening_runs_on_rules_only(client, staff_sam, model_at):
    client.force_login(staff_sam)
    assert "screening on rules and model crisis-lr-" in client.get("/").content.decode()
    model_at(None)
    page = client.get("/").content.decode()
    assert "screening on rules only" in page
    assert "rules still screen every save" in page


def test_clients_never_see_the_screening_mode(client, client_alice):
    client.force_login(client_alice)
    assert "screening on rules" not in client.get("/").content.decode()
