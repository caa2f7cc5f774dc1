"""The person's own data in forms a person can read and other tools can open (issue 11, item 9).

Three shapes beside the JSON download (core.privacy):

* a printable copy: each chosen section of the registry rendered as headings, lists and definition lists,
  with keys in words and dates in the person's time zone (`render_section`);
* CSV files with formula-safe cells (`csv_text`): a cell that starts with =, +, -, @, a tab or a carriage
  return gets a single quote in front, so a spreadsheet shows it as text and never runs it (OWASP,
  "CSV injection");
* a FHIR R4 Bundle of type "collection" (`fhir_bundle`) around the resources contributors give.

Everything here works on data the caller already took from `privacy` for the signed-in person; nothing
here queries anyone's data.
"""

import csv
import datetime
import io
import re
import zoneinfo

from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

# ---- time ------------------------------------------------------------------------------------------


def zone_for(user) -> datetime.tzinfo:
    try:
        return zoneinfo.ZoneInfo(getattr(user, "time_zone", "") or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return datetime.UTC


ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _as_time(value):
    """A date or datetime, also from the ISO text an exporter may already have made; else None."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value
    if isinstance(value, str):
        try:
            if ISO_DATETIME.match(value):
                return parse_datetime(value)
            if ISO_DATE.match(value):
                return parse_date(value)
        except ValueError:  # looks like a date but is not one: it stays text
            return None
    return None


def when(value, zone) -> str:
    """'5 Dec 2026, 14:05' in the person's zone; a date alone as '5 Dec 2026'."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = value.replace(tzinfo=datetime.UTC)
        local = value.astimezone(zone)
        return f"{local.day} {local:%b %Y, %H:%M}"
    return f"{value.day} {value:%b %Y}"


def plain(value, zone) -> str:
    """One value as a person reads it: Yes/No, whole numbers without '.0', dates in their zone."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    moment = _as_time(value)
    if moment is not None:
        return when(moment, zone)
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if isinstance(value, list | tuple | set):
        return "; ".join(plain(v, zone) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{humanise(k)}: {plain(v, zone)}" for k, v in value.items() if not _empty(v))
    return str(value)


# ---- CSV -------------------------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: one starting with a formula character gets a ' in front."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(headers: list[str], rows: list[list]) -> str:
    """The whole file, every cell (titles too) formula-safe. A byte-order mark lets Excel read UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in headers])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return "\ufeff" + out.getvalue()


# ---- FHIR ------------------------------------------------------------------------------------------


def fhir_bundle(resources: list[dict], now: datetime.datetime | None = None) -> dict:
    """A FHIR R4 Bundle of type "collection"; each entry's fullUrl is its id as a urn:uuid when it is one."""
    entries = []
    for resource in resources:
        entry: dict = {"resource": resource}
        if re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", str(resource.get("id", ""))):
            entry = {"fullUrl": f"urn:uuid:{resource['id']}", **entry}
        entries.append(entry)
    bundle = {"resourceType": "Bundle", "type": "collection", "timestamp": (now or timezone.now()).isoformat()}
    if entries:  # FHIR JSON has no empty arrays
        bundle["entry"] = entries
    return bundle


# ---- the printable copy ----------------------------------------------------------------------------

HIDDEN = {"id", "public_id", "owner", "checksum"}
WORDS = {  # keys many exporters share, in words
    "created_at": "Written",
    "updated_at": "Last changed",
    "completed_at": "Finished",
    "recorded_at": "Noted",
    "at": "When",
    "start": "Starts",
    "end": "Ends",
    "sent_at": "Sent",
    "read_at": "Read",
    "email": "Email",
}
TITLE_KEYS = (
    "Completed",
    "day",
    "occurred_at",
    "happened_on",
    "completed_at",
    "created_at",
    "asked_at",
    "sent_at",
    "start",
    "appointment_start",
    "at",
    "joined_at",
    "granted_at",
)


def humanise(key, fields: dict | None = None) -> str:
    """A key in words: the contributor's own label, a shared word, or the key with spaces and a capital."""
    key = str(key)
    if fields and fields.get(key):
        label = fields[key]
    elif key in WORDS:
        label = WORDS[key]
    else:
        label = key.replace("_", " ").strip()
    return label[:1].upper() + label[1:]


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _shown(data: dict, fields: dict) -> list[tuple]:
    return [
        (k, v)
        for k, v in data.items()
        if str(k) not in HIDDEN and not (str(k) in fields and fields[str(k)] is None) and not is_empty(v)
    ]


def _records(value) -> bool:
    return isinstance(value, list | tuple) and bool(value) and all(isinstance(v, dict) for v in value)


def _inline(value, fields: dict, zone) -> SafeString:
    """A value inside a record: nested dicts as definition lists, lists as lists, text with its line breaks."""
    if isinstance(value, dict):
        return format_html(
            '<dl class="copy-fields">{}</dl>',
            format_html_join(
                "",
                "<dt>{}</dt><dd>{}</dd>",
                ((humanise(k, fields), _inline(v, fields, zone)) for k, v in _shown(value, fields)),
            ),
        )
    if isinstance(value, list | tuple):
        return format_html(
            '<ul class="copy-list">{}</ul>',
            format_html_join("", "<li>{}</li>", ((_inline(v, fields, zone),) for v in value if not _empty(v))),
        )
    text = plain(value, zone)
    return linebreaksbr(text, autoescape=True)  # escaped, line breaks kept


NAME_KEYS = ("Questionnaire", "group", "with", "title", "name")


def _joined(parts) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))


def _title(record: dict, number: int, zone) -> str:
    """A record's heading: its date, after its name when it has one ("PHQ-9 … · 5 Dec 2026, 14:05")."""
    name = next((str(record[k]) for k in NAME_KEYS if isinstance(record.get(k), str) and record[k].strip()), "")
    moment = next((m for k in TITLE_KEYS if (m := _as_time(record.get(k))) is not None), None)
    parts = [part for part in (name[:80], when(moment, zone) if moment is not None else "") if part]
    return " · ".join(parts) or f"Item {number}"


def _block(value, fields: dict, zone, level: int) -> SafeString:
    """A value at the top of a section or under a heading: records get headings of their own."""
    heading = min(level, 6)
    if _records(value):
        parts = []
        for number, record in enumerate(value, start=1):
            parts.append(
                format_html(
                    '<section class="copy-record"><h{} class="copy-title">{}</h{}>{}</section>',
                    heading,
                    _title(record, number, zone),
                    heading,
                    _inline(record, fields, zone),
                )
            )
        return _joined(parts)
    if isinstance(value, dict):
        simple = [(k, v) for k, v in _shown(value, fields) if not (_records(v) or isinstance(v, dict))]
        nested = [(k, v) for k, v in _shown(value, fields) if _records(v) or isinstance(v, dict)]
        parts = [_inline(dict(simple), fields, zone)] if simple else []
        for key, child in nested:
            parts.append(
                format_html(
                    "<h{}>{}</h{}>{}", heading, humanise(key, fields), heading, _block(child, fields, zone, level + 1)
                )
            )
        return _joined(parts)
    return format_html("<p>{}</p>", _inline(value, fields, zone))


def is_empty(data) -> bool:
    """True when a section holds nothing a person wrote or did (e.g. an empty list, or only empty parts)."""
    if isinstance(data, dict):
        return all(is_empty(v) for k, v in data.items() if str(k) not in HIDDEN)
    if isinstance(data, list | tuple):
        return all(is_empty(v) for v in data)
    return _empty(data)


def render_section(data, *, fields: dict | None = None, zone=datetime.UTC) -> SafeString:
    """A section's data as HTML to sit under its h2: generic over dicts and lists, keys in words."""
    if is_empty(data):
        return format_html('<p class="muted">{}</p>', "Nothing here yet.")
    return _block(data, fields or {}, zone, 3)


def section_data(contributor, user):
    """What the printable copy shows for one contributor: its friendlier shape if it has one."""
    return contributor.copy(user) if contributor.copy is not None else contributor.export(user)


# ---- what the pages show ---------------------------------------------------------------------------


def my_data_context(user) -> dict:
    """The Your-data page: every section by its label, the CSV files, and who looked, in the person's zone."""
    from trustrepair.core import audit, privacy
    from trustrepair.core.access import ROLES_THAT_NEED_HEALTH_CONSENT

    zone = zone_for(user)
    sections = privacy.for_people()
    events = [
        {
            "when": when(e.at, zone),
            "who": str(e.actor) if e.actor else "A former account",
            "what": f"{e.get_action_display()} {audit.object_in_words(e.object_type)}".strip(),
            "why": e.reason,
        }
        for e in audit.who_looked(user)[:50]
    ]
    uses_tools = user.role in ROLES_THAT_NEED_HEALTH_CONSENT  # clients and partners; not therapists or staff
    return {
        "sections": sections,
        "tables": [c for c in sections if c.table is not None] if uses_tools else [],
        "has_fhir": uses_tools and any(c.fhir is not None for c in sections),
        "events": events,
        "zone": str(zone),
    }


def _with_data(user, only: list[str] | None = None) -> list[tuple]:
    """(contributor, data) for each section that holds something; with `only`, just those sections are read."""
    from trustrepair.core import privacy

    out = []
    for contributor in privacy.for_people():
        if only is not None and contributor.slug not in only:
            continue
        data = section_data(contributor, user)
        if not is_empty(data):
            out.append((contributor, data))
    return out


def choices_context(user, chosen: list[str] | None) -> dict:
    """The sections that hold something, ticked unless sensitive (or as the person last ticked them)."""
    choices = [
        {
            "slug": c.slug,
            "label": c.label,
            "description": c.description,
            "sensitive": c.sensitive,
            "ticked": (c.slug in chosen) if chosen is not None else not c.sensitive,
        }
        for c, _ in _with_data(user)
    ]
    return {"choices": choices}


def copy_context(user, chosen: list[str]) -> dict:
    zone = zone_for(user)
    sections = [
        {
            "slug": c.slug,
            "label": c.label,
            "description": c.description,
            "html": render_section(data, fields=c.fields, zone=zone),
        }
        for c, data in _with_data(user, only=chosen)
    ]
    return {"sections": sections, "zone": str(zone), "made": when(timezone.now(), zone), "chosen": chosen}
