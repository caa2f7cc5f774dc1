"""All of a person's finished questionnaires as one FHIR R4 Bundle (issue 11, item 9), from Your data."""

import json

from fhir.resources.R4B.bundle import Bundle

from trustrepair.measures import fhir, registry, services
from trustrepair.measures.tests.factories import take


def option_value(instrument, link_id: str, coding: dict) -> int:
    item = next(i for i in instrument.items + instrument.unscored_items if i.id == link_id)
    option = next(o for o in instrument.options_for(item) if fhir._coding(instrument, o)["code"] == coding["code"])
    return option.value


def test_the_bundle_holds_each_finished_questionnaire_with_every_answer_as_stored(
    reauthenticated, client_alice, stranger_eve
):
    phq9 = take(client_alice, "phq9", [1, 2, 0, 3, 1, 0, 2, 1, 0], weeks_ago=2)
    gad7 = take(client_alice, "gad7", [2, 3, 2, 1, 2, 1, 2])
    take(stranger_eve, "phq9", [3] * 9)
    client = reauthenticated(client_alice)
    response = client.get("/account/data/questionnaires.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/fhir+json"
    assert response["Content-Disposition"].startswith('attachment; filename="trustrepair-questionnaires-')
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"].startswith("noindex")
    data = json.loads(response.content)
    Bundle.model_validate(data)  # valid R4 in shape
    assert data["resourceType"] == "Bundle" and data["type"] == "collection"
    resources = [entry["resource"] for entry in data["entry"]]
    assert [r["id"] for r in resources] == [str(phq9.public_id), str(gad7.public_id)]  # hers only, oldest first
    assert data["entry"][0]["fullUrl"] == f"urn:uuid:{phq9.public_id}"
    for resource, administration in zip(resources, (phq9, gad7), strict=True):
        instrument = registry.get(administration.instrument_id)
        assert resource["resourceType"] == "QuestionnaireResponse" and resource["status"] == "completed"
        assert resource["questionnaire"] == f"{fhir.questionnaire_url(instrument)}|{instrument.version}"
        assert resource["authored"] == administration.completed_at.isoformat()
        answers = {i["linkId"]: i["answer"][0] for i in resource["item"] if not i["linkId"].startswith("score-")}
        assert set(answers) == {item.id for item in instrument.items}  # linkIds are the instrument's items
        questionnaire_ids = {i["linkId"] for i in fhir.questionnaire(instrument)["item"]}
        assert {i["linkId"] for i in resource["item"]} <= questionnaire_ids
        for link_id, answer in answers.items():
            stored = administration.answers[link_id]
            assert option_value(instrument, link_id, answer["valueCoding"]) == stored
            assert answer["valueCoding"]["extension"][0]["valueDecimal"] == stored
        total = next(i for i in resource["item"] if i["linkId"] == "score-total")
        assert total["answer"][0]["valueDecimal"] == administration.total


def test_a_correction_stands_in_for_what_it_corrects(reauthenticated, client_alice):
    first = take(client_alice, "gad7", [1] * 7)
    correction = services.correct_administration(
        client_alice, administration=first, instrument=registry.get("gad7"), answers={str(n): 2 for n in range(1, 8)},
        reason="I misread one",
    )  # fmt: skip
    resources = fhir.responses_for(client_alice)
    assert [r["id"] for r in resources] == [str(correction.public_id)] and resources[0]["status"] == "amended"


def test_the_bundle_needs_the_password_again_and_is_empty_without_questionnaires(client, reauthenticated, client_alice):
    client.force_login(client_alice)
    assert client.get("/account/data/questionnaires.json").status_code == 302
    client = reauthenticated(client_alice)
    data = json.loads(client.get("/account/data/questionnaires.json").content)
    assert data["type"] == "collection" and "entry" not in data  # FHIR JSON has no empty arrays
    Bundle.model_validate(data)
