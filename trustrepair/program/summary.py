"""The printable progress summary: the entries a person may choose to include, and what each prints as.

Nothing personal is printed unless the person ticks it. Each kind offers its most recent entries (a fixed
number, so the page costs the same however much someone has written), read through the tools' selectors.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from trustrepair.exercises import selectors as tools
from trustrepair.program import selectors as program_selectors

PER_KIND = 10


@dataclass(frozen=True)
class Choice:
    value: str  # "<kind>:<public_id>"
    label: str
    heading: str
    lines: list[tuple[str, str]] = field(default_factory=list)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _day(moment) -> str:
    if hasattr(moment, "hour"):
        moment = timezone.localtime(moment).date()
    return f"{moment.day} {moment:%b %Y}"


def _core_beliefs(user):
    for b in tools.core_beliefs_for(user)[:PER_KIND]:
        lines = [("Belief", b.belief)]
        if b.first_strength is not None:
            lines.append(("Strength", f"{b.first_strength} at first, {b.current_strength} most recently (0–100)"))
        if b.evidence_against:
            lines.append(("Evidence against it", b.evidence_against))
        if b.balanced_belief:
            lines.append(("A more balanced belief", b.balanced_belief))
        yield Choice(f"core_belief:{b.public_id}", _short(b.belief), "Core belief", lines)


def _thought_records(user):
    for r in tools.thought_records_for(user)[:PER_KIND]:
        emotions = ", ".join(
            f"{e.name} {e.intensity_before}" + (f" → {e.intensity_after}" if e.intensity_after is not None else "")
            for e in r.emotions.all()
        )
        lines = [("Situation", r.situation), ("Automatic thought", r.automatic_thought)]
        if emotions:
            lines.append(("Emotions (0–100, before → after)", emotions))
        if r.evidence_for:
            lines.append(("Evidence for", r.evidence_for))
        if r.evidence_against:
            lines.append(("Evidence against", r.evidence_against))
        if r.balanced_thought:
            lines.append(("Balanced thought", r.balanced_thought))
        yield Choice(
            f"thought_record:{r.public_id}",
            f"{_day(r.created_at)}: {_short(r.automatic_thought, 60)}",
            f"Thought record, {_day(r.created_at)}",
            lines,
        )


def _fear_predictions(user):
    for f in tools.fear_predictions_for(user)[:PER_KIND]:
        lines = [
            ("Prediction", f.prediction),
            ("How sure", f"{f.confidence} out of 100"),
            ("Outcome", f.get_outcome_display()),
        ]
        if f.what_happened:
            lines.append(("What actually happened", f.what_happened))
        yield Choice(
            f"fear_prediction:{f.public_id}", _short(f.prediction), f"Fear prediction, {_day(f.created_at)}", lines
        )


def _needs(user):
    for n in tools.need_statements_for(user)[:PER_KIND]:
        yield Choice(f"need_statement:{n.public_id}", _short(n.statement), n.get_kind_display(), [("", n.statement)])


def _scripts(user):
    for s in tools.communication_scripts_for(user)[:PER_KIND]:
        yield Choice(
            f"communication_script:{s.public_id}", _short(s.title), "Communication script", [(s.title, s.text)]
        )


def _journal(user):
    for j in tools.journal_entries_for(user)[:PER_KIND]:
        yield Choice(
            f"journal_entry:{j.public_id}",
            f"{_day(j.created_at)}: {_short(j.body, 60)}",
            f"Journal, {_day(j.created_at)}",
            [(j.get_prompt_display(), j.body)],
        )


def _trust_events(user):
    for e in tools.trust_events_for(user)[:PER_KIND]:
        when = f"age {e.age}" if e.age is not None else _day(e.happened_on)
        lines = [("When", when), ("What happened", e.what_happened), ("Impact", f"{e.impact} out of 10")]
        if e.who:
            lines.insert(1, ("Who", e.who))
        yield Choice(f"trust_event:{e.public_id}", f"{when}: {_short(e.what_happened, 60)}", "Trust history", lines)


def _setbacks(user):
    for s in program_selectors.setbacks_for(user, limit=PER_KIND):
        lines = [("When", _day(s.happened_on))]
        if s.what_happened:
            lines.append(("What happened", s.what_happened))
        if s.what_might_help:
            lines.append(("What might help", s.what_might_help))
        yield Choice(f"setback:{s.public_id}", f"Setback, {_day(s.happened_on)}", "Setback", lines)


KINDS = [
    ("Core beliefs", _core_beliefs),
    ("Thought records", _thought_records),
    ("Fear predictions", _fear_predictions),
    ("Needs and boundaries", _needs),
    ("Communication scripts", _scripts),
    ("Trust history", _trust_events),
    ("Journal entries", _journal),
    ("Setbacks", _setbacks),
]


def choices_for(user) -> list[tuple[str, list[Choice]]]:
    """(group name, [Choice, …]) for every kind with entries: what the person may tick."""
    groups = []
    for name, build in KINDS:
        found = list(build(user))
        if found:
            groups.append((name, found))
    return groups
