"""Design-system template tags (issue 11): `{% icon "name" %}`, `{% gauge ... %}`, `{% nav %}`.

The icon set is drawn for TrustRepair: 24×24 strokes in currentColor, round caps, no fills, so an icon takes
the colour of its text in both colour schemes. Icons are decorative (aria-hidden) unless given a `label`.
"""

import re
from functools import cache

from django import template
from django.utils.html import conditional_escape, format_html, mark_safe

from trustrepair.core.navigation import navigation_for

register = template.Library()

ICONS: dict[str, str] = {
    # A rising sun over a horizon: the day's home.
    "today": '<path d="M4 18h16"/><path d="M7 18a5 5 0 0 1 10 0"/><path d="M12 5v3M5.6 9.6l2 2M18.4 9.6l-2 2"/>',
    # A path of three stepping stones.
    "program": '<circle cx="6" cy="17" r="2"/><circle cx="12" cy="11" r="2"/><circle cx="18" cy="5" r="2"/>'
    '<path d="M7.5 15.5l3-3M13.5 9.5l3-3"/>',
    # Two hands' worth of tools: a small open box with a handle.
    "tools": '<rect x="3" y="8" width="18" height="12" rx="2"/><path d="M9 8V5h6v3M3 13h18"/>',
    # A gentle line going up.
    "progress": '<path d="M4 19h16"/><path d="M5 15l4-4 3 3 7-7"/><path d="M15 7h4v4"/>',
    "more": '<circle cx="5" cy="12" r="1.5"/><circle cx="12" cy="12" r="1.5"/><circle cx="19" cy="12" r="1.5"/>',
    "home": '<path d="M4 11l8-7 8 7"/><path d="M6 10v10h12V10"/>',
    "calendar": '<rect x="4" y="5" width="16" height="15" rx="2"/><path d="M4 10h16M9 3v4M15 3v4"/>',
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>',
    "shield": '<path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z"/><path d="M9 12l2 2 4-4"/>',
    "bell": '<path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z"/><path d="M10 21h4"/>',
    "download": '<path d="M12 4v11M7 10l5 5 5-5"/><path d="M5 20h14"/>',
    "arrow": '<path d="M5 12h14M13 6l6 6-6 6"/>',
    "plus": '<path d="M12 5v14M5 12h14"/>',
    "check": '<path d="M5 13l4 4 10-10"/>',
    "heart": '<path d="M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z"/>',
    "phone": '<path d="M6 3h3l2 5-2 1.5a11 11 0 0 0 5.5 5.5L16 13l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1'
    ' 2-2z"/>',
    "leaf": '<path d="M5 19c0-8 5-14 15-14 0 10-6 15-14 15"/><path d="M5 19l7-7"/>',
    "breath": '<path d="M3 9h11a3 3 0 1 0-3-3"/><path d="M3 14h15a3 3 0 1 1-3 3"/>',
    "menu": '<path d="M4 7h16M4 12h16M4 17h16"/>',
    "close": '<path d="M6 6l12 12M18 6L6 18"/>',
    "lock": '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/>',
    "book": '<path d="M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2z"/><path d="M4 19V5"/>',
}


DECORATIVE = 'aria-hidden="true" focusable="false"'


def icon_svg(name: str, label: str = "", css_class: str = "") -> str:
    if not label:
        return _decorative_svg(name, css_class)
    return _svg(name, label, css_class)


@cache
def _decorative_svg(name: str, css_class: str) -> str:
    """A decorative icon's markup, built once per process: it is a constant of this file (issue 16). Labelled
    icons are built each time, so no words a page passes in are kept."""
    return _svg(name, "", css_class)


def _svg(name: str, label: str, css_class: str) -> str:
    body = ICONS.get(name)
    if body is None:
        raise template.TemplateSyntaxError(f"No icon named {name!r}; add it to core/templatetags/ui.py")
    classes = f"icon {css_class}".strip()
    a11y = format_html('role="img" aria-label="{}"', label) if label else mark_safe(DECORATIVE)  # noqa: S308
    return format_html(
        '<svg class="{}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" '
        'stroke-linecap="round" stroke-linejoin="round" {}>{}</svg>',
        classes,
        a11y,
        mark_safe(body),  # noqa: S308 -- ICONS are constants in this file, never user input
    )


@register.simple_tag
def icon(name: str, label: str = "", css_class: str = ""):
    return icon_svg(name, label, css_class)


@register.inclusion_tag("core/_gauge.html")
def gauge(value, maximum, bands, label="", band_label=""):
    """A horizontal gauge: coloured bands (lower, upper, words) along 0..maximum and a marker at `value`.

    The band in words is always printed beside it, so the colour never carries meaning alone.
    """
    maximum = max(int(maximum), 1)
    value = max(0, min(int(round(float(value))), maximum))
    segments = []
    for index, (lower, upper, words) in enumerate(bands):
        start = int(lower) / maximum * 100
        end = min(int(upper) + 1, maximum) / maximum * 100 if int(upper) < maximum else 100
        segments.append({"x": round(start, 2), "width": round(end - start, 2), "words": words, "n": index % 5 + 1})
    current = band_label or next((w for lower, upper, w in bands if int(lower) <= value <= int(upper)), "")
    return {
        "value": value,
        "maximum": maximum,
        "segments": segments,
        "marker": round(value / maximum * 100, 2),
        "label": label,
        "band": current,
    }


@register.inclusion_tag("core/_nav.html", takes_context=True)
def nav(context):
    request = context.get("request")
    data = navigation_for(request)
    data["unread_updates"] = context.get("unread_updates")
    data["request"] = request
    data["csrf_token"] = context.get("csrf_token")
    data["user"] = context.get("user")
    return data


PHONE = re.compile(r"(?<![\w/.@+-])(\+?\d[\d \-().]{4,18}\d)(?![\w/@-])")
CALL_NUMBER = re.compile(r"(\bcall\b[^.\d<]{0,15})(\+?\d[\d \-]*\d|\d)", re.I)


def _tel(number: str) -> str:
    return ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


@register.filter(needs_autoescape=True)
def phone_links(text, autoescape=True):
    """Free text with each phone number (six digits or more) made a tel: link, so a phone can call it in one
    tap (issue 11). The text is escaped first; only the links are markup."""
    escaped = conditional_escape(text) if autoescape else str(text)

    def link(match):
        number = match.group(1)
        if len(re.sub(r"\D", "", number)) < 6:
            return number
        return f'<a href="tel:{_tel(number)}">{number}</a>'

    return mark_safe(PHONE.sub(link, str(escaped)))  # noqa: S308 -- escaped above; links built from digits only


@register.filter(needs_autoescape=True)
def call_links(text, autoescape=True):
    """Directory text such as "Call 116 123, free" with the number after "call" made a tel: link."""
    escaped = conditional_escape(text) if autoescape else str(text)
    return mark_safe(  # noqa: S308 -- escaped above; links built from digits only
        CALL_NUMBER.sub(lambda m: f'{m.group(1)}<a href="tel:{_tel(m.group(2))}">{m.group(2)}</a>', str(escaped))
    )


@register.filter
def has_password_field(form) -> bool:
    """Whether the form has a password input, which the browser is sent back empty after an error."""
    from django.forms import PasswordInput

    return any(isinstance(field.widget, PasswordInput) for field in form.fields.values())


@register.filter
def fields_in_error(form) -> int:
    """How many fields the person can see carry an error (a hidden field's error is said in words instead)."""
    return sum(1 for field in form.visible_fields() if field.errors)
