"""The tools, described once: names, where they live, which form and selector they use.

views.py builds the same five plain views (list, new, detail, edit, delete) for each tool from this
description; tools with a flow of their own (thought record steps, journal autosave) add views next to
them. privacy export and erasure walk the same list, so a new tool cannot be left out of either.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from trustrepair.exercises import forms, selectors, services
from trustrepair.exercises.models import (
    CommunicationScript,
    CoreBelief,
    CustomDistortion,
    DailyCheckIn,
    EvidenceBrick,
    FearPrediction,
    JournalEntry,
    LadderStep,
    NeedStatement,
    SelfPromise,
    ThoughtRecord,
    TriggerLog,
    TrustEvent,
)


def _create(tool, user, data):
    return services.create_entry(user, model=tool.model, **data)


def _update(tool, entry, user, data):
    return services.update_entry(entry, user=user, **data)


@dataclass(frozen=True)
class Tool:
    key: str  # URL names: <key>_list, <key>_new, <key>_detail, <key>_edit, <key>_delete
    slug: str  # URL segment under /tools/
    title: str
    noun: str  # "event", "entry": used in buttons and messages
    summary: str
    model: type
    list_selector: Callable
    form: type | None = None
    edit_form: type | None = None
    create: Callable = _create  # (tool, user, cleaned_data) -> entry
    update: Callable = _update  # (tool, entry, user, cleaned_data) -> entry
    per_page: int = 50
    own_new_and_edit: bool = False  # the tool has its own new/edit views (thought record, journal)
    phase: str = ""
    show_in_index: bool = True
    extra: dict = field(default_factory=dict)

    @property
    def form_for_edit(self):
        return self.edit_form or self.form

    @property
    def list_name(self) -> str:
        return f"exercises:{self.key}_list"

    @property
    def new_name(self) -> str:
        return f"exercises:{self.key}_new"

    @property
    def edit_name(self) -> str:
        return f"exercises:{self.key}_edit"

    @property
    def delete_name(self) -> str:
        return f"exercises:{self.key}_delete"


def _create_core_belief(tool, user, data):
    return services.create_core_belief(user, **data)


def _update_fear(tool, entry, user, data):
    outcome = data.pop("outcome")
    what_happened = data.pop("what_happened")
    services.update_entry(entry, user=user, **data)
    return services.record_fear_outcome(entry, user=user, outcome=outcome, what_happened=what_happened)


TOOLS: tuple[Tool, ...] = (
    Tool(
        key="trust_event",
        slug="trust-history",
        title="Trust history",
        noun="event",
        summary="A timeline of the events that shaped how you trust, and how much each one did.",
        model=TrustEvent,
        list_selector=selectors.trust_events_for,
        form=forms.TrustEventForm,
        per_page=100,
        phase="Trust history",
    ),
    Tool(
        key="core_belief",
        slug="core-beliefs",
        title="Core beliefs",
        noun="belief",
        summary="The beliefs that keep mistrust in place, rated over time and weighed against the evidence.",
        model=CoreBelief,
        list_selector=selectors.core_belief_list_for,
        form=forms.CoreBeliefForm,
        edit_form=forms.CoreBeliefEditForm,
        create=_create_core_belief,
        phase="Core beliefs",
    ),
    Tool(
        key="thought_record",
        slug="thought-records",
        title="Thought records",
        noun="thought record",
        summary="Slow a painful thought down, step by step, and find a more balanced one.",
        model=ThoughtRecord,
        list_selector=selectors.thought_record_list_for,
        own_new_and_edit=True,
        phase="Core beliefs",
    ),
    Tool(
        key="journal_entry",
        slug="journal",
        title="Journal",
        noun="entry",
        summary="Questions for looking at your reactions, and room to write freely. Saved as you type.",
        model=JournalEntry,
        list_selector=selectors.journal_entries_for,
        form=forms.JournalEntryForm,
        own_new_and_edit=True,
        phase="Core beliefs",
    ),
    Tool(
        key="trigger_log",
        slug="triggers",
        title="Trigger and urge log",
        noun="entry",
        summary="Notice what sets off the urge to check or question, and whether you rode it out.",
        model=TriggerLog,
        list_selector=selectors.trigger_log_list_for,
        form=forms.TriggerLogForm,
        phase="Regulation and safety",
    ),
    Tool(
        key="fear_prediction",
        slug="fears",
        title="Fear predictions",
        noun="prediction",
        summary="Write a fear down as a prediction, then see what actually happened.",
        model=FearPrediction,
        list_selector=selectors.fear_prediction_list_for,
        form=forms.FearPredictionForm,
        edit_form=forms.FearPredictionEditForm,
        update=_update_fear,
        phase="Regulation and safety",
    ),
    Tool(
        key="ladder_step",
        slug="trust-ladder",
        title="Trust ladder",
        noun="rung",
        summary="Small trusting acts, from easiest to hardest, tried one rung at a time.",
        model=LadderStep,
        list_selector=selectors.ladder_steps_for,
        form=forms.LadderStepForm,
        per_page=100,
        phase="Gradual rebuilding",
    ),
    Tool(
        key="evidence_brick",
        slug="evidence",
        title="Evidence of trustworthiness",
        noun="brick",
        summary="Small moments of reliability, honesty and care, laid down brick by brick.",
        model=EvidenceBrick,
        list_selector=selectors.evidence_bricks_for,
        form=forms.EvidenceBrickForm,
        per_page=120,
        phase="Gradual rebuilding",
    ),
    Tool(
        key="self_promise",
        slug="promises",
        title="Promises to myself",
        noun="promise",
        summary="Small commitments you keep to yourself: self-trust grows one kept promise at a time.",
        model=SelfPromise,
        list_selector=selectors.self_promises_for,
        form=forms.SelfPromiseForm,
        edit_form=forms.SelfPromiseEditForm,
        phase="Gradual rebuilding",
    ),
    Tool(
        key="need_statement",
        slug="needs",
        title="Needs and boundaries",
        noun="statement",
        summary="What helps you feel secure and what makes you uneasy, in words ready to share.",
        model=NeedStatement,
        list_selector=selectors.need_statements_for,
        form=forms.NeedStatementForm,
        per_page=200,
        phase="Gradual rebuilding",
    ),
    Tool(
        key="communication_script",
        slug="scripts",
        title="Communication scripts",
        noun="script",
        summary="Ask for reassurance without blame, in your own words.",
        model=CommunicationScript,
        list_selector=selectors.communication_scripts_for,
        form=forms.CommunicationScriptForm,
        phase="Gradual rebuilding",
    ),
    Tool(
        key="daily_check_in",
        slug="check-ins",
        title="Daily check-ins",
        noun="check-in",
        summary="Thirty seconds a day on Today: your mood, how much you trusted people, your strongest urge.",
        model=DailyCheckIn,
        list_selector=selectors.daily_check_ins_for,
        own_new_and_edit=True,  # made and changed on Today
        per_page=60,
    ),
    Tool(
        key="distortion",
        slug="thinking-traps",
        title="Your own thinking traps",
        noun="thinking trap",
        summary="Thinking traps you named yourself, offered in every thought record.",
        model=CustomDistortion,
        list_selector=selectors.custom_distortions_for,
        form=forms.CustomDistortionForm,
        show_in_index=False,
    ),
)

BY_KEY = {tool.key: tool for tool in TOOLS}
