"""Open appointment slots, computed from weekly rules in the therapist's time zone. Pure: no Django.

Rules are wall-clock hours ("Mondays 09:00-17:00") in the therapist's zone, so a 09:00 rule stays 09:00
local on both sides of a daylight-saving change. Every slot is returned as an aware UTC datetime; a page
shows it in the viewer's zone with `in_zone`.

Daylight-saving edge cases, decided once here:
- a slot whose local start does not exist (the skipped hour in spring) is not offered;
- a slot whose local start happens twice (the repeated hour in autumn) is offered once, at the first
  occurrence, so nobody sees two slots with the same label;
- a slot is offered only when its real (elapsed) length fits before the rule's local end time.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

UTC = dt.UTC


@dataclass(frozen=True)
class Rule:
    """Open hours on one weekday (0 = Monday), wall-clock time in the therapist's zone."""

    weekday: int
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class TimeOff:
    """Whole local days, first and last inclusive."""

    first_day: dt.date
    last_day: dt.date

    def covers(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class Busy:
    """An existing appointment, aware datetimes; the buffer is added around it by `conflicts`."""

    start: dt.datetime
    end: dt.datetime


def local_to_utc(day: dt.date, wall: dt.time, zone: ZoneInfo) -> dt.datetime | None:
    """The UTC instant of a local wall-clock time, or None when that time does not exist (spring gap).

    A time that happens twice (autumn) resolves to its first occurrence (fold=0).
    """
    naive = dt.datetime.combine(day, wall)
    aware = naive.replace(tzinfo=zone, fold=0)
    as_utc = aware.astimezone(UTC)
    if as_utc.astimezone(zone).replace(tzinfo=None) != naive:
        return None  # the clock jumped over this time
    return as_utc


def in_zone(instant: dt.datetime, zone_name: str) -> dt.datetime:
    """An aware instant shown in another zone (for the client's view)."""
    return instant.astimezone(ZoneInfo(zone_name))


def conflicts(start: dt.datetime, end: dt.datetime, busy: Busy, buffer: dt.timedelta) -> bool:
    """True when [start, end) comes closer than `buffer` to an existing appointment."""
    return start < busy.end + buffer and busy.start < end + buffer


def open_slots(
    *,
    rules: Iterable[Rule],
    zone: str,
    first_day: dt.date,
    last_day: dt.date,
    length: dt.timedelta,
    now: dt.datetime,
    buffer: dt.timedelta = dt.timedelta(0),
    time_off: Iterable[TimeOff] = (),
    busy: Iterable[Busy] = (),
    min_notice: dt.timedelta = dt.timedelta(0),
    horizon: dt.timedelta | None = None,
    step: dt.timedelta | None = None,
) -> list[dt.datetime]:
    """Open slot starts (aware UTC, sorted, unique) on the therapist's local days first_day..last_day.

    Within each rule, candidate starts are laid out from the rule's start every `step` of wall-clock time
    (default: length + buffer, so back-to-back bookings fit). A candidate is dropped when it is in time off,
    sooner than `now + min_notice`, later than `now + horizon`, or within `buffer` of an existing appointment.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if length <= dt.timedelta(0):
        raise ValueError("length must be positive")
    tz = ZoneInfo(zone)
    step = step or (length + buffer)
    rules = list(rules)
    time_off = list(time_off)
    busy = sorted(busy, key=lambda b: b.start)
    busy_starts = [b.start for b in busy]
    longest = max((b.end - b.start for b in busy), default=dt.timedelta(0))
    earliest = now + min_notice
    latest = now + horizon if horizon is not None else None
    found: set[dt.datetime] = set()

    day = first_day
    while day <= last_day:
        if not any(off.covers(day) for off in time_off):
            for rule in rules:
                if rule.weekday != day.weekday() or rule.start >= rule.end:
                    continue
                rule_end = local_to_utc(day, rule.end, tz) or _after_gap(day, rule.end, tz)
                wall = dt.datetime.combine(day, rule.start)
                while wall.time() < rule.end and wall.date() == day:
                    start = local_to_utc(day, wall.time(), tz)
                    wall += step
                    if start is None:
                        continue
                    end = start + length
                    if end > rule_end:
                        continue
                    if start < earliest or (latest is not None and start > latest):
                        continue
                    # Only appointments starting in this window can come within `buffer` of the slot.
                    low = bisect.bisect_left(busy_starts, start - buffer - longest)
                    high = bisect.bisect_left(busy_starts, end + buffer)
                    if any(conflicts(start, end, b, buffer) for b in busy[low:high]):
                        continue
                    found.add(start)
        day += dt.timedelta(days=1)
    return sorted(found)


def _after_gap(day: dt.date, wall: dt.time, tz: ZoneInfo) -> dt.datetime:
    """A rule that ends inside the spring gap ends when the gap begins (the clock change itself)."""
    naive = dt.datetime.combine(day, wall)
    for minutes in range(1, 24 * 60):
        earlier = naive - dt.timedelta(minutes=minutes)
        instant = local_to_utc(earlier.date(), earlier.time(), tz)
        if instant is not None:
            return instant + dt.timedelta(minutes=minutes)
    raise ValueError(f"no real time before {naive} in {tz}")  # pragma: no cover - no zone skips a whole day


HOURS_PER_WEEK = 7 * 24


def hour_of_week(instant: dt.datetime) -> int:
    """0 for Monday 00:00–00:59 UTC … 167 for Sunday 23:00 UTC."""
    utc = instant.astimezone(UTC)
    return utc.weekday() * 24 + utc.hour


def open_hours_of_week(*, rules: Iterable[Rule], zone: str, monday: dt.date) -> frozenset[int]:
    """The UTC hours of the week (hour_of_week) that any open-hours rule touches, in the week starting `monday`
    (its daylight-saving offsets). A compact summary for ranking; exact slots come from `open_slots`."""
    tz = ZoneInfo(zone)
    hours: set[int] = set()
    for rule in rules:
        day = monday + dt.timedelta(days=rule.weekday)
        start = local_to_utc(day, rule.start, tz) or _after_gap(day, rule.start, tz)
        end = local_to_utc(day, rule.end, tz) or _after_gap(day, rule.end, tz)
        moment = start.replace(minute=0, second=0, microsecond=0)
        while moment < end:
            hours.add(hour_of_week(moment))
            moment += dt.timedelta(hours=1)
    return frozenset(hours)


def overlapping(rules: Iterable[Rule], new: Rule) -> Rule | None:
    """An existing rule on the same weekday whose hours overlap `new` (touching end to start is fine)."""
    for rule in rules:
        if rule.weekday == new.weekday and rule.start < new.end and new.start < rule.end:
            return rule
    return None
