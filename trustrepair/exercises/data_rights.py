"""What the tools contribute to "download my data" and "erase my account" (core.privacy).

Every tool in tools.TOOLS is registered, with its children (emotions, ratings, attempts, check-ins), so
a new tool cannot be forgotten. Exports hold decrypted text: it is the person's own copy.
"""

from trustrepair.core import privacy
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


def register_all() -> None:
    privacy.register("exercises.daily_reminder", export=export_rhythm, erase=erase_rhythm)
    for tool in TOOLS:
        privacy.register(f"exercises.{tool.key}s", export=_exporter(tool), erase=_eraser(tool))
