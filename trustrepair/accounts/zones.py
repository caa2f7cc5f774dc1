"""A short list of current time zones, named by places people know (issue 11).

Not 600 raw names, and not "UTC" or legacy aliases such as "US/Eastern". The browser's own zone
(Intl.DateTimeFormat().resolvedOptions().timeZone, see accounts/static/accounts/guess.js) is preselected;
if it is a valid current zone missing from this list it is offered too, so nobody is pushed to a wrong one.
"""

import zoneinfo

from django import forms

SHORT_LIST: tuple[tuple[str, str], ...] = (
    ("Pacific/Honolulu", "Hawaii"),
    ("America/Anchorage", "Alaska"),
    ("America/Los_Angeles", "Pacific time: Los Angeles, Vancouver"),
    ("America/Denver", "Mountain time: Denver, Calgary"),
    ("America/Phoenix", "Arizona"),
    ("America/Chicago", "Central time: Chicago, Winnipeg"),
    ("America/Mexico_City", "Mexico City"),
    ("America/New_York", "Eastern time: New York, Toronto"),
    ("America/Bogota", "Bogotá, Lima"),
    ("America/Halifax", "Atlantic time: Halifax"),
    ("America/St_Johns", "Newfoundland"),
    ("America/Santiago", "Santiago"),
    ("America/Sao_Paulo", "São Paulo"),
    ("America/Argentina/Buenos_Aires", "Buenos Aires"),
    ("Atlantic/Reykjavik", "Reykjavík"),
    ("Europe/London", "London, Edinburgh, Cardiff, Belfast"),
    ("Europe/Dublin", "Dublin"),
    ("Europe/Lisbon", "Lisbon"),
    ("Africa/Lagos", "Lagos, West Africa"),
    ("Europe/Paris", "Paris, Brussels"),
    ("Europe/Berlin", "Berlin, Vienna, Zurich"),
    ("Europe/Madrid", "Madrid"),
    ("Europe/Rome", "Rome"),
    ("Europe/Amsterdam", "Amsterdam"),
    ("Europe/Stockholm", "Stockholm, Oslo, Copenhagen"),
    ("Europe/Warsaw", "Warsaw, Prague, Budapest"),
    ("Africa/Johannesburg", "Johannesburg"),
    ("Africa/Cairo", "Cairo"),
    ("Europe/Athens", "Athens, Bucharest"),
    ("Europe/Helsinki", "Helsinki, Tallinn, Riga"),
    ("Europe/Kyiv", "Kyiv"),
    ("Asia/Jerusalem", "Jerusalem"),
    ("Europe/Istanbul", "Istanbul"),
    ("Africa/Nairobi", "Nairobi, East Africa"),
    ("Europe/Moscow", "Moscow"),
    ("Asia/Dubai", "Dubai"),
    ("Asia/Karachi", "Karachi"),
    ("Asia/Kolkata", "India"),
    ("Asia/Dhaka", "Dhaka"),
    ("Asia/Bangkok", "Bangkok, Hanoi"),
    ("Asia/Jakarta", "Jakarta"),
    ("Asia/Singapore", "Singapore, Kuala Lumpur"),
    ("Asia/Manila", "Manila"),
    ("Asia/Shanghai", "China"),
    ("Asia/Hong_Kong", "Hong Kong"),
    ("Australia/Perth", "Perth"),
    ("Asia/Seoul", "Seoul"),
    ("Asia/Tokyo", "Tokyo"),
    ("Australia/Darwin", "Darwin"),
    ("Australia/Adelaide", "Adelaide"),
    ("Australia/Brisbane", "Brisbane"),
    ("Australia/Sydney", "Sydney, Melbourne, Canberra"),
    ("Australia/Hobart", "Hobart"),
    ("Pacific/Auckland", "New Zealand"),
)
_SHORT = dict(SHORT_LIST)
# Old aliases and bare offsets a person should not be offered (the browser reports current names).
_NOT_OFFERED_PREFIXES = ("Etc/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/", "SystemV/")
_NOT_OFFERED = {"UTC", "GMT", "UCT", "Universal", "Zulu", "localtime", "Factory", "EST", "MST", "HST", "WET", "CET"}


def is_current(name: str) -> bool:
    if not name or name in _NOT_OFFERED or name.startswith(_NOT_OFFERED_PREFIXES) or "/" not in name:
        return False
    return name in zoneinfo.available_timezones()


def label(name: str) -> str:
    return _SHORT.get(name) or name.rsplit("/", 1)[-1].replace("_", " ")


def choices(current: str = "") -> list[tuple[str, str]]:
    """The short list, with the person's current zone added if it is valid and missing."""
    found = list(SHORT_LIST)
    if current and current not in _SHORT and is_current(current):
        found.insert(0, (current, label(current)))
    return found


class ZoneField(forms.ChoiceField):
    """A select of the short list that accepts any current zone (the browser's guess may be one more)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Time zone")
        kwargs.setdefault("help_text", "Guessed from your device; change it if it is wrong. Reminders follow it.")
        super().__init__(choices=[("", "Choose…"), *choices()], **kwargs)
        self.widget.attrs["data-guess-zone"] = ""

    def offer(self, current: str) -> None:
        self.choices = [("", "Choose…"), *choices(current)]

    def valid_value(self, value) -> bool:
        return is_current(value)
