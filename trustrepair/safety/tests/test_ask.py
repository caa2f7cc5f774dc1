"""Asking gently (issue 10, item 4): when screening is unsure ("ask"), one calm, direct question per entry.

The `ask_sentence` fixture (conftest.py) makes screening answer "ask"; temporary until the engine lands.
"""

import pytest
from django.db import connection

from trustrepair.core import privacy
from trustrepair.safety import services
from trustrepair.safety.models import GentleQuestion, RiskEvent
from trustrepair.safety.services import answer_question, help_to_show, screen_text

pytestmark = pytest.mark.django_db


def journal_entry(user):
    from trustrepair.exercises.models import JournalEntry  # a test may build another app's data directly

    return JournalEntry.objects.create(owner=user, body="…")


@pytest.fixture
def entry(client_alice):
    return journal_entry(client_alice)


def save(user, text, entry):
    return screen_text(user, text, source="exercises.journalentry", obj=entry)


def test_an_ask_puts_one_gentle_question_and_no_panel(client_alice, entry, ask_sentence):
    screen = save(client_alice, f"Work was long. {ask_sentence.self}", entry)
    assert (screen.action, screen.ask_category, screen.is_positive) == ("ask", "self", False)
    [question] = GentleQuestion.objects.all()
    assert question.is_open and question.about == "self"
    assert (question.object_type, question.object_id) == ("exercises.journalentry", str(entry.public_id))
    assert question.source == "exercises.journalentry"
    assert not RiskEvent.objects.exists()


def test_every_autosave_of_the_same_entry_asks_only_once(client_alice, entry, ask_sentence):
    # neutral typing only: a later save that adds a new category asks again by design (item 4), and the model
    # crisis-lr-9c3914de0a reads the bare clause "and more again" as a self-harm ask ("cutting again")
    for typed in ("", " and more", " and more after lunch"):
        save(client_alice, ask_sentence.self + typed, entry)
    assert GentleQuestion.objects.count() == 1


def test_no_closes_the_question_for_that_entry(client_alice, entry, ask_sentence):
    save(client_alice, ask_sentence.self, entry)
    assert answer_question(client_alice, question=GentleQuestion.objects.get(), answer="no") == ()
    save(client_alice, ask_sentence.self + " Still.", entry)
    assert GentleQuestion.objects.filter(answered_at__isnull=True).count() == 0
    assert not RiskEvent.objects.exists()


def test_the_question_returns_for_a_new_category(client_alice, entry, ask_sentence):
    save(client_alice, ask_sentence.self, entry)
    answer_question(client_alice, question=GentleQuestion.objects.get(), answer="no")
    save(client_alice, f"{ask_sentence.self} {ask_sentence.others}", entry)
    [waiting] = GentleQuestion.objects.filter(answered_at__isnull=True)
    assert waiting.about == "others"


def test_no_on_one_entry_does_not_close_the_question_for_another(client_alice, entry, ask_sentence):
    save(client_alice, ask_sentence.self, entry)
    answer_question(client_alice, question=GentleQuestion.objects.get(), answer="no")
    save(client_alice, ask_sentence.self, journal_entry(client_alice))
    assert GentleQuestion.objects.filter(answered_at__isnull=True).count() == 1


def test_no_never_suppresses_a_panel_the_rules_raise(client_alice, entry, ask_sentence):
    save(client_alice, ask_sentence.self, entry)
    answer_question(client_alice, question=GentleQuestion.objects.get(), answer="no")
    screen = save(client_alice, f"{ask_sentence.self} I want to die", entry)
    assert screen.action == "panel" and screen.is_positive
    [event] = RiskEvent.objects.all()
    assert event.category == "suicidal_thoughts" and event.is_open


def test_a_rule_panel_in_the_same_save_is_never_lowered_to_a_question(client_alice, entry, ask_sentence):
    screen = save(client_alice, f"{ask_sentence.self} I want to die", entry)
    assert screen.action == "panel"
    assert RiskEvent.objects.count() == 1


@pytest.mark.parametrize("answer", ["yes", "not_sure"])
def test_yes_or_not_sure_opens_the_matching_panel(client_alice, entry, ask_sentence, answer):
    save(client_alice, ask_sentence.self, entry)
    [event] = answer_question(client_alice, question=GentleQuestion.objects.get(), answer=answer)
    # recorded like any free-text panel, from the same entry, so a therapist with consent is alerted
    assert (event.category, event.kind, event.source) == ("hopelessness", "text", "exercises.journalentry")
    assert (event.object_type, event.object_id) == ("exercises.journalentry", str(entry.public_id))
    assert event.excerpt == ""  # the person's words are not copied into the answer's event
    assert help_to_show(client_alice).panel is not None


@pytest.mark.parametrize(("answer", "opens"), [("no", True), ("not_sure", True), ("yes", False)])
def test_do_you_feel_safe_at_home_opens_help_on_no_or_not_sure(client_alice, entry, ask_sentence, answer, opens):
    save(client_alice, ask_sentence.others, entry)
    question = GentleQuestion.objects.get()
    assert question.about == "others"
    events = answer_question(client_alice, question=question, answer=answer)
    assert [e.category for e in events] == (["danger_from_others"] if opens else [])


def test_an_answer_closes_every_waiting_question_of_that_kind_for_the_entry(client_alice, entry, ask_sentence):
    save(client_alice, ask_sentence.self, entry)
    GentleQuestion.objects.create(
        user=client_alice,
        source="exercises.journalentry",
        object_type="exercises.journalentry",
        object_id=str(entry.public_id),
        category="goodbye",
    )
    events = answer_question(client_alice, question=GentleQuestion.objects.first(), answer="yes")
    assert sorted(e.category for e in events) == ["goodbye", "hopelessness"]
    assert not GentleQuestion.objects.filter(answered_at__isnull=True).exists()


def test_no_question_when_a_panel_for_that_entry_and_category_is_already_open(client_alice, entry, ask_sentence):
    save(client_alice, ask_sentence.self, entry)
    answer_question(client_alice, question=GentleQuestion.objects.get(), answer="yes")
    GentleQuestion.objects.all().delete()
    save(client_alice, ask_sentence.self, entry)
    assert not GentleQuestion.objects.exists()


def test_clinicians_are_never_asked_about_their_own_notes(therapist_tess, ask_sentence):
    screen = screen_text(therapist_tess, ask_sentence.self, source="clinic.note")
    assert screen.action == "ask"
    assert not GentleQuestion.objects.exists()


def test_an_unknown_answer_is_refused(client_alice, entry, ask_sentence):
    save(client_alice, ask_sentence.self, entry)
    with pytest.raises(ValueError):
        answer_question(client_alice, question=GentleQuestion.objects.get(), answer="maybe")


def test_the_question_stores_no_text_and_its_category_and_answer_only_encrypted(client_alice, entry, ask_sentence):
    save(client_alice, ask_sentence.self, entry)
    answer_question(client_alice, question=GentleQuestion.objects.get(), answer="not_sure")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM safety_gentlequestion")
        row = " ".join(str(v) for v in cursor.fetchone())
    for plain in ("hopelessness", "not_sure", "point of any of it"):
        assert plain not in row


def test_questions_are_in_the_export_and_gone_on_erasure(client_alice, entry, ask_sentence):
    save(client_alice, ask_sentence.self, entry)
    answer_question(client_alice, question=GentleQuestion.objects.get(), answer="no")
    [exported] = services.export_gentle_questions(client_alice)
    assert exported["question"].startswith("Are you having thoughts") and exported["answer"] == "No"
    assert privacy.export_user_data(client_alice)["sections"]["safety.gentle_questions"][0]["answer"] == "No"
    privacy.erase_user(client_alice)
    assert not GentleQuestion.objects.exists()


# ---- what a page shows -------------------------------------------------------------------------------


def test_a_text_panel_is_fresh_once_then_folds(client_alice):
    screen_text(client_alice, "I want to die", source="exercises.journal")
    first, second = help_to_show(client_alice), help_to_show(client_alice)
    assert first.fresh_panel and not first.panel.seen
    assert not second.fresh_panel and second.panel.seen


def test_a_new_event_shows_the_panel_in_full_again(client_alice):
    screen_text(client_alice, "I want to die", source="exercises.journal")
    help_to_show(client_alice)
    screen_text(client_alice, "I'm scared he'll hurt me", source="exercises.journal")
    assert help_to_show(client_alice).fresh_panel


def test_a_waiting_question_is_fresh_once_but_stays_until_answered(client_alice, entry, ask_sentence):
    save(client_alice, ask_sentence.self, entry)
    first, second = help_to_show(client_alice), help_to_show(client_alice)
    assert first.fresh_question and first.question == second.question and not second.fresh_question


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("I have saved up enough pills to end it", True),
        ("I took too many pills tonight", True),
        ("I want to die", False),
    ],
)
def test_a_plan_with_means_or_an_overdose_puts_the_emergency_number_first(client_alice, text, first):
    screen_text(client_alice, text, source="exercises.journal")
    assert help_to_show(client_alice).panel.emergency_first is first


def test_words_about_an_overdose_put_the_emergency_number_first_whatever_the_category(client_alice):
    RiskEvent.objects.create(
        user=client_alice, source="x", category="suicidal_thoughts", kind="text", excerpt="overdose"
    )
    assert help_to_show(client_alice).panel.emergency_first
