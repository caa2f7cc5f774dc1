"""FHIR R4 views of our data: each instrument as a Questionnaire, each administration as a
QuestionnaireResponse. Plain dicts (JSON-ready); tests validate them with fhir.resources (R4B).

Licensed scoring keys export without their item text, exactly as we hold them.
"""

from trustrepair.measures.instruments import Instrument, Option

BASE = "urn:trustrepair:measures"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"


def questionnaire_url(instrument: Instrument) -> str:
    return f"{BASE}:questionnaire:{instrument.id}"


def _coding(instrument: Instrument, option: Option) -> dict:
    if option.code:
        return {"system": "http://loinc.org", "code": option.code, "display": option.label}
    return {"system": f"{BASE}:answers:{instrument.id}", "code": str(option.value), "display": option.label}


def _answer_option(instrument: Instrument, option: Option) -> dict:
    coding = _coding(instrument, option)
    coding["extension"] = [{"url": ORDINAL, "valueDecimal": option.value}]
    return {"valueCoding": coding}


def _score_items(instrument: Instrument) -> list[tuple[str, str]]:
    from trustrepair.measures.scoring import score_keys

    return [(f"score-{key}", title) for key, title in score_keys(instrument)]


def questionnaire(instrument: Instrument) -> dict:
    items = []
    for item in instrument.items + instrument.unscored_items:
        entry = {
            "linkId": item.id,
            "text": item.text or f"Item {item.id} (text held under the clinic's licence)",
            "type": "choice",
            "required": item in instrument.items and instrument.missing_rule == "complete",
            "answerOption": [_answer_option(instrument, o) for o in instrument.options_for(item)],
        }
        if item.code:
            entry["code"] = [{"system": "http://loinc.org", "code": item.code}]
        items.append(entry)
    total_code = instrument.fhir.get("total_code")
    for link_id, title in _score_items(instrument):
        entry = {"linkId": link_id, "text": f"{title} (calculated)", "type": "decimal", "readOnly": True}
        if link_id == "score-total" and total_code:
            entry["code"] = [{"system": "http://loinc.org", "code": total_code}]
        items.append(entry)
    resource = {
        "resourceType": "Questionnaire",
        "id": instrument.id.replace("_", "-"),
        "url": questionnaire_url(instrument),
        "version": instrument.version,
        "name": "".join(part.capitalize() for part in instrument.id.split("_")),
        "title": instrument.title,
        "status": "active",
        "description": instrument.summary,
        "copyright": instrument.licence_notice,
        "item": items,
    }
    if instrument.fhir.get("code"):
        resource["code"] = [{"system": "http://loinc.org", "code": instrument.fhir["code"]}]
    return resource


def responses_for(user) -> list[dict]:
    """The person's finished questionnaires as QuestionnaireResponses, oldest first, for the one FHIR
    download on Your data (a Bundle, core.data_copy.fhir_bundle). A correction stands in for the response it
    corrects (status "amended"); every version stays in the JSON download."""
    from trustrepair.measures import registry
    from trustrepair.measures.models import Administration

    out = []
    for administration in Administration.objects.filter(owner=user).current().order_by("completed_at", "id"):
        instrument = registry.get(administration.instrument_id)
        if instrument is not None:
            out.append(questionnaire_response(instrument, administration))
    return out


def questionnaire_response(instrument: Instrument, administration) -> dict:
    answers = administration.answers
    items = []
    for item in instrument.items + instrument.unscored_items:
        value = answers.get(item.id)
        if value is None:
            continue
        option = next(o for o in instrument.options_for(item) if o.value == value)
        coding = _coding(instrument, option)
        coding["extension"] = [{"url": ORDINAL, "valueDecimal": option.value}]  # the stored answer itself
        items.append({"linkId": item.id, "answer": [{"valueCoding": coding}]})
    for link_id, _title in _score_items(instrument):
        key = link_id.removeprefix("score-")
        value = administration.total if key == "total" else (administration.subscales or {}).get(key)
        if value is not None:
            items.append({"linkId": link_id, "answer": [{"valueDecimal": value}]})
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": str(administration.public_id),
        "questionnaire": f"{questionnaire_url(instrument)}|{administration.instrument_version}",
        "status": "amended" if administration.supersedes_id else "completed",
        "authored": administration.completed_at.isoformat(),
        "item": items,
    }
    return resource
