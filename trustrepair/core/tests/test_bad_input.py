"""Malformed form and query input anywhere gives a clear answer, never a server error.

For every page of ours, as every role, the test finds each form on the page and submits it with
hostile values in every field, and sends odd query strings; any 5xx fails.
"""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from trustrepair.core.tests.urlwalk import admin_paths, parameterless_views

JUNK_VALUES = [
    "",
    " ",
    "\x00",
    "-1",
    "99999999999999999999",
    "abc",
    "<script>alert(1)</script>",
    "2026-02-31",
    "1e309",
    "ünïcødé ✓",
    "Al\u202eice\r\nBcc: x@example.test",  # bidi override and a header injection, for every name field
    "\u200b\u2066\u2069",  # nothing but invisible characters
    "x" * 20000,
]
# What a client might put in X-Forwarded-For behind the trusted proxy (TRUSTED_PROXY_COUNT=1).
JUNK_FORWARDED = ["", "garbage", "1.2.3.4.5", ", ,", "::1::2", "[::1]:x", "x" * 5000, "203.0.113.9, \x00"]
JUNK_QUERIES = [
    "?q=" + "x" * 5000,
    "?q=%00",
    "?page=-1",
    "?page=abc",
    "?region=%ZZ",
    "?q=%F0%28%8C%28",
    "?date=2026-13-45",
    "?week=abc",
    "?day=9999-12-31",
    "?day=0000-01-01",
    "?start=0001-01-01T00:00:00%2B14:00",
    "?start=9999-12-31T23:59:59%2B00:00",
]
# Dates at and past the ends of what Python and the databases can hold (issue 8, item 10): each goes into
# every date-like field of every form and every date-valued query parameter of every link on our pages.
DATE_SHAPES = [
    "9999-12-31",
    "0001-01-01",
    "0000-01-01",
    "10000-01-01",
    "-0001-01-01",
    "2026-02-30",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59+00:00",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "2026-01-01T25:61:00+00:00",
    "2026-01-01T10:00:00+99:00",
    "not a date",
]


class FormFinder(HTMLParser):
    """Forms (POST ones by default; GET ones too with `get=True`), their fields and the values a browser
    would send; and the page's links."""

    def __init__(self, *, get: bool = False):
        super().__init__()
        self.get = get
        self.forms = []
        self.links = []
        self._in_form = False
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "form":
            method = attrs.get("method", "get").lower()
            self._in_form = method == "post" or self.get
            if self._in_form:
                self.forms.append(
                    {
                        "action": attrs.get("action") or "",
                        "method": method,
                        "fields": set(),
                        "values": {},
                        "dates": set(),
                    }
                )
            return
        if not self._in_form or tag not in ("input", "textarea", "select", "option"):
            return
        form = self.forms[-1]
        if tag == "option":
            if self._select and (self._select not in form["values"] or "selected" in attrs):
                form["values"][self._select] = attrs.get("value", "")
            return
        name = attrs.get("name")
        if not name or name == "csrfmiddlewaretoken":
            return
        form["fields"].add(name)
        kind = attrs.get("type", "text")
        if tag == "select":
            self._select = name
        elif kind in ("checkbox", "radio"):
            if name not in form["values"] or "checked" in attrs:
                form["values"][name] = attrs.get("value", "on")
        elif tag == "input":
            form["values"].setdefault(name, attrs.get("value", ""))
        if kind in ("date", "datetime-local", "month", "week") or looks_like_a_date(attrs.get("value", "")):
            form["dates"].add(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None


def looks_like_a_date(value: str) -> bool:
    return bool(re.match(r"^\d{4}-\d{2}-\d{2}", value or ""))


def forms_on(html: str) -> list[dict]:
    finder = FormFinder()
    finder.feed(html)
    return finder.forms


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "client", "partner", "therapist", "staff"])
def test_hostile_input_never_causes_a_server_error(client, cast, role):
    if cast[role] is not None:
        client.force_login(cast[role])
    failures = []
    for path, _rule in parameterless_views():
        if path in ("/account/erase/",):
            continue  # a valid-looking value there erases the account that later pages need
        for query in JUNK_QUERIES:
            response = client.get(path + query)
            if response.status_code >= 500:
                failures.append(f"GET {path}{query[:30]} → {response.status_code}")
        page = client.get(path)
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        for form in forms_on(page.content.decode()):
            action = form["action"] or path
            if action.startswith(("/account/erase", "/accounts/logout", "http")):
                continue
            for value in JUNK_VALUES:
                response = client.post(action, dict.fromkeys(form["fields"], value))
                if response.status_code >= 500:
                    failures.append(f"POST {action} with {value[:20]!r} → {response.status_code}")
    assert failures == []


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["", "erase me", "x" * 5000, "\x00"])
def test_erase_form_with_the_wrong_word_explains_itself_and_keeps_the_account(reauthenticated, client_alice, typed):
    client = reauthenticated(client_alice)
    response = client.post("/account/erase/", {"confirmation": typed})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    client_alice.refresh_from_db()  # Alice is still here


def date_probes(path: str, html: str):
    """(method, url, data) for every date-like field and date-valued link parameter on a page, with the
    page's own values in the other fields so the form gets as far as using the date."""
    finder = FormFinder(get=True)
    finder.feed(html)
    seen = set()  # one probe per (place, field): a page of thirty slot links is one shape, not thirty
    for form in finder.forms:
        action = form["action"] or path
        if action.startswith(("/account/erase", "/accounts/logout", "http")):
            continue
        for name in form["dates"]:
            if (form["method"], action, name) in seen:
                continue
            seen.add((form["method"], action, name))
            for shape in DATE_SHAPES:
                yield form["method"], action, form["values"] | {name: shape}
    for href in finder.links:
        parts = urlsplit(href)
        if parts.netloc or not parts.query:
            continue
        query = dict(parse_qsl(parts.query))
        for name, value in query.items():
            if looks_like_a_date(value) and ("get", parts.path, name) not in seen:
                seen.add(("get", parts.path, name))
                for shape in DATE_SHAPES:
                    yield "get", (parts.path or path) + "?" + urlencode(query | {name: shape}), None


@pytest.fixture
def pages_with_dates(cast):
    """Our parameterless pages plus the pages of one therapist's bookings, for each role."""
    from trustrepair.booking.tests.helpers import book, open_every_day, upcoming_slots

    therapist, alice = cast["therapist"], cast["client"]
    schedule = open_every_day(therapist)
    start = upcoming_slots(schedule)[0]
    appointment = book(alice, therapist, start)
    object_pages = [
        f"/booking/with/{therapist.public_id}/?kind=session&day={start.date().isoformat()}",
        f"/booking/with/{therapist.public_id}/details/?kind=consultation&start={start.isoformat()}",
        f"/booking/appointments/{appointment.public_id}/",
        f"/booking/appointments/{appointment.public_id}/move/?day={start.date().isoformat()}",
    ]
    return [path for path, _rule in parameterless_views() if path != "/account/erase/"] + object_pages


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["client", "partner", "therapist", "staff"])
def test_out_of_range_dates_in_any_date_field_or_parameter_never_cause_a_server_error(
    client, cast, pages_with_dates, role
):
    client.force_login(cast[role])
    client.raise_request_exception = False  # collect every 500 instead of stopping at the first
    failures, probed = [], 0
    for path in pages_with_dates:
        for query in JUNK_QUERIES[-4:]:
            response = client.get(path.split("?")[0] + query)
            if response.status_code >= 500:
                failures.append(f"GET {path.split('?')[0]}{query} → {response.status_code}")
        page = client.get(path)
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        for method, url, data in date_probes(path.split("?")[0], page.content.decode()):
            probed += 1
            response = client.post(url, data) if method == "post" else client.get(url, data)
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {url[:90]} {data} → {response.status_code}")
    assert probed or role == "staff", "the walk should reach some date fields"
    assert failures == [], "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "client", "therapist"])
def test_hostile_forwarded_headers_behind_the_proxy_never_cause_a_server_error(client, cast, settings, role):
    settings.TRUSTED_PROXY_COUNT = 1
    if cast[role] is not None:
        client.force_login(cast[role])
    failures = []
    for path, _rule in parameterless_views():
        for forwarded in JUNK_FORWARDED:
            response = client.get(path, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
            if response.status_code >= 500:
                failures.append(f"GET {path} with X-Forwarded-For {forwarded[:20]!r} → {response.status_code}")
    response = client.post("/accounts/login/", {"login": "a@example.test", "password": "x"}, HTTP_X_FORWARDED_FOR="x")
    if response.status_code >= 500:
        failures.append(f"POST /accounts/login/ with a junk X-Forwarded-For → {response.status_code}")
    assert failures == []


@pytest.mark.django_db
def test_hostile_input_to_the_admin_never_causes_a_server_error(client):
    from conftest import make_user

    operator = make_user("olga@example.test", "staff", name="Olga", mfa=True)
    operator.is_staff = operator.is_superuser = True
    operator.save(update_fields=["is_staff", "is_superuser"])
    client.force_login(operator)
    failures = []
    for path in admin_paths():
        if path.startswith(("/admin/logout", "/admin/login")):
            continue
        for query in [*JUNK_QUERIES, "?o=abc", "?o=99", "?e=1", "?all=", "?role__exact=%00"]:
            response = client.get(path + query)
            if response.status_code >= 500:
                failures.append(f"GET {path}{query[:30]} → {response.status_code}")
        page = client.get(path)
        if page.status_code != 200:
            continue
        for form in forms_on(page.content.decode()):
            action = form["action"] or path
            if action.startswith(("/admin/logout", "/accounts/logout", "http")):
                continue
            for value in JUNK_VALUES:
                response = client.post(action, dict.fromkeys(form["fields"], value))
                if response.status_code >= 500:
                    failures.append(f"POST {action} with {value[:20]!r} → {response.status_code}")
    assert failures == []
