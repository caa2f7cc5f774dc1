from types import SimpleNamespace

import pytest
from django.db import connection, transaction

from trustrepair.core import privacy
from trustrepair.safety import services
from trustrepair.safety.models import RiskEvent, SafetyPlan
from trustrepair.safety.selectors import open_risk_events_for, panel_for
from trustrepair.safety.services import screen_answers, screen_text

pytestmark = pytest.mark.django_db


def test_a_positive_text_screen_records_a_risk_event(client_alice):
    plan = SafetyPlan.objects.create(owner=client_alice)
    text = "I don't want to live anymore"
    screen = screen_text(client_alice, "A calm day.", text, source="exercises.journal", obj=plan)
    assert screen.is_positive
    [event] = open_risk_events_for(client_alice)
    assert (event.source, event.kind, event.category) == ("exercises.journal", "text", "suicidal_thoughts")
    assert (event.object_type, event.object_id) == ("safety.safetyplan", str(plan.public_id))


def test_the_matched_words_are_stored_only_encrypted(client_alice):
    screen_text(client_alice, "honestly I want to die", source="exercises.journal")
    with connection.cursor() as cursor:
        cursor.execute("SELECT excerpt FROM safety_riskevent")
        [(raw,)] = cursor.fetchall()
    assert "die" not in raw
    assert RiskEvent.objects.get().excerpt == "want to die"


def test_a_negative_screen_records_nothing(client_alice):
    assert not screen_text(client_alice, "I'm not suicidal, just tired", source="exercises.journal").is_positive
    assert not RiskEvent.objects.exists()


def test_saving_is_never_blocked_by_a_screen(client_alice):
    # The pattern every app follows: save, then screen, in one transaction. The record must survive.
    with transaction.atomic():
        plan = SafetyPlan.objects.create(owner=client_alice, coping_alone="I want to die")
        screen_text(client_alice, plan.coping_alone, None, "", 42, source="exercises.journal", obj=plan)
    assert SafetyPlan.objects.filter(owner=client_alice).exists()
    assert RiskEvent.objects.filter(user=client_alice).exists()


def test_odd_input_never_raises(client_alice):
    assert not screen_text(client_alice, source="x").is_positive
    assert not screen_text(client_alice, None, "", source="x").is_positive
    assert screen_text(client_alice, "x" * 100_000 + " I want to die", source="x").is_positive


def test_the_same_open_event_is_not_repeated_for_the_same_object(client_alice):
    plan = SafetyPlan.objects.create(owner=client_alice)
    for _ in range(3):
        screen_text(client_alice, "I want to die", source="exercises.journal", obj=plan)
    assert RiskEvent.objects.count() == 1


def test_therapist_text_is_not_turned_into_their_own_risk_event(therapist_tess):
    screen = screen_text(therapist_tess, "Client said: I want to die", source="clinic.note")
    assert screen.is_positive  # the caller still learns what was found
    assert not RiskEvent.objects.exists()


@pytest.mark.parametrize(("answer", "positive"), [(0, False), (1, True), (2, True), (3, True)])
def test_phq9_item_9_above_zero_is_a_positive_structured_screen(client_alice, answer, positive):
    answers = {f"phq9_{i}": 0 for i in range(1, 10)} | {"phq9_9": answer}
    screen = screen_answers(client_alice, instrument="phq9", answers=answers, safety_items=["phq9_9"])
    assert screen.is_positive is positive
    assert RiskEvent.objects.filter(kind="structured", source="measures.phq9").exists() is positive


def test_a_structured_screen_is_not_closed_by_safe_now(client_alice):
    screen_answers(client_alice, instrument="phq9", answers={"phq9_9": 1}, safety_items=["phq9_9"])
    screen_text(client_alice, "I want to die", source="exercises.journal")
    services.mark_safe_now(client_alice)
    [still_open] = open_risk_events_for(client_alice)
    assert still_open.kind == "structured"


def test_the_follow_up_closes_a_structured_screen_only_when_both_steps_are_done(client_alice):
    screen_answers(client_alice, instrument="phq9", answers={"phq9_9": 2}, safety_items=["phq9_9"])
    services.fold_panel(client_alice)
    assert panel_for(client_alice).folded
    services.record_reached_person(client_alice, reached="trusted_person")
    assert open_risk_events_for(client_alice).exists()
    services.save_safety_plan(client_alice, people_to_ask="My sister Jo")
    assert not open_risk_events_for(client_alice).exists()
    assert RiskEvent.objects.get().resolution == "followed_up"


def test_the_panel_never_carries_a_score_or_level(client_alice):
    screen_text(client_alice, "I want to die", source="exercises.journal")
    panel = panel_for(client_alice)
    assert not any(word in name for name in vars(panel) for word in ("score", "level", "risk_"))


def test_warning_signs_in_a_safety_plan_do_not_raise_the_panel(client_alice):
    services.save_safety_plan(client_alice, warning_signs="Thinking everyone would be better off without me")
    assert not RiskEvent.objects.exists()


def test_the_plan_is_encrypted_exported_and_erased(client_alice):
    services.save_safety_plan(client_alice, reasons_for_living="My niece Rosa")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reasons_for_living FROM safety_safetyplan")
        [(raw,)] = cursor.fetchall()
    assert "Rosa" not in raw
    data = privacy.export_user_data(client_alice)["sections"]
    assert data["safety.plan"]["reasons_for_living"] == "My niece Rosa"
    screen_text(client_alice, "I want to die", source="exercises.journal")
    assert privacy.export_user_data(client_alice)["sections"]["safety.risk_events"][0]["words_that_raised_it"]
    user_id = client_alice.pk
    privacy.erase_user(client_alice)
    assert not SafetyPlan.objects.filter(owner_id=user_id).exists()
    assert not RiskEvent.objects.filter(user_id=user_id).exists()


def test_demo_data_is_idempotent(cast):
    from trustrepair.safety import demo

    demo.seed(cast)
    demo.seed(cast)
    assert SafetyPlan.objects.filter(owner=cast["client"]).count() == 1
    assert not RiskEvent.objects.exists()  # the demo never leaves a panel open


def test_the_home_card_invites_a_plan_then_opens_it(client_alice, therapist_tess):
    from trustrepair.safety.dashboard import dashboard_card

    assert dashboard_card(therapist_tess) is None
    assert dashboard_card(client_alice)["link_text"] == "Write your safety plan"
    services.save_safety_plan(client_alice, coping_alone="A walk")
    assert dashboard_card(client_alice)["link_text"] == "Open your safety plan"


# ---- issue 10: the learned layer, asking, and where an event came from ----------------------------------


def test_a_rule_raised_event_says_it_came_from_the_rules(client_alice):
    screen_text(client_alice, "I want to die", source="exercises.journal")
    event = RiskEvent.objects.get()
    assert (event.layer, event.model_version) == ("rules", "")


def test_a_model_raised_panel_records_the_layer_and_model_version_but_no_words(client_alice):
    from trustrepair.safety.detection import model_status

    screen = screen_text(
        client_alice, "I keep looking at the bottle of pills in the cupboard.", source="exercises.journal"
    )
    assert screen.action == "panel" and screen.is_positive
    event = RiskEvent.objects.get()
    assert (event.category, event.layer, event.model_version) == ("plan_or_means", "model", model_status().version)
    assert event.excerpt == ""


def test_an_ask_records_no_risk_event_and_names_the_question(client_alice):
    screen = screen_text(
        client_alice, "A quiet day.", "Nothing will ever get better for me.", source="exercises.journal"
    )
    assert (screen.action, screen.ask_category, screen.is_positive) == ("ask", "self", False)
    assert not RiskEvent.objects.exists()


def test_a_rule_hit_beside_an_ask_is_still_the_panel(client_alice):
    screen = screen_text(client_alice, "Nothing will ever get better for me.", "I want to die", source="x")
    assert screen.action == "panel"
    assert RiskEvent.objects.filter(layer="rules").exists()


def test_phq9_item_9_keeps_its_direct_route_even_on_rules_only(client_alice, monkeypatch, tmp_path):
    monkeypatch.setenv("TRUSTREPAIR_CRISIS_MODEL", str(tmp_path / "missing.json.gz"))
    screen = screen_answers(client_alice, instrument="phq9", answers={"q9": 1}, safety_items=["q9"])
    assert screen.action == "panel" and screen.kind == "structured"
    [event] = open_risk_events_for(client_alice)
    assert (event.kind, event.category, event.layer, event.model_version) == ("structured", "suicidal_thoughts", "", "")


def test_saving_is_never_blocked_when_the_model_is_corrupt(client_alice, monkeypatch, tmp_path):
    from trustrepair.exercises import services as exercises
    from trustrepair.exercises.models import JournalEntry
    from trustrepair.safety.detection import model as detection_model

    corrupt = tmp_path / "model.json.gz"
    corrupt.write_bytes(detection_model.MODEL_FILE.read_bytes()[:999])
    monkeypatch.setenv(detection_model.PATH_ENV, str(corrupt))
    entry = exercises.save_journal_entry(client_alice, entry=None, prompt="free", body="Honestly I want to die.")
    assert JournalEntry.objects.filter(pk=entry.pk).exists()
    assert RiskEvent.objects.get().layer == "rules"


def test_screening_runs_after_the_write_has_committed(client_alice, monkeypatch):
    # Screening happens outside the service's own transaction (no savepoint deeper than the caller's), so
    # it never holds the entry's row lock while it reads the text.
    from trustrepair.exercises import services as exercises
    from trustrepair.exercises.models import JournalEntry

    depth_at_screening = []
    original = exercises.screen_text

    def watching(user, *texts, source, obj=None):
        depth_at_screening.append(len(connection.savepoint_ids))
        return original(user, *texts, source=source, obj=obj)

    monkeypatch.setattr(exercises, "screen_text", watching)
    depth_of_caller = len(connection.savepoint_ids)
    exercises.save_journal_entry(client_alice, entry=None, prompt="free", body="A calm day outside.")
    assert JournalEntry.objects.filter(owner=client_alice).exists()
    assert depth_at_screening == [depth_of_caller]


# ---- issue 8 item 9: what kind of crisis a person wrote about is encrypted at rest ----------------------
def test_the_category_of_a_risk_event_is_stored_only_encrypted(client_alice):
    screen_text(client_alice, "honestly I want to die", source="exercises.journal")
    with connection.cursor() as cursor:
        cursor.execute("SELECT category FROM safety_riskevent")
        [(raw,)] = cursor.fetchall()
    assert "suicid" not in raw
    assert RiskEvent.objects.get().category == "suicidal_thoughts"


def test_an_open_event_of_another_category_on_the_same_object_is_still_recorded(client_alice):
    plan = SafetyPlan.objects.create(owner=client_alice)
    screen_text(client_alice, "I want to die", source="exercises.journal", obj=plan)
    screen_text(client_alice, "I cut myself last night", source="exercises.journal", obj=plan)
    screen_text(client_alice, "I cut myself last night", source="exercises.journal", obj=plan)
    assert sorted(RiskEvent.objects.values_list("category", flat=True)) == ["self_harm", "suicidal_thoughts"]


def test_the_migration_encrypts_categories_written_before_it(client_alice):
    from importlib import import_module

    migration = import_module("trustrepair.safety.migrations.0004_encrypt_risk_category")
    screen_text(client_alice, "honestly I want to die", source="exercises.journal")
    with connection.cursor() as cursor:  # a row as the old plain-text column held it
        cursor.execute("UPDATE safety_riskevent SET category = %s", ["self_harm"])
    editor = SimpleNamespace(connection=connection)  # the migration function only uses its connection
    migration.encrypt_existing(None, editor)
    migration.encrypt_existing(None, editor)  # running twice changes nothing
    with connection.cursor() as cursor:
        cursor.execute("SELECT category FROM safety_riskevent")
        [(raw,)] = cursor.fetchall()
    assert "self_harm" not in raw
    assert RiskEvent.objects.get().category == "self_harm"
