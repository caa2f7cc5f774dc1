"""A tiny iCalendar (RFC 5545) writer: just what appointment emails and the therapist's feed need.

Pure: no Django. Times are written in UTC ("...Z"), text is escaped (RFC 5545 3.3.11), lines end in CRLF
and are folded at 75 octets (3.1) without splitting a UTF-8 character.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

PRODID = "-//TrustRepair//Booking//EN"
NEUTRAL_PRODID = "-//Calendar//Appointments//EN"


@dataclass(frozen=True)
class Event:
    uid: str
    start: dt.datetime
    end: dt.datetime
    summary: str = "TrustRepair appointment"
    sequence: int = 0
    status: str = "CONFIRMED"  # TENTATIVE, CONFIRMED or CANCELLED
    description: str = ""
    url: str = ""


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def utc_stamp(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("iCalendar times must be timezone-aware")
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Fold one content line into chunks of at most 75 octets, continuation lines starting with a space."""
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > limit:
            parts.append(current.decode())
            current, limit = b"", 74  # the leading space counts
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def calendar(
    events: Iterable[Event], *, now: dt.datetime, method: str | None = None, name: str = "", prodid: str = PRODID
) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}", "CALSCALE:GREGORIAN"]
    if method:
        lines.append(f"METHOD:{method}")
    if name:
        lines.append(f"X-WR-CALNAME:{escape(name)}")
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{utc_stamp(now)}",
            f"DTSTART:{utc_stamp(event.start)}",
            f"DTEND:{utc_stamp(event.end)}",
            f"SEQUENCE:{event.sequence}",
            f"STATUS:{event.status}",
            f"SUMMARY:{escape(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def unfold(text: str) -> list[str]:
    """Content lines of an iCalendar text, unfolded (used by tests and anyone reading a feed back)."""
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]
