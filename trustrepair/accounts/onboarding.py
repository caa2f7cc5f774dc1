"""The first run's plan in words (issue 11): where to start, three first steps, and the tools that fit.

Pure: built from what brought the person here (`User.joined_for`) and their trust profile (the two-minute
self-check, measures/profile.py). "My partner and me" gets the individual plan: until a shared space
exists, TrustRepair works with each person on their own trust, and the plan says only that.
"""

from dataclasses import dataclass, field

from django.urls import reverse

# The first tool for each phase of the program, and tools that fit each pattern of the self-check.
PHASE_TOOL = {
    "trust_history": ("Trust history timeline", "exercises:trust_event_list", ()),
    "core_beliefs": ("Thought record", "exercises:thought_record_new", ()),
    "regulation": ("Box breathing", "exercises:timer", ("box-breathing",)),
    "rebuilding": ("Trust ladder", "exercises:ladder_step_list", ()),
}
SIGNAL_TOOLS = {
    "pattern:checking": ("Trigger and urge log", "exercises:trigger_log_list", ()),
    "pattern:suspicion": ("Fear predictions", "exercises:fear_prediction_list", ()),
    "pattern:reactivity": ("Grounding", "exercises:timer", ("grounding",)),
    "pattern:guarding": ("Needs and boundaries", "exercises:need_statement_list", ()),
    "cause:fear_thoughts": ("Thought record", "exercises:thought_record_new", ()),
    "cause:betrayal": ("Evidence of trustworthiness", "exercises:evidence_brick_list", ()),
}
DEFAULT_TOOLS = (
    ("Thought record", "exercises:thought_record_new", ()),
    ("Journal", "exercises:journal_entry_new", ()),
)
PHASE_TITLES = {
    "trust_history": "Trust history",
    "core_beliefs": "Core beliefs",
    "regulation": "Regulation and safety",
    "rebuilding": "Gradual rebuilding",
}


@dataclass(frozen=True)
class Link:
    title: str
    url_name: str
    url_args: tuple = ()

    @property
    def url(self) -> str:
        return reverse(self.url_name, args=self.url_args)


@dataclass
class Plan:
    start_phase: str
    start_title: str
    start_why: str
    steps: list[tuple[str, Link]] = field(default_factory=list)  # three (sentence, link)
    tools: list[Link] = field(default_factory=list)
    note: str = ""  # a word about what brought them, when it matters
    took_self_check: bool = False


def _tools(signals, start_phase: str) -> list[Link]:
    found: list[Link] = []
    for signal in signals:
        if signal in SIGNAL_TOOLS:
            link = Link(*SIGNAL_TOOLS[signal])
            if link not in found:
                found.append(link)
    for spec in DEFAULT_TOOLS:
        link = Link(*spec)
        if len(found) >= 3:
            break
        if link not in found:
            found.append(link)
    return found[:3]


def plan_for(*, joined_for: str, profile, is_client: bool) -> Plan:
    start = profile.start_phase or "trust_history"
    plan = Plan(
        start_phase=start,
        start_title=profile.start_phase_title or PHASE_TITLES.get(start, "Trust history"),
        start_why=profile.start_phase_why
        or "Your trust history is where the program begins: the events that shaped how you trust.",
        took_self_check=not profile.is_empty,
    )
    first_tool = Link(*PHASE_TOOL.get(start, PHASE_TOOL["trust_history"]))
    if is_client:
        begin = f"Begin the program in “{plan.start_title}”: short lessons, at your own pace."
        plan.steps.append((begin, Link("The program", "program:overview")))
    else:
        plan.steps.append(("Read a short guide on how trust is rebuilt.", Link("The library", "learn:index")))
    plan.steps.append((f"Try one tool that fits: {first_tool.title.lower()}.", first_tool))
    plan.steps.append(("Check in on Today: thirty seconds, once a day, when you like.", Link("Today", "core:home")))
    plan.tools = _tools(profile.signals, start)
    if joined_for == "partner_and_me":
        plan.note = (
            "You chose “my partner and me”. TrustRepair works with each person on their own trust, so this plan "
            "is yours. Your partner is welcome to make an account of their own."
        )
    elif joined_for == "supporting":
        plan.note = (
            "You chose “supporting someone”. Understanding how trust works, in yourself too, is the best support "
            "you can give; the library has guides for that."
        )
    return plan
