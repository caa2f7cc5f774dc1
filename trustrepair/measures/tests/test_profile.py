"""The trust profile's rule table: patterns in the person's words, start phase, therapies and why."""

from django.urls import reverse

from trustrepair.measures import selectors
from trustrepair.measures.tests.factories import take

QUIET_SIGNS = [0] * 13


def test_no_answers_means_no_suggestion(client_alice):
    assert selectors.suggested_start_phase(client_alice) is None
    assert selectors.profile_preferences(client_alice) == {"concerns": [], "format": None, "modalities": []}


def test_infidelity_points_to_couples_therapy_with_reasons(client_alice):
    take(client_alice, "causes", {"partner_infidelity": 1})
    profile = selectors.trust_profile_for(client_alice)
    ids = [t["id"] for t in profile.therapies]
    assert {"efct", "cbct"} <= set(ids)
    efct = next(t for t in profile.therapies if t["id"] == "efct")
    assert "You ticked “A partner was unfaithful to me.”" in efct["reasons"][0]["because"]
    assert selectors.profile_preferences(client_alice)["format"] == "couples"
    assert "betrayal" in selectors.profile_preferences(client_alice)["concerns"]
    assert selectors.suggested_start_phase(client_alice) == "trust_history"


def test_early_neglect_points_to_attachment_or_schema_therapy(client_alice):
    take(client_alice, "causes", {"early_unseen": 1})
    ids = {t["id"] for t in selectors.trust_profile_for(client_alice).therapies}
    assert {"attachment", "schema"} <= ids and "efct" not in ids
    assert selectors.profile_preferences(client_alice)["format"] == "individual"


def test_trauma_points_to_trauma_informed_care_or_emdr(client_alice):
    take(client_alice, "causes", {"abuse_or_trauma": 1})
    assert {"trauma_informed", "emdr"} <= {t["id"] for t in selectors.trust_profile_for(client_alice).therapies}


def test_fear_driven_thoughts_point_to_cbt_and_core_beliefs(client_alice):
    signs = [4, 4, 3] + [0] * 10  # strong on "expecting to be let down" only
    take(client_alice, "trust_signs", signs)
    profile = selectors.trust_profile_for(client_alice)
    assert [t["id"] for t in profile.therapies] == ["cbt"]
    assert profile.patterns[0]["title"] == "Expecting to be let down"
    assert len(profile.patterns[0]["statements"]) == 3
    assert selectors.suggested_start_phase(client_alice) == "core_beliefs"


def test_strong_reactions_or_heavy_symptoms_start_with_regulation(client_alice):
    take(client_alice, "causes", {"partner_infidelity": 1})
    take(client_alice, "phq9", [2] * 8 + [0])  # 16: moderately severe
    assert selectors.suggested_start_phase(client_alice) == "regulation"
    assert "depression" in selectors.profile_preferences(client_alice)["concerns"]


def test_quiet_answers_start_at_the_beginning(client_alice):
    take(client_alice, "trust_signs", QUIET_SIGNS)
    assert selectors.suggested_start_phase(client_alice) == "trust_history"


def test_profile_page_shows_reasoning_and_never_a_diagnosis(client, client_alice):
    take(client_alice, "causes", {"partner_infidelity": 1, "fear_thoughts": 1})
    take(client_alice, "trust_signs", [3] * 13)
    client.force_login(client_alice)
    body = client.get(reverse("measures:profile")).content.decode()
    assert "Educational, not a diagnosis." in body
    assert "Emotionally focused couples therapy (EFCT)" in body
    assert "A partner was unfaithful to me." in body
    assert "Where to start in the program" in body
    for word in ["you have", "disorder", "diagnosed"]:
        assert word not in body.lower()


def test_a_completed_attachment_scale_feeds_the_profile(client_alice, tmp_path, settings):
    import json

    from trustrepair.measures import registry

    texts = [{"id": str(i), "text": f"Licensed statement {i}"} for i in range(1, 10)]
    (tmp_path / "ecr_rs.json").write_text(
        json.dumps({"completes": "ecr_rs", "version": "c1", "licence": {"notice": "Licensed."}, "items": texts})
    )
    settings.MEASURES_EXTRA_DIR = str(tmp_path)
    registry.clear_cache()
    try:
        take(client_alice, "ecr_rs", [4, 4, 4, 4, 4, 4, 7, 6, 6])  # anxiety (items 7–9) mean 6.33
        profile = selectors.trust_profile_for(client_alice)
        assert "attachment:anxiety" in profile.signals and "attachment:avoidance" not in profile.signals
        assert {"attachment", "schema"} <= {t["id"] for t in profile.therapies}
        assert "above its middle" in profile.signals["attachment:anxiety"][0]
    finally:
        settings.MEASURES_EXTRA_DIR = ""
        registry.clear_cache()


def test_each_kind_of_therapy_is_named_once_with_a_way_to_find_therapists(client, client_alice):
    take(client_alice, "causes", {"partner_infidelity": 1, "fear_thoughts": 1, "early_neglect": 1})
    take(client_alice, "trust_signs", [3] * 13)
    client.force_login(client_alice)
    body = client.get(reverse("measures:profile")).content.decode()
    profile = selectors.trust_profile_for(client_alice)
    for therapy in profile.therapies:
        assert body.count(f"<h3>{therapy['name']}</h3>") == 1
    assert body.count("Find therapists for this") == len(profile.therapies) >= 1
    assert reverse("directory:find") in body
