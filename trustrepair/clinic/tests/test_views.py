"""The URL × role matrix for every care-team page, and what each page may show.

Roles: the client (Alice, in care with Tess), her partner Bob, Tess (the treating therapist), Tom (a therapist
with no relationship), Lena (clinical lead), Omar (backup clinician), Sam (practice staff), Eve (a stranger).
Outside its scope every object URL answers 404; a page of the wrong role answers 403.
"""

import datetime as dt

import pytest
from django.utils import timezone

from trustrepair.clinic import scopes, services
from trustrepair.clinic.models import RiskAlert
from trustrepair.clinic.tests.conftest import add_gad7

PRIVATE = "PSYCHOTHERAPY-NOTE-MARKER"
ROLES = ["client", "partner", "therapist", "therapist_without", "lead", "backup", "staff", "stranger"]
MEMBERS = {"client", "partner", "stranger"}
THERAPISTS = {"therapist", "therapist_without", "lead", "backup"}


@pytest.fixture
def world(
    care, client_alice, partner_bob, therapist_tess, therapist_tom, lead_lena, backup_omar, staff_sam, stranger_eve
):
    from trustrepair.booking.models import Appointment

    for key in ("measures", "program", "risk_alerts", "safety_plan", "tool:thought_record"):
        services.share(care, key)
    add_gad7(client_alice, [1, 1, 1, 1, 0, 1, 1], days_ago=14)
    add_gad7(client_alice, [2, 2, 2, 2, 2, 2, 2], days_ago=1)
    alert = RiskAlert.objects.create(relationship=care, origin="question")
    RiskAlert.objects.filter(pk=alert.pk).update(
        escalated_to_backup_at=timezone.now(), escalated_to_lead_at=timezone.now()
    )
    note = services.save_progress_note(
        care, author=therapist_tess, format="soap", session_date=timezone.localdate(), subjective="checks at night"
    )
    services.sign_note(note, by=therapist_tess)
    services.save_psychotherapy_note(care, author=therapist_tess, text=PRIVATE)
    plan = services.save_plan(care, by=therapist_tess, interventions="CBT", review_on=None)
    goal = services.add_goal(
        plan, phase="regulation", text="calmer", instrument_id="gad7", direction="below", target=10
    )
    release = services.propose_release(care, author=therapist_tess)
    start = timezone.now() - dt.timedelta(days=3)
    appointment = Appointment.objects.create(
        therapist=therapist_tom,
        client=client_alice,
        kind="session",
        status="confirmed",
        start=start,
        end=start + dt.timedelta(minutes=50),
        blocks_until=start + dt.timedelta(minutes=60),
        reason="x",
        contact_method="email",
    )
    people = {
        "client": client_alice,
        "partner": partner_bob,
        "therapist": therapist_tess,
        "therapist_without": therapist_tom,
        "lead": lead_lena,
        "backup": backup_omar,
        "staff": staff_sam,
        "stranger": stranger_eve,
    }
    return {
        "people": people,
        "care": care,
        "alert": alert,
        "note": note,
        "goal": goal,
        "release": release,
        "appointment": appointment,
    }


# (name, method, url template, roles that reach it, their status). Others: 403 if the role is wrong, else 404.
PAGES = [
    ("my_care", "get", "/care/", MEMBERS, 200),
    ("who_has_seen", "get", "/care/seen/", MEMBERS, 200),
    ("join", "post", "/care/join/", MEMBERS, 400),
    ("start_after_appointment", "get", "/care/start/{appointment}/", {"client"}, 200),
    ("client_care", "get", "/care/with/{care}/", {"client"}, 200),
    ("share", "post", "/care/with/{care}/share/", {"client"}, 302),
    ("stop_sharing", "post", "/care/with/{care}/stop/", {"client"}, 302),
    ("preview", "get", "/care/with/{care}/preview/", {"client"}, 200),
    ("end_care", "get", "/care/with/{care}/end/", {"client"}, 200),
    ("caseload", "get", "/care/caseload/", THERAPISTS, 200),
    ("codes", "get", "/care/codes/", THERAPISTS, 200),
    ("practice", "get", "/care/practice/", THERAPISTS, 200),
    ("escalated_alerts", "get", "/care/alerts/", THERAPISTS, 200),
    ("alert", "get", "/care/alerts/{alert}/", {"therapist", "lead", "backup"}, 200),
    ("releases", "get", "/care/releases/", THERAPISTS, 200),
    ("release_approve", "post", "/care/releases/{release}/approve/", {"lead"}, 302),
    ("client_page", "get", "/care/clients/{care}/", {"therapist"}, 200),
    ("note_new", "get", "/care/clients/{care}/notes/new/", {"therapist"}, 200),
    ("private_notes", "get", "/care/clients/{care}/private-notes/", {"therapist"}, 200),
    ("release_propose", "post", "/care/clients/{care}/release/", {"therapist"}, 302),
    ("plan", "get", "/care/clients/{care}/plan/", {"therapist"}, 200),
    ("goal_add", "post", "/care/clients/{care}/plan/goals/", {"therapist"}, 400),
    ("assign_measure", "post", "/care/clients/{care}/assign/", {"therapist"}, 302),
    ("goal_remove", "post", "/care/goals/{goal}/remove/", {"therapist"}, 302),
    ("note", "get", "/care/notes/{note}/", {"therapist"}, 200),
    ("note_sign", "post", "/care/notes/{note}/sign/", {"therapist"}, 302),
    ("note_addendum", "post", "/care/notes/{note}/addendum/", {"therapist"}, 400),
    ("staff_alerts", "get", "/care/practice-alerts/", {"staff"}, 200),
]


def url_of(template, world):
    ids = {
        key: getattr(world[key], "public_id", "") for key in ("care", "alert", "note", "goal", "release", "appointment")
    }
    return template.format(**ids)


def test_every_care_url_is_in_the_matrix():
    from trustrepair.clinic.urls import urlpatterns

    assert {p.name for p in urlpatterns} == {name for name, *_ in PAGES}


@pytest.mark.parametrize(("name", "method", "template", "allowed", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_each_role_gets_its_answer(client, world, name, method, template, allowed, status):
    url = url_of(template, world)
    role_of_page = MEMBERS if allowed <= MEMBERS else THERAPISTS if allowed <= THERAPISTS else {"staff"}
    got = {}
    for role in sorted(ROLES, key=lambda r: r in allowed):  # the allowed roles last: their POSTs change things
        client.logout()
        client.force_login(world["people"][role])
        got[role] = getattr(client, method)(url).status_code
    want = {role: status if role in allowed else 403 if role not in role_of_page else 404 for role in ROLES}
    assert got == want


@pytest.mark.parametrize("scope_key", sorted(scopes.all_keys()))
def test_a_therapist_sees_exactly_the_scope_shared(client, care, therapist_tess, client_alice, scope_key):
    client.force_login(therapist_tess)
    page = client.get(f"/care/clients/{care.public_id}/")
    assert page.status_code == 200 and page.context["sections"] == []
    services.share(care, scope_key)
    page = client.get(f"/care/clients/{care.public_id}/")
    assert [s["scope"].key for s in page.context["sections"]] == [scope_key]


def test_the_caseload_puts_alerts_first_then_worsening_and_says_why(client, world, therapist_tess, partner_bob):
    from trustrepair.clinic.tests.conftest import make_user

    # a second client, with a reliable worsening but no alert
    carl = make_user("carl@example.test", "client", name="Carl")
    text, _ = services.issue_code(therapist_tess)
    services.share(services.redeem_code(carl, text), "measures")
    add_gad7(carl, [0, 0, 0, 0, 0, 0, 0], days_ago=20)
    add_gad7(carl, [2, 2, 2, 2, 2, 2, 2], days_ago=2)
    client.force_login(therapist_tess)
    page = client.get("/care/caseload/")
    rows = page.context["rows"]
    assert [r.client_label for r in rows] == ["Alice", "Carl"]
    assert rows[0].reasons[0] == "An alert has not been acknowledged yet."
    assert any("reliably worse" in reason for reason in rows[1].reasons)
    body = page.content.decode()
    assert "low risk" in body and "severity" not in body.lower()


def test_the_caseload_is_audited_once_per_view_and_the_client_sees_it(client, world, therapist_tess, client_alice):
    from trustrepair.core.models import AuditEvent

    client.force_login(therapist_tess)
    client.get("/care/caseload/")
    assert AuditEvent.objects.filter(object_type="clinic.caseload", subject=client_alice).count() == 1
    client.force_login(client_alice)
    assert "saw you on their caseload" in client.get("/care/seen/").content.decode()


def test_a_revocation_shows_on_the_therapists_next_request(client, world, therapist_tess, client_alice):
    client.force_login(therapist_tess)
    assert "GAD-7" in client.get(f"/care/clients/{world['care'].public_id}/").content.decode()
    services.revoke(world["care"], "measures")
    assert "GAD-7" not in client.get(f"/care/clients/{world['care'].public_id}/").content.decode()


def test_the_preview_is_what_the_therapist_sees(client, world, therapist_tess, client_alice):
    url_t, url_c = f"/care/clients/{world['care'].public_id}/", f"/care/with/{world['care'].public_id}/preview/"
    client.force_login(therapist_tess)
    seen = [s["scope"].key for s in client.get(url_t).context["sections"]]
    client.force_login(client_alice)
    assert [s["scope"].key for s in client.get(url_c).context["sections"]] == seen


def test_staff_see_only_that_a_therapist_has_an_alert_waiting(client, world, staff_sam):
    client.force_login(staff_sam)
    body = client.get("/care/practice-alerts/").content.decode()
    assert "An alert for a client of Tess is unacknowledged." in body
    assert "Alice" not in body


def test_psychotherapy_notes_appear_in_no_other_view_and_no_export(client, world):
    from trustrepair.core import privacy

    seen_in = []
    for name, method, template, allowed, _status in PAGES:
        if method != "get":
            continue
        for role in allowed:
            client.logout()
            client.force_login(world["people"][role])
            body = client.get(url_of(template, world)).content.decode()
            if PRIVATE in body and not (name == "private_notes" and role == "therapist"):
                seen_in.append((name, role))
    for role, person in world["people"].items():
        if PRIVATE in str(privacy.export_user_data(person)):
            seen_in.append(("export", role))
    from trustrepair.notifications.models import Notice

    assert not any(PRIVATE in n.text + n.email_body for n in Notice.objects.all())
    assert seen_in == []


def test_a_client_confirms_a_code_in_two_steps(client, practice, therapist_tess, client_alice):
    text, _ = services.issue_code(therapist_tess)
    client.force_login(client_alice)
    page = client.post("/care/join/", {"code": text})
    assert page.status_code == 200 and "Work with Tess here?" in page.content.decode()
    assert not client_alice.care_as_client.exists()
    done = client.post("/care/join/", {"code": text, "confirm": "on", "confirming": "1"})
    assert done.status_code == 302 and client_alice.care_as_client.get().therapist == therapist_tess


def test_a_wrong_code_is_an_error_next_to_the_field(client, client_alice):
    client.force_login(client_alice)
    page = client.post("/care/join/", {"code": "AAAA-BBBB-CCCC"})
    assert page.status_code == 400 and services.CODE_REFUSED in page.content.decode()


def test_the_client_reads_signed_notes_and_the_plan(client, world, client_alice):
    client.force_login(client_alice)
    body = client.get(f"/care/with/{world['care'].public_id}/").content.decode()
    assert "checks at night" in body and "calmer" in body and PRIVATE not in body


def test_the_caseload_costs_the_same_queries_for_one_client_or_four(client, world, therapist_tess):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from trustrepair.clinic.tests.conftest import make_user

    client.force_login(therapist_tess)
    client.get("/care/caseload/")
    with CaptureQueriesContext(connection) as one:
        client.get("/care/caseload/")
    for i in range(3):
        person = make_user(f"c{i}@example.test", "client", name=f"C{i}")
        text, _ = services.issue_code(therapist_tess)
        relationship = services.redeem_code(person, text)
        services.share(relationship, "measures")
        services.share(relationship, "risk_alerts")
        add_gad7(person, [0] * 7, days_ago=9)
        add_gad7(person, [3] * 7, days_ago=2)
        RiskAlert.objects.create(relationship=relationship, origin="screen")
    with CaptureQueriesContext(connection) as four:
        page = client.get("/care/caseload/")
    assert len(page.context["rows"]) == 4
    assert len(four.captured_queries) == len(one.captured_queries)


def test_the_timeline_gives_each_shared_entry_one_line_linking_to_its_whole_text(client, care, therapist_tess):
    from trustrepair.exercises.models import ThoughtRecord

    record = ThoughtRecord.objects.create(
        owner=care.client,
        situation="He went quiet at dinner after a call from his brother.",
        automatic_thought="He is hiding something from me again.",
        balanced_thought="He often goes quiet after family calls; I can ask how it went.",
        last_step=5,
    )
    services.share(care, "tool:thought_record")
    client.force_login(therapist_tess)
    body = client.get(f"/care/clients/{care.public_id}/").content.decode()
    timeline = body[body.index('id="timeline-h"') : body.index("</ol>")]
    assert f'href="#shared-{record.public_id}"' in timeline and "He went quiet at dinner" in timeline
    assert "hiding something" not in timeline  # the rest of the entry is in its section, once
    assert body.count("He is hiding something from me again.") == 1
    assert body.count(f'id="shared-{record.public_id}"') == 1
