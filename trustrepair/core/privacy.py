"""The registry through which each app contributes to "download my data" and "erase my account".

An app registers once, in its AppConfig.ready():

    privacy.register(
        "exercises.thought_records",
        export=export_thought_records,
        erase=erase_thought_records,
        label="Thought records",
        description="Each thought you slowed down, with the feelings before and after.",
    )

`export(user)` returns JSON-serialisable data (never another person's); `erase(user)` deletes the
person's content. The name is an internal key (the JSON file's section name); people only ever see the
`label` and `description`, in plain words. `sensitive` sections (the safety plan, the times help was
shown) start unticked in the printable copy. Optional extras, each over the same person's data only:
`fields` names the keys of the export for the printable copy, `copy(user)` gives a friendlier shape
for it, `table(user)` gives (column titles, rows) for a CSV file, and `fhir(user)` gives FHIR resources
for the health-record download (core.data_copy). Erasure runs every eraser, then deletes the account
itself; what must be kept for the record (audit events) keeps no link to the person.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify


@dataclass(frozen=True)
class Contributor:
    name: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None
    label: str = ""
    description: str = ""
    sensitive: bool = False
    fields: dict = field(default_factory=dict)
    copy: Callable[[Any], Any] | None = None
    table: Callable[[Any], tuple[list[str], list[list]]] | None = None
    fhir: Callable[[Any], list[dict]] | None = None
    labelled: bool = True  # False when registered without a label (a test asks for one)

    @property
    def slug(self) -> str:
        """The section's name in addresses and form fields: from its label, never the internal key."""
        return slugify(self.label)


_registry: dict[str, Contributor] = {}


def _default_label(name: str) -> str:
    return name.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def register(
    name: str,
    *,
    export: Callable[[Any], Any],
    erase: Callable[[Any], None] | None = None,
    label: str = "",
    description: str = "",
    sensitive: bool = False,
    fields: dict | None = None,
    copy: Callable[[Any], Any] | None = None,
    table: Callable[[Any], tuple[list[str], list[list]]] | None = None,
    fhir: Callable[[Any], list[dict]] | None = None,
) -> None:
    _registry[name] = Contributor(
        name=name,
        export=export,
        erase=erase,
        label=label or _default_label(name),
        description=description,
        sensitive=sensitive,
        fields=dict(fields or {}),
        copy=copy,
        table=table,
        fhir=fhir,
        labelled=bool(label),
    )


def contributors() -> list[Contributor]:
    return [_registry[name] for name in sorted(_registry)]


def for_people() -> list[Contributor]:
    """The sections in the order a person reads them: by their label."""
    return sorted(_registry.values(), key=lambda c: c.label.lower())


def by_slug(slug: str) -> Contributor | None:
    return next((c for c in _registry.values() if c.slug == slug), None)


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
