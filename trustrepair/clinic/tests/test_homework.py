"""Homework (issue 14 item 1): set for one client, on their Today page, completion seen without sharing,
reminders once through the job runner and the sender."""

import datetime as dt

import pytest
from django.utils import timezone

from trustrepair.clinic import homework
from trustrepair.clinic.models import Assignment
from trustrepair.messaging.tests.care import in_care
from trustrepair.notifications.models import Notice


@pytest.fixture
def care(client_alice, therapist_tess):
    return in_care(client_alice, therapist_tess)  # nothing shared


def set_tool(care, therapist, days=3):
    return homework.assign(
        care,
        by=therapist,
        kind="tool",
        target="trigger_log",
        due_at=timezone.now() + dt.timedelta(days=days),
        instructions="Log each urge",
    )


def test_the_therapist_sets_homework_with_instructions_and_a_due_date(client, care, therapist_tess):
    client.force_login(therapist_tess)
    due = (timezone.now() + dt.timedelta(days=4)).date().isoformat()
    response = client.post(
        f"/care/homework/clients/{care.public_id}/",
        {"what": "tool:thought_record", "instructions": "One after a hard evening", "due_on": due},
    )
    assert response.status_code == 302
    a = Assignment.objects.get()
    assert (a.kind, a.target, a.instructions) == ("tool", "thought_record", "One after a hard evening")


def test_a_bad_choice_is_told_next_to_the_field(client, care, therapist_tess):
    client.force_login(therapist_tess)
    response = client.post(f"/care/homework/clients/{care.public_id}/", {"what": "tool:nope", "due_on": "x"})
    assert response.status_code == 200
    assert "field-error" in response.content.decode()
    assert not Assignment.objects.exists()


def test_homework_shows_on_the_clients_today_page(client, care, client_alice, therapist_tess):
    from trustrepair.program import services as program

    set_tool(care, therapist_tess)
    program.enrol(client_alice, starting_phase="trust-history")
    client.force_login(client_alice)
    page = client.get("/program/today/").content.decode()
    assert "Before your next session" in page and "Log each urge" in page


def test_done_is_visible_to_the_therapist_without_any_sharing(client, care, client_alice, therapist_tess):
    a = set_tool(care, therapist_tess)
    client.force_login(client_alice)
    client.post(f"/care/homework/{a.public_id}/done/")
    client.force_login(therapist_tess)
    page = client.get(f"/care/homework/clients/{care.public_id}/").content.decode()
    assert "Done" in page


def test_a_questionnaire_counts_as_done_when_completed_after_it_was_set(care, client_alice, therapist_tess):
    from trustrepair.measures import registry
    from trustrepair.measures import services as measures

    homework.assign(
        care, by=therapist_tess, kind="measure", target="gad7", due_at=timezone.now() + dt.timedelta(days=2)
    )
    gad7 = registry.get("gad7")
    measures.submit_answers(client_alice, instrument=gad7, answers={str(n): 1 for n in range(1, 8)})
    [item] = homework.homework_for_relationship(care)
    assert item.done


def test_nobody_else_marks_or_sees_it(client, care, therapist_tess, stranger_eve):
    from conftest import make_user

    a = set_tool(care, therapist_tess)
    client.force_login(stranger_eve)
    assert client.post(f"/care/homework/{a.public_id}/done/").status_code == 404
    assert "Log each urge" not in client.get("/care/homework/").content.decode()
    theo = make_user("theo@example.test", "therapist", name="Theo", mfa=True)
    client.force_login(theo)
    assert client.get(f"/care/homework/clients/{care.public_id}/").status_code == 404
    assert client.post(f"/care/homework/{a.public_id}/withdraw/").status_code == 404


def test_one_neutral_reminder_a_day_before_it_is_due(care, client_alice, therapist_tess):
    a = set_tool(care, therapist_tess, days=3)
    assert homework.send_reminders() == 0
    later = a.due_at - dt.timedelta(hours=5)
    assert homework.send_reminders(now=later) == 1
    assert homework.send_reminders(now=later) == 0  # the notice key is the claim
    notice = Notice.objects.get(user=client_alice, kind="homework_due")
    assert "urge" not in notice.email_body.lower() and "trigger" not in notice.email_body.lower()


def test_no_reminder_once_done(care, client_alice, therapist_tess):
    a = set_tool(care, therapist_tess, days=1)
    homework.mark_done(client_alice, a.public_id)
    assert homework.send_reminders(now=a.due_at - dt.timedelta(hours=2)) == 0


def test_done_is_read_the_same_from_the_parts_as_the_reminders_count_it(care, client_alice, therapist_tess):
    """Pages work `done` out from the annotated parts (issue 16); reminders filter on the SQL CASE. They agree."""
    from trustrepair.program import curriculum
    from trustrepair.program import services as program

    lesson = curriculum.phases()[0].modules[0].lessons[0]
    due = timezone.now() + dt.timedelta(days=2)
    homework.assign(care, by=therapist_tess, kind="lesson", target=lesson.slug, due_at=due)
    set_tool(care, therapist_tess)
    program.mark_lesson_done(client_alice, lesson_key=lesson.key)
    by_kind = {item.assignment.kind: item.done for item in homework.homework_for_relationship(care)}
    assert by_kind == {"lesson": True, "tool": False}
    in_sql = {a.kind: a.done for a in homework._with_done(Assignment.objects.filter(relationship=care))}
    assert in_sql == by_kind
