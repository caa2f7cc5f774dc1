"""Each lesson ends with one reflection prompt; the answer is a journal entry that remembers the lesson."""

import pytest
from django.db import connection
from django.urls import reverse

from trustrepair.exercises.models import JournalEntry
from trustrepair.program import curriculum, services
from trustrepair.program.models import LessonCompletion

pytestmark = pytest.mark.django_db

LESSON = curriculum.phases()[0].lessons[0]
REFLECT = reverse("program:lesson_reflect", args=LESSON.key.split("/"))


def test_a_lesson_ends_with_its_prompt_a_labelled_box_and_save_to_my_journal(signed_in, client_alice):
    page = signed_in(client_alice).get(LESSON.get_absolute_url()).content.decode()
    assert "A moment to reflect" in page and "Save to my journal" in page
    assert f'<label for="id_body">{LESSON.reflection}</label>' in page
    assert f'action="{REFLECT}"' in page and "data-draft=" in page
    assert "You wrote" not in page


def test_a_reflection_is_saved_to_the_journal_encrypted_and_shown_next_time(signed_in, client_alice):
    client = signed_in(client_alice)
    response = client.post(REFLECT, {"body": "My guard goes up when plans change."})
    assert response.status_code == 302 and response.url == LESSON.get_absolute_url() + "#reflection"
    entry = JournalEntry.objects.get(owner=client_alice)
    assert entry.lesson_key == LESSON.key and not entry.is_draft
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM exercises_journalentry WHERE id = %s", [entry.id])
        assert "guard" not in cursor.fetchone()[0]  # encrypted at rest, like every journal entry
    page = client.get(LESSON.get_absolute_url()).content.decode()
    assert "You wrote" in page and "My guard goes up when plans change." in page
    assert entry.get_absolute_url() in page and "Write something new" in page
    journal_page = client.get(entry.get_absolute_url()).content.decode()
    assert LESSON.title in journal_page and LESSON.get_absolute_url() in journal_page


def test_an_empty_reflection_is_answered_by_the_field_and_saves_nothing(signed_in, client_alice):
    response = signed_in(client_alice).post(REFLECT, {"body": "   "})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write a few words first, or simply leave this for now." in page
    assert 'aria-invalid="true"' in page
    assert not JournalEntry.objects.exists()


def test_what_was_typed_survives_a_failed_submit(signed_in, client_alice):
    too_long = "x" * (JournalEntry._meta.get_field("body").max_length + 1)
    response = signed_in(client_alice).post(REFLECT, {"body": "kept words " + too_long})
    assert response.status_code == 400
    assert "kept words " in response.content.decode()  # the box comes back filled, the error beside it
    assert not JournalEntry.objects.exists()


def test_crisis_words_in_a_reflection_bring_up_help_as_in_the_journal(
    signed_in, client_alice, django_capture_on_commit_callbacks
):
    from trustrepair.safety.models import RiskEvent

    client = signed_in(client_alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REFLECT, {"body": "I want to kill myself tonight."}, follow=True)
    assert JournalEntry.objects.filter(owner=client_alice, lesson_key=LESSON.key).exists()  # still saved
    assert RiskEvent.objects.filter(user=client_alice).exists()
    assert 'id="crisis-panel"' in response.content.decode()


def test_a_lesson_can_be_done_without_reflecting(signed_in, client_alice):
    services.enrol(client_alice, starting_phase=curriculum.phases()[0].slug)
    done = reverse("program:lesson_done", args=LESSON.key.split("/"))
    assert signed_in(client_alice).post(done, {"done": "1"}).status_code == 302
    assert LessonCompletion.objects.filter(owner=client_alice, lesson_key=LESSON.key).exists()
    assert not JournalEntry.objects.exists()


def test_reflections_are_private_and_only_for_clients(signed_in, client_alice, stranger_eve, partner_bob):
    services.save_reflection(client_alice, lesson_key=LESSON.key, body="alice's own words")
    page = signed_in(stranger_eve).get(LESSON.get_absolute_url()).content.decode()
    assert "alice's own words" not in page and "You wrote" not in page
    assert signed_in(partner_bob).post(REFLECT, {"body": "x"}).status_code == 403


def test_an_unknown_lesson_cannot_be_reflected_on(signed_in, client_alice):
    assert signed_in(client_alice).post("/program/a/b/c/reflect/", {"body": "x"}).status_code == 404
    with pytest.raises(services.UnknownLesson):
        services.save_reflection(client_alice, lesson_key="no/such/lesson", body="x")
