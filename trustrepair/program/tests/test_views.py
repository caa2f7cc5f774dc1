"""The program's pages: who may open them, and the journeys a person relies on."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from trustrepair.core import privacy
from trustrepair.program import curriculum, services
from trustrepair.program.models import Enrolment, LessonCompletion, Setback

pytestmark = pytest.mark.django_db

FIRST_PHASE = curriculum.phases()[0]
FIRST_LESSON = FIRST_PHASE.lessons[0]
SECOND_LESSON = FIRST_PHASE.lessons[1]

PAGES = [
    reverse("program:overview"),
    reverse("program:today"),
    reverse("program:insights"),
    reverse("program:summary"),
    reverse("program:setback_new"),
    FIRST_PHASE.get_absolute_url(),
    FIRST_LESSON.get_absolute_url(),
]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("person", ["partner_bob", "therapist_tess", "staff_sam"])
@pytest.mark.parametrize("url", PAGES)
def test_the_program_is_for_clients_only(request, signed_in, person, url):
    # The program is a client's own work; partners have the couples space, clinicians see homework via consent.
    assert signed_in(request.getfixturevalue(person)).get(url).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_a_client_can_open_every_page(signed_in, client_alice, url):
    services.enrol(client_alice, starting_phase=FIRST_PHASE.slug)
    assert signed_in(client_alice).get(url).status_code == 200


def test_unknown_phases_and_lessons_are_404(signed_in, client_alice):
    c = signed_in(client_alice)
    assert c.get("/program/no-such-phase/").status_code == 404
    assert c.get(f"/program/{FIRST_PHASE.slug}/nope/nope/").status_code == 404
    assert c.post(f"/program/{FIRST_PHASE.slug}/nope/nope/done/", {"done": "1"}).status_code == 404


# ---- enrolment and today -------------------------------------------------------------------------
def test_today_before_enrolling_leads_to_the_program_overview(signed_in, client_alice):
    response = signed_in(client_alice).get(reverse("program:today"))
    assert response.status_code == 302 and response["Location"] == reverse("program:overview")


def test_enrolling_at_a_chosen_phase_starts_there(signed_in, client_alice):
    c = signed_in(client_alice)
    core_beliefs = curriculum.phase("core-beliefs")
    response = c.post(reverse("program:enrol"), {"starting_phase": "core-beliefs"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("program:today")
    assert Enrolment.objects.get(owner=client_alice).current_phase == "core-beliefs"
    assert core_beliefs.lessons[0].title in response.content.decode()


def test_enrolling_with_a_made_up_phase_shows_a_field_error(signed_in, client_alice):
    response = signed_in(client_alice).post(reverse("program:enrol"), {"starting_phase": "phase-99"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_enrolling_twice_keeps_the_first_enrolment(signed_in, client_alice):
    c = signed_in(client_alice)
    c.post(reverse("program:enrol"), {"starting_phase": "trust-history"})
    c.post(reverse("program:enrol"), {"starting_phase": "gradual-rebuilding"})
    assert Enrolment.objects.get(owner=client_alice).starting_phase == "trust-history"


def test_without_a_trust_profile_the_first_phase_is_preselected_and_every_phase_offered(signed_in, client_alice):
    body = signed_in(client_alice).get(reverse("program:overview")).content.decode()
    assert 'value="trust-history" required id="id_starting_phase_0" checked' in body
    for phase in curriculum.phases():
        assert f'value="{phase.slug}"' in body


def test_marking_a_lesson_done_moves_today_on(signed_in, client_alice):
    c = signed_in(client_alice)
    services.enrol(client_alice, starting_phase=FIRST_PHASE.slug)
    assert FIRST_LESSON.title in c.get(reverse("program:today")).content.decode()
    done_url = reverse("program:lesson_done", args=FIRST_LESSON.key.split("/"))
    response = c.post(done_url, {"done": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("program:today")
    body = response.content.decode()
    assert f"Read “{SECOND_LESSON.title}”" in body
    assert "1 of 4 lessons done" in body


def test_marking_done_twice_keeps_one_tick_and_it_can_be_undone(signed_in, client_alice):
    c = signed_in(client_alice)
    done_url = reverse("program:lesson_done", args=FIRST_LESSON.key.split("/"))
    c.post(done_url, {"done": "1"})
    c.post(done_url, {"done": "1"})
    assert LessonCompletion.objects.filter(owner=client_alice).count() == 1
    c.post(done_url, {"done": "0"})
    assert not LessonCompletion.objects.filter(owner=client_alice).exists()


def test_a_finished_phase_offers_the_next_one_and_moving_on_keeps_every_tick(signed_in, client_alice):
    c = signed_in(client_alice)
    services.enrol(client_alice, starting_phase=FIRST_PHASE.slug)
    for lesson in FIRST_PHASE.lessons:
        services.mark_lesson_done(client_alice, lesson_key=lesson.key)
    body = c.get(reverse("program:today")).content.decode()
    assert "Move on to phase 2" in body
    c.post(reverse("program:choose_phase"), {"phase": "core-beliefs"})
    assert Enrolment.objects.get(owner=client_alice).current_phase == "core-beliefs"
    assert LessonCompletion.objects.filter(owner=client_alice).count() == len(FIRST_PHASE.lessons)


def test_revisiting_an_earlier_phase_is_allowed_and_loses_nothing(signed_in, client_alice):
    c = signed_in(client_alice)
    services.enrol(client_alice, starting_phase="gradual-rebuilding")
    services.mark_lesson_done(client_alice, lesson_key=curriculum.phase("gradual-rebuilding").lessons[0].key)
    response = c.post(reverse("program:choose_phase"), {"phase": "trust-history"}, follow=True)
    assert "Everything you did is kept" in response.content.decode()
    assert Enrolment.objects.get(owner=client_alice).current_phase == "trust-history"
    assert LessonCompletion.objects.filter(owner=client_alice).count() == 1


def test_choosing_a_made_up_phase_changes_nothing(signed_in, client_alice):
    services.enrol(client_alice, starting_phase="core-beliefs")
    signed_in(client_alice).post(reverse("program:choose_phase"), {"phase": "../admin"})
    assert Enrolment.objects.get(owner=client_alice).current_phase == "core-beliefs"


def test_every_phase_the_trust_profile_can_suggest_is_a_real_phase():
    from trustrepair.program.selectors import MEASURES_PHASE_NAMES

    assert set(MEASURES_PHASE_NAMES) == {"trust_history", "core_beliefs", "regulation", "rebuilding"}
    assert sorted(MEASURES_PHASE_NAMES.values()) == sorted(curriculum.phase_slugs())


# ---- gaps are welcomed ---------------------------------------------------------------------------
def test_coming_back_after_two_weeks_is_welcomed_and_nothing_is_reset(signed_in, client_alice):
    enrolment = services.enrol(client_alice, starting_phase=FIRST_PHASE.slug)
    services.mark_lesson_done(client_alice, lesson_key=FIRST_LESSON.key)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_visit_at=timezone.now() - datetime.timedelta(days=15))
    body = signed_in(client_alice).get(reverse("program:today")).content.decode()
    assert "Welcome back" in body and "It's been 15 days" in body
    assert f"Read “{SECOND_LESSON.title}”" in body  # the next step is where they left it
    assert FIRST_LESSON.title in body  # and a refresher of the last lesson is offered
    for unkind in ("streak", "missed", "behind", "overdue"):
        assert unkind not in body.lower()


def test_the_welcome_is_shown_once_then_today_carries_on(signed_in, client_alice):
    enrolment = services.enrol(client_alice, starting_phase=FIRST_PHASE.slug)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_visit_at=timezone.now() - datetime.timedelta(days=30))
    c = signed_in(client_alice)
    assert "Welcome back" in c.get(reverse("program:today")).content.decode()
    assert "Welcome back" not in c.get(reverse("program:today")).content.decode()


def test_a_daily_visitor_is_not_greeted_as_returning(signed_in, client_alice):
    enrolment = services.enrol(client_alice, starting_phase=FIRST_PHASE.slug)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_visit_at=timezone.now() - datetime.timedelta(days=1))
    assert "Welcome back" not in signed_in(client_alice).get(reverse("program:today")).content.decode()


# ---- setbacks ------------------------------------------------------------------------------------
def test_a_setback_is_noted_kindly_and_can_take_the_person_back_to_regulation(signed_in, client_alice):
    c = signed_in(client_alice)
    services.enrol(client_alice, starting_phase="gradual-rebuilding")
    response = c.post(
        reverse("program:setback_new"),
        {
            "happened_on": timezone.localdate().isoformat(),
            "what_happened": "Checked his phone at 2am.",
            "what_might_help": "Box breathing",
            "return_to_phase": "regulation-and-safety",
        },
        follow=True,
    )
    setback = Setback.objects.get(owner=client_alice)
    assert response.redirect_chain[-1][0] == setback.get_absolute_url()
    assert "part of rebuilding" in response.content.decode()
    assert Enrolment.objects.get(owner=client_alice).current_phase == "regulation-and-safety"
    today = c.get(reverse("program:today")).content.decode()
    assert "Looking after yourself after a setback" in today
    assert "Why your body reacts first" in today


def test_a_setback_a_fortnight_ago_no_longer_leads_the_today_page(signed_in, client_alice):
    services.enrol(client_alice, starting_phase=FIRST_PHASE.slug)
    setback = services.record_setback(client_alice, happened_on=timezone.localdate())
    Setback.objects.filter(pk=setback.pk).update(created_at=timezone.now() - datetime.timedelta(days=14))
    assert "after a setback" not in signed_in(client_alice).get(reverse("program:today")).content.decode()


def test_a_setback_in_the_future_gets_a_field_error_and_keeps_the_text(signed_in, client_alice):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = signed_in(client_alice).post(
        reverse("program:setback_new"), {"happened_on": tomorrow.isoformat(), "what_happened": "kept words"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "That date is in the future" in body and "kept words" in body
    assert not Setback.objects.exists()


def test_a_setback_without_enrolling_is_still_saved(signed_in, client_alice):
    signed_in(client_alice).post(
        reverse("program:setback_new"),
        {"happened_on": timezone.localdate().isoformat(), "return_to_phase": "regulation-and-safety"},
    )
    assert Setback.objects.filter(owner=client_alice).exists()


def test_setback_notes_are_encrypted_at_rest(client_alice):
    setback = services.record_setback(client_alice, happened_on=timezone.localdate(), what_happened="secret words")
    with connection.cursor() as cursor:
        cursor.execute("SELECT what_happened FROM program_setback WHERE id = %s", [setback.pk])
        raw = cursor.fetchone()[0]
    assert "secret" not in raw
    assert Setback.objects.get(pk=setback.pk).what_happened == "secret words"


def test_a_setback_that_mentions_crisis_is_still_saved(client_alice):
    services.record_setback(client_alice, happened_on=timezone.localdate(), what_happened="I want to kill myself")
    assert Setback.objects.filter(owner=client_alice).count() == 1


def test_another_client_cannot_open_or_delete_my_setback(signed_in, client_alice, stranger_eve):
    setback = services.record_setback(client_alice, happened_on=timezone.localdate(), what_happened="mine")
    c = signed_in(stranger_eve)
    assert c.get(setback.get_absolute_url()).status_code == 404
    assert c.get(reverse("program:setback_delete", args=[setback.public_id])).status_code == 404
    assert c.post(reverse("program:setback_delete", args=[setback.public_id])).status_code == 404
    assert Setback.objects.filter(pk=setback.pk).exists()


def test_i_can_delete_my_own_setback(signed_in, client_alice):
    setback = services.record_setback(client_alice, happened_on=timezone.localdate())
    response = signed_in(client_alice).post(reverse("program:setback_delete", args=[setback.public_id]))
    assert response.status_code == 302
    assert not Setback.objects.exists()


def test_a_strangers_progress_is_never_shown(signed_in, client_alice, stranger_eve):
    services.enrol(client_alice, starting_phase=FIRST_PHASE.slug)
    services.mark_lesson_done(client_alice, lesson_key=FIRST_LESSON.key)
    services.enrol(stranger_eve, starting_phase=FIRST_PHASE.slug)
    body = signed_in(stranger_eve).get(reverse("program:today")).content.decode()
    assert "0 of 4 lessons done" in body and f"Read “{FIRST_LESSON.title}”" in body


# ---- data rights and the home card ----------------------------------------------------------------
def test_export_and_erase_include_the_program(client_alice, stranger_eve):
    services.enrol(client_alice, starting_phase=FIRST_PHASE.slug)
    services.mark_lesson_done(client_alice, lesson_key=FIRST_LESSON.key)
    services.record_setback(client_alice, happened_on=timezone.localdate(), what_happened="noted")
    services.enrol(stranger_eve, starting_phase=FIRST_PHASE.slug)
    data = privacy.export_user_data(client_alice)["sections"]["program"]
    assert data["enrolment"]["starting_phase"] == FIRST_PHASE.slug
    assert [d["lesson"] for d in data["lessons_done"]] == [FIRST_LESSON.key]
    assert data["setbacks"][0]["what_happened"] == "noted"
    privacy.erase_user(client_alice)
    assert not Setback.objects.exists() and not LessonCompletion.objects.exists()
    assert list(Enrolment.objects.values_list("owner", flat=True)) == [stranger_eve.pk]


def test_the_home_card_shows_the_program_to_clients_only(signed_in, client_alice, partner_bob):
    assert "A guided program" in signed_in(client_alice).get("/").content.decode()
    services.enrol(client_alice, starting_phase=FIRST_PHASE.slug)
    body = signed_in(client_alice).get("/").content.decode()
    assert "Today&#x27;s step" in body and f"“{FIRST_LESSON.title}”" in body
    assert "Your program" not in signed_in(partner_bob).get("/").content.decode()


def test_the_demo_seed_is_idempotent(cast):
    from trustrepair.program import demo

    demo.seed(cast)
    demo.seed(cast)
    assert Enrolment.objects.filter(owner=cast["client"]).count() == 1
    assert Setback.objects.filter(owner=cast["client"]).count() == 1
    from trustrepair.exercises.models import JournalEntry

    assert JournalEntry.objects.filter(owner=cast["client"]).exclude(lesson_key="").count() == 1


def test_the_demo_client_sees_her_finished_first_phase_and_her_reflection(signed_in, cast):
    from trustrepair.exercises import demo as tools_demo
    from trustrepair.program import demo

    tools_demo.seed(cast)
    demo.seed(cast)
    c = signed_in(cast["client"])
    assert 'id="phase-story"' in c.get(FIRST_PHASE.get_absolute_url()).content.decode()
    assert "You wrote" in c.get(FIRST_PHASE.lessons[-1].get_absolute_url()).content.decode()
    insights = c.get(reverse("program:insights")).content.decode()
    assert "By the end of a thought record" in insights and "From 6 times." in insights


def test_a_lesson_shows_how_long_it_takes_to_read(client, client_alice):
    from trustrepair.program import curriculum

    client.force_login(client_alice)
    lesson = curriculum.phases()[0].lessons[0]
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert f"About {lesson.minutes} minute" in page and lesson.minutes >= 1
