"""Valid form data for each simple tool, and one entry per tool for a given person."""

from trustrepair.exercises import factories
from trustrepair.exercises.tools import BY_KEY

VALID = {
    "trust_event": {
        "age": "9",
        "happened_on": "",
        "who": "Dad",
        "what_happened": "He missed my birthday.",
        "impact": "7",
    },
    "core_belief": {
        "belief": "People always leave.",
        "strength": "80",
        "evidence_against": "Priya stayed.",
        "balanced_belief": "Some people stay.",
    },
    "trigger_log": {
        "occurred_at": "2026-11-20T21:15",
        "context": "partner",
        "situation": "He was late and didn't text.",
        "body_sensation": "Tight chest",
        "thought": "He's hiding something.",
        "urge": "checking",
        "urge_other": "",
        "intensity": "7",
        "response": "rode_out",
        "what_helped": "Box breathing.",
    },
    "fear_prediction": {"prediction": "He will lie about where he was.", "confidence": "80", "check_on": "2026-12-01"},
    "ladder_step": {"act": "Not checking his location tonight.", "expected_distress": "40"},
    "evidence_brick": {
        "kind": "reliability",
        "moment": "Texted when the train was late.",
        "who": "Sam",
        "happened_on": "2026-11-20",
    },
    "self_promise": {"promise": "A ten-minute walk after work."},
    "need_statement": {"kind": "secure", "statement": "Hearing when plans change."},
    "communication_script": {
        "title": "When he's late",
        "feeling": "insecure",
        "because": "past experiences",
        "not_responsible": "what happened to me before",
        "need": "some reassurance",
    },
    "distortion": {"name": "Rehearsing the goodbye", "explanation": "Imagining the break-up before anything happened."},
}

# The text field each tool's list shows, so a test can check what was saved came back.
SHOWN = {
    "trust_event": "He missed my birthday.",
    "core_belief": "People always leave.",
    "trigger_log": "Checking",
    "fear_prediction": "He will lie about where he was.",
    "ladder_step": "Not checking his location tonight.",
    "evidence_brick": "Texted when the train was late.",
    "self_promise": "A ten-minute walk after work.",
    "need_statement": "Hearing when plans change.",
    "communication_script": "I&#x27;m feeling insecure because of past experiences.",
    "distortion": "Rehearsing the goodbye",
}

# Edit forms ask for a little more or less than the new-entry forms.
EDIT_EXTRA = {
    "core_belief": {"strength": None},
    "fear_prediction": {"outcome": "did_not", "what_happened": "He was at the gym, as he said."},
    "self_promise": {"is_active": "on"},
}

MAKERS = {
    "trust_event": factories.make_trust_events,
    "core_belief": factories.make_core_beliefs,
    "trigger_log": factories.make_trigger_logs,
    "fear_prediction": factories.make_fear_predictions,
    "ladder_step": factories.make_ladder_steps,
    "evidence_brick": factories.make_evidence_bricks,
    "self_promise": factories.make_self_promises,
    "need_statement": factories.make_need_statements,
    "communication_script": factories.make_communication_scripts,
    "thought_record": factories.make_thought_records,
    "journal_entry": factories.make_journal_entries,
    "daily_check_in": factories.make_daily_check_ins,
}


def make_one(key, user):
    if key == "distortion":
        from trustrepair.exercises import services

        return services.create_custom_distortion(user, name="Rehearsing the goodbye")
    return MAKERS[key](user, 1)[0]


def edit_data(key):
    data = {**VALID[key], **EDIT_EXTRA.get(key, {})}
    return {k: v for k, v in data.items() if v is not None}


SIMPLE = list(VALID)
ALL_TOOLS = [*SIMPLE, "thought_record", "journal_entry", "daily_check_in"]
assert set(ALL_TOOLS) == set(BY_KEY)
