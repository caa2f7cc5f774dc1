"""The registry through which each app contributes to "download my data" and "erase my account".

An app registers once, in its AppConfig.ready():

    privacy.register("exercises.thought_records", export=export_thought_records, erase=erase_thought_records)

`export(user)` returns JSON-serialisable data (never another person's); `erase(user)` deletes the
person's content. Erasure runs every eraser, then deletes the account itself; what must be kept for
the record (audit events) keeps no link to the person.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class Contributor:
    name: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None


_registry: dict[str, Contributor] = {}


def register(name: str, *, export: Callable[[Any], Any], erase: Callable[[Any], None] | None = None) -> None:
    _registry[name] = Contributor(name=name, export=export, erase=erase)


def contributors() -> list[Contributor]:
    return [_registry[name] for name in sorted(_registry)]


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def export_user_data(user) -> dict:
    data = {
        "format": "trustrepair-export/1",
        "exported_at": timezone.now().isoformat(),
        "sections": {c.name: _jsonable(c.export(user)) for c in contributors()},
    }
    return data


def erase_user(user) -> None:
    with transaction.atomic():
        for contributor in contributors():
            if contributor.erase is not None:
                contributor.erase(user)
        user.delete()
