"""Services: every saved free text goes through the crisis screen, writes validate, children follow."""

import pytest
from django.core.exceptions import ValidationError

from trustrepair.exercises import services
from trustrepair.exercises.models import (
    CommunicationScript,
    CoreBelief,
    EvidenceBrick,
    FearPrediction,
    JournalEntry,
    LadderStep,
    NeedStatement,
    SelfPromise,
    TriggerLog,
    TrustEvent,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def screened(monkeypatch):
    """Records what reaches the crisis screen (the real screen still runs)."""
    from trustrepair.safety import services as safety

    seen = []

    def spy(user, *texts, source, obj=None):
        seen.append({"user": user, "texts": texts, "source": source, "obj": obj})
        return safety.screen_text(user, *texts, source=source, obj=obj)

    monkeypatch.setattr(services, "screen_text", spy)
    return seen


ENTRIES = [
    (TrustEvent, {"age": 9, "what_happened": "TEXT-A", "who": "TEXT-B", "impact": 5}),
    (
        TriggerLog,
        {"situation": "TEXT-A", "thought": "TEXT-B", "urge": "checking", "intensity": 5, "response": "rode_out"},
    ),
    (FearPrediction, {"prediction": "TEXT-A", "confidence": 60, "what_happened": "TEXT-B"}),
    (LadderStep, {"act": "TEXT-A", "expected_distress": 40}),
    (EvidenceBrick, {"kind": "care", "moment": "TEXT-A", "who": "TEXT-B"}),
    (SelfPromise, {"promise": "TEXT-A"}),
    (NeedStatement, {"kind": "secure", "statement": "TEXT-A"}),
    (
        CommunicationScript,
        {"title": "TEXT-A", "feeling": "TEXT-B", "because": "c", "not_responsible": "d", "need": "e"},
    ),
]


@pytest.mark.parametrize("model,fields", ENTRIES, ids=lambda v: getattr(v, "__name__", ""))
def test_every_saved_free_text_is_screened(model, fields, screened, client_alice):
    entry = services.create_entry(client_alice, model=model, **fields)
    assert screened[-1]["user"] == client_alice and screened[-1]["obj"] == entry
    assert {"TEXT-A", "TEXT-B"} & set(screened[-1]["texts"]) == {
        t for t in ("TEXT-A", "TEXT-B") if t in fields.values()
    }
    services.update_entry(entry, user=client_alice, **{next(k for k, v in fields.items() if v == "TEXT-A"): "TEXT-C"})
    assert "TEXT-C" in screened[-1]["texts"]


def test_thought_record_steps_screen_what_is_written(screened, client_alice):
    record = services.start_thought_record(client_alice, situation="S-TEXT", automatic_thought="T-TEXT")
    assert {"S-TEXT", "T-TEXT"} <= set(screened[-1]["texts"])
    services.set_thought_emotions(record, user=client_alice, emotions=[("hopeless", 90)])
    assert "hopeless" in screened[-1]["texts"]
    services.save_thought_step(record, user=client_alice, step=4, evidence_for="E-FOR", evidence_against="E-AGAINST")
    assert {"E-FOR", "E-AGAINST"} <= set(screened[-1]["texts"])
    emotion = record.emotions.get()
    services.finish_thought_record(
        record, user=client_alice, balanced_thought="B-TEXT", rerated={emotion.pk: 40}, step=5
    )
    assert "B-TEXT" in screened[-1]["texts"]
    emotion.refresh_from_db()
    assert emotion.intensity_after == 40


def test_a_journal_entry_is_screened_when_saved(screened, client_alice):
    draft = services.autosave_journal(client_alice, entry=None, prompt="free", body="typing…")
    services.save_journal_entry(client_alice, entry=draft, prompt="free", body="J-TEXT")
    assert "J-TEXT" in screened[-1]["texts"] and screened[-1]["source"] == "exercises.journalentry"


def test_ladder_try_notes_are_screened(screened, client_alice):
    step = services.create_entry(client_alice, model=LadderStep, act="a", expected_distress=10)
    services.record_ladder_attempt(
        step, user=client_alice, distress_before=20, distress_after=10, notes="N-TEXT", current=step
    )
    assert "N-TEXT" in screened[-1]["texts"]


def test_a_core_belief_starts_with_its_first_rating(client_alice):
    belief = services.create_core_belief(client_alice, belief="People leave.", strength=80)
    services.rate_core_belief(belief, strength=55)
    assert list(belief.ratings.values_list("strength", flat=True)) == [80, 55]


def test_services_refuse_out_of_range_numbers(client_alice):
    with pytest.raises(ValidationError):
        services.create_entry(client_alice, model=TrustEvent, age=9, what_happened="x", impact=11)
    with pytest.raises(ValidationError):
        services.create_core_belief(client_alice, belief="x", strength=101)
    assert not TrustEvent.objects.exists() and not CoreBelief.objects.exists()


def test_an_event_needs_an_age_or_a_date_in_the_database_too(client_alice):
    with pytest.raises(ValidationError):
        services.create_entry(client_alice, model=TrustEvent, what_happened="x", impact=3)


def test_a_fear_outcome_is_stamped_once_and_cleared_when_unknown_again(client_alice):
    fear = services.create_entry(client_alice, model=FearPrediction, prediction="x", confidence=50)
    services.record_fear_outcome(fear, user=client_alice, outcome="did_not", what_happened="fine")
    stamp = fear.outcome_recorded_at
    assert stamp is not None
    services.record_fear_outcome(fear, user=client_alice, outcome="partly", what_happened="fine")
    assert fear.outcome_recorded_at == stamp
    services.record_fear_outcome(fear, user=client_alice, outcome="pending", what_happened="")
    assert fear.outcome_recorded_at is None


def test_a_restarted_promise_keeps_its_history(client_alice):
    promise = services.create_entry(client_alice, model=SelfPromise, promise="walk", is_active=False)
    services.check_in_promise(promise, kept=True)
    services.restart_promise(promise, user=client_alice)
    promise.refresh_from_db()
    assert promise.is_active and promise.check_ins.count() == 1


def test_the_journal_keeps_one_draft_while_typing(client_alice):
    draft = services.autosave_journal(client_alice, entry=None, prompt="free", body="a")
    again = services.autosave_journal(client_alice, entry=draft, prompt="free", body="ab")
    assert again.pk == draft.pk and JournalEntry.objects.count() == 1 and again.is_draft
