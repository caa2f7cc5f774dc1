"""The exercises a module asks for, by key, and where each lives in the tools app (/tools/).

Lesson files name exercises by key in their front matter (`exercises: thought_record, journal`). The tools
app owns the URLs; this table maps a key to its URL name there, with the path as a fallback while a name
is missing, so a link is never broken by the order in which the apps are built.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Exercise:
    key: str
    label: str
    url_name: str
    fallback_path: str

    @property
    def url(self) -> str:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return self.fallback_path


EXERCISES = {
    e.key: e
    for e in [
        Exercise("trust_history", "Trust history timeline", "exercises:trust_event_list", "/tools/trust-history/"),
        Exercise("journal", "Journal with self-examination prompts", "exercises:journal_entry_list", "/tools/journal/"),
        Exercise("core_beliefs", "Core beliefs", "exercises:core_belief_list", "/tools/core-beliefs/"),
        Exercise("thought_record", "Thought record", "exercises:thought_record_list", "/tools/thought-records/"),
        Exercise("fear_predictions", "Fear predictions", "exercises:fear_prediction_list", "/tools/fears/"),
        Exercise("trigger_log", "Trigger and urge log", "exercises:trigger_log_list", "/tools/triggers/"),
        Exercise("regulation", "Regulation timers", "exercises:timer_index", "/tools/timers/"),
        Exercise("trust_ladder", "Trust ladder", "exercises:ladder_step_list", "/tools/trust-ladder/"),
        Exercise("evidence_bricks", "Evidence of trustworthiness", "exercises:evidence_brick_list", "/tools/evidence/"),
        Exercise("promises", "Promises to myself", "exercises:self_promise_list", "/tools/promises/"),
        Exercise("needs_boundaries", "Needs and boundaries", "exercises:need_statement_list", "/tools/needs/"),
        Exercise("scripts", "Communication scripts", "exercises:communication_script_list", "/tools/scripts/"),
    ]
}


def exercises_for(keys) -> list[Exercise]:
    return [EXERCISES[key] for key in keys if key in EXERCISES]
