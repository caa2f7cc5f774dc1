"""The instruments this site offers: the built-in files plus a clinic's own directory.

`MEASURES_EXTRA_DIR` (a Django setting, or the environment variable of that name) points at a
directory of extra instrument files, typically the licensed item texts of a scale we ship only as a
scoring key. Files are read once per process and checked against the schema; a broken file stops the
site with an error naming the file and field rather than showing a half-defined questionnaire.
"""

import os
from functools import cache

from django.conf import settings

from trustrepair.measures.instruments import Instrument, load_instruments


def extra_dirs() -> tuple[str, ...]:
    value = getattr(settings, "MEASURES_EXTRA_DIR", None) or os.environ.get("MEASURES_EXTRA_DIR", "")
    return tuple(part for part in str(value).split(os.pathsep) if part)


@cache
def _load(dirs: tuple[str, ...]) -> dict[str, Instrument]:
    return load_instruments(dirs)


def all_instruments() -> dict[str, Instrument]:
    return _load(extra_dirs())


def get(instrument_id: str) -> Instrument | None:
    return all_instruments().get(instrument_id)


KIND_ORDER = ["self_check", "checklist", "symptom", "attachment", "trust"]


def _order(instrument: Instrument):
    return (KIND_ORDER.index(instrument.kind), instrument.short_title)


def offered() -> list[Instrument]:
    """Instruments a person can take now: those whose every item has its text."""
    return sorted((i for i in all_instruments().values() if i.is_complete), key=_order)


def awaiting_licence() -> list[Instrument]:
    return sorted((i for i in all_instruments().values() if not i.is_complete), key=_order)


def clear_cache() -> None:
    _load.cache_clear()
