"""Malformed form and query input anywhere gives a clear answer, never a server error.

For every page of ours, as every role, the test finds each form on the page and submits it with
hostile values in every field, and sends odd query strings; any 5xx fails.
"""

from html.parser import HTMLParser

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
]


class FormFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "get").lower() == "post":
            self.forms.append({"action": attrs.get("action") or "", "fields": set()})
        elif (
            tag in ("input", "textarea", "select")
            and self.forms
            and attrs.get("name", "csrfmiddlewaretoken") != ("csrfmiddlewaretoken")
        ):
            self.forms[-1]["fields"].add(attrs["name"])


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
