"""The scope registry: everything a client can choose to share with a therapist in their care.

A scope has a key, the words the client reads (label, description, which caseload signals it feeds) and a
reader: `reader(client, entry_ids)` returns the `SharedItem`s the therapist may see, where `entry_ids` is
None when the whole scope is shared, or the set of single entries the client chose. Scopes whose items can
be chosen one by one also have `entries(client)`, the list the client picks from.

Keys: "measures", "program", "checkins", "safety_plan", "risk_alerts", "tool:<exercises tool key>" for each
tool, and "couples". Another app plugs into a scope without clinic importing it:

    from trustrepair.clinic import scopes
    scopes.supply_reader("checkins", reader=my_reader, entries=my_entries)   # in that app's AppConfig.ready()

or registers a scope of its own with `scopes.register(...)`. A scope without a reader shares nothing.

Readers are plain functions called on each request; nothing here caches who may see what (selectors.py
decides that from the database, every time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class SharedItem:
    """One thing a therapist sees: what it is, when, and a few labelled lines of its content."""

    kind: str  # e.g. "Thought record", "PHQ-9"
    when: dt.datetime | dt.date | None
    lines: tuple[tuple[str, str], ...] = ()
    entry_id: str = ""
    title: str = ""


Reader = Callable[..., list[SharedItem]]  # (client, entry_ids: frozenset[str] | None) -> list[SharedItem]
EntryLister = Callable[..., list[tuple[str, str]]]  # (client) -> [(entry_id, label)]


@dataclass(frozen=True)
class Scope:
    key: str
    label: str
    description: str
    caseload_signals: str = ""  # what of this scope counts on the caseload, in words; "" = nothing
    reader: Reader | None = None
    entries: EntryLister | None = None
    order: int = 100

    @property
    def allows_single_entries(self) -> bool:
        return self.entries is not None

    def read(self, client, entry_ids: frozenset[str] | None = None) -> list[SharedItem]:
        if self.reader is None:
            return []
        return self.reader(client, entry_ids)

    def choices(self, client) -> list[tuple[str, str]]:
        return self.entries(client) if self.entries is not None else []


_REGISTRY: dict[str, Scope] = {}


def register(
    key: str,
    *,
    label: str,
    description: str,
    reader: Reader | None = None,
    entries: EntryLister | None = None,
    caseload_signals: str = "",
    order: int = 100,
) -> Scope:
    """Declare a scope (idempotent: registering the same key again replaces it, keeping a supplied reader
    when the new declaration has none)."""
    existing = _REGISTRY.get(key)
    scope = Scope(
        key=key,
        label=label,
        description=description,
        caseload_signals=caseload_signals,
        reader=reader or (existing.reader if existing else None),
        entries=entries or (existing.entries if existing else None),
        order=order,
    )
    _REGISTRY[key] = scope
    return scope


def supply_reader(key: str, *, reader: Reader, entries: EntryLister | None = None) -> Scope:
    """The app that owns a scope's data supplies its reader (and, optionally, single-entry choices)."""
    if key not in _REGISTRY:
        raise KeyError(f"No scope {key!r} is registered; register it first.")
    scope = replace(_REGISTRY[key], reader=reader, entries=entries or _REGISTRY[key].entries)
    _REGISTRY[key] = scope
    return scope


def get(key: str) -> Scope | None:
    return _REGISTRY.get(key)


def all_scopes() -> list[Scope]:
    return sorted(_REGISTRY.values(), key=lambda s: (s.order, s.key))


def all_keys() -> set[str]:
    return set(_REGISTRY)


def tool_key(tool_key_: str) -> str:
    return f"tool:{tool_key_}"


@dataclass
class Preview:
    """Exactly what a therapist would see under one scope, for the client's preview."""

    scope: Scope
    items: list[SharedItem] = field(default_factory=list)


def register_builtin_scopes() -> None:
    """The scopes clinic declares; their readers live in clinic/readers.py (reading other apps only through
    their selectors), except check-ins and couples, whose readers the owning apps supply."""
    from trustrepair.clinic import readers

    register(
        "measures",
        label="Questionnaires and their history",
        description="Every questionnaire you complete, its scores over time and whether a change is reliable. "
        "Your item-by-item answers stay with you.",
        caseload_signals="A reliable worsening on any questionnaire moves you up your therapist's list, "
        "and so does a questionnaire your therapist asked for that is overdue.",
        reader=readers.measures,
        order=10,
    )
    register(
        "program",
        label="Program progress",
        description="Which phase of the program you are in and which steps you have finished. Not what you wrote.",
        reader=readers.program,
        order=20,
    )
    register(
        "checkins",
        label="Daily check-ins",
        description="Your daily check-ins: how each day felt, on the scales you rated.",
        order=30,
    )
    register(
        "safety_plan",
        label="Safety plan",
        description="Your safety plan, as it stands, so your therapist can go through it with you.",
        reader=readers.safety_plan,
        order=40,
    )
    register(
        "risk_alerts",
        label="Alerts when you might be at risk",
        description="When something you write or answer opens the crisis help, or you answer Yes or Not sure to "
        "the safety question, your therapist is told that you may need support. Not your words, and no score.",
        caseload_signals="An alert goes to the top of your therapist's list until they have acknowledged it.",
        reader=readers.risk_alerts,
        order=50,
    )
    for tool in readers.tool_list():
        register(
            tool_key(tool.key),
            label=tool.title,
            description=f"{tool.summary} Share all of them, or choose single entries.",
            reader=readers.tool_reader(tool),
            entries=readers.tool_entries(tool),
            order=60,
        )
    register(
        "couples",
        label="Shared couples items",
        description="Joint items from your shared space with your partner. One reaches your therapist only when "
        "both of you have shared your parts.",
        order=90,
    )
