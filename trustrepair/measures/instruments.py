"""Instrument definitions: JSON data files, checked against a schema when they are loaded.

Pure Python (no Django), so it is fast to test. One file per instrument in `instruments/`; a clinic
that holds a licence for a scale whose text we may not ship adds a *completion* file in its own
directory (settings or env `MEASURES_EXTRA_DIR`), with no code change:

    {"completes": "ecr_r", "version": "clinic-1", "licence": {"notice": "Used with permission of ..."},
     "items": [{"id": "1", "text": "..."}, ...]}

Any file there may also be a complete instrument of its own. Errors name the file and the field.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BUILTIN_DIR = Path(__file__).resolve().parent / "instruments"

KINDS = {"symptom", "self_check", "checklist", "attachment", "trust"}
METHODS = {"sum", "mean", "subscale_means", "count"}
DIRECTIONS = {"worse", "better", "neutral"}
MISSING_RULES = {"complete", "absent_is_zero"}


class InstrumentFileError(ValueError):
    """An instrument file is wrong. The message names the file and the field."""

    def __init__(self, path: Path | str, field_name: str, problem: str):
        self.path, self.field, self.problem = str(path), field_name, problem
        super().__init__(f"{Path(path).name}: field '{field_name}': {problem}")


@dataclass(frozen=True)
class Option:
    value: int
    label: str
    code: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    text: str = ""
    code: str = ""
    tags: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()  # only for unscored items with their own answers


@dataclass(frozen=True)
class Subscale:
    id: str
    title: str
    items: tuple[str, ...]
    higher_is: str = "worse"


@dataclass(frozen=True)
class Band:
    min: float
    max: float
    label: str
    meaning: str

    def contains(self, value: float) -> bool:
        return self.min <= value <= self.max


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    title: str
    short_title: str
    kind: str
    educational: bool
    summary: str
    citation: str
    licence_notice: str
    item_text_free: bool
    stem: str
    response_options: tuple[Option, ...]
    items: tuple[Item, ...]
    unscored_items: tuple[Item, ...]
    reverse_items: frozenset[str]
    subscales: tuple[Subscale, ...]
    method: str
    higher_is: str
    bands: tuple[Band, ...]
    band_source: str
    missing_rule: str
    missing_note: str
    reliable_change: dict | None
    clinical_cutoff: dict | None
    safety_items: tuple[str, ...]
    presentation: str = "radios"
    allows_note: bool = False
    safety_message: str = ""  # shown with a link to crisis support when a safety item is above 0
    fhir: dict = field(default_factory=dict)
    source: str = ""
    completed_by: str = ""  # the completion file that supplied the item texts, if any

    @property
    def is_complete(self) -> bool:
        """True when every item has its text, so the instrument can be offered for taking."""
        return all(item.text for item in self.items + self.unscored_items)

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    @property
    def min_value(self) -> int:
        return min(o.value for o in self.response_options)

    @property
    def max_value(self) -> int:
        return max(o.value for o in self.response_options)

    def item(self, item_id: str) -> Item:
        for item in self.items + self.unscored_items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def options_for(self, item: Item) -> tuple[Option, ...]:
        return item.options or self.response_options

    def total_range(self) -> tuple[float, float] | None:
        n = len(self.items)
        if self.method == "sum":
            if any(item.options for item in self.items):
                lows = [min(o.value for o in self.options_for(i)) for i in self.items]
                highs = [max(o.value for o in self.options_for(i)) for i in self.items]
                return sum(lows), sum(highs)
            return n * self.min_value, n * self.max_value
        if self.method == "count":
            return 0, n
        if self.method == "mean":
            return self.min_value, self.max_value
        return None

    def subscale(self, subscale_id: str) -> Subscale:
        for s in self.subscales:
            if s.id == subscale_id:
                return s
        raise KeyError(subscale_id)


# ---- the schema ------------------------------------------------------------------------------------
def _need(data: dict, key: str, kind, path, where: str = "", *, optional: bool = False):
    name = f"{where}{key}"
    if key not in data or data[key] is None:
        if optional:
            return None
        raise InstrumentFileError(path, name, "is required")
    value = data[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if bool in kinds and not isinstance(value, bool):
        raise InstrumentFileError(path, name, f"must be {kind_name(kinds)}")
    if bool not in kinds and (isinstance(value, bool) or not isinstance(value, kinds)):
        raise InstrumentFileError(path, name, f"must be {kind_name(kinds)}")
    if isinstance(value, str) and not value.strip() and key not in {"text"}:
        raise InstrumentFileError(path, name, "must not be empty")
    return value


def kind_name(kinds) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        list: "a list",
        dict: "an object",
        bool: "true or false",
    }
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _options(raw, path, where) -> tuple[Option, ...]:
    if not isinstance(raw, list) or len(raw) < 2:
        raise InstrumentFileError(path, where, "must list at least two answers")
    options = []
    for n, o in enumerate(raw):
        if not isinstance(o, dict):
            raise InstrumentFileError(path, f"{where}[{n}]", "must be an object")
        options.append(
            Option(
                value=_need(o, "value", int, path, f"{where}[{n}]."),
                label=_need(o, "label", str, path, f"{where}[{n}]."),
                code=o.get("code", "") or "",
            )
        )
    if len({o.value for o in options}) != len(options):
        raise InstrumentFileError(path, where, "answer values must differ")
    return tuple(options)


def _items(raw, path, where, *, own_options: bool = False) -> tuple[Item, ...]:
    if not isinstance(raw, list):
        raise InstrumentFileError(path, where, "must be a list")
    items = []
    for n, it in enumerate(raw):
        here = f"{where}[{n}]."
        if not isinstance(it, dict):
            raise InstrumentFileError(path, f"{where}[{n}]", "must be an object")
        text = it.get("text", "")
        if not isinstance(text, str):
            raise InstrumentFileError(path, here + "text", "must be text")
        tags = it.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise InstrumentFileError(path, here + "tags", "must be a list of text")
        options = _options(it["options"], path, here + "options") if own_options and "options" in it else ()
        items.append(
            Item(
                id=_need(it, "id", str, path, here),
                text=text,
                code=it.get("code", "") or "",
                tags=tuple(tags),
                options=options,
            )
        )
    ids = [i.id for i in items]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InstrumentFileError(path, where, f"item ids must be unique (repeated: {', '.join(duplicates)})")
    return tuple(items)


def _number(value, path, name) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InstrumentFileError(path, name, "must be a number")
    return value


def parse_instrument(data: Any, path: Path | str) -> Instrument:
    """Check one instrument's data against the schema and build it. Raises InstrumentFileError."""
    if not isinstance(data, dict):
        raise InstrumentFileError(path, "(file)", "must hold one JSON object")
    iid = _need(data, "id", str, path)
    if not iid.replace("_", "").isalnum() or not iid.islower():
        raise InstrumentFileError(path, "id", "must be lower-case letters, digits and underscores")
    kind = _need(data, "kind", str, path)
    if kind not in KINDS:
        raise InstrumentFileError(path, "kind", f"must be one of {sorted(KINDS)}")
    licence = _need(data, "licence", dict, path)
    options = _options(data.get("response_options"), path, "response_options")
    # A scored item may carry its own options when its scale differs from the rest (CSI-4 item 1 is 0–6,
    # items 2–4 are 0–5); options_for() and total_range() then use them.
    items = _items(_need(data, "items", list, path), path, "items", own_options=True)
    if not items:
        raise InstrumentFileError(path, "items", "must list at least one item")
    unscored = _items(data.get("unscored_items") or [], path, "unscored_items", own_options=True)
    known = {i.id for i in items}
    if known & {i.id for i in unscored}:
        raise InstrumentFileError(path, "unscored_items", "ids must differ from the scored items")
    reverse = data.get("reverse_items") or []
    for n, r in enumerate(reverse):
        if r not in known:
            raise InstrumentFileError(path, f"reverse_items[{n}]", f"names no item: {r!r}")
    subscales = []
    for n, s in enumerate(data.get("subscales") or []):
        here = f"subscales[{n}]."
        if not isinstance(s, dict):
            raise InstrumentFileError(path, f"subscales[{n}]", "must be an object")
        members = _need(s, "items", list, path, here)
        for m, member in enumerate(members):
            if member not in known:
                raise InstrumentFileError(path, f"{here}items[{m}]", f"names no item: {member!r}")
        direction = s.get("higher_is", "worse")
        if direction not in DIRECTIONS:
            raise InstrumentFileError(path, here + "higher_is", f"must be one of {sorted(DIRECTIONS)}")
        subscales.append(
            Subscale(
                id=_need(s, "id", str, path, here),
                title=_need(s, "title", str, path, here),
                items=tuple(members),
                higher_is=direction,
            )
        )
    scoring = _need(data, "scoring", dict, path)
    method = _need(scoring, "method", str, path, "scoring.")
    if method not in METHODS:
        raise InstrumentFileError(path, "scoring.method", f"must be one of {sorted(METHODS)}")
    if method == "subscale_means" and not subscales:
        raise InstrumentFileError(path, "subscales", "are required when scoring.method is subscale_means")
    higher_is = scoring.get("higher_is", "worse")
    if higher_is not in DIRECTIONS:
        raise InstrumentFileError(path, "scoring.higher_is", f"must be one of {sorted(DIRECTIONS)}")
    bands = []
    for n, b in enumerate(data.get("bands") or []):
        here = f"bands[{n}]."
        if not isinstance(b, dict):
            raise InstrumentFileError(path, f"bands[{n}]", "must be an object")
        lo, hi = _number(b.get("min"), path, here + "min"), _number(b.get("max"), path, here + "max")
        if lo > hi:
            raise InstrumentFileError(path, here + "max", "must not be below min")
        if bands and lo <= bands[-1].max:
            raise InstrumentFileError(path, here + "min", "bands must be in order and must not overlap")
        bands.append(Band(lo, hi, _need(b, "label", str, path, here), _need(b, "meaning", str, path, here)))
    missing = _need(data, "missing", dict, path)
    rule = _need(missing, "rule", str, path, "missing.")
    if rule not in MISSING_RULES:
        raise InstrumentFileError(path, "missing.rule", f"must be one of {sorted(MISSING_RULES)}")
    rc = data.get("reliable_change")
    if rc is not None:
        if not isinstance(rc, dict):
            raise InstrumentFileError(path, "reliable_change", "must be an object or null")
        if "threshold" in rc:
            if _number(rc["threshold"], path, "reliable_change.threshold") <= 0:
                raise InstrumentFileError(path, "reliable_change.threshold", "must be above 0")
        else:
            if _number(rc.get("sd"), path, "reliable_change.sd") <= 0:
                raise InstrumentFileError(path, "reliable_change.sd", "must be above 0")
            r = _number(rc.get("reliability"), path, "reliable_change.reliability")
            if not 0 < r < 1:
                raise InstrumentFileError(path, "reliable_change.reliability", "must be between 0 and 1")
        _need(rc, "source", str, path, "reliable_change.")
    cutoff = data.get("clinical_cutoff")
    if cutoff is not None:
        if not isinstance(cutoff, dict):
            raise InstrumentFileError(path, "clinical_cutoff", "must be an object or null")
        _number(cutoff.get("value"), path, "clinical_cutoff.value")
    safety = data.get("safety_items") or []
    if not isinstance(safety, list):
        raise InstrumentFileError(path, "safety_items", "must be a list")
    for n, s in enumerate(safety):
        if s not in known:
            raise InstrumentFileError(path, f"safety_items[{n}]", f"names no item: {s!r}")
    if safety and not data.get("safety_message"):
        raise InstrumentFileError(path, "safety_message", "is required when safety_items are listed")
    presentation = data.get("presentation", "radios")
    if presentation not in {"radios", "checklist"}:
        raise InstrumentFileError(path, "presentation", "must be 'radios' or 'checklist'")
    return Instrument(
        id=iid,
        version=_need(data, "version", str, path),
        title=_need(data, "title", str, path),
        short_title=data.get("short_title") or data["title"],
        kind=kind,
        educational=bool(data.get("educational", False)),
        summary=_need(data, "summary", str, path),
        citation=_need(data, "citation", str, path),
        licence_notice=_need(licence, "notice", str, path, "licence."),
        item_text_free=bool(licence.get("item_text_free", False)),
        stem=_need(data, "stem", str, path),
        response_options=options,
        items=items,
        unscored_items=unscored,
        reverse_items=frozenset(reverse),
        subscales=tuple(subscales),
        method=method,
        higher_is=higher_is,
        bands=tuple(bands),
        band_source=data.get("band_source", "") or "",
        missing_rule=rule,
        missing_note=missing.get("note", "") or "",
        reliable_change=rc,
        clinical_cutoff=cutoff,
        safety_items=tuple(safety),
        presentation=presentation,
        allows_note=bool(data.get("allows_note", False)),
        safety_message=_need(data, "safety_message", str, path, optional=True) or "",
        fhir=data.get("fhir") or {},
        source=str(path),
    )


def apply_completion(base: Instrument, data: dict, path: Path | str) -> Instrument:
    """Give a scoring key its item texts from a clinic's licensed completion file."""
    from dataclasses import replace

    version = _need(data, "version", str, path)
    licence = _need(data, "licence", dict, path)
    notice = _need(licence, "notice", str, path, "licence.")
    texts = {}
    for n, it in enumerate(_need(data, "items", list, path)):
        if not isinstance(it, dict):
            raise InstrumentFileError(path, f"items[{n}]", "must be an object")
        item_id = _need(it, "id", str, path, f"items[{n}].")
        if item_id not in base.item_ids:
            raise InstrumentFileError(path, f"items[{n}].id", f"{base.id} has no item {item_id!r}")
        texts[item_id] = _need(it, "text", str, path, f"items[{n}].")
    missing = [i for i in base.item_ids if i not in texts]
    if missing:
        raise InstrumentFileError(path, "items", f"texts are missing for items {', '.join(missing)}")
    return replace(
        base,
        version=f"{base.version}+{version}",
        items=tuple(replace(item, text=texts[item.id]) for item in base.items),
        licence_notice=f"{notice} {base.licence_notice}",
        stem=data.get("stem") or base.stem,
        completed_by=str(path),
    )


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InstrumentFileError(path, "(file)", f"is not valid JSON (line {exc.lineno}: {exc.msg})") from exc


def load_instruments(extra_dirs: list[Path | str] | tuple = ()) -> dict[str, Instrument]:
    """Load the built-in instruments, then each extra directory in order (full files or completions)."""
    found: dict[str, Instrument] = {}
    for path in sorted(BUILTIN_DIR.glob("*.json")):
        inst = parse_instrument(_read(path), path)
        if inst.id in found:
            raise InstrumentFileError(
                path, "id", f"{inst.id!r} is already defined in {Path(found[inst.id].source).name}"
            )
        found[inst.id] = inst
    for directory in extra_dirs:
        directory = Path(directory)
        if not directory.is_dir():
            raise InstrumentFileError(directory, "MEASURES_EXTRA_DIR", "is not a directory")
        for path in sorted(directory.glob("*.json")):
            data = _read(path)
            if isinstance(data, dict) and "completes" in data:
                target = _need(data, "completes", str, path)
                if target not in found:
                    raise InstrumentFileError(path, "completes", f"names no known instrument: {target!r}")
                found[target] = apply_completion(found[target], data, path)
            else:
                inst = parse_instrument(data, path)
                found[inst.id] = inst
    return found
