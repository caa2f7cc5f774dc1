"""What each built-in scope shows a therapist, read from other apps only through their selectors.

Readers take (client, entry_ids): entry_ids is None for a whole scope, or the set of single entries shared.
They never return a client's item-by-item questionnaire answers, risk categories or the crisis excerpt.
"""

from __future__ import annotations

from django.db import models
from django.utils.text import capfirst

from trustrepair.clinic.scopes import SharedItem
from trustrepair.core.fields import EncryptedTextField

MAX_LINE = 600


def measures(client, entry_ids=None) -> list[SharedItem]:
    from trustrepair.measures import registry
    from trustrepair.measures import selectors as measures_selectors

    items = []
    for a in measures_selectors.current_history_for(client):
        instrument = registry.get(a.instrument_id)
        title = instrument.title if instrument else a.instrument_id
        lines = [("Total", f"{a.total:g}" if a.total is not None else "—")]
        if a.band:
            lines.append(("Range", a.band))
        items.append(SharedItem(kind=title, when=a.completed_at, lines=tuple(lines), entry_id=str(a.public_id)))
    return items


def program(client, entry_ids=None) -> list[SharedItem]:
    from trustrepair.program import selectors as program_selectors

    enrolment = program_selectors.enrolment_for(client)
    if enrolment is None:
        return []
    done = program_selectors.completions_for(client)
    return [
        SharedItem(
            kind="Program",
            when=enrolment.started_at,
            lines=(
                ("Current phase", enrolment.current_phase.replace("-", " ").capitalize()),
                ("Steps done", str(len(done))),
            ),
        )
    ]


def safety_plan(client, entry_ids=None) -> list[SharedItem]:
    from trustrepair.safety import selectors as safety_selectors

    plan = safety_selectors.safety_plan_for(client)
    if plan is None or plan.is_empty:
        return []
    lines = tuple((label, text) for _name, label, text in plan.sections() if text.strip())
    return [SharedItem(kind="Safety plan", when=plan.updated_at, lines=lines)]


def risk_alerts(client, entry_ids=None) -> list[SharedItem]:
    from trustrepair.clinic.models import RiskAlert

    return [
        SharedItem(
            kind="Alert",
            when=alert.raised_at,
            lines=(
                ("Raised by", alert.get_origin_display()),
                ("Acknowledged", "yes" if alert.acknowledged_at else "not yet"),
            ),
            entry_id=str(alert.public_id),
        )
        for alert in RiskAlert.objects.filter(relationship__client=client).order_by("-raised_at")[:50]
    ]


CHECK_IN_TOOL = "daily_check_in"  # shared under its own "checkins" scope, not as a tool category


def tool_list():
    from trustrepair.exercises.tools import TOOLS

    return [tool for tool in TOOLS if tool.show_in_index and tool.key != CHECK_IN_TOOL]


def checkins(client, entry_ids=None) -> list[SharedItem]:
    from trustrepair.exercises.tools import BY_KEY

    return tool_reader(BY_KEY[CHECK_IN_TOOL])(client, None)


def _text_fields(model) -> list[models.Field]:
    skip = {"public_id"}
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField | EncryptedTextField | models.IntegerField)
        and not f.primary_key
        and f.name not in skip
        and not f.name.endswith("_id")
    ]


def _lines(entry) -> tuple[tuple[str, str], ...]:
    out = []
    for f in _text_fields(type(entry)):
        value = getattr(entry, f.name)
        if value in (None, ""):
            continue
        display = getattr(entry, f"get_{f.name}_display", None)
        text = str(display() if callable(display) and f.choices else value)
        out.append((capfirst(str(f.verbose_name)), text[:MAX_LINE]))
    return tuple(out)


def tool_reader(tool):
    def read(client, entry_ids=None) -> list[SharedItem]:
        # Every text field is shown here, so none stays deferred (the list pages' selectors defer the long ones;
        # reading them one row at a time cost four queries per entry).
        entries = tool.list_selector(client).defer(None)
        if entry_ids is not None:
            entries = entries.filter(public_id__in=list(entry_ids))
        return [
            SharedItem(kind=tool.title, when=e.created_at, lines=_lines(e), entry_id=str(e.public_id))
            for e in entries[:200]
        ]

    return read


def tool_entries(tool):
    def entries(client) -> list[tuple[str, str]]:
        return [
            (str(e.public_id), f"{tool.noun.capitalize()} of {e.created_at:%d %b %Y}")
            for e in tool.list_selector(client)[:200]
        ]

    return entries
