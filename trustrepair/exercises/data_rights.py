"""What the tools contribute to "download my data" and "erase my account" (core.privacy).

Every tool in tools.TOOLS is registered, with its children (emotions, ratings, attempts, check-ins), so
a new tool cannot be forgotten. Exports hold decrypted text: it is the person's own copy.
"""

from trustrepair.core import data_copy, privacy
from trustrepair.exercises import distortions
from trustrepair.exercises.models import (
    BeliefRating,
    LadderAttempt,
    PromiseCheckIn,
    ThoughtEmotion,
)
from trustrepair.exercises.tools import TOOLS

SKIP = {"id", "owner"}


def _row(obj) -> dict:
    return {f.name: getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.name not in SKIP}


def _child_rows(objs, parent_field: str) -> list[dict]:
    return [{k: v for k, v in _row(o).items() if k != parent_field} for o in objs]


def export_tool(tool, user) -> list[dict]:
    rows = []
    for entry in tool.model.objects.filter(owner=user).order_by("created_at", "id").iterator(chunk_size=500):
        rows.append(_row(entry))
    children = _children(tool, user)
    if children:
        for row in rows:
            row.update(children.get(row["public_id"], {}))
    if tool.key == "thought_record":
        _add_distortions(user, rows)
    return rows


def _children(tool, user) -> dict:
    spec = {
        "thought_record": (ThoughtEmotion, "record", "emotions"),
        "core_belief": (BeliefRating, "belief", "ratings"),
        "ladder_step": (LadderAttempt, "step", "attempts"),
        "self_promise": (PromiseCheckIn, "promise", "check_ins"),
    }.get(tool.key)
    if spec is None:
        return {}
    model, parent, name = spec
    grouped: dict = {}
    qs = model.objects.filter(**{f"{parent}__owner": user}).select_related(parent).order_by("id")
    for child in qs.iterator(chunk_size=500):
        parent_id = getattr(child, parent).public_id
        grouped.setdefault(parent_id, {name: []})[name].extend(_child_rows([child], parent))
    return grouped


def _add_distortions(user, rows) -> None:
    from trustrepair.exercises.models import ThoughtRecord

    through = ThoughtRecord.custom_distortions.through.objects.filter(thoughtrecord__owner=user).values_list(
        "thoughtrecord__public_id", "customdistortion__public_id"
    )
    custom: dict = {}
    for record_id, distortion_id in through:
        custom.setdefault(record_id, []).append(distortion_id)
    for row in rows:
        row["distortion_names"] = [d.name for d in distortions.named(row["distortions"])]
        row["custom_distortions"] = custom.get(row["public_id"], [])


def _exporter(tool):
    return lambda user: export_tool(tool, user)


def _eraser(tool):
    return lambda user: tool.model.objects.filter(owner=user).delete()


def export_rhythm(user) -> dict:
    from trustrepair.exercises.models import DailyRhythm

    rhythm = DailyRhythm.objects.filter(owner=user).first()
    return {} if rhythm is None else {k: v for k, v in _row(rhythm).items() if k != "id"}


def erase_rhythm(user) -> None:
    from trustrepair.exercises.models import DailyRhythm

    DailyRhythm.objects.filter(owner=user).delete()


# ---- in words: the Your-data page, the printable copy and the CSV files (issue 11, item 9) ----------

WORDS = {  # tool key: (label, one line in plain words); a tool missing here falls back to its title and summary
    "trust_event": ("Trust history", "The events that shaped how you trust, and how much each one did."),
    "core_belief": ("Core beliefs", "The beliefs you wrote down, and how strongly you held them over time."),
    "thought_record": ("Thought records", "Each thought you slowed down, with your feelings before and after."),
    "journal_entry": ("Journal entries", "What you wrote in your journal."),
    "trigger_log": ("Trigger and urge log", "Moments an urge came, what you did, and what helped."),
    "fear_prediction": ("Fear predictions", "Fears written as predictions, and what actually happened."),
    "ladder_step": ("Trust ladder", "The trusting acts on your ladder, and each time you tried one."),
    "evidence_brick": ("Evidence of trustworthiness", "Moments of reliability, honesty and care you noticed."),
    "self_promise": ("Promises to yourself", "Your promises, and the days you kept them."),
    "need_statement": ("Needs and boundaries", "What helps you feel secure, in words ready to share."),
    "communication_script": ("Communication scripts", "Ways of asking for reassurance, in your own words."),
    "daily_check_in": (
        "Daily check-ins",
        "Your mood, how much you trusted people, and your strongest urge, day by day.",
    ),
    "distortion": ("Your own thinking traps", "Thinking traps you named yourself."),
}
CHILDREN = {  # tool key: (related name, column title, one child in words)
    "thought_record": (
        "emotions",
        "Feelings (before → after)",
        lambda c, zone: (
            f"{c.name} {c.intensity_before}" + ("" if c.intensity_after is None else f" → {c.intensity_after}")
        ),
    ),
    "core_belief": (
        "ratings",
        "How strongly you believed it",
        lambda c, zone: f"{c.strength} ({data_copy.when(c.rated_at, zone)})",
    ),
    "ladder_step": (
        "attempts",
        "Tries (distress before → after)",
        lambda c, zone: (
            f"{data_copy.when(c.tried_at, zone)}: {c.distress_before} → {c.distress_after}"
            + (f", {c.notes}" if c.notes else "")
        ),
    ),
    "self_promise": (
        "check_ins",
        "Days checked",
        lambda c, zone: f"{data_copy.when(c.day, zone)}: {'kept' if c.kept else 'not kept'}",
    ),
}
TABLE_SKIP = SKIP | {"public_id", "last_step"}
COLUMN_WORDS = {
    "created_at": "Written",
    "updated_at": "Last changed",
    "completed_at": "Finished",
    "is_draft": "Still a draft",
}


def _field_label(f) -> str:
    text = COLUMN_WORDS.get(f.name) or str(f.verbose_name)
    return text[:1].upper() + text[1:]


def field_labels(tool) -> dict:
    """Labels for the export's keys, from the models' own field names, children included."""
    labels = {f.name: _field_label(f) for f in tool.model._meta.concrete_fields}
    for model in (ThoughtEmotion, BeliefRating, LadderAttempt, PromiseCheckIn):
        labels.update({f.name: _field_label(f) for f in model._meta.concrete_fields if f.name not in labels})
    labels.update(
        emotions="Feelings",
        ratings="How strongly you believed it",
        attempts="Tries",
        check_ins="Days checked",
        distortion_names="Thinking traps",
        distortions=None,  # the slugs; their names are in distortion_names
        custom_distortions=None,  # ids of the person's own traps, listed under their own section
        last_step=None,
        is_draft="Still a draft",
    )
    return labels


def _json_cell(tool, name: str, value, zone) -> str:
    if name == "moods":
        from trustrepair.exercises.models import DailyCheckIn

        words = dict(DailyCheckIn.Mood.choices)
        return "; ".join(words.get(v, v) for v in value or [])
    if name == "distortions":
        return "; ".join(d.name for d in distortions.named(value or []))
    return data_copy.plain(value, zone)


def table(tool, user) -> tuple[list[str], list[list]]:
    """One row per entry, column titles in words, choices by their label, times in the person's zone."""
    zone = data_copy.zone_for(user)
    fields = [f for f in tool.model._meta.concrete_fields if f.name not in TABLE_SKIP]
    headers = [_field_label(f) for f in fields]
    child = CHILDREN.get(tool.key)
    queryset = tool.model.objects.filter(owner=user).order_by("created_at", "id")
    if child:
        headers.append(child[1])
        queryset = queryset.prefetch_related(child[0])
    if tool.key == "thought_record":
        headers.append("Your own thinking traps")
        queryset = queryset.prefetch_related("custom_distortions")
    rows = []
    for entry in queryset.iterator(chunk_size=500):
        row = []
        for f in fields:
            value = getattr(entry, f.attname)
            if f.choices:
                row.append(getattr(entry, f"get_{f.name}_display")())
            elif f.get_internal_type() == "JSONField":
                row.append(_json_cell(tool, f.name, value, zone))
            elif isinstance(value, str):
                row.append(value)  # what the person wrote, exactly (even if it looks like a date)
            else:
                row.append(data_copy.plain(value, zone))
        if child:
            row.append("; ".join(child[2](c, zone) for c in getattr(entry, child[0]).all()))
        if tool.key == "thought_record":
            row.append("; ".join(d.name for d in entry.custom_distortions.all()))
        rows.append(row)
    return headers, rows


def copy_tool(tool, user) -> list[dict]:
    """The export with each choice in words ("Rode it out", not its code), for the printable copy."""
    from trustrepair.exercises.models import DailyCheckIn

    choices = {f.name: dict(f.choices) for f in tool.model._meta.concrete_fields if f.choices}
    moods = dict(DailyCheckIn.Mood.choices)
    rows = export_tool(tool, user)
    for row in rows:
        for name, words in choices.items():
            if name in row:
                row[name] = words.get(row[name], row[name])
        if isinstance(row.get("moods"), list):
            row["moods"] = [moods.get(m, m) for m in row["moods"]]
    return rows


def _copy(tool):
    return lambda user: copy_tool(tool, user)


def _table(tool):
    return lambda user: table(tool, user)


def register_all() -> None:
    privacy.register(
        "exercises.daily_reminder",
        export=export_rhythm,
        erase=erase_rhythm,
        label="Practice reminder",
        description="Whether, and at what time, you asked to be reminded to practise.",
        fields={
            "remind": "Remind me to practise",
            "remind_at": "At",
            "last_reminded_on": "Last reminded",
            "last_used_on": "Last practised",
            "owner": None,
        },
    )
    for tool in TOOLS:
        label, description = WORDS.get(tool.key, (tool.title, tool.summary))
        privacy.register(
            f"exercises.{tool.key}s",
            export=_exporter(tool),
            erase=_eraser(tool),
            label=label,
            description=description,
            fields=field_labels(tool),
            copy=_copy(tool),
            table=_table(tool),
        )
